package org.caseload.benchmarks.allocation;

import org.caseload.core.allocation.Allocator;
import org.caseload.core.allocation.GreedyAllocator;

/** Our allocators by the names a scenario file uses. */
public final class OurAllocators {
  private OurAllocators() {}

  /** The fast greedy allocator for the weekly intake. */
  public static Allocator greedy() {
    return new GreedyAllocator();
  }

  /**
   * The optimising allocator for re-allocation and re-balancing.
   *
   * @throws IllegalStateException while core has no {@code OptimisingAllocator} yet
   */
  public static Allocator optimising() {
    // Looked up by name until the optimiser lands in core (it is written on another branch).
    try {
      return (Allocator) Class.forName("org.caseload.core.allocation.OptimisingAllocator")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("core has no OptimisingAllocator yet (" + e + ")", e);
    }
  }

  /** {@code "greedy"} or {@code "optimising"}. */
  public static Allocator named(String name) {
    return switch (name) {
      case "greedy" -> greedy();
      case "optimising" -> optimising();
      default -> throw new IllegalArgumentException("unknown allocator \"" + name + "\"; known: greedy, optimising");
    };
  }
}
