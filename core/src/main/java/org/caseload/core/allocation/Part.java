package org.caseload.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent part of a compiled problem: groups and the workers they may go to, such that
 * no group of another part may go to a worker of this one. The objective is a sum over groups
 * and over workers, so the parts can be solved one by one (or in parallel) and their optima
 * add up to the optimum of the whole.
 *
 * <p>Groups and workers have local indices (ascending in the problem's order). A group's
 * <em>options</em> are the workers the hard rules allow for it and who can take it on top of
 * their fixed load; its option −1 is to leave it unallocated. Costs come from
 * {@link AllocationProblem} and are only cached here.
 */
final class Part {
  final AllocationProblem problem;
  /** Problem index of each local group, ascending. */
  final int[] groups;
  /** Problem index of each local worker, ascending. */
  final int[] workers;
  /** Weight of each group, weighted cases. */
  final double[] weight;
  /** Cost of leaving each group unallocated. */
  final double[] unallocatedCost;
  /** Per group, local indices of the workers it may go to, ascending; groups of a kind share one array (read only). */
  final int[][] options;
  /**
   * Per group, aligned with {@link #options}: {@link AllocationProblem#placementCost}. Groups with
   * the same options array and the same {@linkplain AllocationProblem#placementKey placement key}
   * share one array (read only).
   */
  final double[][] cost;
  /**
   * The largest 1/K (K a whole number up to {@value #MAX_DENOMINATOR}) of which every group's
   * weight is a whole multiple, weighted cases; 0 when there is none. With the default weights
   * (complexity multipliers 4/7, 1, 10/7 on whole category weights) it is 1/7.
   */
  final double granule;
  /**
   * Load of each local worker that the part's groups come on top of, weighted cases: the
   * problem's fixed load for a part of {@link #split}; for a {@linkplain #restrict restricted}
   * part, also the groups of the whole part that stay where they are.
   */
  private final double[] fixed;
  /**
   * Per group, the position of each local worker among its options (−1 where it is not one),
   * shared by the groups that share an options array; {@code null} for a restricted part (few
   * workers), a part of equal weights (solved by a flow) or where the tables would pass
   * {@value #MAX_POSITION_CELLS} entries, when {@link #optionIndex} searches the options instead.
   */
  private final int[][] position;

  /** Largest denominator tried for {@link #granule}. */
  static final int MAX_DENOMINATOR = 1000;
  /** A weight is a multiple of the granule when within this many granules of one (rounding). */
  private static final double MULTIPLE_TOLERANCE = 1e-9;
  /** Most entries of the position tables of a part (4 bytes each). */
  static final int MAX_POSITION_CELLS = 1 << 22;

  private Part(AllocationProblem problem, int[] groups, int[] workers, int[][] options) {
    this.problem = problem;
    this.groups = groups;
    this.workers = workers;
    this.options = options;
    int n = groups.length;
    weight = new double[n];
    unallocatedCost = new double[n];
    cost = new double[n][];
    Map<CostKey, double[]> shared = new HashMap<>();
    for (int i = 0; i < n; i++) {
      AllocationProblem.Group g = problem.groups.get(groups[i]);
      weight[i] = g.weight;
      unallocatedCost[i] = g.unallocatedCost;
      int[] o = options[i];
      cost[i] = shared.computeIfAbsent(new CostKey(o, problem.placementKey(g)), k -> {
        double[] c = new double[o.length];
        for (int j = 0; j < o.length; j++) {
          c[j] = problem.placementCost(g, workers[o[j]]);
        }
        return c;
      });
    }
    granule = granule(weight);
    fixed = new double[workers.length];
    for (int w = 0; w < workers.length; w++) {
      fixed[w] = problem.fixedLoad[workers[w]];
    }
    // parts of equal weights are solved by the flow, which looks no option up
    position = equalWeights() ? null : positions(options, workers.length);
  }

  /** The position tables of {@link #position}, one per distinct options array, or null when too many. */
  private static int[][] positions(int[][] options, int m) {
    Map<int[], int[]> tables = new IdentityHashMap<>();
    for (int[] o : options) {
      if (!tables.containsKey(o)) {
        if ((long) (tables.size() + 1) * m > MAX_POSITION_CELLS) {
          return null;
        }
        int[] p = new int[m];
        Arrays.fill(p, -1);
        for (int k = 0; k < o.length; k++) {
          p[o[k]] = k;
        }
        tables.put(o, p);
      }
    }
    int[][] position = new int[options.length][];
    for (int g = 0; g < options.length; g++) {
      position[g] = tables.get(options[g]);
    }
    return position;
  }

  /** A restricted part: every array given is the part's own (see {@link #restrict}). */
  private Part(Part whole, int[] groups, int[] workers, int[][] options, double[] weight, double[] unallocatedCost,
      double[][] cost, double[] fixed) {
    this.problem = whole.problem;
    this.groups = groups;
    this.workers = workers;
    this.options = options;
    this.weight = weight;
    this.unallocatedCost = unallocatedCost;
    this.cost = cost;
    this.granule = whole.granule; // every weight here is a multiple of it too
    this.fixed = fixed;
    this.position = null;
  }

  /**
   * The sub-problem of this part in which only groups {@code free} (local indices, ascending) are
   * placed again, on workers {@code onto} only (local indices, ascending), on top of loads
   * {@code base} (per worker of {@code onto}: its fixed load and the groups of this part that stay
   * with it, weighted cases). A group's options are those of its options in {@code onto} that
   * can take it on top of that load. Its objective differs from this part's, for the same
   * placement of the free groups, by a constant: so solving it solves the neighbourhood.
   * Group i and worker j of the result are {@code free[i]} and {@code onto[j]} here.
   */
  Part restrict(int[] free, int[] onto, double[] base) {
    int n = free.length;
    int[] gs = new int[n];
    int[] ws = new int[onto.length];
    for (int j = 0; j < onto.length; j++) {
      ws[j] = workers[onto[j]];
    }
    int[][] opts = new int[n][];
    double[] a = new double[n];
    double[] u = new double[n];
    double[][] c = new double[n][];
    int[] buffer = new int[onto.length];
    int[] at = new int[onto.length];
    for (int i = 0; i < n; i++) {
      int g = free[i];
      gs[i] = groups[g];
      a[i] = weight[g];
      u[i] = unallocatedCost[g];
      int[] o = options[g];
      double[] whole = cost[g];
      // merge of two ascending lists: the group's options and the workers of the neighbourhood
      int k = 0;
      for (int x = 0, y = 0; x < o.length && y < onto.length;) {
        if (o[x] < onto[y]) {
          x++;
        } else if (o[x] > onto[y]) {
          y++;
        } else {
          if (fits(o[x], base[y], a[i])) {
            at[k] = x;
            buffer[k++] = y;
          }
          x++;
          y++;
        }
      }
      opts[i] = Arrays.copyOf(buffer, k);
      c[i] = new double[k];
      for (int j = 0; j < k; j++) {
        c[i][j] = whole[at[j]];
      }
    }
    return new Part(this, gs, ws, opts, a, u, c, base.clone());
  }

  /** See {@link #granule}. */
  static double granule(double[] weights) {
    double[] distinct = Arrays.stream(weights).distinct().toArray();
    for (int k = 1; k <= MAX_DENOMINATOR; k++) {
      boolean all = true;
      for (int i = 0; i < distinct.length && all; i++) {
        double units = distinct[i] * k;
        all = Math.abs(units - Math.rint(units)) <= MULTIPLE_TOLERANCE * Math.max(1, units);
      }
      if (all) {
        return 1.0 / k;
      }
    }
    return 0;
  }

  /** Options (the array itself, shared by groups of a kind) and placement key. */
  private record CostKey(int[] options, Object placement) {}

  /**
   * The parts of {@code problem}, in the order of their first group. Groups with no option at all
   * (no eligible worker, or none with room for them even empty-handed) are in no part: they are
   * unallocated in every plan.
   */
  /**
   * The groups in the order the searches take them: highest cost of leaving unallocated first,
   * then lightest, then by index (a fixed order, so that results repeat).
   */
  int[] byPriority() {
    int n = size();
    Integer[] o = new Integer[n];
    for (int g = 0; g < n; g++) {
      o[g] = g;
    }
    Arrays.sort(o, (x, y) -> {
      int c = Double.compare(unallocatedCost[y], unallocatedCost[x]);
      if (c == 0) {
        c = Double.compare(weight[x], weight[y]);
      }
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = o[i];
    }
    return order;
  }

  /** A group's options, the workers with room for it: by its eligible array (the same array, not equal contents) and weight. */
  private record OptionsKey(int[] eligible, double weight) {}

  static List<Part> split(AllocationProblem problem) {
    int m = problem.workerCount();
    List<AllocationProblem.Group> all = problem.groups;
    int[][] opts = new int[all.size()][];
    int[] parent = new int[m];
    for (int w = 0; w < m; w++) {
      parent[w] = w;
    }
    // Groups of one kind share their eligible array; share the options made from it too, for each
    // weight: whole (the eligible array's for every weight where none is too full), or trimmed.
    Map<int[], int[]> whole = new IdentityHashMap<>();
    Map<OptionsKey, int[]> byWeight = new HashMap<>();
    for (AllocationProblem.Group g : all) {
      OptionsKey key = new OptionsKey(g.eligible, g.weight);
      int[] known = byWeight.get(key);
      if (known != null) {
        opts[g.index] = known;
        continue; // its workers are already joined
      }
      int[] o = new int[g.eligible.length];
      int k = 0;
      for (int w : g.eligible) {
        if (problem.fits(w, problem.fixedLoad[w], g.weight)) {
          o[k++] = w;
        }
      }
      if (k == g.eligible.length) {
        int[] shared = whole.get(g.eligible);
        if (shared != null) {
          opts[g.index] = shared;
          byWeight.put(key, shared);
          continue; // its workers are already joined
        }
        whole.put(g.eligible, o);
        opts[g.index] = o;
      } else {
        opts[g.index] = Arrays.copyOf(o, k);
      }
      byWeight.put(key, opts[g.index]);
      for (int i = 1; i < k; i++) {
        union(parent, o[0], o[i]);
      }
    }
    // Part of each root, numbered by first group; then each part's groups and workers, ascending.
    int[] partOfRoot = new int[m];
    Arrays.fill(partOfRoot, -1);
    int[] partOfGroup = new int[all.size()];
    int parts = 0;
    for (AllocationProblem.Group g : all) {
      int[] o = opts[g.index];
      if (o.length == 0) {
        partOfGroup[g.index] = -1;
        continue;
      }
      int r = find(parent, o[0]);
      if (partOfRoot[r] < 0) {
        partOfRoot[r] = parts++;
      }
      partOfGroup[g.index] = partOfRoot[r];
    }
    int[] partOfWorker = new int[m];
    for (int w = 0; w < m; w++) {
      partOfWorker[w] = partOfRoot[find(parent, w)];
    }
    int[][] partGroups = members(partOfGroup, parts);
    int[][] partWorkers = members(partOfWorker, parts);
    int[] localOf = new int[m];
    for (int[] ws : partWorkers) {
      for (int k = 0; k < ws.length; k++) {
        localOf[ws[k]] = k;
      }
    }
    List<Part> result = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      int[] gs = partGroups[i];
      int[] ws = partWorkers[i];
      int[][] local = new int[gs.length][];
      Map<int[], int[]> localised = new IdentityHashMap<>();
      for (int j = 0; j < gs.length; j++) {
        int[] o = opts[gs[j]];
        int[] l = localised.get(o);
        if (l == null) {
          l = new int[o.length];
          for (int k = 0; k < o.length; k++) {
            l[k] = localOf[o[k]]; // ascending, as o is and local numbering keeps order
          }
          localised.put(o, l);
        }
        local[j] = l;
      }
      result.add(new Part(problem, gs, ws, local));
    }
    return result;
  }

  /** The members of each of {@code parts} parts, ascending, from each item's part (−1: none). */
  private static int[][] members(int[] partOf, int parts) {
    int[] count = new int[parts];
    for (int p : partOf) {
      if (p >= 0) {
        count[p]++;
      }
    }
    int[][] members = new int[parts][];
    for (int p = 0; p < parts; p++) {
      members[p] = new int[count[p]];
      count[p] = 0;
    }
    for (int x = 0; x < partOf.length; x++) {
      int p = partOf[x];
      if (p >= 0) {
        members[p][count[p]++] = x;
      }
    }
    return members;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Number of groups. */
  int size() {
    return groups.length;
  }

  /** Number of workers. */
  int workerCount() {
    return workers.length;
  }

  /** Position of local worker {@code w} among the options of group {@code g}, or a negative number. */
  int optionIndex(int g, int w) {
    return position != null ? position[g][w] : Arrays.binarySearch(options[g], w);
  }

  /** Cost of group {@code g} at local worker {@code w} (which must be an option), or unallocated when {@code w < 0}. */
  double cost(int g, int w) {
    return w < 0 ? unallocatedCost[g] : cost[g][optionIndex(g, w)];
  }

  /** Load of local worker {@code w} that the part's groups come on top of (see {@link #fixed}), weighted cases. */
  double fixedLoad(int w) {
    return fixed[w];
  }

  /** Capacity of local worker {@code w}. */
  double capacity(int w) {
    return problem.capacity[workers[w]];
  }

  /** True if local worker {@code w}, carrying {@code load}, can take {@code add} more. */
  boolean fits(int w, double load, double add) {
    return problem.fits(workers[w], load, add);
  }

  /**
   * The most weight local worker {@code w}, carrying {@code load}, can still take from the groups of
   * the part, weighted cases (at least 0): its room within capacity, rounded down to a whole
   * number of {@linkplain #granule granules}, since whatever it takes is a sum of weights that are
   * such multiples. The rounding is kept a little generous, so the result is never below what
   * {@link #fits} allows; bounds may use it as an upper limit on what a worker takes.
   */
  double room(int w, double load) {
    double room = capacity(w) + AllocationProblem.EPS - load;
    if (!(room > 0)) {
      return 0;
    }
    if (granule > 0) {
      double units = Math.floor(room / granule + MULTIPLE_TOLERANCE * Math.max(1, room / granule));
      room = Math.min(room, units * granule + AllocationProblem.EPS);
    }
    return room;
  }

  /**
   * The least, over the weights s that local worker {@code w} carrying {@code load} may still take
   * (whole granules up to {@link #room}), of its balance change less {@code price}·s: the
   * worker's term of a Lagrangian bound at that price (cost per weighted case). At most 0 (s = 0).
   * The balance change is convex in s, so the least is at one of the whole granules around the
   * minimum of the parabola.
   */
  double pricedBalance(int w, double load, double price) {
    double room = room(w, load);
    double s = Math.min(room, Math.max(0, problem.loadAtSlope(workers[w], price) - load));
    if (!(s > 0)) {
      return 0;
    }
    if (granule <= 0) {
      return balanceDelta(w, load, s) - price * s;
    }
    double down = Math.floor(s / granule) * granule;
    double best = down > 0 ? balanceDelta(w, load, down) - price * down : 0;
    double up = down + granule;
    if (up <= room) {
      best = Math.min(best, balanceDelta(w, load, up) - price * up);
    }
    return Math.min(0, best);
  }

  /**
   * The least change in balance cost of local workers u and v, carrying {@code loadU} and
   * {@code loadV}, when they share {@code total} more weighted cases as if it were divisible, u
   * taking between {@code low} and {@code high} of it: a lower bound on every split of whole groups
   * of that weight. Each worker's balance cost is convex in its load, so the least is where their
   * marginal costs are equal ({@link AllocationProblem#loadAtSlope} is linear in the slope), or at
   * the nearer end.
   */
  double divisibleSplit(int u, double loadU, int v, double loadV, double total, double low, double high) {
    double ku = problem.loadAtSlope(workers[u], 1);
    double kv = problem.loadAtSlope(workers[v], 1);
    // (loadU + x) / ku = (loadV + total − x) / kv; with no balance weight every split costs nothing
    double x = Double.isFinite(ku) && Double.isFinite(kv) ? (ku * (loadV + total) - kv * loadU) / (ku + kv) : low;
    x = Math.max(low, Math.min(high, x));
    return balanceDelta(u, loadU, x) + balanceDelta(v, loadV, total - x);
  }

  /** Change in balance cost at local worker {@code w} carrying {@code load} when it takes {@code add}. */
  double balanceDelta(int w, double load, double add) {
    return problem.balanceDelta(workers[w], load, add);
  }

  /** Balance cost of local worker {@code w} carrying {@code load}. */
  double balanceCost(int w, double load) {
    return problem.balanceCost(workers[w], load);
  }

  /** Loads of the local workers under a local assignment ({@code at[g]} = local worker or −1). */
  double[] loads(int[] at) {
    double[] load = new double[workers.length];
    for (int w = 0; w < load.length; w++) {
      load[w] = fixedLoad(w);
    }
    for (int g = 0; g < at.length; g++) {
      if (at[g] >= 0) {
        load[at[g]] += weight[g];
      }
    }
    return load;
  }

  /** True if every worker of a local assignment is within capacity and every group at one of its options. */
  boolean feasible(int[] at) {
    for (int g = 0; g < at.length; g++) {
      if (at[g] >= 0 && optionIndex(g, at[g]) < 0) {
        return false;
      }
    }
    double[] load = loads(at);
    boolean[] takes = new boolean[load.length];
    for (int w : at) {
      if (w >= 0) {
        takes[w] = true;
      }
    }
    for (int w = 0; w < load.length; w++) {
      if (takes[w] && !fits(w, load[w], 0)) {
        return false;
      }
    }
    return true;
  }

  /** The part's share of the objective under a local assignment (its groups' costs and its workers' balance). */
  double objective(int[] at) {
    double total = 0;
    for (int g = 0; g < at.length; g++) {
      total += cost(g, at[g]);
    }
    double[] load = loads(at);
    for (int w = 0; w < load.length; w++) {
      total += balanceCost(w, load[w]);
    }
    return total;
  }

  /** A local assignment from a problem-wide one. */
  int[] localise(int[] assign) {
    int[] at = new int[groups.length];
    for (int g = 0; g < groups.length; g++) {
      int w = assign[groups[g]];
      at[g] = w < 0 ? -1 : Arrays.binarySearch(workers, w);
      if (w >= 0 && at[g] < 0) {
        throw new IllegalStateException("group " + groups[g] + " assigned outside its part");
      }
    }
    return at;
  }

  /** Writes a local assignment into a problem-wide one. */
  void store(int[] at, int[] assign) {
    for (int g = 0; g < groups.length; g++) {
      assign[groups[g]] = at[g] < 0 ? -1 : workers[at[g]];
    }
  }

  /** True if every group weighs the same (the convex min-cost flow is then exact). */
  boolean equalWeights() {
    for (double x : weight) {
      if (x != weight[0]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Part[" + groups.length + " groups, " + workers.length + " workers]";
  }
}
