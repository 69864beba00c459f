package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Worker;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

class MeasuresTest {

  @Test
  void costAddsUpWeekByWeekAtTheSourcedRates() {
    Organisation.Builder b = SimulationFixtures.oneService(10, 18).toBuilder();
    b.add(Worker.of("a", "t", Role.QUALIFIED, Contract.AGENCY, 0.5, SimulationFixtures.START.minusWeeks(3)));
    Scenario s = Scenario.builder(b.build(), SimulationFixtures.mm(0, 1, false))
        .workforce(WorkforceModel.staticWorkforce()).horizonWeeks(52).build();
    ReplicationResult r = Simulation.run(s, 1);
    double week = 10 * 175 * 227 / 52.0 + 0.5 * 350 * 227 / 52.0;
    assertEquals(0, r.value(Measure.COST, "s", 0), 1e-9);
    assertEquals(52 * week, r.value(Measure.COST, "s", 52), 1e-6);
    assertEquals(175 * 227, CostModel.defaults().perWeek(Contract.PERMANENT, Role.QUALIFIED, 1) * 52, 1e-9,
        "a year of an employed FTE");
  }

  /**
   * Agency churn drives changes of worker: with agency workers leaving every 8 weeks on average
   * and replaced, many children have 3 or more workers in a year; with a stable permanent
   * workforce, almost none do.
   */
  @Test
  void agencyChurnDrivesChildrenToThreeOrMoreWorkers() {
    Organisation.Builder b = SimulationFixtures.oneService(0, 18).toBuilder();
    for (int i = 0; i < 12; i++) {
      b.add(Worker.of("a" + i, "t", Role.QUALIFIED, Contract.AGENCY, 1.0, SimulationFixtures.START.minusWeeks(3)));
    }
    Organisation agencyTeam = b.build();
    WorkforceModel churn = WorkforceModel.defaults().withoutSickness().withLeavingPerYear(Contract.AGENCY, 6.5)
        .withAgencyCover(0, 0);
    Scenario churning = Scenario.builder(agencyTeam, SimulationFixtures.mm(4, 0.02, false)).workforce(churn)
        .horizonWeeks(104).build();
    Scenario stable = Scenario.builder(SimulationFixtures.oneService(12, 18), SimulationFixtures.mm(4, 0.02, false))
        .workforce(WorkforceModel.staticWorkforce()).horizonWeeks(104).build();
    SimulationResult a = Simulation.builder(churning).replications(10).seed(2).build().run();
    SimulationResult s = Simulation.builder(stable).replications(10).seed(2).build().run();
    double churnShare = a.mean(Measure.THREE_OR_MORE_WORKERS, "s", 104);
    double stableShare = s.mean(Measure.THREE_OR_MORE_WORKERS, "s", 104);
    assertTrue(churnShare > 0.3, "agency churn: " + churnShare);
    assertEquals(0, stableShare, 1e-9, "nobody leaves, nobody changes worker");
    assertTrue(a.mean(Measure.TRANSFERS, "s", 104) > 100, "transfers: " + a.mean(Measure.TRANSFERS, "s", 104));
    // One stage, nothing open at the start, every referral opened: each case enters the service once.
    ReplicationResult one = Simulation.run(churning, 3);
    for (int week : new int[] {10, 52, 104}) {
      assertEquals(one.value(Measure.TRANSFERS, "s", week) / one.value(Measure.OPENED, "s", week),
          one.value(Measure.TRANSFERS_PER_CHILD, "s", week), 1e-12, "week " + week);
    }
    assertTrue(Double.isNaN(one.value(Measure.TRANSFERS_PER_CHILD, "s", 0)), "no case yet");
  }

  @Test
  void fteByRoleAndContractAndTheAgencyShare() {
    Organisation.Builder b = SimulationFixtures.oneService(2, 18).toBuilder();
    b.add(Worker.of("n", "t", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1.0, SimulationFixtures.START.minusWeeks(3)));
    b.add(Worker.of("u", "t", Role.UNQUALIFIED, Contract.AGENCY, 0.5, SimulationFixtures.START.minusWeeks(3)));
    Scenario s = Scenario.builder(b.build(), SimulationFixtures.mm(0, 1, false))
        .workforce(WorkforceModel.staticWorkforce()).horizonWeeks(4).build();
    ReplicationResult r = Simulation.run(s, 1);
    assertEquals(3.5, r.value(Measure.FTE_IN_POST, "s", 4), 1e-12);
    assertEquals(1.0, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 4), 1e-12);
    assertEquals(0.5, r.value(Measure.UNQUALIFIED_FTE, "s", 4), 1e-12);
    assertEquals(0.5, r.value(Measure.AGENCY_FTE, "s", 4), 1e-12);
    assertEquals(0.5 / 3.5, r.value(Measure.AGENCY_SHARE, "s", 4), 1e-12);
    assertTrue(Double.isNaN(r.value(Measure.TRANSFERS_PER_CHILD, "s", 4)), "no case ever");
  }
}
