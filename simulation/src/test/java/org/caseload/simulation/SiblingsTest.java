package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseload.core.model.Allocation;
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
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/**
 * Siblings move through the pathway together: one clock per family and stage, the same next
 * stage for all. Were each child to draw its own route, a family would split between the child
 * in need and the child protection services, and since siblings go to one worker, the child who
 * moved on could only wait.
 */
class SiblingsTest {

  /**
   * 30 families of three children in need, each family with one worker of the children in need
   * service; half the plans step up to child protection, held by another service with room for
   * everyone. No child ever waits, whether the worker follows the child or not, and the families
   * that stepped up are all there (in threes).
   */
  @Test
  void familiesMoveTogetherSoNoChildWaitsForASibling() {
    LocalDate start = SimulationFixtures.START;
    Organisation.Builder b = Organisation.builder("Siblings", start)
        .add(Service.of("cin", "Children in need"))
        .add(Service.of("cp", "Child protection"))
        .add(Team.of("t-cin", "cin", TeamKind.LOCALITY, null))
        .add(Team.of("t-cp", "cp", TeamKind.LOCALITY, null));
    for (int w = 0; w < 10; w++) {
      b.add(Worker.of("cin" + w, "t-cin", Role.QUALIFIED, Contract.PERMANENT, 1.0, start.minusYears(2)));
      b.add(Worker.of("cp" + w, "t-cp", Role.QUALIFIED, Contract.PERMANENT, 1.0, start.minusYears(2)));
    }
    for (int f = 0; f < 30; f++) {
      for (int child = 0; child < 3; child++) {
        b.add(new Case("c" + f + "-" + child, "cin", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, "f" + f, null,
            false, start.minusWeeks(4), null, List.of(new Allocation("cin" + f % 10, start.minusWeeks(4), null)), null));
      }
    }
    Stage inNeed = Stage.of(CaseCategory.CHILD_IN_NEED, "cin", new DurationDistribution.Exponential(10),
        List.of(Stage.Exit.to(CaseCategory.CHILD_PROTECTION, 0.5), Stage.Exit.close(0.5)));
    Stage protection = Stage.of(CaseCategory.CHILD_PROTECTION, "cp", new DurationDistribution.Exponential(40),
        List.of(Stage.Exit.close(1)));
    DemandModel demand = new DemandModel(new ReferralRate.Constant(0), new Pathway(0, CaseCategory.CHILD_IN_NEED,
        Map.of(CaseCategory.CHILD_IN_NEED, inNeed, CaseCategory.CHILD_PROTECTION, protection), 0,
        new DurationDistribution.Fixed(1)));
    for (boolean transfer : new boolean[] {true, false}) {
      Scenario scenario = Scenario.builder(b.build(), demand).workforce(WorkforceModel.staticWorkforce())
          .transferAtStageChange(transfer).horizonWeeks(30).build();
      for (long seed = 1; seed <= 5; seed++) {
        ReplicationResult r = new Replication(scenario, new RandomStreams(seed), 0).checking().run();
        for (int week = 0; week <= 30; week++) {
          assertEquals(0, r.total(Measure.UNALLOCATED, week), "seed " + seed + ", week " + week);
          assertEquals(0, r.value(Measure.OPEN_CASES, "cin", week) % 3, 0, "whole families, week " + week);
          assertEquals(0, r.value(Measure.OPEN_CASES, "cp", week) % 3, 0, "whole families, week " + week);
        }
        assertTrue(r.value(Measure.OPEN_CASES, "cp", 30) > 0, "some families stepped up");
      }
    }
  }
}
