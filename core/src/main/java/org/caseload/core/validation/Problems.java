package org.caseload.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems, so that an input is checked completely and every problem reported at
 * once. Not thread-safe: one collector per check.
 */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  /** Records an error at {@code path}. */
  public void error(String path, String message) {
    list.add(Problem.error(path, message));
  }

  /** Records a warning at {@code path}. */
  public void warning(String path, String message) {
    list.add(Problem.warning(path, message));
  }

  /** Records a problem as it is. */
  public void add(Problem problem) {
    list.add(problem);
  }

  /** Records every problem of {@code others}. */
  public void addAll(Iterable<Problem> others) {
    others.forEach(list::add);
  }

  /** Records {@code message} at {@code path} when {@code ok} is false. */
  public void check(boolean ok, String path, String message) {
    if (!ok) {
      error(path, message);
    }
  }

  /** Records "is required" at {@code path} when {@code value} is null; returns whether present. */
  public boolean required(Object value, String path) {
    if (value == null) {
      error(path, "is required");
      return false;
    }
    return true;
  }

  /** Records an error for a missing or blank identifier. */
  public void requiredText(String value, String path) {
    if (value == null) {
      error(path, "is required");
    } else if (value.isBlank()) {
      error(path, "must not be blank");
    }
  }

  /** True if any error (not warning) was recorded. */
  public boolean hasErrors() {
    for (Problem p : list) {
      if (p.isError()) {
        return true;
      }
    }
    return false;
  }

  /** Every problem recorded, in order. */
  public List<Problem> all() {
    return Collections.unmodifiableList(list);
  }

  /** Throws {@link InvalidInputException} with every problem if any error was recorded. */
  public void throwIfErrors(String what) {
    if (hasErrors()) {
      throw new InvalidInputException(what, list);
    }
  }
}
