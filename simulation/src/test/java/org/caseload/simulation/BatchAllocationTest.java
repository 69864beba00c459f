package org.caseload.simulation;

import static org.caseload.simulation.SimulationFixtures.START;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.OptimisingAllocator;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
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
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/** The scenario's allocator places batches; agency assignments end when they are due; sick workers keep their cases. */
class BatchAllocationTest {

  /**
   * Workers "a" (capacity 3 weighted cases) and "b" (capacity 2) in service "cp", and two cases
   * waiting: a child protection case weighing 2 and a child in need case weighing 3. Placing the
   * child protection case first with the less utilised worker ("a") leaves no room for the other;
   * only "b" for the first and "a" for the second places both.
   */
  private static Organisation twoWorkersTwoCases(Contract bContract) {
    CapacityPolicy policy = CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 4)
        .withCategoryWeight(CaseCategory.CHILD_PROTECTION, 2).withCategoryWeight(CaseCategory.CHILD_IN_NEED, 3);
    return Organisation.builder("Batch", START).capacityPolicy(policy)
        .add(Service.of("cp", "Child protection"))
        .add(Team.of("t", "cp", TeamKind.LOCALITY, null))
        .add(Worker.of("a", "t", Role.QUALIFIED, Contract.PERMANENT, 0.75, START.minusYears(2)))
        .add(Worker.of("b", "t", Role.QUALIFIED, bContract, 0.5, START.minusYears(2)))
        .add(waiting("x", CaseCategory.CHILD_PROTECTION))
        .add(waiting("y", CaseCategory.CHILD_IN_NEED))
        .build();
  }

  private static Case waiting(String id, CaseCategory category) {
    return new Case(id, "cp", category, Complexity.STANDARD, null, null, false, START.minusWeeks(1), null, List.of(),
        null);
  }

  /** No referrals; every stage lasts far beyond the horizon. */
  private static DemandModel noDemand() {
    DurationDistribution forever = new DurationDistribution.Fixed(1_000);
    Map<CaseCategory, Stage> stages = Map.of(
        CaseCategory.CHILD_PROTECTION, Stage.of(CaseCategory.CHILD_PROTECTION, "cp", forever, List.of(Stage.Exit.close(1))),
        CaseCategory.CHILD_IN_NEED, Stage.of(CaseCategory.CHILD_IN_NEED, "cp", forever, List.of(Stage.Exit.close(1))));
    return new DemandModel(new ReferralRate.Constant(0), new Pathway(0, CaseCategory.CHILD_IN_NEED, stages, 0,
        new DurationDistribution.Fixed(1)));
  }

  private static ReplicationResult run(Scenario scenario) {
    return new Replication(scenario, new RandomStreams(1), 0).checking().run();
  }

  @Test
  void atAWeeklyMeetingTheOptimisingAllocatorPlacesWhatTheGreedyRuleCannot() {
    Scenario.Builder b = Scenario.builder(twoWorkersTwoCases(Contract.PERMANENT), noDemand())
        .workforce(WorkforceModel.staticWorkforce()).allocationTiming(Scenario.AllocationTiming.WEEKLY_MEETING)
        .horizonWeeks(3);
    ReplicationResult greedy = run(b.allocator(GreedyAllocator.NAME).build());
    ReplicationResult optimising = run(b.allocator(OptimisingAllocator.NAME).build());
    assertEquals(2, greedy.value(Measure.UNALLOCATED, "cp", 0), "before the first meeting");
    assertEquals(2, optimising.value(Measure.UNALLOCATED, "cp", 0), "before the first meeting");
    assertEquals(1, greedy.value(Measure.UNALLOCATED, "cp", 1), "the child in need case waits");
    assertEquals(0, optimising.value(Measure.UNALLOCATED, "cp", 1));
    assertEquals(5, optimising.value(Measure.WEIGHTED_LOAD, "cp", 3), 1e-9, "every case held to the horizon");
  }

  @Test
  void releasedAgencyWorkersCasesArePlacedTogetherAfterAllHaveGone() {
    // "b" is agency and released in week 1: their case (placed at the first meeting) goes to "a" if it fits.
    Scenario s = Scenario.builder(twoWorkersTwoCases(Contract.AGENCY), noDemand())
        .workforce(WorkforceModel.staticWorkforce()).allocator(OptimisingAllocator.NAME)
        .allocationTiming(Scenario.AllocationTiming.ON_ARRIVAL)
        .restructure(new Restructure.ReleaseAgency(1, null, -1, false)).horizonWeeks(3).build();
    ReplicationResult r = run(s);
    assertEquals(0, r.value(Measure.UNALLOCATED, "cp", 1), "both placed from the start");
    assertEquals(1, r.value(Measure.UNALLOCATED, "cp", 2), "a cannot take a second case: one waits");
    assertEquals(1, r.value(Measure.AGENCY_FTE, "cp", 1) > 0 ? 1 : 0);
    assertEquals(0, r.value(Measure.AGENCY_FTE, "cp", 2), 1e-9);
  }

  @Test
  void agencyWorkersGoAtTheEndOfTheirAssignment() {
    Scenario.Builder b = Scenario.builder(twoWorkersTwoCases(Contract.AGENCY), noDemand()).horizonWeeks(12);
    WorkforceModel fixedAssignments = WorkforceModel.staticWorkforce()
        .withAgencyAssignmentWeeks(new DurationDistribution.Fixed(10));
    ReplicationResult open = run(b.workforce(WorkforceModel.staticWorkforce()).build());
    ReplicationResult ending = run(b.workforce(fixedAssignments).build());
    assertEquals(0.5, open.value(Measure.AGENCY_FTE, "cp", 12), 1e-9, "open-ended: still in post");
    assertEquals(0.5, ending.value(Measure.AGENCY_FTE, "cp", 10), 1e-9, "recorded before the week's events");
    assertEquals(0, ending.value(Measure.AGENCY_FTE, "cp", 11), 1e-9, "gone at the end of week 10");
    assertEquals(0.75, ending.value(Measure.FTE_IN_POST, "cp", 11), 1e-9, "the permanent worker stays");
  }

  @Test
  void aWorkerOffSickKeepsTheirCaseWhenItChangesStageAndTheWorkerFollowsTheChild() {
    Organisation org = Organisation.builder("Sick", START)
        .add(Service.of("cp", "Child protection"))
        .add(Team.of("t", "cp", TeamKind.LOCALITY, null))
        .add(Worker.of("a", "t", Role.QUALIFIED, Contract.PERMANENT, 1, START.minusYears(2)))
        .add(new Case("x", "cp", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false,
            START.minusWeeks(1), null, List.of(new org.caseload.core.model.Allocation("a", START.minusWeeks(1), null)),
            null))
        .build();
    DurationDistribution forever = new DurationDistribution.Fixed(1_000);
    Map<CaseCategory, Stage> stages = Map.of(
        CaseCategory.CHILD_IN_NEED, Stage.of(CaseCategory.CHILD_IN_NEED, "cp", new DurationDistribution.Fixed(3),
            List.of(Stage.Exit.to(CaseCategory.CHILD_PROTECTION, 1))),
        CaseCategory.CHILD_PROTECTION, Stage.of(CaseCategory.CHILD_PROTECTION, "cp", forever,
            List.of(Stage.Exit.close(1))));
    DemandModel demand = new DemandModel(new ReferralRate.Constant(0), new Pathway(0, CaseCategory.CHILD_IN_NEED,
        stages, 0, new DurationDistribution.Fixed(1)));
    // Sick within days of the start (520 spells a year), for 10 weeks: off when the stage changes in week 3.
    WorkforceModel s = WorkforceModel.staticWorkforce();
    WorkforceModel sickly = new WorkforceModel(s.leavingPerYear(), null, s.noticeWeeks(), s.recruitmentWeeks(), false,
        0, 0, Integer.MAX_VALUE, 520, new DurationDistribution.Fixed(10), List.of());
    ReplicationResult r = run(Scenario.builder(org, demand).workforce(sickly).transferAtStageChange(false)
        .horizonWeeks(6).build());
    assertEquals(0, r.value(Measure.UNALLOCATED, "cp", 5), "kept by the worker off sick");
    assertEquals(0, r.value(Measure.TRANSFERS, "cp", 5));
    assertEquals(CapacityPolicy.defaults().weight(CaseCategory.CHILD_PROTECTION, Complexity.STANDARD),
        r.value(Measure.WEIGHTED_LOAD, "cp", 5), 1e-9, "held as a child protection case");
  }
}
