package org.caseload.simulation.demand;

import java.util.List;
import java.util.random.RandomGenerator;
import org.caseload.core.validation.Problems;

/**
 * Referrals per week as a function of time: constant, a trend, a seasonal cycle, or an explicit
 * weekly series. Within each week the rate is constant, and arrivals form a Poisson process with
 * that rate. Week 0 is the week that starts on the simulation's first day.
 */
public sealed interface ReferralRate {

  /** Expected referrals in week {@code week} (from 0), at least 0. */
  double perWeek(int week);

  /**
   * The arrival times of a Poisson process with this rate, in weeks from the start, up to
   * {@code horizonWeeks}: exponential gaps at the current week's rate, restarted at each week
   * boundary (exact for a piecewise-constant rate, by the memoryless property). The same times,
   * one at a time, as {@link Arrivals}.
   */
  default double[] arrivals(double horizonWeeks, RandomGenerator rng) {
    Arrivals process = new Arrivals(this, horizonWeeks, rng);
    double[] times = new double[64];
    int n = 0;
    for (double t = process.next(); t != Double.POSITIVE_INFINITY; t = process.next()) {
      if (n == times.length) {
        times = java.util.Arrays.copyOf(times, n * 2);
      }
      times[n++] = t;
    }
    return java.util.Arrays.copyOf(times, n);
  }

  /** The same number of referrals every week. */
  record Constant(double perWeek) implements ReferralRate {
    public Constant {
      Problems p = new Problems();
      p.check(Double.isFinite(perWeek) && perWeek >= 0, "perWeek",
          "must be a number of referrals per week at least 0 but was " + perWeek);
      p.throwIfErrors("referral rate");
    }

    @Override
    public double perWeek(int week) {
      return perWeek;
    }
  }

  /**
   * A rate growing (or shrinking) by a fixed share a year, compounded weekly.
   *
   * @param perWeekAtStart referrals per week in week 0
   * @param growthPerYear for example 0.02 for 2% more each year; more than -1
   */
  record Trend(double perWeekAtStart, double growthPerYear) implements ReferralRate {
    public Trend {
      Problems p = new Problems();
      p.check(Double.isFinite(perWeekAtStart) && perWeekAtStart >= 0, "perWeekAtStart",
          "must be a number of referrals per week at least 0 but was " + perWeekAtStart);
      p.check(Double.isFinite(growthPerYear) && growthPerYear > -1, "growthPerYear",
          "must be a yearly growth share above -1 (for example 0.02) but was " + growthPerYear);
      p.throwIfErrors("referral trend");
    }

    @Override
    public double perWeek(int week) {
      return perWeekAtStart * Math.pow(1 + growthPerYear, week / 52.0);
    }
  }

  /**
   * A yearly cycle around a mean: mean × (1 + amplitude × cos(2π (week − peakWeek) ÷ 52)).
   *
   * @param meanPerWeek average referrals per week
   * @param amplitude relative swing, in [0, 1]
   * @param peakWeek the week (from 0) of the yearly peak
   */
  record Seasonal(double meanPerWeek, double amplitude, int peakWeek) implements ReferralRate {
    public Seasonal {
      Problems p = new Problems();
      p.check(Double.isFinite(meanPerWeek) && meanPerWeek >= 0, "meanPerWeek",
          "must be a number of referrals per week at least 0 but was " + meanPerWeek);
      p.check(amplitude >= 0 && amplitude <= 1, "amplitude", "must be in [0, 1] but was " + amplitude);
      p.throwIfErrors("seasonal referral rate");
    }

    @Override
    public double perWeek(int week) {
      return meanPerWeek * (1 + amplitude * Math.cos(2 * Math.PI * (week - peakWeek) / 52.0));
    }
  }

  /** An explicit rate for each week; after the last week the last value holds. */
  record Series(List<Double> weekly) implements ReferralRate {
    public Series {
      Problems p = new Problems();
      if (p.required(weekly, "weekly")) {
        p.check(!weekly.isEmpty(), "weekly", "must hold at least one week");
        for (int i = 0; i < weekly.size(); i++) {
          Double v = weekly.get(i);
          p.check(v != null && Double.isFinite(v) && v >= 0, "weekly[" + i + "]",
              "must be a number of referrals at least 0 but was " + v);
        }
      }
      p.throwIfErrors("referral series");
      weekly = List.copyOf(weekly);
    }

    @Override
    public double perWeek(int week) {
      return weekly.get(Math.min(week, weekly.size() - 1));
    }
  }
}
