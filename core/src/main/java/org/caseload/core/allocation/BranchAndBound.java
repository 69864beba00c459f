package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * Proves the optimum of a small part: depth-first search over its groups (highest cost of
 * leaving unallocated first, then those with fewest options), each either given to a worker
 * with room or left unallocated, pruned by a bound.
 *
 * <p>The bound at a node is the cost of the groups placed so far (their costs, and the balance
 * cost of the loads they make) plus a lower bound on what the groups still to place can add,
 * the larger of two:
 * <ol>
 *   <li>for each group still to place, the least it can add alone: min(cost of leaving it
 *       unallocated, min over its options w of placement cost + balance weight ×
 *       ((F_w + a)² − F_w²) ÷ capacity_w). This is a lower bound because a worker's balance cost
 *       is superadditive in what it takes: for loads ℓ ≥ F and weights a_i ≥ 0,
 *       (ℓ + Σa_i)² − ℓ² ≥ Σ (2ℓa_i + a_i²) ≥ Σ ((F + a_i)² − F²);
 *   <li>the Lagrangian bound of {@link LowerBound} for the groups still to place on top of the
 *       loads of the node, with the prices μ found for the whole part: Σ over those groups of
 *       min(cost of leaving unallocated, min_w placement cost + μ_w·a) plus, for each worker
 *       carrying ℓ_w, min over what it may still take s of (B_w(ℓ_w + s) − B_w(ℓ_w) − μ_w·s).
 *       It sees that the balance cost of many groups spread over few workers grows faster than
 *       the sum of each group's alone; its per-worker terms change only at the worker whose load
 *       changes, so it costs O(1) per node.
 * </ol>
 * Groups that are interchangeable (same weight, options and costs) are placed in order of
 * their worker (unallocated last), which removes the symmetric copies of every assignment. The
 * search starts from an incumbent (the local search's result) and stops, with no proof, after a
 * budget of nodes.
 *
 * <p>Most options of a group can never be a child anywhere in the search: a child is kept only if
 * it can beat the incumbent with the groups after it each alone, and the groups before it add at
 * least their least alone. So a group's option w whose cost at the worker's fixed load already
 * exceeds the group's least alone by the gap between the incumbent and the root's bound (Σ of the
 * least alone) is dropped once, before the search, rather than weighed at every node: the
 * balance change of a worker only grows with its load (convex), so its cost at any node is at
 * least that at the fixed load. The children of every node, their order and so the nodes visited
 * are those of weighing every option.
 */
final class BranchAndBound {
  private final Part part;
  private final int n;
  private final int m;
  private final int[] order;
  /** same[d]: order[d] is interchangeable with order[d − 1]. */
  private final boolean[] same;
  /** suffix[d]: the least the groups order[d..] can add, each alone. */
  private final double[] suffix;
  /** lagrangian[d]: Σ over the groups order[d..] of their least cost at the prices. */
  private final double[] lagrangian;
  /**
   * candidates[d]: positions, ascending, of the options of group order[d] that can be a child at
   * depth d (see the class comment); the others cost too much at any node. Null when every option
   * can (a wide gap): the search then takes the options directly.
   */
  private final int[][] candidates;
  /** Prices per local worker (cost per weighted case); all 0 when the search has none. */
  private final double[] price;
  /** False when the search has no prices: then every phi is 0 and the Lagrangian bound never exceeds {@link #suffix}. */
  private final boolean priced;
  /** phi[w]: the least worker w's balance change less its price times what it takes, at its load now. */
  private final double[] phi;
  private double phiSum;
  private final int[] at;
  private final double[] load;
  /**
   * Per depth: the children of the node being searched there, their costs, and each worker's
   * {@link #phi} once it takes the group (unused for the child that leaves it unallocated).
   */
  private final int[][] children;
  private final double[][] childCosts;
  private final double[][] childPhis;
  private final int[] best;
  private double bestCost;
  private long nodes;
  private final double tolerance;

  private BranchAndBound(Part part, int[] incumbent, double[] prices, long nodeBudget) {
    this.part = part;
    this.n = part.size();
    this.m = part.workerCount();
    this.priced = prices != null;
    this.price = prices == null ? new double[m] : prices.clone();
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
      if (c == 0) {
        c = Arrays.compare(part.options[x], part.options[y]);
      }
      if (c == 0) {
        c = Arrays.compare(part.cost[x], part.cost[y]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    });
    order = new int[n];
    same = new boolean[n];
    for (int i = 0; i < n; i++) {
      order[i] = o[i];
      same[i] = i > 0 && interchangeable(order[i - 1], order[i]);
    }
    suffix = new double[n + 1];
    lagrangian = new double[n + 1];
    double[] leastAlone = new double[n];
    // atFixed[d][k]: the cost of option k of group order[d] at its worker's fixed load
    double[][] atFixed = new double[n][];
    double scale = 0;
    double[] leastPriced = new double[n];
    for (int d = n - 1; d >= 0; d--) {
      int g = order[d];
      double least;
      double priced;
      if (d + 1 < n && same[d + 1]) {
        // Interchangeable with the group after it: the same costs.
        atFixed[d] = atFixed[d + 1];
        least = leastAlone[d + 1];
        priced = leastPriced[d + 1];
      } else {
        least = part.unallocatedCost[g];
        priced = part.unallocatedCost[g];
        int[] opts = part.options[g];
        atFixed[d] = new double[opts.length];
        for (int k = 0; k < opts.length; k++) {
          int w = opts[k];
          atFixed[d][k] = part.cost[g][k] + part.balanceDelta(w, part.fixedLoad(w), part.weight[g]);
          least = Math.min(least, atFixed[d][k]);
          priced = Math.min(priced, part.cost[g][k] + price[w] * part.weight[g]);
        }
      }
      leastAlone[d] = least;
      leastPriced[d] = priced;
      suffix[d] = suffix[d + 1] + least;
      lagrangian[d] = lagrangian[d + 1] + priced;
      scale += Math.abs(least) + Math.abs(priced) + part.unallocatedCost[g];
    }
    at = new int[n];
    Arrays.fill(at, -1);
    load = new double[m];
    phi = new double[m];
    // At least the most any balance change at a node can be (a cost): a worker ends within its
    // capacity (plus rounding) when it takes anything.
    double balanceScale = 0;
    for (int w = 0; w < m; w++) {
      load[w] = part.fixedLoad(w);
      phi[w] = phi(w, load[w]);
      phiSum += phi[w];
      scale += Math.abs(phi[w]);
      balanceScale = Math.max(balanceScale, part.balanceDelta(w, 0, part.capacity(w) + 1));
    }
    best = incumbent.clone();
    bestCost = part.objective(incumbent);
    nodes = nodeBudget;
    // Sums of many costs are exact to about 1e-15 of their size; prune only clearly worse nodes.
    tolerance = 1e-12 * (scale + Math.abs(bestCost)) + 1e-12;
    // A child at depth d costs less than bestCost − (what the groups before it add, at least
    // suffix[0] − suffix[d]) − suffix[d + 1], so at most the root's gap more than the group's least
    // alone; an option at least that much dearer at the fixed load is no candidate. The margin
    // covers the rounding of these sums (about 1e-16 of their size per term) a millionfold.
    double margin = 1e-9 * (1 + scale + Math.abs(bestCost) + n * balanceScale);
    double gap = bestCost - suffix[0] + margin;
    candidates = new int[n][];
    children = new int[n][];
    childCosts = new double[n][];
    childPhis = new double[n][];
    for (int d = 0; d < n; d++) {
      double[] x = atFixed[d];
      int c;
      if (same[d]) {
        candidates[d] = candidates[d - 1]; // interchangeable: the same costs and least alone
        c = candidates[d] == null ? x.length : candidates[d].length;
      } else {
        double within = leastAlone[d] + gap;
        int[] kept = new int[x.length];
        c = 0;
        for (int k = 0; k < x.length; k++) {
          if (x[k] < within) {
            kept[c++] = k;
          }
        }
        candidates[d] = c == x.length ? null : Arrays.copyOf(kept, c);
      }
      children[d] = new int[c + 1];
      childCosts[d] = new double[c + 1];
      childPhis[d] = new double[c + 1];
    }
  }

  /**
   * The optimal local assignment, or null if the node budget ran out first.
   *
   * @param incumbent a feasible local assignment, the best known
   */
  static int[] solve(Part part, int[] incumbent, long nodeBudget) {
    Result r = search(part, incumbent, null, nodeBudget);
    return r.proven() ? r.best() : null;
  }

  /**
   * The best local assignment found, at least as good as {@code incumbent}, and whether it is
   * proven optimal (the search ended within its budget), bounding also with the Lagrangian bound
   * at {@code prices} (one per local worker, cost per weighted case; any prices are valid, those
   * of {@link LowerBound#withPrices} prune most).
   *
   * @param incumbent a feasible local assignment, the best known
   */
  static Result search(Part part, int[] incumbent, double[] prices, long nodeBudget) {
    BranchAndBound b = new BranchAndBound(part, incumbent, prices, nodeBudget);
    boolean proven = b.search(0, 0);
    return new Result(b.best, proven, Math.min(nodeBudget, nodeBudget - b.nodes));
  }

  /** The best assignment a search found, whether it is proven optimal, and the nodes it visited. */
  record Result(int[] best, boolean proven, long nodes) {}

  /** log10 of the number of assignments of a part (ignoring capacity): the size of its search space. */
  static double searchSpace(Part part) {
    double log = 0;
    for (int[] opts : part.options) {
      log += Math.log10(opts.length + 1);
    }
    return log;
  }

  private boolean interchangeable(int x, int y) {
    return part.weight[x] == part.weight[y] && part.unallocatedCost[x] == part.unallocatedCost[y]
        && Arrays.equals(part.options[x], part.options[y]) && Arrays.equals(part.cost[x], part.cost[y]);
  }

  /**
   * Worker w's term of the Lagrangian bound at its load now (see {@link Part#pricedBalance}); 0
   * without prices (at price 0 a worker's best is to take nothing more).
   */
  private double phi(int w, double load) {
    return priced ? part.pricedBalance(w, load, price[w]) : 0;
  }

  /** The least the groups order[d..] can add on top of the loads now. */
  private double rest(int d, double phis) {
    return Math.max(suffix[d], lagrangian[d] + phis);
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
    if (cost + rest(d, phiSum) >= bestCost - tolerance) {
      return true;
    }
    int g = order[d];
    double a = part.weight[g];
    int[] opts = part.options[g];
    // Interchangeable groups go to workers in ascending order, unallocated last.
    int lowest = same[d] ? rank(at[order[d - 1]]) : -1;
    // Children in order of their cost now: cheapest first finds good incumbents early. Those that
    // cannot beat the incumbent, even with the groups after them each alone or at the prices, are
    // left out before sorting: the loop below would pass over them without a node (the incumbent
    // only gets better), so the nodes visited are the same, and fewer children are sorted.
    int c = 0;
    int[] child = children[d];
    double[] childCost = childCosts[d];
    double[] childPhi = childPhis[d];
    double within = bestCost - tolerance - cost - suffix[d + 1];
    int[] kept = candidates[d];
    int count = kept == null ? opts.length : kept.length;
    for (int j = 0; j < count; j++) {
      int k = kept == null ? j : kept[j];
      int w = opts[k];
      if (w >= lowest && part.fits(w, load[w], a)) {
        double x = part.cost[g][k] + part.balanceDelta(w, load[w], a);
        if (x < within) {
          double after = phi(w, load[w] + a);
          if (cost + x + rest(d + 1, phiSum - phi[w] + after) < bestCost - tolerance) {
            child[c] = w;
            childPhi[c] = after;
            childCost[c++] = x;
          }
        }
      }
    }
    if (part.unallocatedCost[g] < within) {
      child[c] = -1;
      childCost[c++] = part.unallocatedCost[g];
    }
    for (int i = 0; i < c; i++) {
      selectCheapest(child, childCost, childPhi, i, c);
      double next = cost + childCost[i];
      if (next + suffix[d + 1] >= bestCost - tolerance) {
        break; // children are in increasing cost: none after this can do better
      }
      int w = child[i];
      at[g] = w;
      if (w >= 0) {
        double before = load[w];
        double phiBefore = phi[w];
        double sumBefore = phiSum;
        load[w] = before + a;
        phi[w] = childPhi[i];
        phiSum = sumBefore - phiBefore + phi[w];
        boolean done = next + rest(d + 1, phiSum) >= bestCost - tolerance || search(d + 1, next);
        load[w] = before;
        phi[w] = phiBefore;
        phiSum = sumBefore;
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

  /** Position of a worker in the order interchangeable groups follow: local index, unallocated last. */
  private int rank(int w) {
    return w < 0 ? m : w;
  }

  /**
   * Brings the cheapest of children i..c − 1 to position i (ties by worker index, unallocated
   * last): children are taken in increasing cost one at a time, and most nodes stop after a few,
   * so this costs less than sorting them all.
   */
  private static void selectCheapest(int[] child, double[] cost, double[] phi, int i, int c) {
    int best = i;
    for (int j = i + 1; j < c; j++) {
      if (cost[j] < cost[best] || (cost[j] == cost[best] && Integer.compareUnsigned(child[j], child[best]) < 0)) {
        best = j;
      }
    }
    if (best != i) {
      int w = child[i];
      double x = cost[i];
      double p = phi[i];
      child[i] = child[best];
      cost[i] = cost[best];
      phi[i] = phi[best];
      child[best] = w;
      cost[best] = x;
      phi[best] = p;
    }
  }
}
