package org.caseload.benchmarks.allocation;

import java.util.List;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.CompiledRequest;
import org.caseload.core.allocation.Objective;

/**
 * An allocation request as the peer solvers see it: core's {@link CompiledRequest} (workers and
 * groups of cases as indices, with the hard rules and costs our allocators use, computed in
 * core's one place), with the arrays the peers read in their inner loops held once, and the
 * measures of a plan that the quality report prints. {@link #evaluate} prices any assignment by
 * core's formula and {@link #assignmentOf} reads our plans back, so the peers answer, and are
 * priced on, exactly the question our allocators answer.
 */
public final class AllocationModel {
  /** Loads may exceed capacity by this much (rounding of sums of weights), as in core. */
  public static final double EPS = 1e-9;

  private final CompiledRequest compiled;
  private final int workers;
  private final int groups;
  private final double[] capacity;
  private final double[] fixedLoad;
  private final double[] weight;
  private final int[] size;
  private final int[][] eligible;
  private final double[] unallocatedCost;
  private final int caseCount;

  /** Compiles {@code request}. */
  public AllocationModel(AllocationRequest request) {
    compiled = CompiledRequest.of(request);
    workers = compiled.workers();
    groups = compiled.groups();
    capacity = new double[workers];
    fixedLoad = new double[workers];
    for (int w = 0; w < workers; w++) {
      capacity[w] = compiled.capacity(w);
      fixedLoad[w] = compiled.fixedLoad(w);
    }
    weight = new double[groups];
    size = new int[groups];
    eligible = new int[groups][];
    unallocatedCost = new double[groups];
    int cases = 0;
    for (int g = 0; g < groups; g++) {
      weight[g] = compiled.weight(g);
      size[g] = compiled.size(g);
      eligible[g] = compiled.eligible(g);
      unallocatedCost[g] = compiled.unallocatedCost(g);
      cases += size[g];
    }
    caseCount = cases;
  }

  /** The compiled request in core. */
  public CompiledRequest compiled() {
    return compiled;
  }

  /** Number of workers. */
  public int workers() {
    return workers;
  }

  /** Number of groups (a child alone, or siblings who go together). */
  public int groups() {
    return groups;
  }

  /** Capacity of worker {@code w}, weighted cases. */
  public double capacity(int w) {
    return capacity[w];
  }

  /** Load of worker {@code w} from cases outside the request, weighted cases. */
  public double fixedLoad(int w) {
    return fixedLoad[w];
  }

  /** Total weight of group {@code g}, weighted cases. */
  public double weight(int g) {
    return weight[g];
  }

  /** Workers allowed to take group {@code g}, ascending (do not modify). */
  public int[] eligible(int g) {
    return eligible[g];
  }

  /** Cost of leaving group {@code g} unallocated. */
  public double unallocatedCost(int g) {
    return unallocatedCost[g];
  }

  /** The balance weight of the policy. */
  public double balanceWeight() {
    return compiled.request().policy().balanceWeight();
  }

  /** Id of worker {@code w}. */
  public String workerId(int w) {
    return compiled.workerId(w);
  }

  /** Ids of the cases of group {@code g}. */
  public List<String> caseIds(int g) {
    return compiled.caseIds(g);
  }

  /** The request this model was compiled from.*/
  public AllocationRequest request() {
    return compiled.request();
  }

  /** True if worker {@code w} may take group {@code g}, capacity apart. */
  public boolean allows(int g, int w) {
    return compiled.allows(g, w);
  }

  /** Number of cases of group {@code g}. */
  public int size(int g) {
    return size[g];
  }

  /** Free capacity of worker {@code w} before the request, weighted cases (may be negative). */
  public double free(int w) {
    return capacity[w] - fixedLoad[w];
  }

  public double transferCost(int g, int w) {
    return compiled.transferCost(g, w);
  }

  public double continuityCost(int g, int w) {
    return compiled.continuityCost(g, w);
  }

  public double localityCost(int g, int w) {
    return compiled.localityCost(g, w);
  }

  /** Every cost of placing group {@code g} with worker {@code w} except balance. */
  public double placementCost(int g, int w) {
    return compiled.placementCost(g, w);
  }

  /** Groups with equal keys cost the same with every worker (see {@link CompiledRequest#placementKey}). */
  public Object placementKey(int g) {
    return compiled.placementKey(g);
  }

  /** Balance cost of worker {@code w} carrying {@code load}, against carrying its fixed load. */
  public double balanceCost(int w, double load) {
    return compiled.balanceCost(w, load);
  }

  /** The loads an assignment gives ({@code assign[g]} = worker or -1). */
  public double[] loads(int[] assign) {
    return compiled.loads(assign);
  }

  /**
   * The objective of an assignment, term by term, by core's formula.
   *
   * @throws IllegalArgumentException if it breaks a hard rule (a worker not allowed, or over capacity)
   */
  public Objective evaluate(int[] assign) {
    return compiled.evaluate(assign);
  }

  /** The first hard rule an assignment breaks, or null if it breaks none. */
  public String broken(int[] assign) {
    return compiled.broken(assign);
  }

  /** Reads a plan of ours back into this model: each group's worker (that of its first case), or -1. */
  public int[] assignmentOf(AllocationPlan plan) {
    return compiled.assignmentOf(plan);
  }

  /** Number of cases moved from a worker who holds them to another. */
  public int transfers(int[] assign) {
    int n = 0;
    for (int g = 0; g < groups; g++) {
      for (int c : compiled.currentWorkers(g)) {
        if (c >= 0 && c != assign[g]) {
          n++;
        }
      }
    }
    return n;
  }

  /** Number of cases left unallocated, and their weight in weighted cases, as {count, weight}. */
  public double[] unallocated(int[] assign) {
    double count = 0;
    double w = 0;
    for (int g = 0; g < groups; g++) {
      if (assign[g] < 0) {
        count += size[g];
        w += weight[g];
      }
    }
    return new double[] {count, w};
  }

  /** Utilisation (load ÷ capacity) of every worker after the assignment, in worker order. */
  public double[] utilisation(int[] assign) {
    double[] load = loads(assign);
    for (int w = 0; w < workers; w++) {
      load[w] /= capacity[w];
    }
    return load;
  }

  /** Number of cases in the request. */
  public int caseCount() {
    return caseCount;
  }

  /** Whether every case weighs the same and no group has more than one case (the min-cost flow case). */
  public boolean isUnitWeight() {
    for (int g = 0; g < groups; g++) {
      if (size[g] != 1 || Math.abs(weight[g] - 1) > EPS) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AllocationModel[" + caseCount + " cases in " + groups + " groups, " + workers + " workers]";
  }
}
