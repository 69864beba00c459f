package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The compiled problem's own helpers, checked against what they stand for. */
class AllocationProblemTest {

  @Test
  void roundWritesWhatTheFormatterWrites() {
    qt().withFixedSeed(83L).withExamples(20_000).forAll(doubles().any())
        .checkAssert(x -> assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x));
    // Halfway cases, where rounding half up and the shortest decimal matter.
    qt().withFixedSeed(89L).withExamples(20_000).forAll(integers().between(-100_000, 10_000_000))
        .checkAssert(k -> {
          double x = k / 1000.0;
          assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x);
        });
    for (double x : new double[] {0.0, -0.0, 0.005, 0.015, 1.005, 2.675, 1e-9, 1e21, 123456789.125, Double.MIN_VALUE,
        Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.005}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x);
    }
  }
}
