package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityPolicyTest {
  private static final CapacityPolicy DEFAULTS = CapacityPolicy.defaults();
  private static final LocalDate D = LocalDate.of(2020, 1, 1);

  private static Case aCase(CaseCategory category, boolean court) {
    return new Case("c", "s", category, Complexity.STANDARD, null, null, court, D, null, List.of(), null);
  }

  private static Map<CaseCategory, Double> weights(double w) {
    Map<CaseCategory, Double> m = new EnumMap<>(CaseCategory.class);
    for (CaseCategory c : CaseCategory.values()) {
      m.put(c, w);
    }
    return m;
  }

  // ------------------------------------------------------------------ defaults

  @Test
  void defaultWeightsAreOnePerCaseScaledByComplexity() {
    for (CaseCategory c : CaseCategory.values()) {
      assertEquals(1.0, DEFAULTS.categoryWeights().get(c), c.name());
    }
    assertEquals(Map.of(Complexity.LOW, 4.0 / 7, Complexity.STANDARD, 1.0, Complexity.HIGH, 10.0 / 7),
        DEFAULTS.complexityMultipliers());
    assertEquals(10.0 / 7, DEFAULTS.weight(CaseCategory.CHILD_PROTECTION, Complexity.HIGH), 1e-12);
    assertEquals(4.0 / 7, DEFAULTS.weight(new Case("c", "s", CaseCategory.LOOKED_AFTER, Complexity.LOW, null, null, false, D,
        null, List.of(), null)), 1e-12);
  }

  @Test
  void defaultCapacityIs18PerFteAndNinetyPercentForNewlyQualified() {
    assertEquals(18.0, CapacityPolicy.DEFAULT_QUALIFIED_CAPACITY);
    assertEquals(0.9, CapacityPolicy.NEWLY_QUALIFIED_SHARE);
    assertEquals(Map.of(Role.QUALIFIED, 18.0, Role.NEWLY_QUALIFIED, 0.9 * 18.0, Role.UNQUALIFIED, 18.0),
        DEFAULTS.capacityPerFte());
    assertEquals(0.9 * 18.0 * 0.8, DEFAULTS.capacity(Worker.of("w", "t", Role.NEWLY_QUALIFIED, Contract.AGENCY, 0.8, D)),
        1e-12);
    assertEquals(9.0, DEFAULTS.capacity(Worker.of("w", "t", Role.QUALIFIED, Contract.PERMANENT, 0.5, D)), 1e-12);
  }

  @Test
  void defaultProtections() {
    assertEquals(EnumSet.of(CaseCategory.CHILD_PROTECTION), DEFAULTS.newlyQualifiedJointOnly());
    assertTrue(DEFAULTS.newlyQualifiedCourtJointOnly());
    assertEquals(EnumSet.of(CaseCategory.ASSESSMENT, CaseCategory.CHILD_PROTECTION, CaseCategory.LOOKED_AFTER),
        DEFAULTS.qualifiedOnly());
    assertFalse(DEFAULTS.qualifiedOnly().contains(CaseCategory.CHILD_IN_NEED), "child in need is not statutory");
  }

  // ------------------------------------------------------------------ protections

  @Test
  void unqualifiedWorkersHoldNoStatutoryCase() {
    for (CaseCategory c : List.of(CaseCategory.ASSESSMENT, CaseCategory.CHILD_PROTECTION, CaseCategory.LOOKED_AFTER)) {
      assertEquals(Optional.of(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE),
          DEFAULTS.breach(Role.UNQUALIFIED, aCase(c, false), null), c.name());
      assertEquals(Optional.of(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE),
          DEFAULTS.breach(Role.UNQUALIFIED, aCase(c, false), Role.QUALIFIED), "a joint worker does not help: " + c);
    }
    assertEquals(Optional.empty(), DEFAULTS.breach(Role.UNQUALIFIED, aCase(CaseCategory.CHILD_IN_NEED, false), null));
    assertEquals(Optional.empty(), DEFAULTS.breach(Role.UNQUALIFIED, aCase(CaseCategory.CARE_LEAVER, false), null));
    assertEquals(Optional.empty(), DEFAULTS.breach(Role.UNQUALIFIED, aCase(CaseCategory.CHILD_IN_NEED, true), null),
        "the court protection is for newly qualified workers");
  }

  @Test
  void newlyQualifiedWorkersHoldChildProtectionAndCourtCasesOnlyWithAQualifiedJointWorker() {
    Case cp = aCase(CaseCategory.CHILD_PROTECTION, false);
    Case court = aCase(CaseCategory.LOOKED_AFTER, true);
    for (Case c : List.of(cp, court)) {
      assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE),
          DEFAULTS.breach(Role.NEWLY_QUALIFIED, c, null));
      assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE),
          DEFAULTS.breach(Role.NEWLY_QUALIFIED, c, Role.NEWLY_QUALIFIED), "a newly qualified joint worker is not enough");
      assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE),
          DEFAULTS.breach(Role.NEWLY_QUALIFIED, c, Role.UNQUALIFIED));
      assertEquals(Optional.empty(), DEFAULTS.breach(Role.NEWLY_QUALIFIED, c, Role.QUALIFIED));
      assertFalse(DEFAULTS.mayHoldAlone(Role.NEWLY_QUALIFIED, c));
    }
    assertTrue(DEFAULTS.mayHoldAlone(Role.NEWLY_QUALIFIED, aCase(CaseCategory.LOOKED_AFTER, false)));
    assertTrue(DEFAULTS.mayHoldAlone(Role.NEWLY_QUALIFIED, aCase(CaseCategory.CHILD_IN_NEED, false)));
    assertFalse(DEFAULTS.mayHoldAlone(Role.NEWLY_QUALIFIED, aCase(CaseCategory.CHILD_IN_NEED, true)));
  }

  @Test
  void qualifiedWorkersMayHoldAnything() {
    for (CaseCategory c : CaseCategory.values()) {
      assertTrue(DEFAULTS.mayHoldAlone(Role.QUALIFIED, aCase(c, true)), c.name());
    }
  }

  @Test
  void protectionsAreConfigurable() {
    CapacityPolicy p = DEFAULTS.withNewlyQualifiedJointOnly(EnumSet.of(CaseCategory.LOOKED_AFTER), false)
        .withQualifiedOnly(EnumSet.noneOf(CaseCategory.class));
    assertTrue(p.mayHoldAlone(Role.NEWLY_QUALIFIED, aCase(CaseCategory.CHILD_PROTECTION, true)));
    assertFalse(p.mayHoldAlone(Role.NEWLY_QUALIFIED, aCase(CaseCategory.LOOKED_AFTER, false)));
    assertTrue(p.mayHoldAlone(Role.UNQUALIFIED, aCase(CaseCategory.CHILD_PROTECTION, false)));
  }

  @Test
  void acceptsImmutableSets() {
    // Regression: Set.of(...).contains(null) throws NullPointerException.
    CapacityPolicy p = DEFAULTS.withQualifiedOnly(Set.of(CaseCategory.CHILD_PROTECTION))
        .withNewlyQualifiedJointOnly(Set.of(), false);
    assertEquals(Set.of(CaseCategory.CHILD_PROTECTION), p.qualifiedOnly());
    assertEquals(Set.of(), p.newlyQualifiedJointOnly());
  }

  // ------------------------------------------------------------------ rules

  @Test
  void weightsMayBeZeroButNotNegativeNorMissing() {
    assertEquals(0.0, DEFAULTS.withCategoryWeight(CaseCategory.CARE_LEAVER, 0).weight(CaseCategory.CARE_LEAVER,
        Complexity.HIGH));
    assertEquals(List.of("error: categoryWeights.CHILD_IN_NEED must be a number at least 0 but was -1.0"),
        describe(problemsOf(() -> DEFAULTS.withCategoryWeight(CaseCategory.CHILD_IN_NEED, -1))));
    assertEquals(List.of("error: complexityMultipliers.HIGH must be a number at least 0 but was NaN"),
        describe(problemsOf(() -> DEFAULTS.withComplexityMultiplier(Complexity.HIGH, Double.NaN))));
    assertEquals(List.of("error: complexityMultipliers.LOW must be a number at least 0 but was Infinity"),
        describe(problemsOf(() -> DEFAULTS.withComplexityMultiplier(Complexity.LOW, Double.POSITIVE_INFINITY))));
    Map<CaseCategory, Double> missing = weights(1);
    missing.remove(CaseCategory.CARE_LEAVER);
    assertEquals(List.of("error: categoryWeights.CARE_LEAVER is required"),
        describe(problemsOf(() -> new CapacityPolicy(missing, DEFAULTS.complexityMultipliers(),
            DEFAULTS.capacityPerFte(), Set.of(), false, Set.of()))));
  }

  @Test
  void capacityMustBePositive() {
    assertEquals(List.of("error: capacityPerFte.QUALIFIED must be a positive number but was 0.0"),
        describe(problemsOf(() -> DEFAULTS.withCapacityPerFte(Role.QUALIFIED, 0))));
    assertEquals(List.of("error: capacityPerFte.UNQUALIFIED must be a positive number but was -3.0"),
        describe(problemsOf(() -> DEFAULTS.withCapacityPerFte(Role.UNQUALIFIED, -3))));
    assertEquals(12.5, DEFAULTS.withCapacityPerFte(Role.QUALIFIED, 12.5).capacityPerFte().get(Role.QUALIFIED));
  }

  @Test
  void everyMissingPartIsReportedAtOnce() {
    assertEquals(List.of("error: categoryWeights is required", "error: complexityMultipliers is required",
        "error: capacityPerFte is required", "error: newlyQualifiedJointOnly is required",
        "error: qualifiedOnly is required"),
        describe(problemsOf(() -> new CapacityPolicy(null, null, null, null, false, null))));
  }

  @Test
  void setsMustNotContainNull() {
    Set<CaseCategory> withNull = new HashSet<>();
    withNull.add(null);
    assertEquals(List.of("error: qualifiedOnly must not contain null"),
        describe(problemsOf(() -> DEFAULTS.withQualifiedOnly(withNull))));
  }

  @Test
  void isImmutableAndChangesReturnNewPolicies() {
    Map<CaseCategory, Double> w = weights(2);
    Set<CaseCategory> only = EnumSet.of(CaseCategory.ASSESSMENT);
    CapacityPolicy p = new CapacityPolicy(w, DEFAULTS.complexityMultipliers(), DEFAULTS.capacityPerFte(), only, true,
        only);
    w.put(CaseCategory.ASSESSMENT, 9.0);
    only.add(CaseCategory.LOOKED_AFTER);
    assertEquals(2.0, p.categoryWeights().get(CaseCategory.ASSESSMENT));
    assertEquals(Set.of(CaseCategory.ASSESSMENT), p.qualifiedOnly());
    assertThrows(UnsupportedOperationException.class, () -> p.categoryWeights().put(CaseCategory.ASSESSMENT, 1.0));
    assertEquals(1.0, DEFAULTS.categoryWeights().get(CaseCategory.ASSESSMENT));
    assertEquals(DEFAULTS, DEFAULTS.withCategoryWeight(CaseCategory.ASSESSMENT, 1.0), "equal by value");
  }

  @Test
  void printsForPeople() {
    assertEquals("CapacityPolicy[capacity per FTE: qualified 18, newly qualified 16.2, unqualified 18; weights: "
        + "assessment 1, child in need 1, child protection 1, looked after 1, care leaver 1; complexity: low 0.57, "
        + "standard 1, high 1.43]", DEFAULTS.toString());
  }
}
