package org.caseload.benchmarks.allocation;

import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.Allocator;

/** One of our allocators as a contender: it answers the request itself, and its plan is read back. */
public final class OurAllocator implements Contender {
  private final Allocator allocator;

  public OurAllocator(Allocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public String name() {
    return allocator.name();
  }

  @Override
  public Answer solve(AllocationModel model) {
    AllocationPlan plan = allocator.allocate(model.request());
    return new Answer(model.assignmentOf(plan), plan.lowerBound(), plan.gap() == 0, java.util.List.of(), plan);
  }
}
