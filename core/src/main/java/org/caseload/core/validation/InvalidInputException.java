package org.caseload.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an input (a value, an organisation, a file) breaks one or more rules. It carries
 * every problem found, errors and warnings, so that the whole input can be mended at once.
 * Its message lists them one per line; it never needs a stack trace to be understood.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private final transient List<Problem> problems;
  private final String what;

  /**
   * @param what the input checked, for example {@code "organisation file org.yaml"}
   * @param problems every problem found; at least one is an error
   */
  public InvalidInputException(String what, List<Problem> problems) {
    super(format(what, problems));
    this.what = what;
    this.problems = List.copyOf(problems);
  }

  /** The input that was checked. */
  public String what() {
    return what;
  }

  /** Every problem found, errors and warnings, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  /** The errors only. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).collect(Collectors.toList());
  }

  private static String format(String what, List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    StringBuilder sb = new StringBuilder()
        .append(what).append(" is invalid: ")
        .append(errors).append(errors == 1 ? " error" : " errors");
    long warnings = problems.size() - errors;
    if (warnings > 0) {
      sb.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    for (Problem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
