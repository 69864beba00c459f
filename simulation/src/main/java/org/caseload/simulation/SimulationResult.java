package org.caseload.simulation;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The replications of a simulation, and their distribution per measure, service and week.
 * Immutable.
 */
public final class SimulationResult {
  private final Scenario scenario;
  private final long seed;
  private final List<ReplicationResult> replications;

  SimulationResult(Scenario scenario, long seed, List<ReplicationResult> replications) {
    this.scenario = scenario;
    this.seed = seed;
    this.replications = List.copyOf(replications);
  }

  /** The scenario simulated. */
  public Scenario scenario() {
    return scenario;
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** The replications, in replication order. */
  public List<ReplicationResult> replications() {
    return replications;
  }

  /** The values of {@code measure} for a service at a week, one per replication (NaN kept). */
  public double[] values(Measure measure, String serviceId, int week) {
    double[] v = new double[replications.size()];
    for (int r = 0; r < v.length; r++) {
      v[r] = replications.get(r).value(measure, serviceId, week);
    }
    return v;
  }

  /** The mean over replications (ignoring NaN), or NaN if every value is NaN. */
  public double mean(Measure measure, String serviceId, int week) {
    double sum = 0;
    int n = 0;
    for (double x : values(measure, serviceId, week)) {
      if (!Double.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The {@code q}-quantile over replications (ignoring NaN; Commons Math's default estimator),
   * for q in (0, 1].
   */
  public double quantile(Measure measure, String serviceId, int week, double q) {
    double[] v = Arrays.stream(values(measure, serviceId, week)).filter(x -> !Double.isNaN(x)).toArray();
    return v.length == 0 ? Double.NaN : new Percentile().evaluate(v, q * 100);
  }

  /**
   * Half the width of the {@code level} confidence interval of the mean (Student's t over
   * replications, which are independent); NaN with fewer than 2 values.
   */
  public double halfWidth(Measure measure, String serviceId, int week, double level) {
    double[] v = Arrays.stream(values(measure, serviceId, week)).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length < 2) {
      return Double.NaN;
    }
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (v.length - 1));
    double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.5 + level / 2);
    return t * sd / Math.sqrt(v.length);
  }

  @Override
  public String toString() {
    return "SimulationResult[" + scenario.name() + ": " + replications.size() + " replications of "
        + scenario.horizonWeeks() + " weeks, seed " + seed + "]";
  }
}
