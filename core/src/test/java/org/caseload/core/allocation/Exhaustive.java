package org.caseload.core.allocation;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The exact optimum of a request for tests, by enumerating every assignment: each group to each
 * worker the hard rules allow it (capacity apart) or unallocated, each complete assignment
 * checked and costed by {@link AllocationProblem#evaluate} (which throws on any broken rule).
 * Nothing of the allocators is used, so it checks them independently.
 */
final class Exhaustive {
  private Exhaustive() {}

  /** log10 of the number of assignments that {@link #optimum} enumerates. */
  static double space(AllocationProblem problem) {
    double log = 0;
    for (AllocationProblem.Group g : problem.groups) {
      log += Math.log10(g.eligible.length + 1);
    }
    return log;
  }

  /** The least objective of any legal assignment, or empty if there are more than {@code limit} assignments. */
  static OptionalDouble optimum(AllocationProblem problem, long limit) {
    if (space(problem) > Math.log10(limit)) {
      return OptionalDouble.empty();
    }
    int[] assign = new int[problem.groups.size()];
    Arrays.fill(assign, -1);
    double[] best = {Double.POSITIVE_INFINITY};
    enumerate(problem, 0, assign, best);
    return OptionalDouble.of(best[0]);
  }

  private static void enumerate(AllocationProblem problem, int g, int[] assign, double[] best) {
    if (g == assign.length) {
      try {
        best[0] = Math.min(best[0], problem.evaluate(assign).total());
      } catch (IllegalStateException brokenRule) {
        // not a legal plan
      }
      return;
    }
    assign[g] = -1;
    enumerate(problem, g + 1, assign, best);
    for (int w : problem.groups.get(g).eligible) {
      assign[g] = w;
      enumerate(problem, g + 1, assign, best);
    }
    assign[g] = -1;
  }

  /** Tolerance for comparing objectives: sums of costs up to 10^6 each carry rounding. */
  static double tolerance(double objective) {
    return 1e-9 * Math.max(1, Math.abs(objective)) + 1e-6;
  }
}
