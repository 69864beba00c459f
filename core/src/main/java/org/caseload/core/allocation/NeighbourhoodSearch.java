package org.caseload.core.allocation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Improves an assignment of a part by large-neighbourhood search: a few workers that share
 * eligibility give up all their groups of the part, and those groups, with some of the groups
 * left unallocated that could go to them, are placed again <em>exactly</em> on those workers by
 * {@link BranchAndBound} (within a budget of nodes per neighbourhood). The new placement is kept
 * when it lowers the objective.
 *
 * <p>Such a move changes many groups at once: it packs the weights of several groups into the
 * room of a few workers (which group to leave unallocated when room is short is a knapsack no
 * move of one or two groups solves), and it trades load round a cycle of workers, which no
 * relocation or swap does when each step alone breaks a capacity or costs more than it gains.
 *
 * <p>First, and again after each level below, all the workers holding at most one group of the
 * part are re-matched with those groups and the waiting ones, one group each at most, exactly
 * (an assignment problem: see {@link #matchOnePerWorker}); where load is sparse (an intake or a
 * departure spread over many workers) this moves every group at once.
 *
 * <p>Where load is dense (at least {@code MAX_GROUPS[0]} groups per worker on average, as in a
 * cold start, where a neighbourhood could hold the groups of one worker only), next every pair of
 * workers splits the groups both may take between them again, exactly, by dynamic programming
 * over the granules of weight (see {@link #splitPair}), sweep after sweep until none gains; this
 * balances load between workers many groups at a time, on a budget of its own.
 *
 * <p>The neighbourhoods, one per group in a fixed order (highest cost of leaving unallocated
 * first): for a group left unallocated, those of its workers with most room, with the waiting
 * groups of most cost per weighted case that may go there; for a placed group, its worker, then
 * one at a time the worker where a group of those chosen so far would cost least against what it
 * costs where it is (which follows an ejection chain), weighing that worker's balance either at
 * its load without the part's groups or at its load now (passes alternate). Passes go on until
 * neither way gains; then the same with more workers per neighbourhood ({@link #WORKERS}, more
 * groups and nodes too), level by level; last, neighbourhoods drawn at random from a fixed seed
 * (see {@link #shake}). A neighbourhood whose workers and groups are as when it was last
 * searched is not searched again (its sub-problem is the same).
 *
 * <p>The budget counts the nodes of the exact searches, and {@link #NEIGHBOURHOOD_NODES} plus one
 * node per group gathered and per option weighed in choosing a neighbourhood (about the same
 * work); a pair, one node and one per group its workers hold, and one per
 * {@link #DP_CELLS_PER_NODE} cells of its dynamic programme. The result depends only on
 * the part, the start, the prices and the budget (and on the deadline, when one is given).
 */
final class NeighbourhoodSearch {
  /** Most workers in a neighbourhood, by level. */
  private static final int[] WORKERS = {4, 8, 12, 16, 24};
  /** The level whose sizes and budget the neighbourhoods drawn at random have. */
  static final int RANDOM_LEVEL = 2;
  /**
   * Neighbourhoods drawn at random in a row that gain nothing before the search stops: at most
   * this many, and this many per group of the part.
   */
  static final int RANDOM_FAILURES = 2_000;
  static final int RANDOM_FAILURES_PER_GROUP = 20;
  /** Nodes charged for choosing a neighbourhood, besides one per group in it (measured: about its cost). */
  static final long NEIGHBOURHOOD_NODES = 16;
  private static final long RANDOM_SEED = 0x5eed_ca5e_10adL;
  /** Cells (groups × granules) of a pair's dynamic programme ({@link #splitPair}) charged as one node. */
  static final long DP_CELLS_PER_NODE = 16;
  /** Cells (groups × columns) of the assignment problem of {@link #matchOnePerWorker} charged as one node. */
  static final long MATCHING_CELLS_PER_NODE = 16;
  /** Number of levels of neighbourhood size. */
  static final int LEVELS = WORKERS.length;
  /** Most groups placed again in a neighbourhood (those of its workers, then unallocated ones), by level. */
  private static final int[] MAX_GROUPS = {10, 14, 16, 18, 20};
  /** Most groups left unallocated that join a neighbourhood. */
  static final int MAX_WAITING = 8;
  /** Nodes the exact search of one neighbourhood may visit, by level. */
  private static final long[] NODES_PER_NEIGHBOURHOOD = {2_000, 5_000, 10_000, 20_000, 50_000};

  private final Part part;
  private final int n;
  private final int m;
  /** The assignment being improved, with loads and each worker's groups (its arrays are the fields below). */
  private final Holdings holdings;
  private final int[] at;
  private final double[] load;
  private final int[][] members;
  private final int[] count;
  private final int[] pos;
  private final int[] order;
  /**
   * Groups by cost of leaving unallocated per weighted case, most first, then lightest: the order
   * in which those left unallocated join a neighbourhood (that of a fractional knapsack).
   */
  private final int[] byDensity;
  private final double[] prices;
  private long budget;
  /** Nodes the pairs of a dense part may spend ({@link #splitPairs}), apart from {@link #budget}. */
  private final long pairBudget;
  /** Levels of neighbourhood size to go through, the level now, and how its workers are chosen now. */
  private final int levels;
  private int level;
  private boolean byLoadNow;
  private final long deadline;
  private final Set<Key> searched = new HashSet<>();
  /** False when no group has moved since the last {@link #matchOnePerWorker} (true at the start). */
  private boolean movedSinceMatching = true;
  /** Scratch of {@link #neighbourhood}: per worker, whether chosen, and the least score of a group there. */
  private final boolean[] chosen;
  private final double[] score;
  /** Scratch of {@link #neighbourhood}: the workers given a score. */
  private final int[] scored;

  private NeighbourhoodSearch(Part part, int[] start, double[] prices, int levels, long budget, long pairBudget,
      long deadline) {
    this.levels = Math.min(levels, WORKERS.length);
    this.part = part;
    this.n = part.size();
    this.m = part.workerCount();
    this.holdings = new Holdings(part, start);
    this.at = holdings.at;
    this.load = holdings.load;
    this.prices = prices;
    this.budget = budget;
    this.pairBudget = pairBudget;
    this.deadline = deadline;
    chosen = new boolean[m];
    score = new double[m];
    Arrays.fill(score, Double.POSITIVE_INFINITY);
    scored = new int[m];
    members = holdings.members;
    count = holdings.count;
    pos = holdings.pos;
    order = part.byPriority();
    Integer[] o = new Integer[n];
    for (int g = 0; g < n; g++) {
      o[g] = g;
    }
    Arrays.sort(o, (x, y) -> {
      int c = Double.compare(part.unallocatedCost[y] * part.weight[x], part.unallocatedCost[x] * part.weight[y]);
      if (c == 0) {
        c = Double.compare(part.weight[x], part.weight[y]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    });
    byDensity = new int[n];
    for (int i = 0; i < n; i++) {
      byDensity[i] = o[i];
    }
  }

  /**
   * The improved local assignment ({@code start} must be feasible; the result is feasible and
   * costs no more).
   *
   * @param prices per local worker, cost per weighted case, for the bound of the exact searches
   *     (any prices are valid; those of {@link LowerBound#withPrices} prune most)
   * @param levels how many of the {@link #LEVELS} sizes of neighbourhood to go through; with all of
   *     them, the neighbourhoods drawn at random follow
   * @param budget most nodes the exact searches may visit in all
   * @param pairBudget most nodes the pairs of a dense part may spend, before the neighbourhoods
   * @param deadline {@link System#nanoTime()} after which to stop, or {@link Long#MAX_VALUE}
   */
  static int[] improve(Part part, int[] start, double[] prices, int levels, long budget, long pairBudget,
      long deadline) {
    NeighbourhoodSearch s = new NeighbourhoodSearch(part, start, prices, levels, budget, pairBudget, deadline);
    s.run();
    return s.at.clone();
  }

  private void run() {
    matchOnePerWorker();
    if (part.granule > 0 && n >= (long) MAX_GROUPS[0] * m) {
      long neighbourhoods = budget;
      budget = pairBudget;
      splitPairs();
      budget = neighbourhoods; // the pairs' budget is their own
    }
    for (level = 0; level < levels && budget > 0; level++) {
      int[] workers = new int[WORKERS[level]];
      int[] free = new int[MAX_GROUPS[level]];
      // Passes over the groups, the two ways of choosing workers in turn, until neither gains.
      int idle = 0;
      for (int pass = 0; idle < 2 && budget > 0; pass++) {
        byLoadNow = pass % 2 == 1;
        boolean improved = false;
        for (int i = 0; i < n && budget > 0; i++) {
          if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            return;
          }
          int g = order[i];
          if (part.options[g].length == 0) {
            continue;
          }
          int k = neighbourhood(g, workers);
          improved |= search(g, workers, k, free);
        }
        idle = improved ? 0 : idle + 1;
      }
      matchOnePerWorker();
    }
    if (levels == LEVELS) {
      shake();
    }
  }

  /**
   * For a dense part (on average at least {@code MAX_GROUPS[0]} groups per worker, as in a cold
   * start: a neighbourhood of the first level cannot hold the groups of two workers), sweeps over
   * the pairs of workers, each pair's groups that both may take split between them again exactly
   * ({@link #splitPair}), until a sweep gains nothing or the budget is spent.
   */
  private void splitPairs() {
    Pair pair = new Pair(n);
    for (boolean improved = true; improved && budget > 0;) {
      improved = false;
      for (int u = 0; u < m && budget > 0; u++) {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
          return;
        }
        for (int v = u + 1; v < m && budget > 0; v++) {
          budget -= 1 + count[u] + count[v]; // gathering the pool, about a node per group
          improved |= splitPair(u, v, pair);
        }
      }
    }
  }

  /**
   * Scratch of {@link #splitPair}, reused over the pairs: the pool's groups and their costs at each
   * worker, the programme's least costs per granule at u, and its choices (group by granule).
   */
  private static final class Pair {
    final int[] pool;
    final double[] atU;
    final double[] atV;
    final int[] units;
    final int[] to;
    double[] dp = new double[0];
    boolean[] toU = new boolean[0];

    Pair(int n) {
      pool = new int[n];
      atU = new double[n];
      atV = new double[n];
      units = new int[n];
      to = new int[n];
    }
  }

  /**
   * Splits the groups held by workers u and v that both may take between them again, exactly: the
   * others stay, and no group joins or leaves the two. The weights are whole granules, so the split
   * of least cost is a dynamic programme over the granules u takes (placement costs summed; each
   * worker's balance is then a function of its load alone), in O(groups × granules of room). It is
   * skipped when a lower bound on it (each group's cheaper worker, and the balance of the best split
   * of the weight as if it were divisible) gains nothing. True if the split lowered the objective.
   */
  private boolean splitPair(int u, int v, Pair s) {
    int[] pool = s.pool;
    int k = 0;
    double baseU = load[u];
    double baseV = load[v];
    double now = 0;
    double least = 0;
    double total = 0;
    for (int side = 0; side < 2; side++) {
      int w = side == 0 ? u : v;
      for (int i = 0; i < count[w]; i++) {
        int h = members[w][i];
        int iu = part.optionIndex(h, u);
        int iv = iu < 0 ? -1 : part.optionIndex(h, v);
        if (iv >= 0) {
          pool[k] = h;
          s.atU[k] = part.cost[h][iu];
          s.atV[k] = part.cost[h][iv];
          now += side == 0 ? s.atU[k] : s.atV[k];
          least += Math.min(s.atU[k], s.atV[k]);
          total += part.weight[h];
          k++;
          if (side == 0) {
            baseU -= part.weight[h];
          } else {
            baseV -= part.weight[h];
          }
        }
      }
    }
    if (k < 2) {
      return false;
    }
    now += part.balanceDelta(u, baseU, load[u] - baseU) + part.balanceDelta(v, baseV, load[v] - baseV);
    double roomU = part.room(u, baseU);
    double roomV = part.room(v, baseV);
    least += part.divisibleSplit(u, baseU, v, baseV, total, Math.max(0, total - roomV), Math.min(total, roomU));
    if (!(least < now - LocalSearch.MIN_GAIN)) {
      return false;
    }
    // dp[x]: least placement cost of the groups so far with x granules at u; toU[i·width + x]: group i went to u.
    double granule = part.granule;
    int[] units = s.units;
    int all = 0;
    for (int i = 0; i < k; i++) {
      units[i] = (int) Math.round(part.weight[pool[i]] / granule);
      all += units[i];
    }
    int top = (int) Math.min(all, Math.floor(roomU / granule)); // room is whole granules, a little generous
    int bottom = (int) Math.max(0, all - Math.floor(roomV / granule));
    if (bottom > top) {
      return false;
    }
    int width = top + 1;
    budget -= (long) k * width / DP_CELLS_PER_NODE;
    if (s.dp.length < width) {
      s.dp = new double[width];
    }
    if (s.toU.length < k * width) {
      s.toU = new boolean[k * width];
    }
    double[] dp = s.dp;
    boolean[] toU = s.toU;
    Arrays.fill(dp, 0, width, Double.POSITIVE_INFINITY);
    dp[0] = 0;
    int reach = 0;
    for (int i = 0; i < k; i++) {
      double cu = s.atU[i];
      double cv = s.atV[i];
      int a = units[i];
      int row = i * width;
      reach = Math.min(top, reach + a);
      for (int x = reach; x >= 0; x--) {
        double there = x >= a ? dp[x - a] + cu : Double.POSITIVE_INFINITY;
        double here = dp[x] + cv;
        toU[row + x] = there < here;
        dp[x] = Math.min(there, here);
      }
    }
    double best = Double.POSITIVE_INFINITY;
    int split = -1;
    for (int x = bottom; x <= reach; x++) {
      double c = dp[x] + part.balanceDelta(u, baseU, x * granule) + part.balanceDelta(v, baseV, (all - x) * granule);
      if (c < best) {
        best = c;
        split = x;
      }
    }
    if (split < 0 || !(best < now - LocalSearch.MIN_GAIN)) {
      return false;
    }
    int[] to = s.to;
    for (int i = k - 1, x = split; i >= 0; i--) {
      boolean there = toU[i * width + x];
      to[i] = there ? u : v;
      x -= there ? units[i] : 0;
    }
    // Priced again with the weights themselves, not their granules: kept only if it fits and gains.
    double loadU = baseU;
    double after = 0;
    for (int i = 0; i < k; i++) {
      after += to[i] == u ? s.atU[i] : s.atV[i];
      loadU += to[i] == u ? part.weight[pool[i]] : 0;
    }
    double loadV = baseV + total - (loadU - baseU);
    if (!part.fits(u, baseU, loadU - baseU) || !part.fits(v, baseV, loadV - baseV)) {
      return false;
    }
    after += part.balanceDelta(u, baseU, loadU - baseU) + part.balanceDelta(v, baseV, loadV - baseV);
    if (!(after < now - LocalSearch.MIN_GAIN)) {
      return false;
    }
    for (int i = 0; i < k; i++) {
      move(pool[i], -1);
    }
    for (int i = 0; i < k; i++) {
      move(pool[i], to[i]);
    }
    return true;
  }

  /**
   * Last, neighbourhoods drawn at random (from a fixed seed): a placed group's worker, then workers
   * that a group of those chosen may go to, until {@link #RANDOM_FAILURES} in a row gain nothing
   * (with a deadline: until it passes) or the budget is spent. They reach plans that the neighbourhoods chosen by cost
   * above, all searched by then, do not.
   */
  private void shake() {
    level = RANDOM_LEVEL;
    java.util.SplittableRandom random = new java.util.SplittableRandom(RANDOM_SEED);
    int[] workers = new int[WORKERS[level]];
    int[] free = new int[MAX_GROUPS[level]];
    int[] placed = new int[n];
    int most = (int) Math.min(RANDOM_FAILURES, (long) RANDOM_FAILURES_PER_GROUP * n);
    for (int fails = 0; (fails < most || deadline != Long.MAX_VALUE) && budget > 0;) {
      if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
        return;
      }
      int count0 = 0;
      for (int g = 0; g < n; g++) {
        if (at[g] >= 0) {
          placed[count0++] = g;
        }
      }
      if (count0 == 0) {
        return;
      }
      int g = placed[random.nextInt(count0)];
      int size = 2 + random.nextInt(workers.length - 1);
      // Workers holding many groups (a cold start) give up a few each, drawn at random.
      int perWorker = Math.max(2, MAX_GROUPS[level] / size);
      int k = 0;
      int groups = 0;
      workers[k++] = at[g];
      chosen[at[g]] = true;
      groups += Math.min(perWorker, count[at[g]]);
      for (int tries = 0; k < size && tries < 4 * size; tries++) {
        int w = workers[random.nextInt(k)];
        if (count[w] == 0) {
          continue;
        }
        int h = members[w][random.nextInt(count[w])];
        int[] o = part.options[h];
        int v = o[random.nextInt(o.length)];
        if (!chosen[v] && groups + Math.min(perWorker, count[v]) <= MAX_GROUPS[level]) {
          chosen[v] = true;
          workers[k++] = v;
          groups += Math.min(perWorker, count[v]);
        }
      }
      for (int i = 0; i < k; i++) {
        chosen[workers[i]] = false;
      }
      fails = search(g, workers, k, free, perWorker, random) ? 0 : fails + 1;
    }
  }

  /**
   * The workers of the neighbourhood of group g (see the class comment) in the order chosen; their
   * number. For a placed group: its worker, then, one at a time, the worker where a group of those
   * chosen so far would cost least, balance included, against what it costs where it is (room
   * apart: that worker's own groups then join, which follows an ejection chain), while the
   * groups of the workers chosen number at most {@link #MAX_GROUPS}. For an unallocated group:
   * its workers with most room.
   */
  private int neighbourhood(int g, int[] workers) {
    int[] opts = part.options[g];
    if (at[g] < 0) {
      int most = Math.min(workers.length, opts.length);
      double[] key = new double[most];
      int k = 0;
      for (int w : opts) {
        k = LocalSearch.keepCheapest(workers, key, k, most, w, -(part.capacity(w) - load[w]));
      }
      return k;
    }
    int touched = 0;
    int k = 0;
    int groups = 0;
    int w = at[g];
    while (true) {
      workers[k++] = w;
      chosen[w] = true;
      groups += count[w];
      for (int i = 0; i < count[w]; i++) {
        int h = members[w][i];
        double a = part.weight[h];
        double stay = part.cost(h, w) - part.balanceDelta(w, load[w], -a);
        int[] o = part.options[h];
        budget -= o.length; // weighing workers costs about as much as a node per option
        for (int j = 0; j < o.length; j++) {
          int v = o[j];
          if (!chosen[v]) {
            double c = part.cost[h][j] + part.balanceDelta(v, byLoadNow ? load[v] : part.fixedLoad(v), a) - stay;
            if (score[v] == Double.POSITIVE_INFINITY) {
              scored[touched++] = v;
            }
            score[v] = Math.min(score[v], c);
          }
        }
      }
      if (k == workers.length) {
        break;
      }
      w = -1;
      for (int i = 0; i < touched; i++) {
        int v = scored[i];
        if (!chosen[v] && groups + count[v] <= MAX_GROUPS[level]
            && (w < 0 || score[v] < score[w] || (score[v] == score[w] && v < w))) {
          w = v;
        }
      }
      if (w < 0) {
        break;
      }
    }
    for (int i = 0; i < touched; i++) {
      score[scored[i]] = Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < k; i++) {
      chosen[workers[i]] = false;
    }
    return k;
  }

  /**
   * Places again, exactly, the groups of the first workers of {@code workers} (as many as
   * {@link #MAX_GROUPS} allows, the first always) and up to {@link #MAX_WAITING} unallocated groups
   * that may go to them (g first); true if that lowered the objective.
   */
  private boolean search(int g, int[] workers, int k, int[] free) {
    return search(g, workers, k, free, Integer.MAX_VALUE, null);
  }

  /**
   * As {@link #search(int, int[], int, int[])}, but a worker holding more than {@code perWorker}
   * groups gives up only that many, drawn with {@code random}; the others stay, their weight part of
   * the worker's load in the sub-problem.
   */
  private boolean search(int g, int[] workers, int k, int[] free, int perWorker, java.util.SplittableRandom random) {
    int[] onto = new int[k];
    int used = 0;
    int freed = 0;
    for (int j = 0; j < k; j++) {
      int w = workers[j];
      int gives = Math.min(count[w], perWorker);
      if (freed + gives > MAX_GROUPS[level]) {
        if (j == 0) {
          return false; // the worker of g alone holds too many groups
        }
        continue;
      }
      onto[used++] = w;
      if (gives == count[w]) {
        for (int i = 0; i < count[w]; i++) {
          free[freed++] = members[w][i];
        }
      } else {
        // a partial shuffle of the worker's groups: the first {@code gives} go
        int[] mine = Arrays.copyOf(members[w], count[w]);
        for (int i = 0; i < gives; i++) {
          int x = i + random.nextInt(mine.length - i);
          int t = mine[i];
          mine[i] = mine[x];
          mine[x] = t;
          free[freed++] = mine[i];
        }
      }
    }
    onto = Arrays.copyOf(onto, used);
    Arrays.sort(onto);
    int waiting = 0;
    if (at[g] < 0 && freed < MAX_GROUPS[level]) {
      free[freed++] = g;
      waiting++;
    }
    for (int i = 0; i < n && freed < MAX_GROUPS[level] && waiting < MAX_WAITING; i++) {
      int h = byDensity[i];
      if (h != g && at[h] < 0 && mayGo(h, onto)) {
        free[freed++] = h;
        waiting++;
      }
    }
    if (freed == 0) {
      return false;
    }
    budget -= NEIGHBOURHOOD_NODES + freed; // choosing it
    int[] groups = Arrays.copyOf(free, freed);
    Arrays.sort(groups);
    double[] loads = new double[onto.length];
    for (int j = 0; j < onto.length; j++) {
      loads[j] = load[onto[j]];
    }
    if (!searched.add(new Key(onto, groups, loads))) {
      return false;
    }
    double[] base = new double[onto.length];
    double[] price = new double[onto.length];
    for (int j = 0; j < onto.length; j++) {
      base[j] = load[onto[j]];
      price[j] = prices == null ? 0 : prices[onto[j]];
    }
    for (int h : groups) {
      if (at[h] >= 0) {
        base[Arrays.binarySearch(onto, at[h])] -= part.weight[h];
      }
    }
    for (int j = 0; j < onto.length; j++) {
      if (Math.abs(base[j] - part.fixedLoad(onto[j])) < AllocationProblem.EPS) {
        base[j] = part.fixedLoad(onto[j]); // exactly, when the worker gives up all its groups
      }
    }
    Part sub = part.restrict(groups, onto, base);
    int[] now = new int[groups.length];
    for (int i = 0; i < groups.length; i++) {
      now[i] = at[groups[i]] < 0 ? -1 : Arrays.binarySearch(onto, at[groups[i]]);
    }
    if (budget <= 0) {
      return false;
    }
    BranchAndBound.Result r = BranchAndBound.search(sub, now, price, Math.min(budget, NODES_PER_NEIGHBOURHOOD[level]));
    budget -= r.nodes();
    if (!(sub.objective(r.best()) < sub.objective(now) - LocalSearch.MIN_GAIN)) {
      return false;
    }
    for (int i = 0; i < groups.length; i++) {
      move(groups[i], -1);
    }
    for (int i = 0; i < groups.length; i++) {
      int w = r.best()[i];
      if (w >= 0) {
        move(groups[i], onto[w]);
      }
    }
    return true;
  }

  /**
   * The neighbourhood of all the workers that hold at most one group of the part, with their groups
   * and every group left unallocated, each worker taking at most one of them again: an assignment
   * problem, solved exactly (Hungarian method, at worst O(groups² × (workers + groups)), in practice
   * far less). It moves every
   * group at once where load is sparse (a weekly intake spread over many workers), which chains of
   * a few workers reach only step by step. True if it lowered the objective.
   */
  private boolean matchOnePerWorker() {
    if (!movedSinceMatching || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0)) {
      return false; // the same problem as last time, already solved
    }
    movedSinceMatching = false;
    int[] cols = new int[m];
    int c = 0;
    for (int w = 0; w < m; w++) {
      if (count[w] <= 1) {
        cols[c++] = w;
      }
    }
    // Rows: the groups of those workers, and the waiting groups that one of them could take.
    int[] rows = new int[n];
    int r = 0;
    for (int g = 0; g < n; g++) {
      if (at[g] >= 0 ? count[at[g]] == 1 : mayGoToOneOf(g, cols, c)) {
        rows[r++] = g;
      }
    }
    if (r < 2 || c == 0) {
      return false;
    }
    // measured: a matching of 215 groups onto 331 workers (LA_L's 5% leave) takes about as long as
    // 4,000 nodes, far less than its worst case r² (c + r) steps; charged by its cells
    long work = (long) r * (c + r) / MATCHING_CELLS_PER_NODE;
    if (work > budget) {
      return false;
    }
    budget -= work;
    int[] colOf = new int[m];
    Arrays.fill(colOf, -1);
    for (int j = 0; j < c; j++) {
      colOf[cols[j]] = j;
    }
    // cost[i][j]: row i at column j (workers, then one column per row: left unallocated)
    int width = c + r;
    double[][] cost = new double[r][];
    double now = 0;
    for (int i = 0; i < r; i++) {
      int g = rows[i];
      double[] row = new double[width];
      Arrays.fill(row, Double.POSITIVE_INFINITY);
      int[] o = part.options[g];
      for (int k = 0; k < o.length; k++) {
        int w = o[k];
        int j = colOf[w];
        if (j >= 0 && part.fits(w, part.fixedLoad(w), part.weight[g])) {
          row[j] = part.cost[g][k] + part.balanceDelta(w, part.fixedLoad(w), part.weight[g]);
        }
      }
      row[c + i] = part.unallocatedCost[g];
      cost[i] = row;
      now += at[g] < 0 ? row[c + i] : row[colOf[at[g]]];
    }
    int[] match = hungarian(cost, width);
    double best = 0;
    for (int i = 0; i < r; i++) {
      best += cost[i][match[i]];
    }
    if (!(best < now - LocalSearch.MIN_GAIN)) {
      return false;
    }
    for (int i = 0; i < r; i++) {
      move(rows[i], -1);
    }
    for (int i = 0; i < r; i++) {
      if (match[i] < c) {
        move(rows[i], cols[match[i]]);
      }
    }
    movedSinceMatching = false; // the workers of the problem and its groups are the same: solved
    return true;
  }

  /** True if waiting group g may go to one of the first {@code c} of {@code cols} (ascending), on top of its fixed load. */
  private boolean mayGoToOneOf(int g, int[] cols, int c) {
    for (int w : part.options[g]) {
      int j = Arrays.binarySearch(cols, 0, c, w);
      if (j >= 0 && part.fits(w, part.fixedLoad(w), part.weight[g])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The assignment of least cost of each row of {@code cost} to its own column (rows ≤ columns;
   * every row has a finite column): the Hungarian method with potentials, rows added one at a time
   * along a shortest augmenting path. Ties go to the first column found, so the result is fixed.
   */
  static int[] hungarian(double[][] cost, int width) {
    int r = cost.length;
    double[] u = new double[r + 1];
    double[] v = new double[width + 1];
    int[] p = new int[width + 1]; // row (1-based) matched to each column, 0 for none
    int[] way = new int[width + 1];
    double[] minv = new double[width + 1];
    boolean[] used = new boolean[width + 1];
    for (int i = 1; i <= r; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      Arrays.fill(used, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = -1;
        double[] row = cost[i0 - 1];
        for (int j = 1; j <= width; j++) {
          if (!used[j]) {
            double cur = row[j - 1] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= width; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] match = new int[r];
    for (int j = 1; j <= width; j++) {
      if (p[j] != 0) {
        match[p[j] - 1] = j - 1;
      }
    }
    return match;
  }

  /** True if group h may go to one of {@code onto} (ascending) with room for it now. */
  private boolean mayGo(int h, int[] onto) {
    for (int w : onto) {
      if (part.optionIndex(h, w) >= 0 && part.fits(w, part.fixedLoad(w), part.weight[h])) {
        return true;
      }
    }
    return false;
  }

  private void move(int g, int w) {
    movedSinceMatching = true;
    holdings.move(g, w);
  }

  /**
   * A neighbourhood searched: its workers and groups (ascending) and the workers' loads, which fix
   * its sub-problem (the groups that stay with a worker count only by their weight).
   */
  private record Key(int[] workers, int[] groups, double[] loads) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(workers, k.workers) && Arrays.equals(groups, k.groups)
          && Arrays.equals(loads, k.loads);
    }

    @Override
    public int hashCode() {
      return (31 * Arrays.hashCode(workers) + Arrays.hashCode(groups)) * 31 + Arrays.hashCode(loads);
    }
  }
}
