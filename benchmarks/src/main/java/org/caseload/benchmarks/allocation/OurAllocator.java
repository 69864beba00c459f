package org.caseload.benchmarks.allocation;

import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.Allocator;

/** One of our allocators as a contender: it answers the request itself, and its plan is read back. */
public final class OurAllocator implements Contender {
  private final Allocator allocator;
  private final String name;

  /** The allocator under its own name. */
  public OurAllocator(Allocator allocator) {
    this(allocator.name(), allocator);
  }

  /** The allocator under {@code name}, for example {@code "optimising 1 s"} for one with a time limit. */
  public OurAllocator(String name, Allocator allocator) {
    this.allocator = allocator;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Answer solve(AllocationModel model) {
    AllocationPlan plan = allocator.allocate(model.request());
    return new Answer(model.assignmentOf(plan), plan.lowerBound(), plan.gap() == 0, java.util.List.of(), plan);
  }
}
