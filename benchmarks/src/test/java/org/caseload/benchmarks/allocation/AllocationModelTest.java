package org.caseload.benchmarks.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.caseload.benchmarks.allocation.AllocationScenario.Weighting;
import org.caseload.benchmarks.allocation.peers.JGraphTMinCostFlow;
import org.caseload.benchmarks.allocation.peers.OrToolsCpSat;
import org.caseload.benchmarks.allocation.peers.OrToolsMinCostFlow;
import org.caseload.benchmarks.allocation.peers.TimefoldAllocator;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.synthetic.InstanceFamily;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peers answer the question our allocators answer: the model prices our plans as core does,
 * every peer's answer keeps the hard rules, and the exact peers agree with each other and are
 * never beaten.
 */
class AllocationModelTest {

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
  }

  @ParameterizedTest
  @EnumSource(AllocationScenario.class)
  void pricesOurPlansAsCoreDoes(AllocationScenario scenario) {
    for (Weighting weighting : Weighting.values()) {
      AllocationRequest request = scenario.request(InstanceFamily.LA_S, 7L, weighting);
      AllocationModel model = new AllocationModel(request);
      AllocationPlan plan = OurAllocators.greedy().allocate(request);
      int[] assign = model.assignmentOf(plan);
      assertNull(model.broken(assign), "our plan breaks no hard rule in the model");
      assertClose(plan.objective().total(), model.evaluate(assign).total(), scenario + " " + weighting);
      assertEquals(plan.transfers(), model.transfers(assign));
      assertEquals(plan.unallocated().size(), (int) model.unallocated(assign)[0]);
    }
  }

  @ParameterizedTest
  @EnumSource(value = AllocationScenario.class, names = {"WEEKLY_INTAKE", "TEAM_DISSOLVED", "COLD_START",
      "DEMAND_110"})
  void minCostFlowsAgreeAndAreNeverBeaten(AllocationScenario scenario) {
    AllocationRequest request = scenario.request(InstanceFamily.LA_S, 3L, Weighting.EQUAL);
    AllocationModel model = new AllocationModel(request);
    assertTrue(model.isUnitWeight());
    double orTools = model.evaluate(new OrToolsMinCostFlow().solve(model).assign()).total();
    double jgrapht = model.evaluate(new JGraphTMinCostFlow().solve(model).assign()).total();
    double greedy = OurAllocators.greedy().allocate(request).objective().total();
    // OR-Tools optimises costs rounded to 1e-6 per arc: equal up to that.
    assertEquals(jgrapht, orTools, 1e-6 * model.caseCount() + 1e-9 * Math.abs(jgrapht));
    assertTrue(jgrapht <= greedy + 1e-6 * Math.abs(greedy), "an exact min-cost flow is never worse than greedy");
  }

  @ParameterizedTest
  @EnumSource(value = AllocationScenario.class, names = {"ONE_LEAVES", "TEAM_DISSOLVED", "COLD_START"})
  void timeLimitedPeersKeepTheHardRules(AllocationScenario scenario) {
    AllocationModel model = new AllocationModel(scenario.request(InstanceFamily.TEAM, 5L));
    for (Contender peer : new Contender[] {new TimefoldAllocator(Duration.ofMillis(500)), new OrToolsCpSat(1, 1)}) {
      Answer a = peer.solve(model);
      if (!a.found()) {
        assertTrue(peer instanceof OrToolsCpSat, peer.name() + " found no answer: " + a.result());
        continue; // CP-SAT may still be in presolve after a second on a loaded machine
      }
      assertNull(model.broken(a.assign()), peer.name());
      assertTrue(!a.progress().isEmpty(), peer.name() + " records its progress");
    }
  }
}
