package org.caseload.core.validation;

import java.util.Objects;

/**
 * One thing wrong with an input, located by its field path.
 *
 * <p>The path names the field as it stands in an organisation file, for example
 * {@code teams[3].workers[2].fte}; indices count from 0. The message starts with what is
 * wrong, so that {@code path + " " + message} reads as a sentence:
 * {@code teams[3].workers[2].fte must be in (0, 1] but was 1.4}.
 *
 * @param severity error (fatal) or warning
 * @param path the field path; empty for the whole input
 * @param message what is wrong, the value found, and where useful a way out
 * @param line line in the source file (1-based), or 0 when not known
 */
public record Problem(Severity severity, String path, String message, int line) {

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0 but was " + line);
    }
  }

  /** An error at {@code path}. */
  public static Problem error(String path, String message) {
    return new Problem(Severity.ERROR, path, message, 0);
  }

  /** A warning at {@code path}. */
  public static Problem warning(String path, String message) {
    return new Problem(Severity.WARNING, path, message, 0);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** This problem with {@code prefix} put before its path ({@code prefix.path}). */
  public Problem under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    String joined = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new Problem(severity, joined, message, line);
  }

  /** This problem located at a line of the source file. */
  public Problem atLine(int sourceLine) {
    return new Problem(severity, path, message, sourceLine);
  }

  /** The sentence without severity or line: {@code teams[3].workers[2].fte must be ...}. */
  public String describe() {
    return path.isEmpty() ? message : path + " " + message;
  }

  @Override
  public String toString() {
    return severity + (line > 0 ? " (line " + line + ")" : "") + ": " + describe();
  }
}
