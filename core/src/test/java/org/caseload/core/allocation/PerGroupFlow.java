package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * A reference for {@link ConvexFlow} in tests: the same optimum on the per-group network (a node
 * per group and per worker, one unit of supply per group), by a different algorithm — one
 * shortest path per group, groups added one at a time. The allocator used it before groups and
 * workers were merged; it is kept as an independent check of the merged network.
 *
 * <p>The network: each group is a node with a supply of one unit; an arc from the group to each
 * of its options (cost: {@link AllocationProblem#placementCost}); an arc from the group to the
 * sink (cost: leaving it unallocated); from each worker to the sink, one arc per unit of room,
 * the k-th costing the balance cost of the worker's k-th group: balance weight × ((F + k·u)² −
 * (F + (k − 1)·u)²) ÷ capacity, which grows with k. Because these costs grow, a min-cost flow
 * fills a worker's cheaper units first, so a flow of one unit per group is an assignment and its
 * cost is the objective exactly; every assignment is such a flow. Capacity is the number of
 * units k with F + k·u within capacity, counted by the same sum the problem checks.
 *
 * <p>Groups are added one at a time (highest cost of leaving unallocated first). Each is routed
 * to the sink along a shortest path of the residual network (Dijkstra on reduced costs, with
 * node potentials that keep every residual arc's reduced cost at least 0); such a path may move
 * other groups (ejection chains) or leave a cheaper group unallocated. A new group has no arc
 * into it, so adding it creates no negative cycle, and augmenting along a shortest path keeps
 * the flow of least cost for the groups added so far: after the last group it is optimal.
 * Dijkstra stops when it reaches the sink; potentials of the nodes settled before it are lowered
 * by how much closer they were than the sink (Goldberg's trick), which keeps reduced costs at
 * least 0 without touching the others.
 *
 * <p>Cost: one shortest-path search per group, over the groups' options and the workers'
 * current groups that it reaches before the sink.
 */
final class PerGroupFlow {
  private final Part part;
  private final int n;
  private final int m;
  private final int sink;
  private final double unit;
  /** Units of room of each worker. */
  private final int[] slots;
  /** Local worker of each group, -1 unallocated, -2 not added yet. */
  private final int[] at;
  private final int[][] members;
  private final int[] count;
  private final int[] pos;
  private final double[] potential;

  // Dijkstra state
  private final double[] dist;
  private final int[] prev;
  private final int[] seen;
  private int stamp;
  private final ConvexFlow.Heap heap;
  private final int[] settled;
  private int settledCount;

  private PerGroupFlow(Part part) {
    this.part = part;
    this.n = part.size();
    this.m = part.workerCount();
    this.sink = n + m;
    this.unit = n == 0 ? 0 : part.weight[0];
    slots = new int[m];
    for (int w = 0; w < m; w++) {
      double load = part.fixedLoad(w);
      int k = 0;
      while (k < n && part.fits(w, load, unit)) {
        load += unit;
        k++;
      }
      slots[w] = k;
    }
    at = new int[n];
    Arrays.fill(at, -2);
    members = new int[m][];
    count = new int[m];
    pos = new int[n];
    for (int w = 0; w < m; w++) {
      members[w] = new int[Math.min(slots[w], 4)];
    }
    potential = new double[n + m + 1];
    dist = new double[n + m + 1];
    prev = new int[n + m + 1];
    seen = new int[n + m + 1];
    heap = new ConvexFlow.Heap(n + m + 1, dist);
    settled = new int[n + m + 1];
  }

  /** The optimal local assignment of a part whose groups all weigh the same. */
  static int[] solve(Part part) {
    if (!part.equalWeights()) {
      throw new IllegalArgumentException("groups of " + part + " differ in weight");
    }
    return new PerGroupFlow(part).run();
  }

  private int[] run() {
    Integer[] order = new Integer[n];
    for (int g = 0; g < n; g++) {
      order[g] = g;
    }
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(part.unallocatedCost[y], part.unallocatedCost[x]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    for (int g : order) {
      add(g);
    }
    return at.clone();
  }

  /** Cost of the next unit on worker w's arc to the sink (it carries count[w] units). */
  private double slotCost(int w) {
    double load = part.fixedLoad(w) + count[w] * unit;
    return part.balanceDelta(w, load, unit);
  }

  /** Routes group g's unit to the sink along a shortest residual path. */
  private void add(int g0) {
    // A potential for the new node that makes its arcs' reduced costs at least 0.
    double p = potential[sink] - part.unallocatedCost[g0];
    int[] opts = part.options[g0];
    for (int k = 0; k < opts.length; k++) {
      p = Math.max(p, potential[n + opts[k]] - part.cost[g0][k]);
    }
    potential[g0] = p;
    at[g0] = -1; // placeholder while searching: g0 has no worker to leave

    stamp++;
    settledCount = 0;
    heap.clear();
    reach(g0, 0, -1);
    double toSink = Double.POSITIVE_INFINITY;
    while (!heap.isEmpty()) {
      int v = heap.poll();
      double d = dist[v];
      if (v == sink) {
        toSink = d;
        break;
      }
      settled[settledCount++] = v;
      if (v < n) {
        int g = v;
        int cur = v == g0 ? -1 : at[g];
        double pv = potential[v];
        int[] o = part.options[g];
        for (int k = 0; k < o.length; k++) {
          int w = o[k];
          if (w != cur) {
            relax(n + w, d + Math.max(0, part.cost[g][k] + pv - potential[n + w]), v);
          }
        }
        if (cur >= 0 || v == g0) {
          relax(sink, d + Math.max(0, part.unallocatedCost[g] + pv - potential[sink]), v);
        }
      } else {
        int w = v - n;
        double pv = potential[v];
        if (count[w] < slots[w]) {
          relax(sink, d + Math.max(0, slotCost(w) + pv - potential[sink]), v);
        }
        int[] mem = members[w];
        for (int i = 0; i < count[w]; i++) {
          int h = mem[i];
          double back = -part.cost[h][part.optionIndex(h, w)];
          relax(h, d + Math.max(0, back + pv - potential[h]), v);
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
    augment(g0);
  }

  private void reach(int v, double d, int from) {
    seen[v] = stamp;
    dist[v] = d;
    prev[v] = from;
    heap.add(v);
  }

  private void relax(int v, double d, int from) {
    if (seen[v] != stamp) {
      reach(v, d, from);
    } else if (d < dist[v] && heap.contains(v)) {
      dist[v] = d;
      prev[v] = from;
      heap.decreased(v);
    }
  }

  /** Applies the path found, from the sink back to g0. */
  private void augment(int g0) {
    int v = sink;
    int u = prev[v];
    if (u < n) {
      // the last group on the path is left unallocated
      moveTo(u, -1);
    }
    // Walk back: each arc group -> worker places the group there.
    while (u != g0) {
      if (u >= n) {
        int w = u - n;
        int g = prev[u];
        moveTo(g, w);
        u = prev[g];
        if (g == g0) {
          break;
        }
      } else {
        u = prev[u];
      }
    }
  }

  private void moveTo(int g, int w) {
    int cur = at[g];
    if (cur >= 0) {
      int i = pos[g];
      int last = members[cur][--count[cur]];
      members[cur][i] = last;
      pos[last] = i;
    }
    at[g] = w;
    if (w >= 0) {
      if (count[w] == members[w].length) {
        members[w] = Arrays.copyOf(members[w], Math.max(4, 2 * count[w]));
      }
      pos[g] = count[w];
      members[w][count[w]++] = g;
    }
  }
}
