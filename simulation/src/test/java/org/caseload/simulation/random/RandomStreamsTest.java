package org.caseload.simulation.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  @Test
  void theSameKeysGiveTheSameStreamWhateverTheOrderAsked() {
    RandomStreams a = new RandomStreams(42);
    RandomStreams b = new RandomStreams(42);
    RandomGenerator later = b.stream(3, StreamKind.PATHWAY, 1234);
    b.stream(0, StreamKind.ARRIVALS, 0).nextDouble();
    RandomGenerator first = a.stream(3, StreamKind.PATHWAY, 1234);
    for (int i = 0; i < 100; i++) {
      assertEquals(first.nextLong(), later.nextLong());
    }
  }

  @Test
  void aReusedGeneratorGivesTheSameStreamAsANewOne() {
    RandomStreams s = new RandomStreams(42);
    RandomGenerator reused = s.stream(0, StreamKind.PATHWAY, 1);
    for (long entity = 2; entity < 50; entity++) {
      reused.nextDouble();
      RandomGenerator again = s.stream(reused, 4, StreamKind.PATHWAY, entity);
      assertTrue(again == reused, "the generator is reused");
      RandomGenerator fresh = s.stream(4, StreamKind.PATHWAY, entity);
      for (int i = 0; i < 20; i++) {
        assertEquals(fresh.nextLong(), again.nextLong(), "entity " + entity + ", draw " + i);
      }
    }
    RandomGenerator other = new java.util.SplittableRandom(1);
    assertNotEquals(other, s.stream(other, 0, StreamKind.PATHWAY, 1), "another kind of generator is not reused");
  }

  @Test
  void aProcessGivesTheSameStreamsAsTheFullKeys() {
    RandomStreams s = new RandomStreams(-7);
    for (StreamKind kind : StreamKind.values()) {
      for (int replication : new int[] {0, 1, 999}) {
        RandomStreams.Process process = s.process(replication, kind);
        RandomGenerator reused = process.stream(0);
        for (long entity : new long[] {0, 1, 2, 1L << 40, -5, Long.MAX_VALUE}) {
          RandomGenerator fresh = s.stream(replication, kind, entity);
          RandomGenerator made = process.stream(entity);
          reused.nextLong();
          RandomGenerator again = process.stream(reused, entity);
          assertTrue(again == reused, "the generator is reused");
          for (int i = 0; i < 10; i++) {
            long expected = fresh.nextLong();
            assertEquals(expected, made.nextLong(), kind + ", replication " + replication + ", entity " + entity);
            assertEquals(expected, again.nextLong(), kind + ", replication " + replication + ", entity " + entity);
          }
        }
      }
    }
    RandomGenerator other = new java.util.SplittableRandom(1);
    assertNotEquals(other, s.process(0, StreamKind.PATHWAY).stream(other, 1), "another kind of generator is not reused");
  }

  @Test
  void everyKeyPartChangesTheStream() {
    long base = RandomStreams.key(1, 2, 3, 4);
    assertNotEquals(base, RandomStreams.key(2, 2, 3, 4));
    assertNotEquals(base, RandomStreams.key(1, 3, 3, 4));
    assertNotEquals(base, RandomStreams.key(1, 2, 4, 4));
    assertNotEquals(base, RandomStreams.key(1, 2, 3, 5));
    Set<Long> keys = new HashSet<>();
    for (int r = 0; r < 50; r++) {
      for (int k = 0; k < StreamKind.values().length; k++) {
        for (long e = 0; e < 200; e++) {
          keys.add(RandomStreams.key(7, r, k, e));
        }
      }
    }
    assertEquals(50 * StreamKind.values().length * 200, keys.size(), "no two keys collide");
  }

  @Test
  void neighbouringStreamsAreUncorrelatedAndUniform() {
    RandomStreams s = new RandomStreams(2020);
    int n = 20_000;
    double[] x = new double[n];
    double[] y = new double[n];
    RandomGenerator a = s.stream(0, StreamKind.PATHWAY, 0);
    RandomGenerator b = s.stream(0, StreamKind.PATHWAY, 1);
    long[] bins = new long[20];
    for (int i = 0; i < n; i++) {
      x[i] = a.nextDouble();
      y[i] = b.nextDouble();
      bins[(int) (x[i] * 20)]++;
    }
    double r = new PearsonsCorrelation().correlation(x, y);
    assertTrue(Math.abs(r) < 4 / Math.sqrt(n), "correlation " + r);
    double[] expected = new double[20];
    java.util.Arrays.fill(expected, n / 20.0);
    assertTrue(new ChiSquareTest().chiSquareTest(expected, bins) > 0.001, "uniform");
  }

  /**
   * Each case draws only a few numbers from its own stream, so what matters is the first draws
   * across many keys: for consecutive entities, replications and processes, the first draw is
   * uniform and uncorrelated with the next key's first draw.
   */
  @Test
  void firstDrawsAcrossKeysAreUniformAndUncorrelated() {
    RandomStreams s = new RandomStreams(5);
    int n = 20_000;
    for (int part = 0; part < 3; part++) {
      double[] x = new double[n];
      double[] y = new double[n];
      long[] bins = new long[20];
      for (int i = 0; i < n; i++) {
        RandomGenerator a = keyed(s, part, i);
        RandomGenerator b = keyed(s, part, i + 1);
        x[i] = a.nextDouble();
        y[i] = b.nextDouble();
        bins[(int) (x[i] * 20)]++;
      }
      double r = new PearsonsCorrelation().correlation(x, y);
      assertTrue(Math.abs(r) < 4 / Math.sqrt(n), "key part " + part + ": correlation " + r);
      double[] expected = new double[20];
      java.util.Arrays.fill(expected, n / 20.0);
      assertTrue(new ChiSquareTest().chiSquareTest(expected, bins) > 0.001, "key part " + part + ": uniform");
    }
  }

  /** The stream whose key differs from a base key in one part: entity, replication, or process. */
  private static RandomGenerator keyed(RandomStreams s, int part, int i) {
    StreamKind[] kinds = StreamKind.values();
    switch (part) {
      case 0:
        return s.stream(1, StreamKind.PATHWAY, i);
      case 1:
        return s.stream(i, StreamKind.PATHWAY, 12);
      default:
        return s.stream(i / kinds.length, kinds[i % kinds.length], 12);
    }
  }

  /**
   * The engine's exponential draws (arrival gaps, stage lengths, leaving and sickness) have the
   * standard exponential distribution: a Kolmogorov–Smirnov test over 200,000 draws of one stream
   * (it rejects, for example, draws 2% too long), the tail beyond 8 (rejecting a tail cut short; the
   * ziggurat handles the tail apart from its table) as often as e<sup>−8</sup> says, and the mean and variance near 1.
   */
  @Test
  void exponentialDrawsAreStandardExponential() {
    RandomGenerator rng = new RandomStreams(2024).stream(0, StreamKind.OTHER, 0);
    int n = 200_000;
    double[] draws = new double[n];
    int beyond8 = 0;
    for (int i = 0; i < n; i++) {
      draws[i] = RandomStreams.exponential(rng);
      assertTrue(draws[i] >= 0 && Double.isFinite(draws[i]), "draw " + draws[i]);
      beyond8 += draws[i] > 8 ? 1 : 0;
    }
    org.apache.commons.math3.distribution.ExponentialDistribution exp =
        new org.apache.commons.math3.distribution.ExponentialDistribution(null, 1);
    double p = new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest().kolmogorovSmirnovTest(exp, draws);
    assertTrue(p > 0.001, "Kolmogorov–Smirnov p = " + p);
    // Beyond 8: expected n e^-8 ≈ 67, Poisson; 4 standard deviations either way.
    double expected = n * Math.exp(-8);
    assertTrue(Math.abs(beyond8 - expected) < 4 * Math.sqrt(expected), beyond8 + " draws beyond 8, expected " + expected);
    org.apache.commons.math3.stat.descriptive.SummaryStatistics st = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
    for (double d : draws) {
      st.addValue(d);
    }
    assertEquals(1, st.getMean(), 4 / Math.sqrt(n), "mean");
    assertEquals(1, st.getVariance(), 4 * Math.sqrt(8.0 / n), "variance");
  }

  @Test
  void commonsMathAdapterRefusesReseeding() {
    CommonsMathAdapter adapter = new CommonsMathAdapter(new RandomStreams(1).stream(0, StreamKind.OTHER, 0));
    assertThrows(UnsupportedOperationException.class, () -> adapter.setSeed(3L));
    double d = adapter.nextDouble();
    assertTrue(d >= 0 && d < 1);
  }
}
