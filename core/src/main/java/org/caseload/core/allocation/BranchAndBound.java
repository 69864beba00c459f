package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * Proves the optimum of a small part: depth-first search over its groups (highest cost of
 * leaving unallocated first, then those with fewest options), each either given to a worker
 * with room or left unallocated, pruned by a bound.
 *
 * <p>The bound at a node is the cost of the groups placed so far (their costs, and the balance
 * cost of the loads they make) plus, for each group still to place, the least it can add:
 * min(cost of leaving it unallocated, min over its options w of placement cost + balance
 * weight × ((F_w + a)² − F_w²) ÷ capacity_w). This is a lower bound because a worker's
 * balance cost is superadditive in what it takes: for loads ℓ ≥ F and weights a_i ≥ 0,
 * (ℓ + Σa_i)² − ℓ² ≥ Σ (2ℓa_i + a_i²) ≥ Σ ((F + a_i)² − F²). The search starts from an
 * incumbent (the local search's result) and stops, with no proof, after a budget of nodes.
 */
final class BranchAndBound {
  private final Part part;
  private final int n;
  private final int[] order;
  /** suffix[d]: the least the groups order[d..] can add. */
  private final double[] suffix;
  private final int[] at;
  private final double[] load;
  private final int[] best;
  private double bestCost;
  private long nodes;
  private final double tolerance;

  private BranchAndBound(Part part, int[] incumbent, long nodeBudget) {
    this.part = part;
    this.n = part.size();
    Integer[] o = new Integer[n];
    for (int g = 0; g < n; g++) {
      o[g] = g;
    }
    Arrays.sort(o, (x, y) -> {
      int c = Double.compare(part.unallocatedCost[y], part.unallocatedCost[x]);
      if (c == 0) {
        c = Integer.compare(part.options[x].length, part.options[y].length);
      }
      if (c == 0) {
        c = Double.compare(part.weight[y], part.weight[x]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    });
    order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = o[i];
    }
    suffix = new double[n + 1];
    double scale = 0;
    for (int d = n - 1; d >= 0; d--) {
      int g = order[d];
      double least = part.unallocatedCost[g];
      int[] opts = part.options[g];
      for (int k = 0; k < opts.length; k++) {
        int w = opts[k];
        least = Math.min(least, part.cost[g][k] + part.balanceDelta(w, part.fixedLoad(w), part.weight[g]));
      }
      suffix[d] = suffix[d + 1] + least;
      scale += Math.abs(least) + part.unallocatedCost[g];
    }
    at = new int[n];
    Arrays.fill(at, -1);
    load = new double[part.workerCount()];
    for (int w = 0; w < load.length; w++) {
      load[w] = part.fixedLoad(w);
    }
    best = incumbent.clone();
    bestCost = part.objective(incumbent);
    nodes = nodeBudget;
    // Sums of many costs are exact to about 1e-15 of their size; prune only clearly worse nodes.
    tolerance = 1e-12 * (scale + Math.abs(bestCost)) + 1e-12;
  }

  /**
   * The optimal local assignment, or null if the node budget ran out first.
   *
   * @param incumbent a feasible local assignment, the best known
   */
  static int[] solve(Part part, int[] incumbent, long nodeBudget) {
    BranchAndBound b = new BranchAndBound(part, incumbent, nodeBudget);
    return b.search(0, 0) ? b.best : null;
  }

  /** log10 of the number of assignments of a part (ignoring capacity): the size of its search space. */
  static double searchSpace(Part part) {
    double log = 0;
    for (int[] opts : part.options) {
      log += Math.log10(opts.length + 1);
    }
    return log;
  }

  /** Searches below depth d, with {@code cost} for the groups placed; false when out of nodes. */
  private boolean search(int d, double cost) {
    if (--nodes < 0) {
      return false;
    }
    if (d == n) {
      if (cost < bestCost) {
        bestCost = cost;
        System.arraycopy(at, 0, best, 0, n);
      }
      return true;
    }
    if (cost + suffix[d] >= bestCost - tolerance) {
      return true;
    }
    int g = order[d];
    double a = part.weight[g];
    int[] opts = part.options[g];
    // Children in order of their cost now: cheapest first finds good incumbents early.
    int c = 0;
    int[] child = new int[opts.length + 1];
    double[] childCost = new double[opts.length + 1];
    for (int k = 0; k < opts.length; k++) {
      int w = opts[k];
      if (part.fits(w, load[w], a)) {
        child[c] = w;
        childCost[c++] = part.cost[g][k] + part.balanceDelta(w, load[w], a);
      }
    }
    child[c] = -1;
    childCost[c++] = part.unallocatedCost[g];
    sortByCost(child, childCost, c);
    for (int i = 0; i < c; i++) {
      double next = cost + childCost[i];
      if (next + suffix[d + 1] >= bestCost - tolerance) {
        break; // children are in increasing cost: none after this can do better
      }
      int w = child[i];
      at[g] = w;
      if (w >= 0) {
        double before = load[w];
        load[w] = before + a;
        boolean done = search(d + 1, next);
        load[w] = before;
        if (!done) {
          at[g] = -1;
          return false;
        }
      } else if (!search(d + 1, next)) {
        return false;
      }
      at[g] = -1;
    }
    return true;
  }

  /** Insertion sort of a few children by cost, ties by worker index (unallocated last). */
  private static void sortByCost(int[] child, double[] cost, int c) {
    for (int i = 1; i < c; i++) {
      int w = child[i];
      double x = cost[i];
      int j = i - 1;
      while (j >= 0 && (cost[j] > x || (cost[j] == x && Integer.compareUnsigned(child[j], w) > 0))) {
        child[j + 1] = child[j];
        cost[j + 1] = cost[j];
        j--;
      }
      child[j + 1] = w;
      cost[j + 1] = x;
    }
  }
}
