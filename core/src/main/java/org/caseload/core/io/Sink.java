package org.caseload.core.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;

/**
 * The problems found while reading one file, each with its path and line. A path reported once
 * as an error is not reported again by a later check (a missing field is "required", not also
 * "unknown reference").
 */
final class Sink {
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> errorPaths = new HashSet<>();
  private final Map<String, Integer> lines = new HashMap<>();

  /** Notes the line where the element or field at {@code path} starts. */
  void line(String path, int line) {
    lines.put(path, line);
  }

  /** The line of the innermost element or field recorded that contains {@code path}, or 0. */
  int lineOf(String path) {
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

  /** Records a problem; one without a line gets the line of the innermost element containing it. */
  void add(Problem p) {
    if (p.isError() && !errorPaths.add(p.path())) {
      return;
    }
    problems.add(p.line() > 0 ? p : p.atLine(lineOf(p.path())));
  }

  void error(String path, String message, int line) {
    add(Problem.error(path, message).atLine(line));
  }

  /** The problems a record's constructor found, placed under the record's path. */
  void addAll(InvalidInputException e, String prefix, int line) {
    for (Problem p : e.problems()) {
      add(p.under(prefix).atLine(line));
    }
  }

  boolean hasErrors() {
    return !errorPaths.isEmpty();
  }

  /** Every problem, in the order of the file's lines (problems of the whole file first). */
  List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparingInt(Problem::line));
    return sorted;
  }
}
