package org.caseload.benchmarks.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equal-weight request as a min-cost flow network, for the peers' min-cost flow solvers.
 * Exact: with every case weighing 1 and no sibling groups, the convex balance cost becomes
 * parallel unit arcs of increasing cost, and a min-cost flow is an optimal allocation.
 *
 * <p>Nodes: one per <em>class</em> of cases that are interchangeable (same eligible workers,
 * same current and previous workers, same locality, same unallocated cost), with the class's
 * size as supply; one per worker; one sink. Arcs: class → worker for each eligible worker (cost:
 * transfer + continuity + locality); worker → sink, one unit arc per free place, the k-th
 * costing balanceWeight × ((F+k)² − (F+k−1)²) ÷ capacity (increasing, so the flow fills the
 * cheapest first); class → sink for cases left unallocated (cost: the unallocated cost).
 * Aggregating interchangeable cases is what any practitioner would do; it gives each peer the
 * smallest network for the same optimum.
 *
 * <p>Costs are in objective units (doubles); {@link #scaledCost} gives them as integers for
 * solvers that need them, multiplied by {@link #COST_SCALE} and rounded.
 */
public final class FlowNetwork {
  /** Integer solvers' costs are objective units × this, rounded: 1e-6 of a unit per arc. */
  public static final double COST_SCALE = 1e6;

  final AllocationModel model;
  /** The groups (cases) of each class. */
  final List<int[]> classes;
  final int workerNode0;
  final int sink;
  final int nodes;
  final int[] tail;
  final int[] head;
  final int[] capacity;
  final double[] cost;
  /** For class → worker arcs, the class and the worker; -1 for others. */
  final int[] arcClass;
  final int[] arcWorker;
  /** Node supplies: class sizes, 0 for workers, minus the total at the sink. */
  final int[] supply;

  /** Builds the network; {@code model} must have unit weights ({@link AllocationModel#isUnitWeight()}). */
  public FlowNetwork(AllocationModel model) {
    if (!model.isUnitWeight()) {
      throw new IllegalArgumentException("min-cost flow is exact only when every case weighs 1 and stands alone; "
          + model + " does not (use the EQUAL weighting of AllocationScenario)");
    }
    this.model = model;
    // Groups with the same workers, costs with each and cost left out are interchangeable: one class.
    Map<List<Object>, List<Integer>> byKey = new LinkedHashMap<>();
    for (int g = 0; g < model.groups(); g++) {
      List<Object> key = List.of(Arrays.stream(model.eligible(g)).boxed().toList(), model.placementKey(g),
          model.unallocatedCost(g));
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
    }
    classes = new ArrayList<>();
    byKey.values().forEach(l -> classes.add(l.stream().mapToInt(Integer::intValue).toArray()));
    int k = classes.size();
    workerNode0 = k;
    sink = k + model.workers();
    nodes = sink + 1;
    List<int[]> arcs = new ArrayList<>(); // tail, head, capacity, class, worker
    List<Double> costs = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int[] members = classes.get(c);
      int g = members[0];
      for (int w : model.eligible(g)) {
        int free = freePlaces(w);
        if (free > 0) {
          arcs.add(new int[] {c, workerNode0 + w, Math.min(free, members.length), c, w});
          costs.add(model.placementCost(g, w));
        }
      }
      arcs.add(new int[] {c, sink, members.length, -1, -1});
      costs.add(model.unallocatedCost(g));
    }
    for (int w = 0; w < model.workers(); w++) {
      double f = model.fixedLoad(w);
      for (int p = 1; p <= freePlaces(w); p++) {
        arcs.add(new int[] {workerNode0 + w, sink, 1, -1, -1});
        costs.add(model.balanceCost(w, f + p) - model.balanceCost(w, f + p - 1));
      }
    }
    int m = arcs.size();
    tail = new int[m];
    head = new int[m];
    capacity = new int[m];
    cost = new double[m];
    arcClass = new int[m];
    arcWorker = new int[m];
    for (int a = 0; a < m; a++) {
      int[] x = arcs.get(a);
      tail[a] = x[0];
      head[a] = x[1];
      capacity[a] = x[2];
      arcClass[a] = x[3];
      arcWorker[a] = x[4];
      cost[a] = costs.get(a);
    }
    supply = new int[nodes];
    for (int c = 0; c < k; c++) {
      supply[c] = classes.get(c).length;
      supply[sink] -= supply[c];
    }
  }

  /** Whole cases worker {@code w} can still take. */
  private int freePlaces(int w) {
    return (int) Math.max(0, Math.floor(model.free(w) + AllocationModel.EPS));
  }

  /** Number of arcs. */
  public int arcs() {
    return tail.length;
  }

  /** Number of nodes: classes, then workers, then the sink. */
  public int nodeCount() {
    return nodes;
  }

  public int tail(int a) {
    return tail[a];
  }

  public int head(int a) {
    return head[a];
  }

  public int capacity(int a) {
    return capacity[a];
  }

  /** Cost of arc {@code a} per unit of flow, in objective units. */
  public double cost(int a) {
    return cost[a];
  }

  /** Supply of node {@code v} (negative at the sink). */
  public int supply(int v) {
    return supply[v];
  }

  /** Cost of arc {@code a} as an integer: objective units × {@link #COST_SCALE}, rounded. */
  public long scaledCost(int a) {
    return Math.round(cost[a] * COST_SCALE);
  }

  /** The assignment that a flow gives ({@code flow[a]} per arc): each class's cases dealt out to the workers its flow reaches. */
  public int[] assignment(long[] flow) {
    int[] assign = new int[model.groups()];
    Arrays.fill(assign, -1);
    int[] next = new int[classes.size()];
    for (int a = 0; a < flow.length; a++) {
      if (arcClass[a] >= 0) {
        int[] members = classes.get(arcClass[a]);
        for (long f = 0; f < flow[a]; f++) {
          assign[members[next[arcClass[a]]++]] = arcWorker[a];
        }
      }
    }
    return assign;
  }

  @Override
  public String toString() {
    return "FlowNetwork[" + nodes + " nodes (" + classes.size() + " classes), " + arcs() + " arcs]";
  }
}
