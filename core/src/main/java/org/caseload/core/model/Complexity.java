package org.caseload.core.model;

import java.util.Locale;

/**
 * How demanding a case is, relative to a typical case of its category. The weight each level
 * carries is set by {@link CapacityPolicy#complexityMultipliers()}.
 */
public enum Complexity {
  LOW,
  STANDARD,
  HIGH;

  /** Lower-case name, for tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
