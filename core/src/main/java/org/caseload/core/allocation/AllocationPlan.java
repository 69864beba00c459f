package org.caseload.core.allocation;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;

/**
 * Who takes each case of a request, which cases stay unallocated and why, the transfers it
 * causes, the load of every worker after it, and its objective term by term. A plan does not
 * change anything: {@link #apply(Organisation)} gives the organisation with the plan carried out.
 * Immutable.
 */
public final class AllocationPlan {
  private final String allocator;
  private final AllocationRequest request;
  private final ImmutableMap<String, String> assignments;
  private final ImmutableMap<String, Unallocated> unallocated;
  private final int transfers;
  /** Unmodifiable: a {@link WorkerLoads} or an immutable copy. */
  private final Map<String, Double> loadAfter;
  private final Objective objective;
  private final OptionalDouble lowerBound;

  AllocationPlan(String allocator, AllocationRequest request, Map<String, String> assignments,
      Map<String, Unallocated> unallocated, int transfers, Map<String, Double> loadAfter, Objective objective,
      OptionalDouble lowerBound) {
    this.allocator = allocator;
    this.request = request;
    this.assignments = ImmutableMap.copyOf(assignments);
    this.unallocated = ImmutableMap.copyOf(unallocated);
    this.transfers = transfers;
    this.loadAfter = loadAfter instanceof WorkerLoads ? loadAfter : ImmutableMap.copyOf(loadAfter);
    this.objective = objective;
    this.lowerBound = lowerBound;
  }

  /** The name of the allocator that made the plan. */
  public String allocator() {
    return allocator;
  }

  /** The request the plan answers. */
  public AllocationRequest request() {
    return request;
  }

  /** For each case of the request that has a worker after the plan, that worker's id. */
  public Map<String, String> assignments() {
    return assignments;
  }

  /** For each case of the request left unallocated, why. */
  public Map<String, Unallocated> unallocated() {
    return unallocated;
  }

  /** Number of cases moved from one worker to another. */
  public int transfers() {
    return transfers;
  }

  /** Every worker's load after the plan, in weighted cases, in the organisation's order of workers (unmodifiable). */
  public Map<String, Double> loadAfter() {
    return loadAfter;
  }

  /** The plan's cost, term by term. */
  public Objective objective() {
    return objective;
  }

  /** A proven lower bound on the objective of any plan for the request, if the allocator computed one. */
  public OptionalDouble lowerBound() {
    return lowerBound;
  }

  /**
   * How far the objective may be above the optimum: objective − {@linkplain #lowerBound() lower
   * bound}, in the objective's cost units (the policy's: a transfer costs
   * {@link AllocationPolicy#transferCost()}), at least 0; 0 when the plan is proven optimal; NaN
   * when there is no bound.
   */
  public double absoluteGap() {
    return lowerBound.isEmpty() ? Double.NaN : absoluteGap(objective.total(), lowerBound.getAsDouble());
  }

  /**
   * The relative gap to the lower bound: {@link #absoluteGap()} ÷ max(|objective|, |bound|,
   * {@link AllocationPolicy#gapUnit() unit}), a fraction (0.01 is 1%); 0 when the plan is proven
   * optimal; NaN when there is no bound. See {@link #gap(double, double, AllocationPolicy)}.
   */
  public double gap() {
    return lowerBound.isEmpty() ? Double.NaN : gap(objective.total(), lowerBound.getAsDouble(), request.policy());
  }

  /**
   * The relative gap of any plan's objective to a lower bound on the optimum (also a peer's):
   * (objective − bound) ÷ max(|objective|, |bound|, {@link AllocationPolicy#gapUnit() unit}),
   * at least 0.
   *
   * <p>Why this scale: the objective is a sum of costs of either sign (the continuity bonus is
   * negative), so it may be near 0 or below it and dividing by it alone says nothing (a plan at
   * −707.5 with a bound of −708 would have a "gap" of 0.07%, one at 0.4 with a bound of 0.2 of
   * 50%). The larger of the two magnitudes is the size of the numbers compared; the unit, the cost
   * of one transfer by default, keeps a difference small beside one transfer small when both are
   * near 0. It never divides by less than the unit, which is positive.
   *
   * @param objective the plan's objective, cost units
   * @param bound a lower bound on the optimum, cost units
   * @param policy the policy the objective was priced with
   */
  public static double gap(double objective, double bound, AllocationPolicy policy) {
    double diff = absoluteGap(objective, bound);
    return diff == 0 ? 0 : diff / Math.max(Math.max(Math.abs(objective), Math.abs(bound)), policy.gapUnit());
  }

  private static double absoluteGap(double objective, double bound) {
    return Math.max(0, objective - bound);
  }

  /** Number of unallocated cases for each reason. */
  public Map<Unallocated.Reason, Integer> unallocatedByReason() {
    EnumMap<Unallocated.Reason, Integer> counts = new EnumMap<>(Unallocated.Reason.class);
    unallocated.values().forEach(u -> counts.merge(u.reason(), 1, Integer::sum));
    return counts;
  }

  /** The highest load ÷ capacity over workers after the plan (utilisation). */
  public double maxUtilisation() {
    Organisation o = request.organisation();
    double max = 0;
    for (Map.Entry<String, Double> e : loadAfter.entrySet()) {
      max = Math.max(max, e.getValue() / o.capacity(e.getKey()));
    }
    return max;
  }

  /**
   * The organisation with the plan carried out on the request's day: each case with a new worker
   * is transferred (recorded in its history), each case that loses its worker waits unallocated.
   *
   * @throws IllegalArgumentException if {@code organisation} is not the one the plan was made for
   */
  public Organisation apply(Organisation organisation) {
    if (organisation != request.organisation() && !organisation.equals(request.organisation())) {
      throw new IllegalArgumentException("the plan was made for another state of the organisation ("
          + request.organisation() + "); make a new plan for " + organisation);
    }
    LocalDate on = request.on();
    List<Case> changed = new ArrayList<>();
    for (String id : request.caseIds()) {
      Case c = organisation.caseById(id);
      String worker = assignments.get(id);
      Case after = worker == null ? c.unallocatedOn(on) : c.allocatedTo(worker, on);
      if (after != c) {
        changed.add(after);
      }
    }
    return organisation.withCases(changed);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AllocationPlan[").append(allocator).append(": ")
        .append(assignments.size()).append(" placed, ").append(unallocated.size()).append(" unallocated");
    Map<Unallocated.Reason, Integer> reasons = unallocatedByReason();
    if (!reasons.isEmpty()) {
      sb.append(" (");
      reasons.forEach((r, n) -> sb.append(n).append(' ').append(r.label()).append(", "));
      sb.setLength(sb.length() - 2);
      sb.append(')');
    }
    sb.append(", ").append(transfers).append(transfers == 1 ? " transfer" : " transfers")
        .append("; objective ").append(String.format(Locale.ROOT, "%.3f", objective.total()));
    if (lowerBound.isPresent()) {
      sb.append(String.format(Locale.ROOT, ", gap %.3f (%.3f%%)", absoluteGap(), 100 * gap()));
    }
    return sb.append(']').toString();
  }
}
