package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Organisation;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

class ResultsTest {

  private static Organisation withTarget(int workers, double maxPerFte, LocalDate by) {
    Organisation o = SimulationFixtures.oneService(workers, 18);
    return o.withService(o.service("s").withTarget(new CaseloadTarget(maxPerFte, by)));
  }

  private static SimulationResult run(Organisation org, double lambda, long seed, int replications) {
    Scenario scenario = Scenario.builder(org, SimulationFixtures.mm(lambda, 0.1, false))
        .workforce(WorkforceModel.staticWorkforce()).name("lambda " + lambda).horizonWeeks(60).build();
    return Simulation.builder(scenario).replications(replications).seed(seed).build().run();
  }

  @Test
  void probabilityOfMeetingTargetCountsReplicationsAtOrBelowTheTargetInItsWeek() {
    LocalDate by = SimulationFixtures.START.plusWeeks(50).minusDays(3);
    SimulationResult r = run(withTarget(10, 10, by), 10, 1, 40);
    assertEquals(50, r.weekOf(by));
    int met = 0;
    for (double v : r.values(Measure.CASELOAD_PER_FTE, "s", 50)) {
      met += v <= 10 ? 1 : 0;
    }
    assertEquals(met / 40.0, r.probabilityOfMeetingTarget("s"), 1e-12);
    assertTrue(r.probabilityOfMeetingTarget("s") > 0.2 && r.probabilityOfMeetingTarget("s") < 0.8,
        "about 100 cases over 10 FTE against a target of 10: " + r.probabilityOfMeetingTarget("s"));
    SimulationResult beyond = run(withTarget(10, 10, SimulationFixtures.START.plusWeeks(70)), 10, 1, 5);
    assertTrue(Double.isNaN(beyond.probabilityOfMeetingTarget("s")), "a target past the horizon is not judged");
  }

  @Test
  void csvIsTidyWithOneRowPerWeekServiceAndMeasure() {
    SimulationResult r = run(withTarget(10, 10, SimulationFixtures.START.plusWeeks(50)), 10, 1, 10);
    String[] lines = r.toCsv().split("\n");
    assertEquals("week,date,service,measure,unit,mean,p10,p50,p90,half_width_95,n", lines[0]);
    assertEquals(1 + 61 * Measure.values().length, lines.length);
    assertTrue(lines[1].startsWith("0,2020-04-06,s,open_cases,cases,0,0,0,0,0,10"), lines[1]);
    for (String line : lines) {
      assertEquals(11, line.split(",", -1).length, line);
    }
  }

  @Test
  void summaryShowsMediansRangesAndTargetProbability() {
    SimulationResult r = run(withTarget(10, 10, SimulationFixtures.START.plusWeeks(50)), 10, 1, 20);
    String summary = r.summarize();
    assertTrue(summary.startsWith("lambda 10.0: 20 replications, week 60 (2021-05-31)"), summary);
    assertTrue(summary.contains("\ns "), summary);
    assertTrue(summary.lines().anyMatch(l -> l.startsWith("s ") && l.endsWith("%")), summary);
    assertTrue(summary.contains("held in breach"), summary);
  }

  @Test
  void pairedComparisonSeesTheDifferenceWithANarrowInterval() {
    Organisation org = withTarget(10, 10, SimulationFixtures.START.plusWeeks(50));
    SimulationResult base = run(org, 10, 3, 30);
    SimulationResult more = run(org, 12, 3, 30);
    Comparison c = Comparison.of(base, more);
    Comparison.Difference d = c.difference(Measure.OPEN_CASES, "s", 60);
    assertTrue(d.isClear() && d.mean() > 0, "20% more referrals open more cases: " + d);
    assertTrue(d.lower() < 20 && d.upper() > 20, "about 20 more in steady state (2 a week x 10 weeks): " + d);
    assertTrue(c.summarize(60).contains("lambda 12.0 minus lambda 10.0"), c.summarize(60));
    SimulationResult otherSeed = run(org, 12, 4, 30);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Comparison.of(base, otherSeed));
    assertEquals("error: seed must be the same for a paired comparison but was 3 and 4", e.problems().get(0).toString());
  }

  @Test
  void runsUntilTheIntervalIsNarrowEnough() {
    Scenario scenario = Scenario.builder(withTarget(10, 10, SimulationFixtures.START.plusWeeks(50)),
        SimulationFixtures.mm(10, 0.1, false)).workforce(WorkforceModel.staticWorkforce()).horizonWeeks(60).build();
    SimulationResult r = Simulation.builder(scenario).replications(5).seed(2)
        .untilPrecision(new Simulation.Precision(Measure.OPEN_CASES, "s", 60, 2.0, 500)).build().run();
    double half = r.halfWidth(Measure.OPEN_CASES, "s", 60, 0.95);
    assertTrue(half <= 2.0, "half-width " + half);
    assertTrue(r.replications().size() > 5 && r.replications().size() <= 500, "ran " + r.replications().size());
    SimulationResult again = Simulation.builder(scenario).replications(5).seed(2).threads(1)
        .untilPrecision(new Simulation.Precision(Measure.OPEN_CASES, "s", 60, 2.0, 500)).build().run();
    assertEquals(r.replications().size(), again.replications().size(), "the stopping point does not depend on threads");
  }

  @Test
  void jsonHoldsTheRowsAndTargetProbabilities() throws Exception {
    SimulationResult r = run(withTarget(10, 10, SimulationFixtures.START.plusWeeks(50)), 10, 1, 10);
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.toJson());
    assertEquals("lambda 10.0", json.get("scenario").asText());
    assertEquals(10, json.get("replications").asInt());
    assertEquals(61 * Measure.values().length, json.get("rows").size());
    assertEquals(r.probabilityOfMeetingTarget("s"), json.get("probabilityOfMeetingTarget").get("s").asDouble(), 1e-12);
    assertTrue(json.get("rows").get(0).get("p10").isNumber());
  }
}
