package org.caseload.core.model;

import java.util.Locale;

/**
 * What a worker is qualified to do. Orthogonal to {@link Contract}: a newly qualified worker
 * may be permanent or agency.
 */
public enum Role {
  /** A registered social worker past the assessed first year. */
  QUALIFIED,
  /** A registered social worker in the assessed and supported year in employment (ASYE):
   *  reduced caseload and no child protection or court case held alone. */
  NEWLY_QUALIFIED,
  /** A practitioner who is not a registered social worker (for example a family support
   *  worker): holds no statutory case. */
  UNQUALIFIED;

  /** Lower-case words, for tables: {@code newly qualified}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
