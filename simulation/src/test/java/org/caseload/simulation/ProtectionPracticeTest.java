package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.random.RandomStreams;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/**
 * What a scenario's protection practice does: with protections kept, a child protection case that
 * only a newly qualified worker has room for waits; breaching rather than waiting, that worker
 * takes it and the case counts as a breach for as long as they hold it.
 */
class ProtectionPracticeTest {

  /** One qualified worker with room for 2 cases and one newly qualified with room for 5; child protection plans only. */
  private static Scenario.Builder scenario() {
    Organisation org = Organisation.builder("Protections", SimulationFixtures.START)
        .capacityPolicy(CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 2)
            .withCapacityPerFte(Role.NEWLY_QUALIFIED, 5))
        .add(Service.of("s", "Service"))
        .add(Team.of("t", "s", TeamKind.LOCALITY, null))
        .add(Worker.of("q", "t", Role.QUALIFIED, Contract.PERMANENT, 1.0, SimulationFixtures.START.minusYears(3)))
        .add(Worker.of("nq", "t", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1.0, SimulationFixtures.START.minusWeeks(4)))
        .build();
    // Plans run from the day they start, worker or not: the same cases are open whoever holds them.
    Stage plan = new Stage(CaseCategory.CHILD_PROTECTION, "s", new DurationDistribution.Exponential(10),
        List.of(Stage.Exit.close(1)), false);
    DemandModel demand = new DemandModel(new ReferralRate.Constant(2), new Pathway(0, CaseCategory.CHILD_PROTECTION,
        Map.of(CaseCategory.CHILD_PROTECTION, plan), 0, new DurationDistribution.Fixed(1)));
    return Scenario.builder(org, demand).workforce(WorkforceModel.staticWorkforce()).horizonWeeks(40);
  }

  @Test
  void keptProtectionsLeaveTheCaseWaitingAndBreachingGivesItToTheBarredWorker() {
    Scenario keep = scenario().build();
    Scenario breach = scenario().protectionPractice(Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT).build();
    ReplicationResult k = new Replication(keep, new RandomStreams(5), 0).checking().run();
    ReplicationResult b = new Replication(breach, new RandomStreams(5), 0).checking().run();
    int saturated = 0;
    for (int week = 1; week <= 40; week++) {
      double open = k.value(Measure.OPEN_CASES, "s", week);
      assertEquals(open, b.value(Measure.OPEN_CASES, "s", week), "the same children, week " + week);
      assertEquals(0, k.value(Measure.PROTECTION_BREACHES, "s", week), "kept protections, week " + week);
      // Kept: only the qualified worker holds plans; breaching: the newly qualified worker too.
      assertEquals(Math.max(0, open - 2), k.value(Measure.UNALLOCATED, "s", week), "week " + week);
      double breaches = b.value(Measure.PROTECTION_BREACHES, "s", week);
      assertEquals(Math.max(0, open - 2 - breaches), b.value(Measure.UNALLOCATED, "s", week), "week " + week);
      assertTrue(breaches <= Math.max(0, open - 2), "a breach only where the qualified worker is full, week " + week);
      if (open >= 7) {
        saturated++;
        assertEquals(5, breaches, "the newly qualified worker full, week " + week);
      }
    }
    assertTrue(saturated > 20, "weeks with both workers full: " + saturated);
  }

  /** At weekly meetings too: the waiting cases go to the barred worker, and fewer wait. */
  @Test
  void atMeetingsBreachingAlsoPlacesWhatWouldWait() {
    Scenario.Builder meetings = scenario().allocationTiming(Scenario.AllocationTiming.WEEKLY_MEETING);
    ReplicationResult k = new Replication(meetings.build(), new RandomStreams(5), 0).checking().run();
    ReplicationResult b = new Replication(
        meetings.protectionPractice(Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT).build(), new RandomStreams(5), 0)
        .checking().run();
    double waitingKept = 0;
    double waitingBreaching = 0;
    double breaches = 0;
    for (int week = 1; week <= 40; week++) {
      waitingKept += k.value(Measure.UNALLOCATED, "s", week);
      waitingBreaching += b.value(Measure.UNALLOCATED, "s", week);
      breaches += b.value(Measure.PROTECTION_BREACHES, "s", week);
      assertEquals(0, k.value(Measure.PROTECTION_BREACHES, "s", week), "kept protections, week " + week);
    }
    assertTrue(breaches > 100, "case-weeks held in breach: " + breaches);
    assertTrue(waitingBreaching < waitingKept - 100, "case-weeks waiting: " + waitingBreaching + " vs " + waitingKept);
  }

  /**
   * A newly qualified worker who qualifies no longer holds their child protection cases in breach:
   * the count follows their role, not the day the case was given.
   */
  @Test
  void aBreachEndsWhenTheWorkerQualifies() {
    Scenario breach = scenario().horizonWeeks(60).protectionPractice(Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT)
        .workforce(WorkforceModel.staticWorkforce().withNewlyQualifiedWeeks(52)).build();
    ReplicationResult r = new Replication(breach, new RandomStreams(9), 0).checking().run();
    assertTrue(r.value(Measure.PROTECTION_BREACHES, "s", 40) > 0, "breaches before qualifying");
    for (int week = 49; week <= 60; week++) {
      assertEquals(0, r.value(Measure.PROTECTION_BREACHES, "s", week), "week " + week + ", qualified in week 48");
    }
  }
}
