package org.caseload.benchmarks.allocation;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A contender's answer to one request.
 *
 * @param assign for each group of the model, the worker index, or -1 for unallocated; null when the
 *     contender found no answer within its limit (see {@link #none})
 * @param lowerBound a bound on the optimum that the contender proved, if any (same units as the objective)
 * @param optimal whether the contender proved its answer optimal (up to the integer scaling it states)
 * @param progress for solvers that improve over time: each new best objective and when it was found
 *     (nanoseconds after the start), in order; empty otherwise
 * @param result the contender's own result object (our plan, for example), kept so the JIT keeps the work
 */
public record Answer(int[] assign, OptionalDouble lowerBound, boolean optimal, List<Improvement> progress,
    Object result) {

  /** A new best objective, found {@code nanos} after the solver started. */
  public record Improvement(long nanos, double objective) {}

  /** No answer within the limit: {@code why} says what the solver reported. */
  public static Answer none(String why) {
    return new Answer(null, OptionalDouble.empty(), false, List.of(), why);
  }

  /** Whether the contender found an answer. */
  public boolean found() {
    return assign != null;
  }

  /** An answer with no bound and no progress record. */
  public static Answer of(int[] assign, Object result) {
    return new Answer(assign, OptionalDouble.empty(), false, List.of(), result);
  }

  /**
   * Nanoseconds after the start until the objective was first at most {@code target} (with a
   * relative tolerance of 1e-9), or -1 if it never was.
   */
  public long nanosToReach(double target) {
    double tol = 1e-9 * Math.max(1, Math.abs(target));
    for (Improvement i : progress) {
      if (i.objective() <= target + tol) {
        return i.nanos();
      }
    }
    return -1;
  }
}
