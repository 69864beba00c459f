package org.caseload.benchmarks.allocation;

/**
 * One way to answer an allocation request — one of our allocators, or a peer solver — behind one
 * interface, so that the same harness runs every one on the same instance and prices every answer
 * with the same formula ({@link AllocationModel#evaluate}).
 */
public interface Contender {

  /** A short name for tables, for example {@code "greedy"} or {@code "timefold"}. */
  String name();

  /** Whether this contender can answer {@code model} (min-cost flow needs unit weights, for example). */
  default boolean accepts(AllocationModel model) {
    return true;
  }

  /**
   * Solves {@code model}. The answer must break no hard rule; the caller checks.
   *
   * @throws IllegalArgumentException if {@link #accepts} is false for {@code model}
   */
  Answer solve(AllocationModel model);
}
