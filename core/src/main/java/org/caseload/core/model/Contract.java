package org.caseload.core.model;

import java.util.Locale;

/** How a worker is employed. */
public enum Contract {
  /** Employed by the authority. */
  PERMANENT,
  /** Supplied by an agency, whether to cover a vacancy or in addition to the establishment. */
  AGENCY;

  /** Lower-case name, for tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
