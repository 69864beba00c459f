package org.caseload.benchmarks.allocation;

import java.time.Duration;
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
   * The optimising allocator given {@code limit} per allocation, its large-neighbourhood search
   * unbounded in nodes so that it uses the time (its plan then depends on the machine's speed).
   */
  public static Allocator optimising(Duration limit) {
    return new OptimisingAllocator().withNeighbourhoodNodes(Long.MAX_VALUE).withTimeLimit(limit);
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
