package org.caseload.core.model;

import java.time.LocalDate;
import org.caseload.core.validation.Problems;

/**
 * A service's caseload goal: at most {@code maxPerFte} weighted cases per full-time
 * equivalent case holder, to be reached by {@code by}.
 *
 * @param maxPerFte weighted cases per FTE of case holders; finite and positive
 * @param by the date by which the target is to be met
 */
public record CaseloadTarget(double maxPerFte, LocalDate by) {

  public CaseloadTarget {
    Problems problems = new Problems();
    problems.check(Double.isFinite(maxPerFte) && maxPerFte > 0, "maxPerFte",
        "must be a positive number of weighted cases per FTE but was " + maxPerFte);
    problems.required(by, "by");
    problems.throwIfErrors("caseload target");
  }

  @Override
  public String toString() {
    return "at most " + Fmt.number(maxPerFte) + " per FTE by " + by;
  }
}
