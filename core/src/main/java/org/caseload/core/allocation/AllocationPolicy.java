package org.caseload.core.allocation;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Maps;
import com.google.common.collect.Sets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.TeamKind;
import org.caseload.core.validation.Problems;

/**
 * What an allocation aims for, as data. The hard rules (capacity, role protections, the case's
 * service, siblings together) come from the organisation and its {@code CapacityPolicy}; this
 * policy sets which teams may cover which services, and the costs that rank the legal plans.
 * A plan's objective is the sum of its costs, lower is better:
 *
 * <ol>
 *   <li>{@code unallocatedCost}: per case left unallocated, by category, so that child
 *       protection is placed first;
 *   <li>{@code transferCost}: per case moved from the worker who holds it;
 *   <li>{@code continuityBonus}: taken off per case placed with a worker who held it or one of
 *       its siblings before (a returning family goes back to its worker when they have room);
 *   <li>{@code balanceWeight} × Σ over workers of (load² − load before²) ÷ capacity, in weighted
 *       cases: convex, so that load spreads evenly in proportion to capacity;
 *   <li>{@code localityMismatchCost}: per case placed in a locality team of another locality
 *       than the child's (teams of the kinds in {@code anyLocality} have no preference).
 * </ol>
 *
 * <p>The defaults are ordered so that each term outweighs everything after it in ordinary
 * cases: one child protection case unallocated (1,000,000) costs more than any number of
 * transfers that would place it, a transfer (1,000) more than any gain in balance; balance and
 * locality are of one scale, so a worker 25 points of utilisation busier in the child's own
 * patch is about as good as a quiet worker elsewhere. No published source sets these numbers:
 * they are this library's assumptions, to be set by each authority.
 *
 * @param unallocatedCost cost per case left unallocated, for every category; positive
 * @param transferCost cost per case moved from its current worker; at least 0
 * @param continuityBonus reduction per case placed with a worker who held it or a sibling
 *     before; at least 0 and below {@code transferCost}, so that it never causes a transfer
 * @param balanceWeight weight of the load-balance term; at least 0
 * @param localityMismatchCost cost per case placed outside its locality; at least 0
 * @param anyLocality team kinds that serve every locality of their service
 * @param cover for a service id, the ids of other services whose teams may also take its cases
 */
public record AllocationPolicy(Map<CaseCategory, Double> unallocatedCost, double transferCost,
    double continuityBonus, double balanceWeight, double localityMismatchCost, Set<TeamKind> anyLocality,
    Map<String, Set<String>> cover) {

  private static final AllocationPolicy DEFAULTS = new AllocationPolicy(
      Map.of(CaseCategory.CHILD_PROTECTION, 1_000_000.0, CaseCategory.LOOKED_AFTER, 800_000.0,
          CaseCategory.ASSESSMENT, 600_000.0, CaseCategory.CHILD_IN_NEED, 400_000.0,
          CaseCategory.CARE_LEAVER, 200_000.0),
      1_000, 500, 10, 5, EnumSet.of(TeamKind.HUB, TeamKind.PERIPATETIC), Map.of());

  public AllocationPolicy {
    Problems p = new Problems();
    if (unallocatedCost == null) {
      p.error("unallocatedCost", "is required");
    } else {
      for (CaseCategory c : CaseCategory.values()) {
        Double v = unallocatedCost.get(c);
        if (v == null) {
          p.error("unallocatedCost." + c.name(), "is required");
        } else if (!(Double.isFinite(v) && v > 0)) {
          p.error("unallocatedCost." + c.name(), "must be a positive number but was " + v);
        }
      }
    }
    nonNegative(p, "transferCost", transferCost);
    nonNegative(p, "continuityBonus", continuityBonus);
    nonNegative(p, "balanceWeight", balanceWeight);
    nonNegative(p, "localityMismatchCost", localityMismatchCost);
    if (transferCost >= 0 && continuityBonus >= transferCost && continuityBonus > 0) {
      p.error("continuityBonus", "must be less than transferCost (" + transferCost + ") so that it never causes a "
          + "transfer, but was " + continuityBonus);
    }
    p.required(anyLocality, "anyLocality");
    p.required(cover, "cover");
    p.throwIfErrors("allocation policy");
    unallocatedCost = Maps.immutableEnumMap(new EnumMap<>(unallocatedCost));
    anyLocality = Sets.immutableEnumSet(anyLocality);
    ImmutableMap.Builder<String, Set<String>> c = ImmutableMap.builder();
    cover.forEach((k, v) -> c.put(k, ImmutableSet.copyOf(v)));
    cover = c.buildOrThrow();
  }

  private static void nonNegative(Problems p, String field, double v) {
    if (!(Double.isFinite(v) && v >= 0)) {
      p.error(field, "must be a number at least 0 but was " + v);
    }
  }

  /** The documented defaults (see the class documentation). */
  public static AllocationPolicy defaults() {
    return DEFAULTS;
  }

  /** Cost of leaving a case of this category unallocated. */
  public double unallocatedCost(CaseCategory category) {
    return unallocatedCost.get(category);
  }

  /**
   * The least amount a plan's objective is compared with when its {@linkplain AllocationPlan#gap()
   * relative gap} is taken: the cost of one transfer, or, when transfers cost nothing, the cost of
   * leaving the cheapest case unallocated. Positive, in the objective's cost units.
   */
  public double gapUnit() {
    if (transferCost > 0) {
      return transferCost;
    }
    return unallocatedCost.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  /**
   * The change in the balance term when a worker with {@code capacity} carrying {@code load}
   * takes {@code add} more weighted cases (negative {@code add} to give some up):
   * balanceWeight × ((load + add)² − load²) ÷ capacity.
   */
  public double balanceDelta(double load, double add, double capacity) {
    double after = load + add;
    return balanceWeight * (after * after - load * load) / capacity;
  }

  /** Whether teams of {@code serviceId} may take cases of {@code caseServiceId}. */
  public boolean covers(String serviceId, String caseServiceId) {
    return serviceId.equals(caseServiceId) || cover.getOrDefault(caseServiceId, Set.of()).contains(serviceId);
  }

  /** This policy with another cost per transfer. */
  public AllocationPolicy withTransferCost(double cost) {
    return new AllocationPolicy(unallocatedCost, cost, Math.min(continuityBonus, cost / 2), balanceWeight,
        localityMismatchCost, anyLocality, cover);
  }

  /** This policy with another balance weight. */
  public AllocationPolicy withBalanceWeight(double weight) {
    return new AllocationPolicy(unallocatedCost, transferCost, continuityBonus, weight, localityMismatchCost,
        anyLocality, cover);
  }

  /** This policy with another locality mismatch cost. */
  public AllocationPolicy withLocalityMismatchCost(double cost) {
    return new AllocationPolicy(unallocatedCost, transferCost, continuityBonus, balanceWeight, cost, anyLocality,
        cover);
  }

  /** This policy with another continuity bonus. */
  public AllocationPolicy withContinuityBonus(double bonus) {
    return new AllocationPolicy(unallocatedCost, transferCost, bonus, balanceWeight, localityMismatchCost,
        anyLocality, cover);
  }

  /** This policy letting teams of {@code coveringService} also take cases of {@code caseService}. */
  public AllocationPolicy withCover(String caseService, String coveringService) {
    Map<String, Set<String>> c = new java.util.HashMap<>(cover);
    c.merge(caseService, Set.of(coveringService), (a, b) -> Sets.union(a, b).immutableCopy());
    return new AllocationPolicy(unallocatedCost, transferCost, continuityBonus, balanceWeight, localityMismatchCost,
        anyLocality, c);
  }
}
