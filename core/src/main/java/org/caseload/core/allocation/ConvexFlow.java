package org.caseload.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact optimum of a part whose groups all weigh the same ({@code u} weighted cases), as a
 * min-cost flow with convex costs on a network where interchangeable groups, and interchangeable
 * workers, are one node each.
 *
 * <p><b>The network.</b> Groups with the same options, the same cost at each option and the same
 * cost of leaving them unallocated are interchangeable: they form a <em>class</em>, one node
 * whose supply is the number of its groups. Groups that differ in any cost (priority of their
 * category, a current or past worker, locality) are in different classes. Workers with the same
 * balance cost for each further group (the same fixed load, capacity and room) and the same
 * arcs from the classes (same classes, same costs) are interchangeable too: they form a
 * <em>type</em>, one node of multiplicity r. Arcs: class → type for each option (cost:
 * {@link AllocationProblem#placementCost}); class → sink (cost: leaving a group unallocated);
 * type → sink, the k-th round of r units costing the balance cost of a worker's k-th group:
 * balance weight × ((F + k·u)² − (F + (k − 1)·u)²) ÷ capacity, which grows with k. Because these
 * costs grow, a min-cost flow fills the cheaper units first, so an integral flow is an assignment
 * of the same cost, and every assignment is such a flow: the optimum of the flow is the optimum
 * of the part. Capacity is the number of units k with F + k·u within capacity, counted by the
 * same sum the problem checks.
 *
 * <p><b>The algorithm: primal-dual successive shortest paths.</b> A super-source feeds every class
 * with units still to route. Each phase runs Dijkstra from the source on reduced costs (node
 * potentials keep every residual arc's reduced cost at least 0), stopping at the sink; potentials
 * of the nodes settled before it are raised by how much closer they were than the sink
 * (Goldberg's trick), which keeps reduced costs at least 0 without touching the others. Then as
 * many units as possible are pushed along paths of arcs whose reduced cost is now 0 (a blocking
 * flow of the admissible network, found by depth-first search), each path carrying as many units
 * as its tightest arc allows: a type takes up to r units of one round at once, and a path that
 * moves units of a class or leaves them unallocated moves as many as are there. Pushing along
 * shortest paths keeps the flow of least cost for the units routed so far, so after the last
 * unit it is optimal. Reduced costs are doubles; an arc counts as admissible when its reduced cost
 * is 0 up to rounding ({@link #TIGHT} relative to the numbers summed), or when it is the arc by
 * which Dijkstra reached its head, so every phase routes at least one unit.
 *
 * <p><b>Back to groups.</b> Each type's units are dealt out evenly to its workers (the first ones
 * taking one more when they do not divide evenly: every member has the same convex cost, so an
 * even split is the cheapest); then each class's units at a type go first to groups whose current
 * worker is one of the type's workers with a unit left, the rest in ascending order of group and
 * worker; the groups of a class beyond its placed units are left unallocated. All choices follow
 * the indices, so the result is deterministic.
 *
 * <p>Cost: one Dijkstra per phase on the classes and types it reaches before the sink; a phase
 * routes every unit that can go at the same marginal cost, so the number of phases is about the
 * number of distinct marginal costs met, not the number of groups.
 */
final class ConvexFlow {
  /** Arcs whose reduced cost is at most this times the magnitude of the numbers summed are tight. */
  private static final double TIGHT = 1e-12;
  /** Tree arc of a class reached from the source. */
  private static final int FROM_SOURCE = -1;

  private final Part part;
  private final double unit;

  // classes
  private final int classes;
  /** Groups of each class, ascending. */
  private final int[][] members;
  private final double[] unallocatedCost;
  /** Units of each class not yet routed. */
  private final int[] pending;
  /** Units of each class left unallocated. */
  private final int[] dropped;

  // arcs class -> type, by class: [first[c], first[c + 1])
  private final int[] first;
  private final int[] arcClass;
  private final int[] arcType;
  private final double[] arcCost;
  private final int[] flow;
  private final int arcs;

  // types
  private final int types;
  /** Local workers of each type, ascending. */
  private final int[][] typeWorkers;
  /** Balance cost of each worker of the type's k-th unit. */
  private final double[][] slotCost;
  /** Units placed with each type. */
  private final int[] used;
  /** Arcs into each type, by ascending class. */
  private final int[][] typeArcs;

  // nodes: classes, then types, then the sink; the source is implicit
  private final int sink;
  private final double[] potential;
  private double sourcePotential;

  // Dijkstra state
  private final double[] dist;
  private final int[] treeArc;
  private final int[] seen;
  private final int[] settledIn;
  private int stamp;
  private final ConvexFlow.Heap heap;
  private final int[] settled;
  private int settledCount;

  // depth-first search state
  /** True until the phase's first push. */
  private boolean untouched;
  private final int[] next;
  private final boolean[] onPath;
  private final int[] pathNode;
  private final int[] pathArc;

  private ConvexFlow(Part part, boolean merge) {
    this.part = part;
    int n = part.size();
    int m = part.workerCount();
    this.unit = n == 0 ? 0 : part.weight[0];

    // Classes: groups with the same options, costs and cost of leaving unallocated.
    int[] classOf = new int[n];
    List<Integer> firstGroup = new ArrayList<>();
    if (merge) {
      Map<double[], Integer> arcsOf = new IdentityHashMap<>(Math.min(n, 1024));
      Map<ArcsKey, Integer> arcsByContent = new HashMap<>();
      // The classes of each set of arcs, as a chain through nextClass, told apart by the cost of
      // leaving their groups unallocated: as many as there are such costs (one per category, or
      // per mix of categories of a sibling group), so the chains are short.
      int[] classesOfArcs = new int[Math.min(n, 16)];
      Arrays.fill(classesOfArcs, -1);
      int[] nextClass = new int[Math.min(n, 16)];
      double[] lastCost = null;
      int lastGroup = -1;
      int lastArcs = -1;
      for (int g = 0; g < n; g++) {
        int a;
        if (part.cost[g] == lastCost || (lastCost != null && Arrays.equals(part.cost[g], lastCost)
            && Arrays.equals(part.options[g], part.options[lastGroup]))) {
          a = lastArcs; // groups alike tend to come together, and often share their cost array
        } else {
          Integer known = arcsOf.get(part.cost[g]);
          if (known == null) {
            known = arcsByContent.computeIfAbsent(new ArcsKey(part.options[g], part.cost[g]), k -> arcsByContent.size());
            arcsOf.put(part.cost[g], known);
          }
          a = known;
          lastCost = part.cost[g];
          lastGroup = g;
          lastArcs = a;
        }
        if (a == classesOfArcs.length) {
          classesOfArcs = Arrays.copyOf(classesOfArcs, 2 * a);
          Arrays.fill(classesOfArcs, a, classesOfArcs.length, -1);
        }
        double left = part.unallocatedCost[g];
        int c = classesOfArcs[a];
        while (c >= 0 && Double.compare(part.unallocatedCost[firstGroup.get(c)], left) != 0) {
          c = nextClass[c];
        }
        if (c < 0) {
          c = firstGroup.size();
          if (c == nextClass.length) {
            nextClass = Arrays.copyOf(nextClass, 2 * c);
          }
          nextClass[c] = classesOfArcs[a];
          classesOfArcs[a] = c;
          firstGroup.add(g);
        }
        classOf[g] = c;
      }
    } else {
      for (int g = 0; g < n; g++) {
        classOf[g] = g;
        firstGroup.add(g);
      }
    }
    classes = firstGroup.size();
    int[] size = new int[classes];
    for (int g = 0; g < n; g++) {
      size[classOf[g]]++;
    }
    members = new int[classes][];
    for (int c = 0; c < classes; c++) {
      members[c] = new int[size[c]];
    }
    int[] fill = new int[classes];
    for (int g = 0; g < n; g++) {
      members[classOf[g]][fill[classOf[g]]++] = g;
    }
    unallocatedCost = new double[classes];
    pending = size.clone();
    dropped = new int[classes];
    for (int c = 0; c < classes; c++) {
      unallocatedCost[c] = part.unallocatedCost[firstGroup.get(c)];
    }

    // Each worker's room in units and the balance cost of each unit.
    double[][] workerSlots = new double[m][];
    for (int w = 0; w < m; w++) {
      double load = part.fixedLoad(w);
      double[] costs = new double[Math.min(n, 8)];
      int k = 0;
      while (k < n && part.fits(w, load, unit)) {
        if (k == costs.length) {
          costs = Arrays.copyOf(costs, Math.min(n, 2 * k));
        }
        costs[k++] = part.balanceDelta(w, load, unit);
        load += unit;
      }
      workerSlots[w] = Arrays.copyOf(costs, k);
    }
    // Each worker's column: the classes with an arc to it, ascending, and the arcs' costs.
    int[] degree = new int[m];
    for (int c = 0; c < classes; c++) {
      for (int w : part.options[firstGroup.get(c)]) {
        degree[w]++;
      }
    }
    int[][] columnClass = new int[m][];
    double[][] columnCost = new double[m][];
    for (int w = 0; w < m; w++) {
      columnClass[w] = new int[degree[w]];
      columnCost[w] = new double[degree[w]];
      degree[w] = 0;
    }
    for (int c = 0; c < classes; c++) {
      int g = firstGroup.get(c);
      int[] o = part.options[g];
      for (int k = 0; k < o.length; k++) {
        int w = o[k];
        columnClass[w][degree[w]] = c;
        columnCost[w][degree[w]++] = part.cost[g][k];
      }
    }
    // Types: workers with the same unit costs and the same column.
    int[] typeOf = new int[m];
    List<Integer> firstWorker = new ArrayList<>();
    Map<TypeKey, Integer> typeByKey = new HashMap<>();
    for (int w = 0; w < m; w++) {
      Integer t = merge ? typeByKey.putIfAbsent(new TypeKey(workerSlots[w], columnClass[w], columnCost[w]),
          firstWorker.size()) : null;
      if (t == null) {
        t = firstWorker.size();
        firstWorker.add(w);
      }
      typeOf[w] = t;
    }
    types = firstWorker.size();
    int[] typeSize = new int[types];
    for (int w = 0; w < m; w++) {
      typeSize[typeOf[w]]++;
    }
    typeWorkers = new int[types][];
    slotCost = new double[types][];
    for (int t = 0; t < types; t++) {
      typeWorkers[t] = new int[typeSize[t]];
      slotCost[t] = workerSlots[firstWorker.get(t)];
      typeSize[t] = 0;
    }
    for (int w = 0; w < m; w++) {
      typeWorkers[typeOf[w]][typeSize[typeOf[w]]++] = w;
    }
    used = new int[types];

    // Arcs class -> type: one per type among the class's options (a type's workers are all options or none).
    first = new int[classes + 1];
    int most = 0;
    for (int c = 0; c < classes; c++) {
      most += part.options[firstGroup.get(c)].length;
    }
    int[] tailOf = new int[most];
    int[] headOf = new int[most];
    double[] costOf = new double[most];
    int e = 0;
    int[] lastClassAt = new int[types];
    Arrays.fill(lastClassAt, -1);
    int[] typeDegree = new int[types];
    for (int c = 0; c < classes; c++) {
      first[c] = e;
      int g = firstGroup.get(c);
      int[] o = part.options[g];
      for (int k = 0; k < o.length; k++) {
        int t = typeOf[o[k]];
        if (lastClassAt[t] != c) {
          lastClassAt[t] = c;
          tailOf[e] = c;
          headOf[e] = t;
          costOf[e++] = part.cost[g][k];
          typeDegree[t]++;
        }
      }
    }
    first[classes] = e;
    arcs = e;
    arcClass = Arrays.copyOf(tailOf, arcs);
    arcType = Arrays.copyOf(headOf, arcs);
    arcCost = Arrays.copyOf(costOf, arcs);
    flow = new int[arcs];
    typeArcs = new int[types][];
    for (int t = 0; t < types; t++) {
      typeArcs[t] = new int[typeDegree[t]];
      typeDegree[t] = 0;
    }
    for (int a = 0; a < arcs; a++) {
      typeArcs[arcType[a]][typeDegree[arcType[a]]++] = a;
    }

    sink = classes + types;
    int nodes = sink + 1;
    potential = new double[nodes];
    dist = new double[nodes];
    treeArc = new int[nodes];
    seen = new int[nodes];
    settledIn = new int[nodes];
    heap = new Heap(nodes, dist);
    settled = new int[nodes];
    next = new int[nodes];
    onPath = new boolean[nodes];
    pathNode = new int[nodes + 1];
    pathArc = new int[nodes + 1];
  }

  /** Identity of a class's arcs: its options and their costs, by content. */
  private record ArcsKey(int[] options, double[] cost) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArcsKey k && Arrays.equals(options, k.options) && Arrays.equals(cost, k.cost);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(options) + Arrays.hashCode(cost);
    }
  }

  /** Identity of a worker's type: the balance cost of each unit, and its column, by content. */
  private record TypeKey(double[] slots, int[] classes, double[] costs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TypeKey k && Arrays.equals(slots, k.slots) && Arrays.equals(classes, k.classes)
          && Arrays.equals(costs, k.costs);
    }

    @Override
    public int hashCode() {
      return (31 * Arrays.hashCode(slots) + Arrays.hashCode(classes)) * 31 + Arrays.hashCode(costs);
    }
  }

  /** The optimal local assignment of a part whose groups all weigh the same. */
  static int[] solve(Part part) {
    return solve(part, true);
  }

  /**
   * As {@link #solve(Part)}; without {@code merge}, every group and every worker is a node of its
   * own (the same optimum, on a larger network: for tests of the merging).
   */
  static int[] solve(Part part, boolean merge) {
    if (!part.equalWeights()) {
      throw new IllegalArgumentException("groups of " + part + " differ in weight");
    }
    return new ConvexFlow(part, merge).run();
  }

  private int[] run() {
    initialPotentials();
    long left = part.size();
    while (left > 0) {
      shortestPaths();
      int pushed = blockingFlow();
      if (pushed == 0) {
        throw new IllegalStateException("a phase routed nothing in " + part);
      }
      left -= pushed;
    }
    return assignment();
  }

  /** Shortest distances from the source in the network without flow (no cycle: classes, types, sink). */
  private void initialPotentials() {
    sourcePotential = 0;
    for (int t = 0; t < types; t++) {
      double least = Double.POSITIVE_INFINITY;
      for (int a : typeArcs[t]) {
        least = Math.min(least, arcCost[a]);
      }
      potential[classes + t] = least == Double.POSITIVE_INFINITY ? 0 : least;
    }
    double toSink = Double.POSITIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      toSink = Math.min(toSink, unallocatedCost[c]);
    }
    for (int t = 0; t < types; t++) {
      if (typeArcs[t].length > 0 && roomLeft(t) > 0) {
        toSink = Math.min(toSink, potential[classes + t] + nextSlotCost(t));
      }
    }
    potential[sink] = toSink == Double.POSITIVE_INFINITY ? 0 : toSink;
  }

  /** Units type t can still take at the cost of its next unit (the rest of the current round). */
  private int roomLeft(int t) {
    int r = typeWorkers[t].length;
    return used[t] < r * slotCost[t].length ? r - used[t] % r : 0;
  }

  /** Balance cost of type t's next unit. */
  private double nextSlotCost(int t) {
    return slotCost[t][used[t] / typeWorkers[t].length];
  }

  // ---------------------------------------------------------------- Dijkstra

  /** Dijkstra from the source to the sink on reduced costs, then the potentials' update. */
  private void shortestPaths() {
    stamp++;
    settledCount = 0;
    heap.clear();
    for (int c = 0; c < classes; c++) {
      if (pending[c] > 0) {
        reach(c, Math.max(0, sourcePotential - potential[c]), FROM_SOURCE);
      }
    }
    double toSink = Double.POSITIVE_INFINITY;
    while (!heap.isEmpty()) {
      int v = heap.poll();
      double d = dist[v];
      settledIn[v] = stamp;
      if (v == sink) {
        toSink = d;
        break;
      }
      settled[settledCount++] = v;
      double pv = potential[v];
      if (v < classes) {
        int c = v;
        for (int a = first[c]; a < first[c + 1]; a++) {
          int u = classes + arcType[a];
          relax(u, d + Math.max(0, arcCost[a] + pv - potential[u]), a);
        }
        relax(sink, d + Math.max(0, unallocatedCost[c] + pv - potential[sink]), arcs + c);
      } else {
        int t = v - classes;
        if (roomLeft(t) > 0) {
          relax(sink, d + Math.max(0, nextSlotCost(t) + pv - potential[sink]), arcs + classes + t);
        }
        for (int a : typeArcs[t]) {
          if (flow[a] > 0) {
            int c = arcClass[a];
            relax(c, d + Math.max(0, -arcCost[a] + pv - potential[c]), a);
          }
        }
      }
    }
    if (toSink == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("no path to the sink: the unallocated arc should always be one");
    }
    for (int i = 0; i < settledCount; i++) {
      int v = settled[i];
      potential[v] += dist[v] - toSink;
    }
    sourcePotential -= toSink;
  }

  private void reach(int v, double d, int arc) {
    seen[v] = stamp;
    dist[v] = d;
    treeArc[v] = arc;
    heap.add(v);
  }

  private void relax(int v, double d, int arc) {
    if (seen[v] != stamp) {
      reach(v, d, arc);
    } else if (d < dist[v] && heap.contains(v)) {
      dist[v] = d;
      treeArc[v] = arc;
      heap.decreased(v);
    }
  }

  // ---------------------------------------------------------------- blocking flow

  /** Routes as many units as go along admissible paths; returns how many. */
  private int blockingFlow() {
    for (int i = 0; i < settledCount; i++) {
      next[settled[i]] = 0;
    }
    int pushed = 0;
    untouched = true;
    for (int c = 0; c < classes; c++) {
      if (pending[c] == 0 || settledIn[c] != stamp
          || !admissible(0, sourcePotential, potential[c], c, FROM_SOURCE)) {
        continue;
      }
      while (pending[c] > 0) {
        int f = augmentFrom(c);
        if (f == 0) {
          break;
        }
        pending[c] -= f;
        pushed += f;
        untouched = false;
      }
    }
    return pushed;
  }

  /**
   * True if {@code arc}, of cost {@code cost} into node {@code v}, is tight (its reduced cost
   * {@code cost + from − to} is 0 up to rounding) or, before the phase's first push changes any
   * arc, is the arc by which Dijkstra reached v (so that rounding never stops a phase routing one unit).
   */
  private boolean admissible(double cost, double from, double to, int v, int arc) {
    return cost + from - to <= TIGHT * (1 + Math.abs(cost) + Math.abs(from) + Math.abs(to))
        || (untouched && treeArc[v] == arc);
  }

  /** A depth-first search for one admissible path from class {@code root} to the sink; pushes along it and returns the units pushed. */
  private int augmentFrom(int root) {
    int top = 0;
    pathNode[0] = root;
    onPath[root] = true;
    while (top >= 0) {
      int v = pathNode[top];
      if (v == sink) {
        int f = push(top);
        for (int i = 0; i < top; i++) {
          onPath[pathNode[i]] = false;
        }
        return f;
      }
      int u = advance(v, top + 1);
      if (u < 0) {
        onPath[v] = false; // a dead end for the rest of the phase: its pointer is at its end
        top--;
      } else {
        pathNode[++top] = u;
        if (u != sink) {
          onPath[u] = true;
        }
      }
    }
    return 0;
  }

  /** The head of v's next admissible arc with room (recorded in {@code pathArc[at]}), or −1. */
  private int advance(int v, int at) {
    double pv = potential[v];
    if (v < classes) {
      int c = v;
      int degree = first[c + 1] - first[c];
      for (; next[v] <= degree; next[v]++) {
        int i = next[v];
        if (i < degree) {
          int a = first[c] + i;
          int u = classes + arcType[a];
          if (open(u) && admissible(arcCost[a], pv, potential[u], u, a)) {
            pathArc[at] = a;
            return u;
          }
        } else if (admissible(unallocatedCost[c], pv, potential[sink], sink, arcs + c)) {
          pathArc[at] = arcs + c;
          return sink;
        }
      }
    } else {
      int t = v - classes;
      int[] in = typeArcs[t];
      for (; next[v] <= in.length; next[v]++) {
        int i = next[v];
        if (i == 0) {
          if (roomLeft(t) > 0) {
            if (admissible(nextSlotCost(t), pv, potential[sink], sink, arcs + classes + t)) {
              pathArc[at] = arcs + classes + t;
              return sink;
            }
          }
        } else {
          int a = in[i - 1];
          int c = arcClass[a];
          if (flow[a] > 0 && open(c)
              && admissible(-arcCost[a], pv, potential[c], c, a)) {
            pathArc[at] = a;
            return c;
          }
        }
      }
    }
    return -1;
  }

  /** True if the search may enter {@code u}: settled in this phase, not on the path, not a dead end. */
  private boolean open(int u) {
    if (settledIn[u] != stamp || onPath[u]) {
      return false;
    }
    int end = u < classes ? first[u + 1] - first[u] : typeArcs[u - classes].length;
    return next[u] <= end;
  }

  /** Pushes as many units as the path pathNode[0..top] takes (at most the root's pending units). */
  private int push(int top) {
    int f = pending[pathNode[0]];
    for (int i = 1; i <= top; i++) {
      int a = pathArc[i];
      int from = pathNode[i - 1];
      if (a < arcs) {
        if (from >= classes) {
          f = Math.min(f, flow[a]); // back along a class's arc: move units of that class
        }
      } else if (a >= arcs + classes) {
        f = Math.min(f, roomLeft(a - arcs - classes));
      }
    }
    for (int i = 1; i <= top; i++) {
      int a = pathArc[i];
      int from = pathNode[i - 1];
      if (a < arcs) {
        flow[a] += from < classes ? f : -f;
      } else if (a < arcs + classes) {
        dropped[a - arcs] += f;
      } else {
        used[a - arcs - classes] += f;
      }
    }
    return f;
  }

  // ---------------------------------------------------------------- back to groups

  /** Each group's local worker (or −1) from the flow; see the class comment. */
  private int[] assignment() {
    int n = part.size();
    int[] at = new int[n];
    Arrays.fill(at, -1);
    // Units per worker: the type's units dealt out evenly, the first workers taking the remainder.
    int[] quota = new int[part.workerCount()];
    for (int t = 0; t < types; t++) {
      int[] ws = typeWorkers[t];
      for (int i = 0; i < ws.length; i++) {
        quota[ws[i]] = used[t] / ws.length + (i < used[t] % ws.length ? 1 : 0);
      }
    }
    int[] left = flow.clone();
    // First, groups whose current worker is in the type their class sends units to.
    for (int c = 0; c < classes; c++) {
      for (int g : members[c]) {
        int h = currentWorker(g);
        if (h < 0 || quota[h] == 0) {
          continue;
        }
        for (int a = first[c]; a < first[c + 1]; a++) {
          if (left[a] > 0 && Arrays.binarySearch(typeWorkers[arcType[a]], h) >= 0) {
            at[g] = h;
            left[a]--;
            quota[h]--;
            break;
          }
        }
      }
    }
    // Then the rest, in order.
    int[] nextWorker = new int[types];
    for (int c = 0; c < classes; c++) {
      int i = 0;
      int[] gs = members[c];
      for (int a = first[c]; a < first[c + 1]; a++) {
        int t = arcType[a];
        int[] ws = typeWorkers[t];
        while (left[a] > 0) {
          while (at[gs[i]] >= 0) {
            i++;
          }
          while (quota[ws[nextWorker[t]]] == 0) {
            nextWorker[t]++;
          }
          int w = ws[nextWorker[t]];
          at[gs[i++]] = w;
          quota[w]--;
          left[a]--;
        }
      }
    }
    return at;
  }

  /** Local index of the worker holding every case of local group g now, or −1. */
  private int currentWorker(int g) {
    int h = part.problem.groups.get(part.groups[g]).holder();
    return h < 0 ? -1 : Math.max(-1, Arrays.binarySearch(part.workers, h));
  }

  /** A binary min-heap of node indices keyed by {@code key[node]}, ties by node index. */
  static final class Heap {
    private final int[] heap;
    private final int[] index;
    private final double[] key;
    private int size;

    Heap(int capacity, double[] key) {
      heap = new int[capacity];
      index = new int[capacity];
      Arrays.fill(index, -1);
      this.key = key;
    }

    void clear() {
      for (int i = 0; i < size; i++) {
        index[heap[i]] = -1;
      }
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    boolean contains(int v) {
      return index[v] >= 0;
    }

    void add(int v) {
      heap[size] = v;
      index[v] = size;
      up(size++);
    }

    void decreased(int v) {
      up(index[v]);
    }

    int poll() {
      int top = heap[0];
      index[top] = -1;
      size--;
      if (size > 0) {
        heap[0] = heap[size];
        index[heap[0]] = 0;
        down(0);
      }
      return top;
    }

    private boolean less(int a, int b) {
      double ka = key[a];
      double kb = key[b];
      return ka < kb || (ka == kb && a < b);
    }

    private void up(int i) {
      int v = heap[i];
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        int pv = heap[parent];
        if (!less(v, pv)) {
          break;
        }
        heap[i] = pv;
        index[pv] = i;
        i = parent;
      }
      heap[i] = v;
      index[v] = i;
    }

    private void down(int i) {
      int v = heap[i];
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!less(heap[c], v)) {
          break;
        }
        heap[i] = heap[c];
        index[heap[i]] = i;
        i = c;
      }
      heap[i] = v;
      index[v] = i;
    }
  }
}
