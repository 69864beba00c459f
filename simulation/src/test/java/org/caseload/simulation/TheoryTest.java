package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** The engine against queueing theory. */
class TheoryTest {

  /**
   * Poisson arrivals, exponential durations and capacity to spare: an M/M/∞ system, whose mean
   * number in system is λ/μ (Little's law). The time-average of open cases after warm-up, over
   * independent replications, must cover λ/μ within its own 99% interval.
   */
  @Test
  void openCasesMatchLittlesLaw() {
    double lambda = 20;
    double mu = 0.1;
    Scenario scenario = Scenario.builder(SimulationFixtures.oneService(4, 1e6), SimulationFixtures.mm(lambda, mu, false))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).name("M/M/infinity").horizonWeeks(300).build();
    SimulationResult result = Simulation.builder(scenario).replications(40).seed(7).build().run();
    SummaryStatistics perReplication = new SummaryStatistics();
    for (ReplicationResult r : result.replications()) {
      double[] open = r.series(Measure.OPEN_CASES, "s");
      double sum = 0;
      for (int w = 100; w < open.length; w++) {
        sum += open[w];
        assertEquals(0, r.value(Measure.UNALLOCATED, "s", w), "capacity to spare: nobody waits");
      }
      perReplication.addValue(sum / (open.length - 100));
    }
    double t = new TDistribution(perReplication.getN() - 1).inverseCumulativeProbability(0.995);
    double half = t * perReplication.getStandardDeviation() / Math.sqrt(perReplication.getN());
    double expected = lambda / mu;
    assertTrue(Math.abs(perReplication.getMean() - expected) <= half,
        "mean open " + perReplication.getMean() + " +- " + half + " should cover " + expected);
    assertTrue(half < 0.05 * expected, "the interval is tight enough to mean something: " + half);
  }

  /** Cases are conserved: open now = open at the start + opened − closed, every week. */
  @Test
  void casesAreConserved() {
    Scenario scenario = Scenario.builder(SimulationFixtures.oneService(3, 5), SimulationFixtures.mm(6, 0.2, false))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).horizonWeeks(80).build();
    ReplicationResult r = Simulation.run(scenario, 3);
    for (int w = 0; w < r.weeks(); w++) {
      assertEquals(r.total(Measure.OPEN_CASES, 0) + r.total(Measure.OPENED, w) - r.total(Measure.CLOSED, w),
          r.total(Measure.OPEN_CASES, w), 1e-9, "week " + w);
      assertTrue(r.value(Measure.WEIGHTED_LOAD, "s", w) <= 3 * 5 + 1e-9, "capacity holds");
    }
    assertTrue(r.total(Measure.UNALLOCATED, 80) > 0, "demand 30 against capacity 15: some wait");
  }

  /** The same seed gives the same result with one thread or several. */
  @Test
  void resultsDoNotDependOnThreads() {
    Scenario scenario = Scenario.builder(SimulationFixtures.oneService(3, 5), SimulationFixtures.mm(6, 0.2, false))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).horizonWeeks(60).build();
    SimulationResult one = Simulation.builder(scenario).replications(12).threads(1).seed(9).build().run();
    SimulationResult four = Simulation.builder(scenario).replications(12).threads(4).seed(9).build().run();
    for (int r = 0; r < 12; r++) {
      for (Measure m : Measure.values()) {
        assertEquals(java.util.Arrays.toString(one.replications().get(r).series(m, "s")),
            java.util.Arrays.toString(four.replications().get(r).series(m, "s")), m + " replication " + r);
      }
    }
  }

  /** Common random numbers: a policy change that does not touch demand leaves every referral and stage unchanged. */
  @Test
  void scenariosDifferingInPolicyShareTheirReferrals() {
    Scenario onArrival = Scenario.builder(SimulationFixtures.oneService(3, 5), SimulationFixtures.mm(6, 0.2, false))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).horizonWeeks(60).build();
    Scenario weekly = Scenario.builder(SimulationFixtures.oneService(3, 5), SimulationFixtures.mm(6, 0.2, false))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).horizonWeeks(60).allocationTiming(Scenario.AllocationTiming.WEEKLY_MEETING).build();
    ReplicationResult a = Simulation.run(onArrival, 5);
    ReplicationResult b = Simulation.run(weekly, 5);
    assertEquals(java.util.Arrays.toString(a.series(Measure.REFERRALS, "s")),
        java.util.Arrays.toString(b.series(Measure.REFERRALS, "s")));
    assertEquals(java.util.Arrays.toString(a.series(Measure.OPEN_CASES, "s")),
        java.util.Arrays.toString(b.series(Measure.OPEN_CASES, "s")));
    boolean differs = false;
    for (int w = 0; w < a.weeks(); w++) {
      differs |= a.value(Measure.UNALLOCATED, "s", w) != b.value(Measure.UNALLOCATED, "s", w);
    }
    assertTrue(differs, "the allocation timing does change who waits");
  }

  /**
   * c workers who can each hold exactly one case, Poisson arrivals, exponential durations and a
   * first-come queue: an M/M/c queue. The mean number waiting must match the Erlang C formula,
   * Lq = C(c, a) ρ / (1 − ρ) with a = λ/μ and ρ = a/c, within the simulation's 99% interval.
   */
  @Test
  void waitingCasesMatchErlangC() {
    int c = 5;
    double lambda = 4;
    double mu = 1;
    Scenario scenario = Scenario.builder(SimulationFixtures.oneService(c, 1), SimulationFixtures.mm(lambda, mu, true))
        .workforce(org.caseload.simulation.workforce.WorkforceModel.staticWorkforce()).name("M/M/5").horizonWeeks(2000).build();
    SimulationResult result = Simulation.builder(scenario).replications(40).seed(11).build().run();
    SummaryStatistics perReplication = new SummaryStatistics();
    for (ReplicationResult r : result.replications()) {
      double[] waiting = r.series(Measure.UNALLOCATED, "s");
      double sum = 0;
      for (int w = 50; w < waiting.length; w++) {
        sum += waiting[w];
      }
      perReplication.addValue(sum / (waiting.length - 50));
    }
    double expected = erlangCQueueLength(c, lambda / mu);
    double t = new TDistribution(perReplication.getN() - 1).inverseCumulativeProbability(0.995);
    double half = t * perReplication.getStandardDeviation() / Math.sqrt(perReplication.getN());
    assertTrue(Math.abs(perReplication.getMean() - expected) <= half,
        "mean waiting " + perReplication.getMean() + " +- " + half + " should cover Erlang C " + expected);
    assertTrue(half < 0.1 * expected, "tight enough: " + half);
  }

  /** Mean queue length of M/M/c with offered load a = λ/μ erlangs. */
  static double erlangCQueueLength(int c, double a) {
    double rho = a / c;
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double last = term * a / c / (1 - rho);
    double probWait = last / (sum + last);
    return probWait * rho / (1 - rho);
  }
}
