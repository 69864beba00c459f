package org.caseload.core.model;

import java.util.Locale;

/** Number formatting shared by the {@code toString()} methods of this package. */
final class Fmt {
  private Fmt() {}

  /** A number with at most two decimals and no trailing zeros: 18, 0.8, 16.25. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = String.format(Locale.ROOT, "%.2f", value);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
