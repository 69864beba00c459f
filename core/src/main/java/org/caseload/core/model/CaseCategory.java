package org.caseload.core.model;

import java.util.Locale;

/**
 * The stage of the statutory pathway a child's case is at. The categories are those of the
 * Department for Education's children in need, child protection and children looked after
 * statistics; which service holds which category is data (see {@link Service}).
 */
public enum CaseCategory {
  /** A referral under assessment (Children Act 1989, s17/s47 assessment). Statutory. */
  ASSESSMENT,
  /** A child in need with a plan, not on a child protection plan nor looked after. */
  CHILD_IN_NEED,
  /** A child on a child protection plan. Statutory. */
  CHILD_PROTECTION,
  /** A child looked after by the authority. Statutory. */
  LOOKED_AFTER,
  /** A young person leaving care, supported by the leaving care service. */
  CARE_LEAVER;

  /** Lower-case words, for tables: {@code child protection}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
