package org.caseload.core.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt field names and identifiers. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code given} by edit distance (ignoring case), if it is close
   * enough to be a likely misspelling: at most a third of the longer name's length (so names of
   * one or two letters must match but for case); ties go to the earliest candidate. Failing that, the longest
   * candidate of at least 3 letters that starts the given name or that the given name starts
   * ({@code fteRatio} suggests {@code fte}).
   */
  public static Optional<String> closest(String given, Collection<String> candidates) {
    String g = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(g, c.toLowerCase(Locale.ROOT));
      int allowed = Math.max(g.length(), c.length()) / 3;
      if (d <= allowed && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      for (String c : candidates) {
        String lc = c.toLowerCase(Locale.ROOT);
        boolean prefix = (lc.length() >= 3 && g.startsWith(lc)) || (g.length() >= 3 && lc.startsWith(g));
        if (prefix && (best == null || c.length() > best.length())) {
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code "; did you mean \"fte\"?"}, or an empty string when nothing is close. */
  public static String didYouMean(String given, Collection<String> candidates) {
    return closest(given, candidates).map(c -> "; did you mean \"" + c + "\"?").orElse("");
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
