package org.caseload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.caseload.simulation.Comparison;
import org.caseload.simulation.Measure;
import org.caseload.simulation.Scenario;
import org.junit.jupiter.api.Test;

/** The simulation examples run, and their findings point the way the story says. */
class SimulationExamplesTest {
  private static final int REPLICATIONS = 20;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void recruitingLowersLookedAfterCaseloadsAndRaisesTheChanceOfMeetingTarget() {
    Comparison c = SimulationExamples.targets(REPLICATIONS, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.CASELOAD_PER_FTE, "looked-after", end).upper() < 0, bytes.toString());
    assertTrue(c.alternative().probabilityOfMeetingTarget("looked-after")
        > c.baseline().probabilityOfMeetingTarget("looked-after"), bytes.toString());
  }

  @Test
  void agencyChurnMeansMoreChangesOfWorker() {
    Comparison c = SimulationExamples.agencyChurn(REPLICATIONS, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.TRANSFERS, "protect", end).lower() > 0, bytes.toString());
    assertTrue(c.difference(Measure.THREE_OR_MORE_WORKERS, "looked-after", end).lower() > 0, bytes.toString());
  }

  @Test
  void hubTeamsCostMoreAndMoveChildrenBetweenWorkers() {
    Comparison c = SimulationExamples.hubTeams(REPLICATIONS, Scenario.ProtectionPractice.KEEP, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.TRANSFERS, "protect", end).lower() > 0, bytes.toString());
    assertTrue(c.difference(Measure.COST, "protect", end).lower() > 0, bytes.toString());
    assertEquals(0, c.alternative().mean(Measure.PROTECTION_BREACHES, "protect", end), 0, "protections kept");
    assertTrue(bytes.toString().contains("hub teams, protections kept minus keep peripatetic team"), bytes.toString());
  }

  /** Breaching rather than waiting, the hub staff hold cases their roles bar them from, and fewer children wait. */
  @Test
  void hubTeamsBreachRoleProtectionsWhereTheyWouldLeaveChildrenWaiting() {
    Comparison kept = SimulationExamples.hubTeams(REPLICATIONS, Scenario.ProtectionPractice.KEEP, out);
    Comparison c = SimulationExamples.hubTeams(REPLICATIONS, Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.PROTECTION_BREACHES, "protect", end).lower() > 0, bytes.toString());
    assertTrue(c.alternative().mean(Measure.UNALLOCATED, "protect", end)
        < kept.alternative().mean(Measure.UNALLOCATED, "protect", end), bytes.toString());
  }

  @Test
  void optimisingEachMeetingTogetherMovesFewerChildren() {
    Comparison c = SimulationExamples.allocators(REPLICATIONS, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.TRANSFERS, "protect", end).upper() < 0, bytes.toString());
  }
}
