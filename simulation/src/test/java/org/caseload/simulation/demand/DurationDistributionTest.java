package org.caseload.simulation.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.simulation.random.RandomStreams;
import org.caseload.simulation.random.StreamKind;
import org.junit.jupiter.api.Test;

class DurationDistributionTest {
  private static final int N = 200_000;

  private static SummaryStatistics sample(DurationDistribution d) {
    RandomGenerator rng = new RandomStreams(11).stream(0, StreamKind.OTHER, 0);
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < N; i++) {
      double x = d.sample(rng);
      if (!(x > 0)) {
        throw new AssertionError(d + " gave " + x);
      }
      s.addValue(x);
    }
    return s;
  }

  /** The sample mean lies within 5 standard errors of the stated mean. */
  private static void meanMatches(DurationDistribution d, double sd) {
    SummaryStatistics s = sample(d);
    assertEquals(d.mean(), s.getMean(), 5 * sd / Math.sqrt(N), d.toString());
  }

  @Test
  void sampleMeansMatchTheStatedMeans() {
    meanMatches(new DurationDistribution.Exponential(10), 10);
    meanMatches(new DurationDistribution.LogNormal(20, 8), 8);
    meanMatches(new DurationDistribution.Gamma(2.5, 30), 30 / Math.sqrt(2.5));
    meanMatches(new DurationDistribution.Fixed(3), 1e-9);
    DurationDistribution.Bands cp = DurationDistribution.Bands.childProtectionPlans2025();
    meanMatches(cp, 40);
  }

  @Test
  void theSpreadIsRightToo() {
    assertEquals(8, sample(new DurationDistribution.LogNormal(20, 8)).getStandardDeviation(), 0.2);
    assertEquals(10, sample(new DurationDistribution.Exponential(10)).getStandardDeviation(), 0.2);
  }

  @Test
  void gammaSamplesFollowCommonsMathsGammaDistribution() {
    for (double shape : new double[] {0.6, 1, 2.5, 9}) {
      DurationDistribution.Gamma g = new DurationDistribution.Gamma(shape, 12);
      RandomGenerator rng = new RandomStreams(3).stream(0, StreamKind.OTHER, (long) (shape * 10));
      double[] xs = new double[20_000];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = g.sample(rng);
      }
      double p = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest()
          .kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.GammaDistribution(shape, 12 / shape), xs);
      assertTrue(p > 0.001, "shape " + shape + ": KS p = " + p);
    }
  }

  @Test
  void childProtectionPlanBandsReproduceThePublishedShares() {
    DurationDistribution.Bands cp = DurationDistribution.Bands.childProtectionPlans2025();
    assertEquals(45.5, cp.mean(), 0.1, "about 10.5 months");
    RandomGenerator rng = new RandomStreams(5).stream(0, StreamKind.OTHER, 0);
    int under3Months = 0;
    int overOneYear = 0;
    for (int i = 0; i < N; i++) {
      double x = cp.sample(rng);
      if (x < 13) {
        under3Months++;
      }
      if (x >= 52) {
        overOneYear++;
      }
    }
    assertEquals(0.159, under3Months / (double) N, 0.004);
    assertEquals(0.296, overOneYear / (double) N, 0.004);
  }

  @Test
  void badParametersNameTheField() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DurationDistribution.Exponential(-1));
    assertEquals("error: meanWeeks must be a positive number of weeks but was -1.0", e.problems().get(0).toString());
    InvalidInputException b = assertThrows(InvalidInputException.class, () -> new DurationDistribution.Bands(
        List.of(new DurationDistribution.Band(0, 4, 0.5))));
    assertEquals("error: bands shares must sum to 1 but sum to 0.5", b.problems().get(0).toString());
    assertThrows(InvalidInputException.class, () -> new DurationDistribution.Band(5, 4, 0.5));
  }
}
