package org.caseload.core.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;

/**
 * The problems found while reading one file, each with its field path and line: part of the
 * toolkit that every Caseload file format (organisations, allocation policies, and the scenario
 * files of the simulation module) is read with, so that all report problems alike.
 *
 * <p>It remembers the line where each element or field starts ({@link #line(String, int)}), so
 * that a problem found later, by a record's own checks, is placed at the line of the innermost
 * element holding its path. A path reported once as an error is not reported again by a later
 * check (a missing field is "required", not also "unknown reference"). Not thread-safe: one per
 * file read.
 */
public final class Sink {
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> errorPaths = new HashSet<>();
  private final Map<String, Integer> lines = new HashMap<>();

  /** An empty sink. */
  public Sink() {}

  /** Notes the line (1-based) where the element or field at {@code path} starts. */
  public void line(String path, int line) {
    lines.put(path, line);
  }

  /** The line of the innermost element or field recorded that contains {@code path}, or 0. */
  public int lineOf(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Integer ln = lines.get(p);
      if (ln != null) {
        return ln;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        break;
      }
      p = p.substring(0, cut);
    }
    return 0;
  }

  /**
   * Records a problem; one without a line gets the line of the innermost element containing its
   * path. A second error at a path already in error is dropped.
   */
  public void add(Problem p) {
    if (p.isError() && !errorPaths.add(p.path())) {
      return;
    }
    problems.add(p.line() > 0 ? p : p.atLine(lineOf(p.path())));
  }

  /** Records an error at {@code path}; a {@code line} of 0 means the line recorded for the path. */
  public void error(String path, String message, int line) {
    add(Problem.error(path, message).atLine(line));
  }

  /**
   * Records the problems a record's constructor found, placed under the record's path
   * ({@code prefix}); a {@code line} of 0 means the lines recorded for their paths.
   */
  public void addAll(InvalidInputException e, String prefix, int line) {
    for (Problem p : e.problems()) {
      add(p.under(prefix).atLine(line > 0 ? line : p.line()));
    }
  }

  /** True if any error (not warning) was recorded. */
  public boolean hasErrors() {
    return !errorPaths.isEmpty();
  }

  /** Every problem, in the order of the file's lines (problems of the whole file first). */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line));
    return sorted;
  }

  /** Throws an {@link InvalidInputException} about {@code what} with every problem, if any is an error. */
  public void throwIfErrors(String what) {
    if (hasErrors()) {
      throw new InvalidInputException(what, all());
    }
  }
}
