package org.caseload.core.model;

import java.util.Locale;

/** How a team is organised. */
public enum TeamKind {
  /** A team serving one locality (patch). */
  LOCALITY,
  /** A central team taking work for several localities, often set up for a surge. */
  HUB,
  /** A team that goes where it is needed, covering any locality of its service. */
  PERIPATETIC;

  /** Lower-case name, for tables. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
