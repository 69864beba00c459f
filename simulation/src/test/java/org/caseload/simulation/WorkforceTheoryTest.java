package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/** The workforce dynamics against the Markov stock-and-flow model of manpower planning. */
class WorkforceTheoryTest {

  /**
   * With constant leaving hazards, no replacement and a fixed weekly intake R of each type, the
   * expected headcount follows n(t+1) = n(t) P + R (Bartholomew, Forbes and McClean, 1991) with
   * P diagonal, P = exp(−h) per week. Intake joins just after each week's snapshot, so the
   * recursion is n(w) = (n(w−1) + R) e^{−h}. Checked for permanent and agency workers, with
   * different hazards, at several weeks, within the simulation's 99% interval — 99% for the eight
   * checks together (Bonferroni: each at 1 − 0.01 ÷ 8), so that the test does not fail one run in
   * twelve by chance alone.
   */
  @Test
  void headcountFollowsTheStockAndFlowRecursion() {
    double permanentPerYear = 0.5;
    double agencyPerYear = 3;
    int permanentIntake = 2;
    int agencyIntake = 1;
    org.caseload.core.model.Organisation start = SimulationFixtures.oneService(20, 18);
    org.caseload.core.model.Organisation.Builder b = start.toBuilder();
    for (int i = 0; i < 10; i++) {
      b.add(Worker.of("a" + i, "t", Role.QUALIFIED, Contract.AGENCY, 1.0, SimulationFixtures.START.minusWeeks(3)));
    }
    DurationDistribution instant = new DurationDistribution.Fixed(1e-6);
    WorkforceModel model = WorkforceModel.staticWorkforce()
        .withLeavingPerYear(Contract.PERMANENT, permanentPerYear)
        .withLeavingPerYear(Contract.AGENCY, agencyPerYear)
        .withNotice(instant, instant)
        .withCohorts(List.of(
            new WorkforceModel.Cohort("t", Role.QUALIFIED, Contract.PERMANENT, 1.0, permanentIntake, 0, 1),
            new WorkforceModel.Cohort("t", Role.QUALIFIED, Contract.AGENCY, 1.0, agencyIntake, 0, 1)));
    Scenario scenario = Scenario.builder(b.build(), SimulationFixtures.mm(0, 1, false)).workforce(model)
        .horizonWeeks(104).build();
    SimulationResult result = Simulation.builder(scenario).replications(1000).seed(21).build().run();

    double permanentKeep = Math.exp(-permanentPerYear / 52);
    double agencyKeep = Math.exp(-agencyPerYear / 52);
    double permanent = 20;
    double agency = 10;
    for (int w = 1; w <= 104; w++) {
      permanent = (permanent + permanentIntake) * permanentKeep;
      agency = (agency + agencyIntake) * agencyKeep;
      if (w % 26 == 0) {
        assertCovers(result, Measure.AGENCY_FTE, w, agency, 8);
        assertCovers(result, Measure.HEADCOUNT, w, agency + permanent, 8);
      }
    }
  }

  /** The mean of {@code measure} at {@code week} is within its interval, 99% over {@code checks} such checks. */
  private static void assertCovers(SimulationResult result, Measure measure, int week, double expected, int checks) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : result.values(measure, "s", week)) {
      s.addValue(v);
    }
    double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(1 - 0.005 / checks);
    double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
    assertTrue(Math.abs(s.getMean() - expected) <= half,
        measure + " week " + week + ": " + s.getMean() + " +- " + half + " should cover " + expected);
  }

  /** Newly qualified workers become qualified after their assessed year, counted from their start. */
  @Test
  void newlyQualifiedWorkersQualifyAfterTheirYear() {
    org.caseload.core.model.Organisation.Builder b = SimulationFixtures.oneService(0, 18).toBuilder();
    b.add(Worker.of("nq-old", "t", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1.0, SimulationFixtures.START.minusWeeks(40)));
    b.add(Worker.of("nq-new", "t", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 0.5, SimulationFixtures.START.minusWeeks(2)));
    Scenario scenario = Scenario.builder(b.build(), SimulationFixtures.mm(0, 1, false))
        .workforce(WorkforceModel.staticWorkforce().withNewlyQualifiedWeeks(52)).horizonWeeks(60).build();
    ReplicationResult r = Simulation.run(scenario, 1);
    assertEquals(1.5, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 12), 1e-9);
    assertEquals(0.5, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 13), 1e-9, "40 + 12 weeks");
    assertEquals(0.5, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 50), 1e-9);
    assertEquals(0.0, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 51), 1e-9, "2 + 50 weeks");
    assertEquals(1.5, r.value(Measure.FTE_IN_POST, "s", 60), 1e-9);
  }

  /**
   * Leavers' posts are recruited to and covered by agency meanwhile: with steady leaving and
   * replacement, headcount stays near the establishment and cases are conserved throughout.
   */
  @Test
  void vacanciesAreRecruitedToAndCoveredMeanwhile() {
    Scenario scenario = Scenario.builder(SimulationFixtures.oneService(30, 18), SimulationFixtures.mm(20, 0.05, false))
        .workforce(WorkforceModel.defaults().withLeavingPerYear(Contract.PERMANENT, 0.6))
        .horizonWeeks(156).build();
    SimulationResult result = Simulation.builder(scenario).replications(30).seed(4).build().run();
    double agencyAtEnd = 0;
    for (ReplicationResult r : result.replications()) {
      for (int w = 0; w < r.weeks(); w++) {
        double posts = r.value(Measure.HEADCOUNT, "s", w) - r.value(Measure.AGENCY_FTE, "s", w)
            + r.value(Measure.VACANT_POSTS, "s", w);
        assertTrue(Math.abs(posts - 30) < 1e-9 || r.value(Measure.AGENCY_FTE, "s", w) > 0,
            "posts held or vacant add up to the establishment (cover workers are agency): week " + w + " " + posts);
        assertEquals(r.total(Measure.OPEN_CASES, 0) + r.total(Measure.OPENED, w) - r.total(Measure.CLOSED, w),
            r.total(Measure.OPEN_CASES, w), 1e-9, "conservation, week " + w);
      }
      agencyAtEnd += r.value(Measure.AGENCY_FTE, "s", 156);
    }
    double meanHeadcount = result.mean(Measure.HEADCOUNT, "s", 156);
    assertTrue(meanHeadcount > 25 && meanHeadcount < 32, "headcount near the establishment: " + meanHeadcount);
    assertTrue(agencyAtEnd > 0, "some vacancies are covered by agency workers");
    assertTrue(result.mean(Measure.TRANSFERS, "s", 156) > 0, "leavers' cases change worker");
  }
}
