package org.caseload.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.caseload.core.validation.Problems;

/**
 * A paired comparison of two simulations run with the same seed and replications: replication
 * r of each saw the same referrals, stage lengths and departures wherever the scenarios'
 * difference did not reach (common random numbers), so the difference is measured replication by
 * replication and its confidence interval is far narrower than comparing two independent runs.
 * Immutable.
 */
public final class Comparison {
  private final SimulationResult baseline;
  private final SimulationResult alternative;

  private Comparison(SimulationResult baseline, SimulationResult alternative) {
    this.baseline = baseline;
    this.alternative = alternative;
  }

  /**
   * Compares {@code alternative} with {@code baseline}.
   *
   * @throws org.caseload.core.validation.InvalidInputException if they were not run with the same
   *     seed, number of replications, horizon and services
   */
  public static Comparison of(SimulationResult baseline, SimulationResult alternative) {
    Problems p = new Problems();
    p.check(baseline.seed() == alternative.seed(), "seed", "must be the same for a paired comparison but was "
        + baseline.seed() + " and " + alternative.seed());
    p.check(baseline.replications().size() == alternative.replications().size(), "replications",
        "must be as many in both but were " + baseline.replications().size() + " and "
            + alternative.replications().size());
    p.check(baseline.scenario().horizonWeeks() == alternative.scenario().horizonWeeks(), "horizonWeeks",
        "must be the same in both but were " + baseline.scenario().horizonWeeks() + " and "
            + alternative.scenario().horizonWeeks());
    p.check(baseline.replications().get(0).services().equals(alternative.replications().get(0).services()),
        "services", "must be the same in both");
    p.throwIfErrors("comparison");
    return new Comparison(baseline, alternative);
  }

  /**
   * The difference alternative − baseline of one measure, over paired replications.
   *
   * @param mean mean difference
   * @param lower lower end of the 95% confidence interval of the mean difference
   * @param upper upper end
   * @param n pairs with a value in both
   */
  public record Difference(double mean, double lower, double upper, int n) {
    /** True if the interval excludes 0. */
    public boolean isClear() {
      return lower > 0 || upper < 0;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", mean, lower, upper);
    }
  }

  /** The paired difference of {@code measure} for {@code serviceId} at {@code week}. */
  public Difference difference(Measure measure, String serviceId, int week) {
    double[] a = baseline.values(measure, serviceId, week);
    double[] b = alternative.values(measure, serviceId, week);
    List<Double> d = new ArrayList<>();
    for (int r = 0; r < a.length; r++) {
      if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
        d.add(b[r] - a[r]);
      }
    }
    int n = d.size();
    if (n == 0) {
      return new Difference(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (n < 2) {
      return new Difference(mean, Double.NaN, Double.NaN, n);
    }
    double ss = 0;
    for (double x : d) {
      ss += (x - mean) * (x - mean);
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    double half = se == 0 ? 0 : new TDistribution(n - 1).inverseCumulativeProbability(0.975) * se;
    return new Difference(mean, mean - half, mean + half, n);
  }

  /** The baseline simulation. */
  public SimulationResult baseline() {
    return baseline;
  }

  /** The alternative simulation. */
  public SimulationResult alternative() {
    return alternative;
  }

  /**
   * A table for people: for each service at {@code week}, the paired difference (alternative −
   * baseline) of the main measures (as {@link SimulationResult#summarize()}) with 95% intervals,
   * and both probabilities of meeting target.
   */
  public String summarize(int week) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%s minus %s, week %d: mean difference [95%% interval] over %d paired replications%n",
        alternative.scenario().name(), baseline.scenario().name(), week, baseline.replications().size()));
    sb.append(String.format(Locale.ROOT, "%-24s %-26s %-26s %-26s %-26s %-26s %s%n", "service", "open cases",
        "caseload per FTE", "unallocated", "transfers", "held in breach", "P(target) base -> alt"));
    for (String service : baseline.replications().get(0).services()) {
      double pa = baseline.probabilityOfMeetingTarget(service);
      double pb = alternative.probabilityOfMeetingTarget(service);
      sb.append(String.format(Locale.ROOT, "%-24s %-26s %-26s %-26s %-26s %-26s %s%n", service,
          difference(Measure.OPEN_CASES, service, week), difference(Measure.CASELOAD_PER_FTE, service, week),
          difference(Measure.UNALLOCATED, service, week), difference(Measure.TRANSFERS, service, week),
          difference(Measure.PROTECTION_BREACHES, service, week),
          Double.isNaN(pa) ? "-" : String.format(Locale.ROOT, "%.0f%% -> %.0f%%", 100 * pa, 100 * pb)));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Comparison[" + alternative.scenario().name() + " vs " + baseline.scenario().name() + ", "
        + baseline.replications().size() + " paired replications]";
  }
}
