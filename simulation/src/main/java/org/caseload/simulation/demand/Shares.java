package org.caseload.simulation.demand;

import java.math.BigDecimal;
import java.math.MathContext;
import org.caseload.core.validation.Problems;

/** The one rule for shares that must make a whole: exits of a stage, bands of a distribution. */
final class Shares {
  /** How far from 1 a sum of shares may be: 0.001, so that shares written to 3 decimals add up. */
  static final double TOLERANCE = 1e-3;

  private Shares() {}

  /**
   * Records at {@code path} that the {@code what} (for example "probabilities") must sum to 1 when
   * {@code sum} is further from 1 than {@link #TOLERANCE}; the sum is shown to 9 significant
   * digits, so that 0.7 + 0.1 reads 0.8.
   */
  static void checkSumToOne(Problems p, String path, String what, double sum) {
    p.check(Math.abs(sum - 1) <= TOLERANCE, path, what + " must sum to 1 but sum to "
        + (Double.isFinite(sum) ? BigDecimal.valueOf(sum).round(new MathContext(9)).stripTrailingZeros().toPlainString()
            : String.valueOf(sum)));
  }
}
