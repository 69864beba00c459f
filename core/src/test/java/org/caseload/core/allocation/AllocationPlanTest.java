package org.caseload.core.allocation;

import static org.caseload.core.Fixtures.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.core.Fixtures;
import org.caseload.core.model.CaseCategory;
import org.junit.jupiter.api.Test;

/** The gap of a plan to its lower bound: absolute, and relative to a scale that is never near 0. */
class AllocationPlanTest {
  private static final AllocationPolicy POLICY = AllocationPolicy.defaults();

  /** A plan (placing nothing) whose objective is {@code total}, as balance, with {@code bound}. */
  private static AllocationPlan plan(double total, OptionalDouble bound) {
    AllocationRequest request = AllocationRequest.unallocated(Fixtures.riverside(), AS_OF, POLICY);
    return new AllocationPlan("test", request, Map.of(), Map.of(), 0, Map.of(), new Objective(0, 0, 0, total, 0),
        bound);
  }

  @Test
  void theGapIsAbsoluteAndRelativeToTheLargerOfObjectiveBoundAndOneTransfer() {
    AllocationPlan large = plan(5_202_008.4, OptionalDouble.of(4_586_051.6));
    assertEquals(615_956.8, large.absoluteGap(), 1e-6);
    assertEquals(615_956.8 / 5_202_008.4, large.gap(), 1e-12);
    // A continuity bonus makes the objective negative: the bound's magnitude is the scale, then
    // one transfer (1,000) when both are small.
    AllocationPlan negative = plan(-707.5, OptionalDouble.of(-708.0));
    assertEquals(0.5, negative.absoluteGap(), 1e-9);
    assertEquals(0.5 / 1000, negative.gap(), 1e-12);
    AllocationPlan nearZero = plan(0.4, OptionalDouble.of(-0.2));
    assertEquals(0.6 / 1000, nearZero.gap(), 1e-12);
    AllocationPlan bigNegative = plan(-1500, OptionalDouble.of(-3000));
    assertEquals(1500.0 / 3000, bigNegative.gap(), 1e-12);
    assertTrue(plan(-1500, OptionalDouble.of(-3000)).toString().endsWith("gap 1500.000 (50.000%)]"),
        bigNegative.toString());
  }

  @Test
  void aProvenPlanHasNoGapAndAPlanWithoutABoundHasNone() {
    assertEquals(0, plan(0, OptionalDouble.of(0)).gap(), 0.0);
    assertEquals(0, plan(-707.7, OptionalDouble.of(-707.7)).gap(), 0.0);
    assertEquals(0, plan(10, OptionalDouble.of(10.5)).absoluteGap(), 0.0, "a bound above is no gap");
    assertTrue(Double.isNaN(plan(10, OptionalDouble.empty()).gap()));
    assertTrue(Double.isNaN(plan(10, OptionalDouble.empty()).absoluteGap()));
  }

  @Test
  void theRelativeGapIsFiniteBetween0And2AndNeverDividesByLessThanTheUnit() {
    qt().withFixedSeed(83L).withExamples(2000)
        .forAll(doubles().between(-1e7, 1e7), doubles().between(0, 1e7))
        .checkAssert((bound, diff) -> {
          double objective = bound + diff;
          double gap = AllocationPlan.gap(objective, bound, POLICY);
          assertTrue(Double.isFinite(gap) && gap >= 0 && gap <= 2, objective + " vs " + bound + ": " + gap);
          assertTrue(gap <= diff / POLICY.gapUnit() + 1e-12, "at most the gap in units");
        });
  }

  @Test
  void theUnitIsOneTransferOrWhenTransfersAreFreeTheCheapestCaseLeftWaiting() {
    assertEquals(1000, POLICY.gapUnit(), 0.0);
    AllocationPolicy free = POLICY.withTransferCost(0);
    assertEquals(POLICY.unallocatedCost(CaseCategory.CARE_LEAVER), free.gapUnit(), 0.0);
  }
}
