package org.caseload.core.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import com.google.common.collect.Sets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseload.core.validation.Problems;

/**
 * How much work a case is and how much a worker can hold: weights, capacity per FTE by role,
 * and role protections. An organisation has one policy; any {@link Service} may override it.
 *
 * <p>Units: a case's weight is in <em>weighted cases</em> (a standard case of weight 1 is one
 * case as the Department for Education counts it); capacity is in weighted cases per FTE.
 *
 * <p>The defaults ({@link #defaults()}) and their sources:
 * <ul>
 *   <li>Category weights: 1 for every category. The workforce census counts every case as one
 *       (caseload = cases ÷ FTE of case holders; Children's social work workforce, DfE). No
 *       national weighting by category is published: this is an assumption, override it with
 *       the authority's own scheme.
 *   <li>Complexity multipliers: low 4/7, standard 1, high 10/7. Local weighting schemes score
 *       case types roughly 4 to 10 points (Slough/Berkshire); we take the midpoint, 7 points,
 *       as a standard case. The mapping of the three levels onto 4, 7 and 10 is our assumption.
 *   <li>Capacity per FTE: qualified 18 weighted cases. England sets no national cap (LGA
 *       employer standard 3 asks each employer to set its own); the only published numeric cap
 *       found is Western Australia's for child protection, 15 per FTE and 18 exceptionally. We
 *       take the exceptional figure as the hard ceiling; targets below it are set per service
 *       with {@link CaseloadTarget}.
 *   <li>Newly qualified: 90% of a qualified worker's capacity, 16.2 per FTE (ASYE: 90% of the
 *       workload of a second- or third-year worker, with 10% protected development time).
 *   <li>Unqualified: 18 per FTE. No source found; an assumption, override it.
 *   <li>Newly qualified workers hold child protection and court cases only jointly with a
 *       qualified worker (ASYE practice guidance).
 *   <li>Unqualified workers hold no statutory case: assessment, child protection, looked after.
 * </ul>
 *
 * @param categoryWeights weight of a standard-complexity case of each category, in weighted
 *     cases; every category present, each finite and at least 0
 * @param complexityMultipliers factor applied to the category weight for each complexity;
 *     every level present, each finite and at least 0
 * @param capacityPerFte weighted cases a full-time worker of each role may hold; every role
 *     present, each finite and positive
 * @param newlyQualifiedJointOnly categories a newly qualified worker holds only jointly
 * @param newlyQualifiedCourtJointOnly whether a newly qualified worker holds a case in court
 *     proceedings only jointly
 * @param qualifiedOnly categories an unqualified worker may not hold
 */
public record CapacityPolicy(
    Map<CaseCategory, Double> categoryWeights,
    Map<Complexity, Double> complexityMultipliers,
    Map<Role, Double> capacityPerFte,
    Set<CaseCategory> newlyQualifiedJointOnly,
    boolean newlyQualifiedCourtJointOnly,
    Set<CaseCategory> qualifiedOnly) {

  /** Capacity of a full-time qualified worker by default, in weighted cases (see class doc). */
  public static final double DEFAULT_QUALIFIED_CAPACITY = 18.0;
  /** Share of a qualified worker's capacity a newly qualified worker carries (ASYE: 90%). */
  public static final double NEWLY_QUALIFIED_SHARE = 0.9;

  private static final CapacityPolicy DEFAULTS = new CapacityPolicy(
      enumMap(CaseCategory.class, c -> 1.0),
      Map.of(Complexity.LOW, 4.0 / 7.0, Complexity.STANDARD, 1.0, Complexity.HIGH, 10.0 / 7.0),
      Map.of(Role.QUALIFIED, DEFAULT_QUALIFIED_CAPACITY,
          Role.NEWLY_QUALIFIED, NEWLY_QUALIFIED_SHARE * DEFAULT_QUALIFIED_CAPACITY,
          Role.UNQUALIFIED, DEFAULT_QUALIFIED_CAPACITY),
      EnumSet.of(CaseCategory.CHILD_PROTECTION),
      true,
      EnumSet.of(CaseCategory.ASSESSMENT, CaseCategory.CHILD_PROTECTION, CaseCategory.LOOKED_AFTER));

  public CapacityPolicy {
    Problems problems = new Problems();
    categoryWeights = checkedMap("categoryWeights", categoryWeights, CaseCategory.class, false, problems);
    complexityMultipliers =
        checkedMap("complexityMultipliers", complexityMultipliers, Complexity.class, false, problems);
    capacityPerFte = checkedMap("capacityPerFte", capacityPerFte, Role.class, true, problems);
    newlyQualifiedJointOnly = checkedSet("newlyQualifiedJointOnly", newlyQualifiedJointOnly, problems);
    qualifiedOnly = checkedSet("qualifiedOnly", qualifiedOnly, problems);
    problems.throwIfErrors("capacity policy");
  }

  /** The documented defaults (see the class documentation for their sources). */
  public static CapacityPolicy defaults() {
    return DEFAULTS;
  }

  /** Weight of {@code c}, in weighted cases: category weight × complexity multiplier. */
  public double weight(Case c) {
    return weight(c.category(), c.complexity());
  }

  /** Weight of a case of this category and complexity, in weighted cases. */
  public double weight(CaseCategory category, Complexity complexity) {
    return categoryWeights.get(category) * complexityMultipliers.get(complexity);
  }

  /** Capacity of {@code worker}, in weighted cases: capacity per FTE of its role × its FTE. */
  public double capacity(Worker worker) {
    return capacity(worker.role(), worker.fte());
  }

  /** Capacity of a worker of {@code role} at {@code fte}, in weighted cases. */
  public double capacity(Role role, double fte) {
    return capacityPerFte.get(role) * fte;
  }

  /**
   * The role protection broken if a worker of {@code holder} role holds {@code c}, with a joint
   * worker of {@code joint} role (null when the case is not held jointly).
   */
  public Optional<ProtectionBreach> breach(Role holder, Case c, Role joint) {
    return breach(holder, c.category(), c.court(), joint);
  }

  /**
   * The role protection broken if a worker of {@code holder} role holds a case of this category,
   * in court proceedings or not, with a joint worker of {@code joint} role (null for none).
   */
  public Optional<ProtectionBreach> breach(Role holder, CaseCategory category, boolean court, Role joint) {
    if (holder == Role.UNQUALIFIED && qualifiedOnly.contains(category)) {
      return Optional.of(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE);
    }
    if (holder == Role.NEWLY_QUALIFIED && joint != Role.QUALIFIED
        && (newlyQualifiedJointOnly.contains(category) || (newlyQualifiedCourtJointOnly && court))) {
      return Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE);
    }
    return Optional.empty();
  }

  /** Whether a worker of {@code role} may hold {@code c} alone without breaking a protection. */
  public boolean mayHoldAlone(Role role, Case c) {
    return breach(role, c, null).isEmpty();
  }

  /** This policy with one category's weight changed. */
  public CapacityPolicy withCategoryWeight(CaseCategory category, double weight) {
    return new CapacityPolicy(with(categoryWeights, category, weight), complexityMultipliers,
        capacityPerFte, newlyQualifiedJointOnly, newlyQualifiedCourtJointOnly, qualifiedOnly);
  }

  /** This policy with one complexity multiplier changed. */
  public CapacityPolicy withComplexityMultiplier(Complexity complexity, double multiplier) {
    return new CapacityPolicy(categoryWeights, with(complexityMultipliers, complexity, multiplier),
        capacityPerFte, newlyQualifiedJointOnly, newlyQualifiedCourtJointOnly, qualifiedOnly);
  }

  /** This policy with one role's capacity per FTE changed (weighted cases per FTE). */
  public CapacityPolicy withCapacityPerFte(Role role, double capacity) {
    return new CapacityPolicy(categoryWeights, complexityMultipliers, with(capacityPerFte, role, capacity),
        newlyQualifiedJointOnly, newlyQualifiedCourtJointOnly, qualifiedOnly);
  }

  /** This policy with the categories a newly qualified worker holds only jointly replaced. */
  public CapacityPolicy withNewlyQualifiedJointOnly(Set<CaseCategory> categories, boolean court) {
    return new CapacityPolicy(categoryWeights, complexityMultipliers, capacityPerFte, categories, court,
        qualifiedOnly);
  }

  /** This policy with the categories an unqualified worker may not hold replaced. */
  public CapacityPolicy withQualifiedOnly(Set<CaseCategory> categories) {
    return new CapacityPolicy(categoryWeights, complexityMultipliers, capacityPerFte,
        newlyQualifiedJointOnly, newlyQualifiedCourtJointOnly, categories);
  }

  private static <K extends Enum<K>> Map<K, Double> with(Map<K, Double> map, K key, double value) {
    EnumMap<K, Double> copy = new EnumMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static <K extends Enum<K>> Map<K, Double> enumMap(Class<K> type,
      java.util.function.Function<K, Double> value) {
    EnumMap<K, Double> map = new EnumMap<>(type);
    for (K k : type.getEnumConstants()) {
      map.put(k, value.apply(k));
    }
    return map;
  }

  private static <K extends Enum<K>> Map<K, Double> checkedMap(String field, Map<K, Double> map,
      Class<K> type, boolean positive, Problems problems) {
    if (map == null) {
      problems.error(field, "is required");
      return ImmutableMap.of();
    }
    for (K key : type.getEnumConstants()) {
      String path = field + "." + key.name();
      Double v = map.get(key);
      if (v == null) {
        problems.error(path, "is required");
      } else if (!Double.isFinite(v) || (positive ? v <= 0 : v < 0)) {
        problems.error(path, (positive ? "must be a positive number" : "must be a number at least 0")
            + " but was " + v);
      }
    }
    if (problems.hasErrors()) {
      return ImmutableMap.of();
    }
    return Maps.immutableEnumMap(map);
  }

  private static Set<CaseCategory> checkedSet(String field, Set<CaseCategory> set, Problems problems) {
    if (set == null) {
      problems.error(field, "is required");
      return Set.of();
    }
    // Not set.contains(null): immutable JDK sets (Set.of(...)) throw NullPointerException for it.
    if (set.stream().anyMatch(java.util.Objects::isNull)) {
      problems.error(field, "must not contain null");
      return Set.of();
    }
    return Sets.immutableEnumSet(set);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CapacityPolicy[capacity per FTE:");
    capacityPerFte.forEach((r, v) -> sb.append(' ').append(r.label()).append(' ').append(Fmt.number(v)).append(','));
    sb.setLength(sb.length() - 1);
    sb.append("; weights:");
    categoryWeights.forEach((c, v) -> sb.append(' ').append(c.label()).append(' ').append(Fmt.number(v)).append(','));
    sb.setLength(sb.length() - 1);
    sb.append("; complexity:");
    complexityMultipliers.forEach((c, v) -> sb.append(' ').append(c.label()).append(' ').append(Fmt.number(v)).append(','));
    sb.setLength(sb.length() - 1);
    return sb.append(']').toString();
  }
}
