package org.caseload.simulation;

import java.util.Locale;

/** CSV cells: numbers with up to 6 decimals and no exponent; NaN as an empty cell; text quoted when needed. */
final class Csv {
  private Csv() {}

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
