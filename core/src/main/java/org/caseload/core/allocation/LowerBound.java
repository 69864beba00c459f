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
  /** Steps of the golden-section search of the bound with whole groups left out. */
  private static final int GOLDEN_STEPS = 40;
  /** Most sets of workers whose shortage of room the bound charges for, one at a time. */
  private static final int MAX_POOLS = 6;
  /** Largest table (granules × pieces) filled for the knapsack of groups left out. */
  private static final long MAX_KNAPSACK_CELLS = 30_000_000L;

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
  /** For the knapsack of groups left out: (type << 32 | weight in granules) → number of such groups. */
  private final Map<Long, Integer> itemCount = new java.util.TreeMap<>();

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
      if (!b.closeEnough(bound) && part.granule > 0) {
        bound = Math.max(bound, b.leftOut());
      }
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

  // ---------------------------------------------------------------- whole groups left out

  /**
   * L(μ) plus what the groups that L(μ) places must give up because whole groups, not parts of
   * them, are left out when room is short. For prices μ, a group g placed costs at least p_g
   * (its least cost plus μ·a_g over its options) and left out u_g; L(μ) counts min(p_g, u_g).
   * Call P the groups with p_g &lt; u_g, whose options lie in a set S of workers. Every plan
   * places groups of P weighing at most the room of S, which is a whole number R of granules
   * (each worker's is, see {@link Part#room}); so it leaves out groups of P weighing at least
   * D = (weight of P) − R, and each such group costs it u_g − p_g more than L(μ) counted. The
   * least of that over sets of whole groups weighing at least D granules is a covering knapsack,
   * solved exactly by dynamic programming over 0..D granules:
   * <pre>
   *   objective ≥ L(μ) + min { Σ_{g ∈ T} (u_g − p_g) : T ⊆ P, Σ_{g ∈ T} a_g ≥ D }  =:  L'(μ)
   * </pre>
   * Where the relaxation splits the last group that fits, L' charges for leaving out whole ones.
   * L' is concave in μ (a least of affine functions), so it is maximised along a line by golden
   * section: every price of S lowered together from the prices found, which turns the charge for
   * room from prices into the knapsack. S is tried among every worker of the part, the workers
   * full at the prices found and the options of each type of group (the groups that may go only
   * to a pool compete for its room alone); the best of them is the bound.
   */
  private double leftOut() {
    // The sets of workers tried: the whole part, the workers full at the prices found, and the
    // options of each type of group (a pool such as the qualified workers of a service, to which
    // some groups are confined), those that can be short only, most short first.
    List<boolean[]> sets = new ArrayList<>();
    boolean[] all = new boolean[m];
    Arrays.fill(all, true);
    sets.add(all);
    boolean[] full = new boolean[m];
    for (int w = 0; w < m; w++) {
      full[w] = takes(w, bestPrices[w]) >= room[w];
    }
    sets.add(full);
    Map<int[], Boolean> seen = new IdentityHashMap<>();
    for (int t = 0; t < types; t++) {
      if (seen.put(opts[t], Boolean.TRUE) == null) {
        boolean[] set = new boolean[m];
        for (int w : opts[t]) {
          set[w] = true;
        }
        sets.add(set);
      }
    }
    List<boolean[]> distinct = new ArrayList<>();
    List<Long> shortBy = new ArrayList<>();
    for (boolean[] set : sets) {
      long by = shortBy(set);
      if (by > 0 && distinct.stream().noneMatch(d -> Arrays.equals(d, set))) {
        distinct.add(set);
        shortBy.add(by);
      }
    }
    Integer[] order = new Integer[distinct.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Long.compare(shortBy.get(y), shortBy.get(x)));
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < Math.min(order.length, MAX_POOLS); i++) {
      best = Math.max(best, leftOutAlong(distinct.get(order[i])));
      if (closeEnough(best)) {
        break;
      }
    }
    return best;
  }

  /** How much the groups that may go only to workers of {@code set} weigh beyond the set's room, in granules. */
  private long shortBy(boolean[] set) {
    long demand = 0;
    for (Map.Entry<Long, Integer> e : itemCount.entrySet()) {
      int[] o = opts[(int) (e.getKey() >>> 32)];
      boolean confined = true;
      for (int k = 0; k < o.length && confined; k++) {
        confined = set[o[k]];
      }
      if (confined) {
        demand += (e.getKey() & 0xFFFFFFFFL) * e.getValue();
      }
    }
    return demand - roomUnits(set);
  }

  /** The room of the workers of {@code set}, in whole granules. */
  private long roomUnits(boolean[] set) {
    long units = 0;
    for (int w = 0; w < m; w++) {
      if (set[w]) {
        units += (long) Math.floor(room[w] / part.granule + 1e-6);
      }
    }
    return units;
  }

  /** Golden-section search of L' along the prices of {@code set} lowered together, from 0 to all of the highest. */
  private double leftOutAlong(boolean[] set) {
    double highest = 0;
    for (int w = 0; w < m; w++) {
      if (set[w]) {
        highest = Math.max(highest, Math.abs(bestPrices[w]));
      }
    }
    double lo = 0;
    double hi = highest;
    double inv = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - inv * (hi - lo);
    double x2 = lo + inv * (hi - lo);
    double f1 = leftOutAt(set, x1);
    double f2 = leftOutAt(set, x2);
    double best = Math.max(leftOutAt(set, 0), Math.max(f1, f2));
    for (int it = 0; it < GOLDEN_STEPS && hi - lo > 1e-9 * (highest + 1); it++) {
      if (f1 < f2) {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + inv * (hi - lo);
        f2 = leftOutAt(set, x2);
        best = Math.max(best, f2);
      } else {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - inv * (hi - lo);
        f1 = leftOutAt(set, x1);
        best = Math.max(best, f1);
      }
      if (closeEnough(best)) {
        break;
      }
    }
    return best;
  }

  /** L'(μ) at the prices found with those of {@code set} lowered by {@code down}. */
  private double leftOutAt(boolean[] set, double down) {
    double[] mu = bestPrices.clone();
    for (int w = 0; w < m; w++) {
      if (set[w]) {
        mu[w] -= down;
      }
    }
    double value = evaluate(mu);
    // Per type: what placing costs per weighted case at these prices, and whether it may go only to the set.
    double[] saving = new double[types];
    boolean[] inside = new boolean[types];
    for (int t = 0; t < types; t++) {
      int[] o = opts[t];
      double[] u = unit[t];
      double least = Double.POSITIVE_INFINITY;
      boolean confined = true;
      for (int k = 0; k < o.length; k++) {
        least = Math.min(least, u[k] + mu[o[k]]);
        confined &= set[o[k]];
      }
      saving[t] = unitUnallocated[t] - least;
      inside[t] = confined && saving[t] > 0;
    }
    long demand = 0;
    for (Map.Entry<Long, Integer> e : itemCount.entrySet()) {
      int t = (int) (e.getKey() >>> 32);
      if (inside[t]) {
        demand += (e.getKey() & 0xFFFFFFFFL) * e.getValue();
      }
    }
    long short_ = demand - roomUnits(set);
    if (short_ <= 0) {
      return value;
    }
    return value + coverAtLeast(short_, saving, inside);
  }

  /**
   * The least total saving of whole groups of the types marked {@code inside} weighing at least
   * {@code need} granules (each group gives up saving[t] per weighted case); 0, a weaker but valid
   * answer, when the table would be too large to fill.
   */
  private double coverAtLeast(long need, double[] saving, boolean[] inside) {
    List<long[]> pieces = new ArrayList<>(); // {granules, type, count} after binary splitting
    for (Map.Entry<Long, Integer> e : itemCount.entrySet()) {
      int t = (int) (e.getKey() >>> 32);
      if (!inside[t]) {
        continue;
      }
      long units = e.getKey() & 0xFFFFFFFFL;
      int left = e.getValue();
      for (int k = 1; left > 0; k *= 2) {
        int take = Math.min(k, left);
        pieces.add(new long[] {units * take, t, take});
        left -= take;
      }
    }
    if (need * pieces.size() > MAX_KNAPSACK_CELLS) {
      return 0;
    }
    int d = (int) need;
    double[] least = new double[d + 1];
    Arrays.fill(least, Double.POSITIVE_INFINITY);
    least[0] = 0;
    for (long[] piece : pieces) {
      long units = piece[0];
      double cost = units * part.granule * saving[(int) piece[1]];
      for (int x = d; x > 0; x--) {
        double via = least[(int) Math.max(0, x - units)] + cost;
        if (via < least[x]) {
          least[x] = via;
        }
      }
    }
    return least[d] == Double.POSITIVE_INFINITY ? 0 : least[d];
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
      if (part.granule > 0) {
        long units = Math.round(a / part.granule);
        itemCount.merge(((long) t << 32) | units, 1, Integer::sum);
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
