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

  /**
   * Breaching rather than waiting, the hub staff hold cases their roles bar them from: a wait of
   * days for an allowed worker becomes a breach for the length of a plan.
   */
  @Test
  void hubTeamsBreachRoleProtectionsWhereChildrenWouldWait() {
    Comparison c = SimulationExamples.hubTeams(REPLICATIONS, Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT, out);
    int end = c.baseline().scenario().horizonWeeks();
    assertTrue(c.difference(Measure.PROTECTION_BREACHES, "protect", end).lower() > 0, bytes.toString());
    assertTrue(c.difference(Measure.TRANSFERS, "protect", end).lower() > 0, bytes.toString());
  }

  /**
   * Placing each meeting's waiting cases together, the optimiser leaves fewer children waiting
   * over the 61 weeks (the mean over the weeks of the children waiting, paired by replication).
   */
  @Test
  void optimisingEachMeetingTogetherLeavesFewerChildrenWaiting() {
    Comparison c = SimulationExamples.allocators(REPLICATIONS, out);
    org.apache.commons.math3.stat.descriptive.SummaryStatistics d = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
    for (int i = 0; i < REPLICATIONS; i++) {
      var greedy = c.baseline().replications().get(i);
      var optimising = c.alternative().replications().get(i);
      double sum = 0;
      for (int week = 1; week < greedy.weeks(); week++) {
        sum += optimising.total(Measure.UNALLOCATED, week) - greedy.total(Measure.UNALLOCATED, week);
      }
      d.addValue(sum / (greedy.weeks() - 1));
    }
    double half = new org.apache.commons.math3.distribution.TDistribution(REPLICATIONS - 1).inverseCumulativeProbability(0.975)
        * d.getStandardDeviation() / Math.sqrt(REPLICATIONS);
    assertTrue(d.getMean() + half < 0, "children waiting, optimising minus greedy: " + d.getMean() + " +- " + half
        + "\n" + bytes);
  }
}
