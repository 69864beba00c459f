package org.caseload.simulation.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class L64X128MixTest {
  private static final RandomGeneratorFactory<RandomGenerator> JDK = RandomGeneratorFactory.of("L64X128MixRandom");

  /** Our generator is the JDK's L64X128MixRandom: same seed, same numbers, for every derived kind. */
  @Test
  void givesTheJdkGeneratorsNumbersBitForBit() {
    SplittableRandom seeds = new SplittableRandom(20251123);
    long[] special = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x6a09e667f3bcc909L};
    for (int k = 0; k < 2_000; k++) {
      long seed = k < special.length ? special[k] : seeds.nextLong();
      RandomGenerator ours = new L64X128Mix(seed);
      RandomGenerator theirs = JDK.create(seed);
      for (int i = 0; i < 50; i++) {
        assertEquals(theirs.nextLong(), ours.nextLong(), "nextLong, seed " + seed + ", draw " + i);
        assertEquals(theirs.nextDouble(), ours.nextDouble(), "nextDouble, seed " + seed + ", draw " + i);
        assertEquals(theirs.nextGaussian(), ours.nextGaussian(), "nextGaussian, seed " + seed + ", draw " + i);
        assertEquals(theirs.nextInt(17), ours.nextInt(17), "nextInt(17), seed " + seed + ", draw " + i);
        assertEquals(theirs.nextBoolean(), ours.nextBoolean(), "nextBoolean, seed " + seed + ", draw " + i);
      }
    }
  }

  @Test
  void doublesAreUniformAndGaussiansNormal() {
    RandomGenerator g = new L64X128Mix(7);
    int n = 100_000;
    long[] bins = new long[100];
    double[] gauss = new double[20_000];
    for (int i = 0; i < n; i++) {
      double u = g.nextDouble();
      assertTrue(u >= 0 && u < 1);
      bins[(int) (u * 100)]++;
    }
    for (int i = 0; i < gauss.length; i++) {
      gauss[i] = g.nextGaussian();
    }
    double[] expected = new double[100];
    java.util.Arrays.fill(expected, n / 100.0);
    assertTrue(new ChiSquareTest().chiSquareTest(expected, bins) > 0.001, "uniform");
    assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), gauss) > 0.001,
        "normal");
  }
}
