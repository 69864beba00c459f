package org.caseload.core.validation;

/** How serious a {@link Problem} is. */
public enum Severity {
  /** The input cannot be used: loading or building fails and nothing is written. */
  ERROR,
  /** The input is usable but probably not what was meant (for example a sibling group split
   *  across workers); reported, never fatal. */
  WARNING;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
