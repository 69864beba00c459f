package org.caseload.core.allocation;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.core.model.Case;

/**
 * An allocation request as our allocators see it, read-only: workers and groups of cases as
 * indices, with the hard rules (which workers may take each group, each worker's capacity) and
 * every cost, as computed in the one place that computes them for every allocator. For code that
 * answers the same question another way — another solver, a check of a plan, a heuristic of one's
 * own — and must not restate the rules.
 *
 * <p>Workers are numbered in the organisation's order, groups in the order the request names
 * their first case. A group is one child, or the siblings in the request, who must go to one
 * worker; siblings outside the request tie the group to their worker through {@link #eligible}.
 * Loads and capacities are in weighted cases; costs are in the units of the
 * {@link AllocationPolicy}. An assignment is an {@code int[]} of one worker index per group, or
 * {@code -1} for a group left unallocated. Immutable and thread-safe.
 */
public final class CompiledRequest {
  private final AllocationProblem problem;

  private CompiledRequest(AllocationProblem problem) {
    this.problem = problem;
  }

  /** Compiles {@code request}: eligibility, sibling groups, loads and costs. */
  public static CompiledRequest of(AllocationRequest request) {
    return new CompiledRequest(new AllocationProblem(request));
  }

  /** The request compiled. */
  public AllocationRequest request() {
    return problem.request;
  }

  /** Number of workers. */
  public int workers() {
    return problem.capacity.length;
  }

  /** Id of worker {@code w}. */
  public String workerId(int w) {
    return problem.workers.get(w).id();
  }

  /** Capacity of worker {@code w}, weighted cases. */
  public double capacity(int w) {
    return problem.capacity[w];
  }

  /** Load of worker {@code w} from open cases outside the request, weighted cases. */
  public double fixedLoad(int w) {
    return problem.fixedLoad[w];
  }

  /** Number of groups. */
  public int groups() {
    return problem.groups.size();
  }

  /** Ids of the cases of group {@code g}, in the order the request names them. */
  public List<String> caseIds(int g) {
    return problem.groups.get(g).cases.stream().map(Case::id).toList();
  }

  /** Number of cases in group {@code g}. */
  public int size(int g) {
    return problem.groups.get(g).size();
  }

  /** Total weight of group {@code g}, weighted cases. */
  public double weight(int g) {
    return problem.groups.get(g).weight;
  }

  /** For each case of group {@code g}, the index of the worker holding it now, or -1 (a copy). */
  public int[] currentWorkers(int g) {
    return problem.groups.get(g).current.clone();
  }

  /**
   * The workers who may take group {@code g} by every hard rule but capacity (service and cover,
   * role protections, siblings), ascending (a copy).
   */
  public int[] eligible(int g) {
    return problem.groups.get(g).eligible.clone();
  }

  /** Whether worker {@code w} may take group {@code g}, capacity apart. */
  public boolean allows(int g, int w) {
    return problem.groups.get(g).allows(w);
  }

  /** Cost of leaving group {@code g} unallocated. */
  public double unallocatedCost(int g) {
    return problem.groups.get(g).unallocatedCost;
  }

  /** Cost of the transfers that placing group {@code g} with worker {@code w} causes. */
  public double transferCost(int g, int w) {
    return problem.transferCost(problem.groups.get(g), w);
  }

  /** Continuity bonus of placing group {@code g} with worker {@code w}, as a cost of 0 or less. */
  public double continuityCost(int g, int w) {
    return problem.continuityCost(problem.groups.get(g), w);
  }

  /** Locality cost of placing group {@code g} with worker {@code w}. */
  public double localityCost(int g, int w) {
    return problem.localityCost(problem.groups.get(g), w);
  }

  /** Every cost of placing group {@code g} with worker {@code w} except balance. */
  public double placementCost(int g, int w) {
    return problem.placementCost(problem.groups.get(g), w);
  }

  /**
   * A key of everything {@link #placementCost} reads of group {@code g}: groups with equal keys
   * (by {@code equals}) cost the same with every worker.
   */
  public Object placementKey(int g) {
    return problem.placementKey(problem.groups.get(g));
  }

  /**
   * Balance cost of worker {@code w} carrying {@code load} weighted cases, against carrying only
   * the fixed load: {@link AllocationPolicy#balanceDelta} from the fixed load.
   */
  public double balanceCost(int w, double load) {
    return problem.balanceCost(w, load);
  }

  /** The loads an assignment gives, weighted cases per worker. */
  public double[] loads(int[] assign) {
    checkLength(assign);
    return problem.loads(assign);
  }

  /**
   * The objective of an assignment, term by term.
   *
   * @throws IllegalArgumentException naming the first hard rule the assignment breaks (a worker
   *     not allowed, or a worker taking a group and ending over capacity)
   */
  public Objective evaluate(int[] assign) {
    checkLength(assign);
    try {
      return problem.evaluate(assign);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The first hard rule an assignment breaks, or null if it breaks none. */
  public String broken(int[] assign) {
    try {
      checkLength(assign);
      problem.check(assign);
      return null;
    } catch (IllegalStateException | IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * The plan of an assignment, as our allocators give it (every unallocated case with its
   * reason), with no lower bound.
   *
   * @param allocator the name to record as the plan's allocator
   * @throws IllegalArgumentException if the assignment breaks a hard rule
   */
  public AllocationPlan plan(String allocator, int[] assign) {
    evaluate(assign);
    return problem.plan(allocator, assign.clone(), OptionalDouble.empty());
  }

  /** A plan of this request read back as an assignment: each group's worker (that of its first case), or -1. */
  public int[] assignmentOf(AllocationPlan plan) {
    Map<String, String> assignments = plan.assignments();
    int[] assign = new int[groups()];
    for (int g = 0; g < assign.length; g++) {
      String worker = assignments.get(problem.groups.get(g).cases.get(0).id());
      assign[g] = worker == null ? -1 : problem.organisation.indexOf(worker);
    }
    return assign;
  }

  private void checkLength(int[] assign) {
    if (assign.length != groups()) {
      throw new IllegalArgumentException("assignment has " + assign.length + " entries for " + groups() + " groups");
    }
  }

  @Override
  public String toString() {
    return "CompiledRequest[" + problem.request.caseIds().size() + " cases in " + groups() + " groups, " + workers()
        + " workers]";
  }
}
