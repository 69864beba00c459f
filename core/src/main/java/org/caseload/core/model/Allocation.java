package org.caseload.core.model;

import java.time.LocalDate;
import org.caseload.core.validation.Problems;

/**
 * One spell of a case with one worker: from the day it was allocated to the day it left them.
 *
 * @param workerId the worker who held the case; may name a worker who has since left
 * @param from the first day held
 * @param until the day the worker stopped holding it, or null while they still hold it; not
 *     before {@code from}
 */
public record Allocation(String workerId, LocalDate from, LocalDate until) {

  public Allocation {
    Problems problems = new Problems();
    problems.requiredText(workerId, "worker");
    problems.required(from, "from");
    if (from != null && until != null && until.isBefore(from)) {
      problems.error("until", "must not be before from (" + from + ") but was " + until);
    }
    problems.throwIfErrors("allocation");
  }

  /** True while the worker still holds the case. */
  public boolean isCurrent() {
    return until == null;
  }

  /** This spell ended on {@code day}. */
  public Allocation endedOn(LocalDate day) {
    return new Allocation(workerId, from, day);
  }

  @Override
  public String toString() {
    return workerId + " " + from + ".." + (until == null ? "" : until.toString());
  }
}
