package org.caseload.core.model;

/**
 * A role protection that a case's holding breaks. The rules are set by {@link CapacityPolicy};
 * the model counts breaches rather than forbidding them, because real services break them
 * (half of newly qualified workers promised a protected caseload did not get one: Community
 * Care survey, 2018) and a planning tool must show that.
 */
public enum ProtectionBreach {
  /** An unqualified worker holds a statutory case (by default assessment, child protection or
   *  looked after). */
  UNQUALIFIED_HOLDS_STATUTORY_CASE("unqualified worker holds a statutory case"),
  /** A newly qualified worker holds a child protection or court case without a qualified
   *  joint worker. */
  NEWLY_QUALIFIED_HOLDS_CASE_ALONE("newly qualified worker holds a child protection or court case alone");

  private final String description;

  ProtectionBreach(String description) {
    this.description = description;
  }

  /** A short sentence for reports. */
  public String description() {
    return description;
  }
}
