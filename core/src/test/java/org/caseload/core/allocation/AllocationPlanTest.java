package org.caseload.core.allocation;

import static org.caseload.core.Fixtures.AS_OF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.core.Fixtures;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Worker;
import org.junit.jupiter.api.Test;

/**
 * The gap of a plan to its lower bound: absolute, and relative to a scale that is never near 0;
 * the loads after a plan as a map.
 */
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

  @Test
  void theLoadsAfterAPlanAreEveryWorkersInOrderAsAnUnmodifiableMapEqualToAHashMapOfThem() {
    Organisation org = Fixtures.riverside();
    AllocationPlan plan = new OptimisingAllocator().allocate(AllocationRequest.unallocated(org, AS_OF, POLICY));
    Map<String, Double> loads = plan.loadAfter();
    Organisation after = plan.apply(org);
    List<Worker> workers = org.workers();
    for (Worker w : workers) {
      assertEquals(after.load(w.id()), loads.get(w.id()), 1e-9, w.id());
    }
    Map<String, Double> expected = new LinkedHashMap<>(loads);
    assertEquals(expected, loads);
    assertEquals(loads, expected);
    assertEquals(expected.hashCode(), loads.hashCode());
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(loads.keySet()), "the organisation's order");
    assertEquals(workers.size(), loads.size());
    assertNull(loads.get("nobody"));
    assertTrue(!loads.containsKey("nobody") && loads.containsKey(workers.get(0).id()));
    String first = workers.get(0).id();
    assertThrows(UnsupportedOperationException.class, () -> loads.put(first, 0.0));
    assertThrows(UnsupportedOperationException.class, () -> loads.remove(first));
    assertThrows(UnsupportedOperationException.class, () -> loads.keySet().remove(first));
    assertThrows(UnsupportedOperationException.class, () -> loads.entrySet().iterator().next().setValue(0.0));
    assertThrows(UnsupportedOperationException.class, loads::clear);
    assertEquals(expected.get(first), loads.get(first));
  }
}
