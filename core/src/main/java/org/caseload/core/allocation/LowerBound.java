package org.caseload.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proven lower bound on the objective of any assignment of a part.
 *
 * <h2>The bound</h2>
 * Write the objective of an assignment x as Σ_g cost_g(x_g) + Σ_w B_w(s_w), where cost_g is
 * the placement cost of group g at its worker (or the cost of leaving it unallocated), s_w the
 * weight the worker takes on top of its fixed load F_w, and B_w(s) = balance weight ×
 * ((F_w + s)² − F_w²) ÷ capacity_w. For any prices μ_w (one per worker, any sign), since
 * s_w = Σ_{g at w} a_g:
 * <pre>
 *   objective(x) = Σ_g [cost_g(x_g) + μ_{x_g}·a_g] + Σ_w [B_w(s_w) − μ_w·s_w]      (μ_{-1} = 0)
 *               ≥ Σ_g min(unallocated_g, min_{w option of g} cost_gw + μ_w·a_g)
 *                 + Σ_w min_{0 ≤ s ≤ S_w} (B_w(s) − μ_w·s)  =:  L(μ)
 * </pre>
 * each bracket being at least its minimum, where S_w (capacity + tolerance − F_w) bounds what a
 * worker can take. So every L(μ) is a lower bound (the Lagrangian relaxation of the link between
 * loads and groups), and both minimisations are exact and cheap (the second in closed form, B_w
 * being a parabola). Its maximum over μ is the optimum of the fractional relaxation (groups split
 * across workers), which keeps the unallocated, transfer, continuity, locality and balance terms
 * together; a sum of term-by-term bounds is never better. With μ = 0 it is each group's best
 * cost alone; with one price for a pool it is water-filling, with the capacity shortfall priced
 * at what leaving the marginal cases out costs.
 *
 * <p>Finding good prices (any prices give a valid bound; better ones a higher bound):
 * <ol>
 *   <li>The fractional relaxation is solved approximately from the assignment found: weight is
 *       moved, type of group by type of group, from its costliest option in use to its cheapest
 *       option with room, in the amount that equalises their marginal costs (each exchange lowers
 *       the fractional objective). Each worker is priced at its marginal balance cost.
 *   <li>L is maximised exactly along two directions, in turn: raising or lowering every price
 *       of the part together, and every full worker's together (where capacity is short, this
 *       prices the shortfall at what leaving the marginal cases out costs). Along a direction,
 *       L is concave and its slope is (weight of the groups that then choose those workers) −
 *       (weight the workers then take); the maximum is where that changes sign, found from the
 *       sorted break points. (Each worker's price alone was tried too, and gained nothing
 *       measurable on the synthetic families for much time.)
 * </ol>
 * A further bound, valid whatever the prices, is also taken: each group's best placement alone,
 * min(unallocated_g, min_w cost_gw + B_w(a_g)), as B_w is superadditive (it helps most when few
 * groups go to many workers). The result is the larger of the two, less a margin for rounding.
 */
final class LowerBound {
  /** Bounding stops early once the gap to the assignment found is below this share of it. */
  static final double CLOSE_ENOUGH = 1e-4;
  private static final int ROUNDS = 4;

  private final Part part;
  private final AllocationProblem p;
  private final int m;
  private final double[] fixed;
  private final double[] room;
  private final double[] curvature;
  private final double[] slopeFree;
  private final double[] slopeFull;
  private final double upper;

  // types of group
  private int types;
  private int[][] opts;
  private double[][] unit;
  private double[] unitUnallocated;
  private double[] weight;
  /** Bound contribution of groups weighing 0: constant. */
  private double zeroWeight;

  // fractional solution
  private double[][] y;
  private double[] y0;
  private double[] s;
  private double[] slope;

  private double magnitude;
  /** The prices of the best L(μ) evaluated so far. */
  private double[] bestPrices;

  private LowerBound(Part part, double upper) {
    this.part = part;
    this.p = part.problem;
    this.m = part.workerCount();
    this.upper = upper;
    fixed = new double[m];
    room = new double[m];
    curvature = new double[m];
    slopeFree = new double[m];
    slopeFull = new double[m];
    for (int w = 0; w < m; w++) {
      int pw = part.workers[w];
      fixed[w] = part.fixedLoad(w);
      room[w] = part.room(w, fixed[w]);
      curvature[w] = p.balanceSlope(pw, 1) - p.balanceSlope(pw, 0);
      slopeFree[w] = p.balanceSlope(pw, fixed[w]);
      slopeFull[w] = p.balanceSlope(pw, fixed[w] + room[w]);
    }
    bestPrices = new double[m];
  }

  /**
   * A lower bound on the part's objective.
   *
   * @param at a feasible local assignment, the best known (it starts the relaxation)
   * @param passes most passes of exchanges over the types of group
   */
  static double of(Part part, int[] at, int passes) {
    return withPrices(part, at, passes).value();
  }

  /**
   * A lower bound on the part's objective and the worker prices μ of its best Lagrangian bound
   * L(μ) (all 0 when each group's best placement alone was already close enough), which
   * {@link BranchAndBound} reuses to bound what the groups not yet placed can add.
   *
   * @param at a feasible local assignment, the best known (it starts the relaxation)
   * @param passes most passes of exchanges over the types of group
   */
  static Bound withPrices(Part part, int[] at, int passes) {
    double upper = part.objective(at);
    LowerBound b = new LowerBound(part, upper);
    double bound = b.eachAlone();
    if (!b.closeEnough(bound)) {
      bound = Math.max(bound, b.lagrangian(at, passes));
    }
    return new Bound(bound - 1e-9 * (b.magnitude + 1), b.bestPrices);
  }

  /**
   * A proven lower bound and the prices of the Lagrangian bound found (one per local worker).
   *
   * @param value the bound, less a margin for rounding
   * @param prices μ per local worker, in cost per weighted case
   */
  record Bound(double value, double[] prices) {}

  private boolean closeEnough(double bound) {
    return upper - bound <= CLOSE_ENOUGH * Math.abs(upper) + 1e-9;
  }

  /** Σ_g min(unallocated, best placement with its balance cost on the fixed load). */
  private double eachAlone() {
    double total = 0;
    for (int g = 0; g < part.size(); g++) {
      double least = part.unallocatedCost[g];
      int[] o = part.options[g];
      double a = part.weight[g];
      for (int k = 0; k < o.length; k++) {
        int w = o[k];
        least = Math.min(least, part.cost[g][k] + part.balanceDelta(w, fixed[w], a));
      }
      total += least;
      magnitude += Math.abs(least);
    }
    return total;
  }

  private double lagrangian(int[] at, int passes) {
    buildTypes(at);
    double best = Double.NEGATIVE_INFINITY;
    for (int pass = 0; pass < passes; pass++) {
      double moved = 0;
      for (int t = 0; t < types; t++) {
        moved += exchange(t);
      }
      if (moved == 0 || pass % 5 == 4 || pass == passes - 1) {
        double[] mu = marginalPrices();
        double value = evaluate(mu);
        boolean stalled = value - best <= 0.01 * (upper - value);
        if (value > best) {
          best = value;
          bestPrices = mu;
        }
        if (moved == 0 || closeEnough(best) || stalled) {
          break;
        }
      }
    }
    double[] mu = marginalPrices();
    // Line searches: all prices together, then the full workers' together, while a round still
    // gains at least 1% of the gap left.
    boolean[] all = new boolean[m];
    Arrays.fill(all, true);
    for (int round = 0; round < ROUNDS && !closeEnough(best); round++) {
      shift(mu, all);
      boolean[] full = new boolean[m];
      boolean any = false;
      for (int w = 0; w < m; w++) {
        full[w] = takes(w, mu[w]) >= room[w];
        any |= full[w];
      }
      if (any) {
        shift(mu, full);
      }
      double value = evaluate(mu);
      double gain = value - best;
      if (value > best) {
        best = value;
        bestPrices = mu.clone();
      }
      if (gain <= 0.01 * (upper - best)) {
        break;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- types and the relaxation

  /**
   * Groups with the same options and the same costs per weighted case are interchangeable in the
   * relaxation: one type, their weights added.
   */
  private void buildTypes(int[] at) {
    Map<Integer, List<Integer>> byHash = new HashMap<>();
    Map<int[], Integer> optionsHash = new IdentityHashMap<>();
    List<int[]> o = new ArrayList<>();
    List<double[]> u = new ArrayList<>();
    List<Double> uu = new ArrayList<>();
    List<double[]> load = new ArrayList<>();
    List<double[]> out = new ArrayList<>();
    for (int g = 0; g < part.size(); g++) {
      double a = part.weight[g];
      int[] go = part.options[g];
      double[] cost = part.cost[g];
      if (!(a > 0)) {
        double least = part.unallocatedCost[g];
        for (double c : cost) {
          least = Math.min(least, c);
        }
        zeroWeight += least;
        magnitude += Math.abs(least);
        continue;
      }
      double unitU = part.unallocatedCost[g] / a;
      int hash = optionsHash.computeIfAbsent(go, Arrays::hashCode);
      hash = 31 * hash + Double.hashCode(unitU);
      for (double c : cost) {
        hash = 31 * hash + Double.hashCode(c / a);
      }
      List<Integer> candidates = byHash.computeIfAbsent(hash, h -> new ArrayList<>(1));
      int t = -1;
      for (int c : candidates) {
        if (sameType(o.get(c), u.get(c), uu.get(c), go, cost, a, unitU)) {
          t = c;
          break;
        }
      }
      if (t < 0) {
        t = o.size();
        candidates.add(t);
        double[] unitCost = new double[go.length];
        for (int k = 0; k < go.length; k++) {
          unitCost[k] = cost[k] / a;
        }
        o.add(go);
        u.add(unitCost);
        uu.add(unitU);
        load.add(new double[go.length]);
        out.add(new double[1]);
      }
      if (at[g] >= 0) {
        load.get(t)[part.optionIndex(g, at[g])] += a;
      } else {
        out.get(t)[0] += a;
      }
    }
    types = o.size();
    opts = o.toArray(new int[0][]);
    unit = u.toArray(new double[0][]);
    y = load.toArray(new double[0][]);
    unitUnallocated = new double[types];
    weight = new double[types];
    y0 = new double[types];
    s = new double[m];
    for (int t = 0; t < types; t++) {
      unitUnallocated[t] = uu.get(t);
      y0[t] = out.get(t)[0];
      weight[t] = y0[t];
      for (int k = 0; k < opts[t].length; k++) {
        s[opts[t][k]] += y[t][k];
        weight[t] += y[t][k];
      }
    }
    slope = new double[m];
    for (int w = 0; w < m; w++) {
      updateSlope(w);
    }
  }

  private static boolean sameType(int[] options, double[] unitCost, double unitU, int[] go, double[] cost, double a,
      double gUnitU) {
    if (unitU != gUnitU || !(options == go || Arrays.equals(options, go))) {
      return false;
    }
    for (int k = 0; k < cost.length; k++) {
      if (unitCost[k] != cost[k] / a) {
        return false;
      }
    }
    return true;
  }

  private void updateSlope(int w) {
    slope[w] = p.balanceSlope(part.workers[w], fixed[w] + s[w]);
  }

  /** One exchange for type t: weight from its costliest option in use to its cheapest with room. */
  private double exchange(int t) {
    int[] o = opts[t];
    double[] u = unit[t];
    double[] yt = y[t];
    int hi = -2;
    double mHi = Double.NEGATIVE_INFINITY;
    int lo = -1;
    double mLo = unitUnallocated[t];
    if (y0[t] > 0) {
      hi = -1;
      mHi = mLo;
    }
    for (int k = 0; k < o.length; k++) {
      int w = o[k];
      double mk = u[k] + slope[w];
      if (yt[k] > 0 && mk > mHi) {
        hi = k;
        mHi = mk;
      }
      if (mk < mLo && s[w] < room[w]) {
        lo = k;
        mLo = mk;
      }
    }
    if (hi == -2 || hi == lo || mHi - mLo <= 1e-12 * (Math.abs(mHi) + Math.abs(mLo) + 1)) {
      return 0;
    }
    double kappa = (hi >= 0 ? curvature[o[hi]] : 0) + (lo >= 0 ? curvature[o[lo]] : 0);
    double amount = kappa > 0 ? (mHi - mLo) / kappa : Double.POSITIVE_INFINITY;
    amount = Math.min(amount, hi >= 0 ? yt[hi] : y0[t]);
    if (lo >= 0) {
      amount = Math.min(amount, room[o[lo]] - s[o[lo]]);
    }
    if (!(amount > 0)) {
      return 0;
    }
    if (hi >= 0) {
      int w = o[hi];
      yt[hi] -= amount;
      s[w] -= amount;
      if (yt[hi] < 1e-12) {
        s[w] -= yt[hi];
        yt[hi] = 0;
      }
      updateSlope(w);
    } else {
      y0[t] = Math.max(0, y0[t] - amount);
    }
    if (lo >= 0) {
      int w = o[lo];
      yt[lo] += amount;
      s[w] += amount;
      updateSlope(w);
    } else {
      y0[t] += amount;
    }
    return amount;
  }

  /** Each worker priced at its marginal balance cost in the fractional solution. */
  private double[] marginalPrices() {
    return slope.clone();
  }

  // ---------------------------------------------------------------- the Lagrangian

  /** Weight worker w takes at price mu in the Lagrangian: the s minimising B_w(s) − mu·s. */
  private double takes(int w, double mu) {
    double load = p.loadAtSlope(part.workers[w], mu);
    return Math.min(room[w], Math.max(0, load - fixed[w]));
  }

  /** L(μ), exactly (see the class documentation). */
  private double evaluate(double[] mu) {
    double total = zeroWeight;
    double size = 0;
    for (int t = 0; t < types; t++) {
      int[] o = opts[t];
      double[] u = unit[t];
      double least = unitUnallocated[t];
      for (int k = 0; k < o.length; k++) {
        least = Math.min(least, u[k] + mu[o[k]]);
      }
      total += weight[t] * least;
      size += Math.abs(weight[t] * least);
    }
    for (int w = 0; w < m; w++) {
      double b = part.pricedBalance(w, fixed[w], mu[w]);
      total += b;
      size += Math.abs(b) + Math.abs(mu[w] * room[w]);
    }
    magnitude = Math.max(magnitude, size);
    return total;
  }

  /** Maximises L along the direction that raises the prices of the workers in {@code set} together. */
  private void shift(double[] mu, boolean[] set) {
    double[] tau = new double[types];
    double[] ys = new double[types];
    int r = 0;
    for (int t = 0; t < types; t++) {
      double inside = Double.POSITIVE_INFINITY;
      double outside = unitUnallocated[t];
      int[] o = opts[t];
      double[] u = unit[t];
      for (int k = 0; k < o.length; k++) {
        double v = u[k] + mu[o[k]];
        if (set[o[k]]) {
          inside = Math.min(inside, v);
        } else {
          outside = Math.min(outside, v);
        }
      }
      if (inside != Double.POSITIVE_INFINITY) {
        tau[r] = outside - inside;
        ys[r++] = weight[t];
      }
    }
    int[] members = new int[m];
    int n = 0;
    for (int w = 0; w < m; w++) {
      if (set[w]) {
        members[n++] = w;
      }
    }
    double delta = bestShift(tau, ys, r, mu, Arrays.copyOf(members, n));
    for (int i = 0; i < n; i++) {
      mu[members[i]] += delta;
    }
  }

  /**
   * The shift δ of the prices of {@code workers} that maximises L along that direction: a type
   * with break point τ chooses one of those workers while δ < τ. L's slope in δ is
   * demand(δ) − supply(δ), where demand is the weight of the types with τ > δ and supply the
   * weight the workers take at their shifted prices; both are monotone, so the maximum is at the
   * least δ where supply reaches demand.
   */
  private double bestShift(double[] tau, double[] ys, int r, double[] mu, int[] workers) {
    sortByKey(tau, ys, 0, r - 1);
    double[] demand = new double[r + 1]; // demand[i]: weight of the types at positions >= i
    for (int i = r - 1; i >= 0; i--) {
      demand[i] = demand[i + 1] + ys[i];
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int w : workers) {
      lowest = Math.min(lowest, slopeFree[w] - mu[w]);
      highest = Math.max(highest, slopeFull[w] - mu[w]);
    }
    lowest -= 1;
    highest += 1;
    // least i with supply(end of interval i) >= demand[i]; interval i = [tau[i-1], tau[i])
    int lo = 0;
    int hi = r;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (supply(workers, mu, tau[mid]) >= demand[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    int i = lo;
    double start = i == 0 ? Math.min(lowest, r > 0 ? tau[0] : lowest) : tau[i - 1];
    double end = i == r ? Math.max(highest, r > 0 ? tau[r - 1] : highest) : tau[i];
    double need = demand[i];
    if (supply(workers, mu, start) >= need) {
      return i == 0 && need == 0 ? lowest : start;
    }
    for (int it = 0; it < 200 && end - start > 1e-12 * (Math.abs(start) + Math.abs(end) + 1); it++) {
      double mid = 0.5 * (start + end);
      if (supply(workers, mu, mid) >= need) {
        end = mid;
      } else {
        start = mid;
      }
    }
    return end;
  }

  private double supply(int[] workers, double[] mu, double delta) {
    double total = 0;
    for (int w : workers) {
      total += takes(w, mu[w] + delta);
    }
    return total;
  }

  /** Sorts keys ascending, carrying values along (quicksort, insertion sort for short runs). */
  static void sortByKey(double[] key, double[] value, int from, int to) {
    while (to - from > 16) {
      double pivot = median(key[from], key[(from + to) >>> 1], key[to]);
      int i = from;
      int j = to;
      while (i <= j) {
        while (key[i] < pivot) {
          i++;
        }
        while (key[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(key, value, i++, j--);
        }
      }
      if (j - from < to - i) {
        sortByKey(key, value, from, j);
        from = i;
      } else {
        sortByKey(key, value, i, to);
        to = j;
      }
    }
    for (int i = from + 1; i <= to; i++) {
      double k = key[i];
      double v = value[i];
      int j = i - 1;
      while (j >= from && key[j] > k) {
        key[j + 1] = key[j];
        value[j + 1] = value[j];
        j--;
      }
      key[j + 1] = k;
      value[j + 1] = v;
    }
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private static void swap(double[] key, double[] value, int i, int j) {
    double k = key[i];
    key[i] = key[j];
    key[j] = k;
    double v = value[i];
    value[i] = value[j];
    value[j] = v;
  }
}
