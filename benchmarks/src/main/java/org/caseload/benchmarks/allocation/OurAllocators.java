package org.caseload.benchmarks.allocation;

import org.caseload.core.allocation.Allocator;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.OptimisingAllocator;

/** Our allocators by the names the benchmarks use (a scenario file's names, and thread counts). */
public final class OurAllocators {
  private OurAllocators() {}

  /** The fast greedy allocator for the weekly intake. */
  public static Allocator greedy() {
    return new GreedyAllocator();
  }

  /** The optimising allocator for re-allocation and re-balancing, on the caller's thread. */
  public static Allocator optimising() {
    return new OptimisingAllocator();
  }

  /**
   * {@code "greedy"}, {@code "optimising"}, or {@code "optimising 2 threads"} (independent parts,
   * such as the authorities of {@code NATIONAL}, solved in parallel; the same plan).
   */
  public static Allocator named(String name) {
    return switch (name) {
      case "greedy" -> greedy();
      case "optimising" -> optimising();
      case "optimising 2 threads" -> new OptimisingAllocator().withThreads(2);
      default -> throw new IllegalArgumentException("unknown allocator \"" + name
          + "\"; known: greedy, optimising, optimising 2 threads");
    };
  }
}
