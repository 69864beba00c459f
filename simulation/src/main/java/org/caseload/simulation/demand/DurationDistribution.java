package org.caseload.simulation.demand;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.caseload.core.validation.Problems;
import org.caseload.simulation.random.RandomStreams;

/**
 * How long something lasts, in weeks: a stage of a case, a notice period, a vacancy. Every
 * sample is positive. Implementations are immutable values.
 */
public sealed interface DurationDistribution {

  /** One duration, in weeks, drawn from {@code rng}. */
  double sample(RandomGenerator rng);

  /** The mean, in weeks. */
  double mean();

  /** Always {@code weeks}. */
  record Fixed(double weeks) implements DurationDistribution {
    public Fixed {
      Problems p = new Problems();
      p.check(Double.isFinite(weeks) && weeks > 0, "weeks", "must be a positive number of weeks but was " + weeks);
      p.throwIfErrors("fixed duration");
    }

    @Override
    public double sample(RandomGenerator rng) {
      return weeks;
    }

    @Override
    public double mean() {
      return weeks;
    }
  }

  /** Memoryless, with the given mean in weeks (rate 1/mean per week). */
  record Exponential(double meanWeeks) implements DurationDistribution {
    public Exponential {
      Problems p = new Problems();
      p.check(Double.isFinite(meanWeeks) && meanWeeks > 0, "meanWeeks",
          "must be a positive number of weeks but was " + meanWeeks);
      p.throwIfErrors("exponential duration");
    }

    @Override
    public double sample(RandomGenerator rng) {
      return meanWeeks * RandomStreams.exponential(rng);
    }

    @Override
    public double mean() {
      return meanWeeks;
    }
  }

  /** Log-normal with the given mean and standard deviation, in weeks. */
  record LogNormal(double meanWeeks, double sdWeeks) implements DurationDistribution {
    public LogNormal {
      Problems p = new Problems();
      p.check(Double.isFinite(meanWeeks) && meanWeeks > 0, "meanWeeks",
          "must be a positive number of weeks but was " + meanWeeks);
      p.check(Double.isFinite(sdWeeks) && sdWeeks > 0, "sdWeeks", "must be a positive number of weeks but was " + sdWeeks);
      p.throwIfErrors("log-normal duration");
    }

    private double sigma() {
      return Math.sqrt(Math.log1p((sdWeeks * sdWeeks) / (meanWeeks * meanWeeks)));
    }

    @Override
    public double sample(RandomGenerator rng) {
      double s = sigma();
      return Math.exp(Math.log(meanWeeks) - s * s / 2 + s * rng.nextGaussian());
    }

    @Override
    public double mean() {
      return meanWeeks;
    }
  }

  /**
   * Gamma with the given shape and mean in weeks (scale = mean ÷ shape). Sampled with Marsaglia
   * and Tsang's method (ACM TOMS 26(3), 2000), drawing from the caller's stream; Commons Math's
   * own sampler binds its generator at construction, which would cost an object per draw.
   */
  record Gamma(double shape, double meanWeeks) implements DurationDistribution {
    public Gamma {
      Problems p = new Problems();
      p.check(Double.isFinite(shape) && shape > 0, "shape", "must be a positive number but was " + shape);
      p.check(Double.isFinite(meanWeeks) && meanWeeks > 0, "meanWeeks",
          "must be a positive number of weeks but was " + meanWeeks);
      p.throwIfErrors("gamma duration");
    }

    @Override
    public double sample(RandomGenerator rng) {
      double scale = meanWeeks / shape;
      if (shape < 1) {
        // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
        return standard(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape) * scale;
      }
      return standard(shape, rng) * scale;
    }

    private static double standard(double a, RandomGenerator rng) {
      double d = a - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * d);
      while (true) {
        double x;
        double v;
        do {
          x = rng.nextGaussian();
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        double u = rng.nextDouble();
        if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
          return d * v;
        }
      }
    }

    @Override
    public double mean() {
      return meanWeeks;
    }
  }

  /**
   * Published bands: a band is chosen with its share, then a length uniformly within it.
   *
   * @param bands the bands, in any order; shares sum to 1 (within 0.001)
   */
  record Bands(List<Band> bands) implements DurationDistribution {
    public Bands {
      Problems p = new Problems();
      if (p.required(bands, "bands")) {
        p.check(!bands.isEmpty(), "bands", "must hold at least one band");
        double sum = bands.stream().mapToDouble(Band::share).sum();
        Shares.checkSumToOne(p, "bands", "shares", sum);
      }
      p.throwIfErrors("banded duration");
      bands = List.copyOf(bands);
    }

    @Override
    public double sample(RandomGenerator rng) {
      // Indexed loops: no iterator per draw.
      double u = rng.nextDouble();
      double total = 0;
      int n = bands.size();
      for (int i = 0; i < n; i++) {
        total += bands.get(i).share();
      }
      u *= total;
      for (int i = 0; i < n; i++) {
        Band b = bands.get(i);
        if (u < b.share()) {
          return b.fromWeeks() + (b.toWeeks() - b.fromWeeks()) * rng.nextDouble();
        }
        u -= b.share();
      }
      Band last = bands.get(bands.size() - 1);
      return last.fromWeeks() + (last.toWeeks() - last.fromWeeks()) * rng.nextDouble();
    }

    @Override
    public double mean() {
      double total = 0;
      double sum = 0;
      for (Band b : bands) {
        total += b.share();
        sum += b.share() * (b.fromWeeks() + b.toWeeks()) / 2;
      }
      return sum / total;
    }

    /**
     * Lengths of child protection plans ending in England in the year to 31 March 2025
     * (Department for Education, "Characteristics of children in need", child protection plans
     * ending by duration): up to 3 months 15.9%, 3 to 6 months 11.0%, 6 to 12 months 43.5%,
     * 1 to 2 years 25.2%, 2 years or more 4.4%. Months are 52/12 weeks. The open top band is
     * closed at 3 years: an assumption (the source gives no upper limit). Mean 45.5 weeks, about
     * 10.5 months, matching stock ÷ starts (49,420 ÷ 61,840 years ≈ 9.6 months) within the bands'
     * coarseness.
     */
    public static Bands childProtectionPlans2025() {
      return CHILD_PROTECTION_PLANS_2025;
    }

    /**
     * The published distributions, by the name files use for them:
     * {@code child_protection_plans_2025} ({@link #childProtectionPlans2025()}).
     */
    public static Map<String, Bands> published() {
      return PUBLISHED;
    }

    private static final Bands CHILD_PROTECTION_PLANS_2025 = childProtectionPlans2025Bands();
    private static final Map<String, Bands> PUBLISHED = Map.of("child_protection_plans_2025", CHILD_PROTECTION_PLANS_2025);

    private static Bands childProtectionPlans2025Bands() {
      double month = 52.0 / 12;
      return new Bands(List.of(
          new Band(0, 3 * month, 0.159),
          new Band(3 * month, 6 * month, 0.110),
          new Band(6 * month, 12 * month, 0.435),
          new Band(52, 104, 0.252),
          new Band(104, 156, 0.044)));
    }
  }

  /**
   * One band of a {@link Bands} distribution.
   *
   * @param fromWeeks shortest length, weeks, at least 0
   * @param toWeeks longest length, weeks, more than {@code fromWeeks}
   * @param share the share of cases in the band, in [0, 1]
   */
  record Band(double fromWeeks, double toWeeks, double share) {
    public Band {
      Problems p = new Problems();
      p.check(Double.isFinite(fromWeeks) && fromWeeks >= 0, "fromWeeks",
          "must be a number of weeks at least 0 but was " + fromWeeks);
      p.check(Double.isFinite(toWeeks) && toWeeks > fromWeeks, "toWeeks",
          "must be more than fromWeeks (" + fromWeeks + ") but was " + toWeeks);
      p.check(share >= 0 && share <= 1, "share", "must be in [0, 1] but was " + share);
      p.throwIfErrors("band");
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f-%.1f weeks: %.1f%%", fromWeeks, toWeeks, 100 * share);
    }
  }
}
