package org.caseload.core.synthetic;

import org.caseload.core.validation.Problems;

/**
 * The make-up of a synthetic organisation, as shares (fractions in [0, 1]).
 *
 * <p>Worker shares are of headcount and independent of each other except that a worker has one
 * role (so {@code newlyQualified + unqualified <= 1}); newly qualified and agency are orthogonal.
 * Case shares are of children; the four category shares sum to 1.
 *
 * @param newlyQualified share of workers in their assessed first year (ASYE)
 * @param unqualified share of workers who are not registered social workers
 * @param agency share of workers supplied by an agency (England 2025: 13%; 2023: 17.9%)
 * @param partTime share of workers below full time; their FTE is 0.5 to 0.8
 * @param childInNeed share of children on a child in need plan
 * @param childProtection share of children on a child protection plan
 * @param lookedAfter share of children looked after
 * @param assessment share of children under assessment; 0 leaves the assessment service out
 * @param siblings share of children in sibling groups of 2 to 5 (held by one worker)
 * @param court share of child protection and looked after children in care proceedings
 * @param unallocated share of children deliberately left unallocated; a few more may be left
 *     unallocated when no worker of their service has the capacity or the role to take them
 */
public record Mix(double newlyQualified, double unqualified, double agency, double partTime,
    double childInNeed, double childProtection, double lookedAfter, double assessment,
    double siblings, double court, double unallocated) {

  /**
   * DESIGN.md's mix: 15% newly qualified, 10% unqualified, 15% agency, 10% part-time; 70% child
   * in need, 12% child protection, 18% looked after; 40% of children in sibling groups. The
   * court share (25%) and the unallocated share (2%) are assumptions of this generator.
   */
  public static final Mix DEFAULT = new Mix(0.15, 0.10, 0.15, 0.10, 0.70, 0.12, 0.18, 0.0, 0.40, 0.25, 0.02);

  public Mix {
    Problems p = new Problems();
    share(p, "newlyQualified", newlyQualified);
    share(p, "unqualified", unqualified);
    share(p, "agency", agency);
    share(p, "partTime", partTime);
    share(p, "childInNeed", childInNeed);
    share(p, "childProtection", childProtection);
    share(p, "lookedAfter", lookedAfter);
    share(p, "assessment", assessment);
    share(p, "siblings", siblings);
    share(p, "court", court);
    share(p, "unallocated", unallocated);
    p.check(newlyQualified + unqualified <= 1, "unqualified",
        "plus newlyQualified must be at most 1 but was " + (newlyQualified + unqualified));
    double categories = childInNeed + childProtection + lookedAfter + assessment;
    p.check(Math.abs(categories - 1) < 1e-9, "childInNeed",
        "plus childProtection, lookedAfter and assessment must be 1 but was " + categories);
    p.throwIfErrors("mix");
  }

  private static void share(Problems p, String field, double value) {
    p.check(value >= 0 && value <= 1, field, "must be a share in [0, 1] but was " + value);
  }

  /** This mix with another unallocated share. */
  public Mix withUnallocated(double share) {
    return new Mix(newlyQualified, unqualified, agency, partTime, childInNeed, childProtection, lookedAfter,
        assessment, siblings, court, share);
  }

  /** This mix with other worker shares. */
  public Mix withWorkers(double newNewlyQualified, double newUnqualified, double newAgency, double newPartTime) {
    return new Mix(newNewlyQualified, newUnqualified, newAgency, newPartTime, childInNeed, childProtection,
        lookedAfter, assessment, siblings, court, unallocated);
  }

  /** This mix with other category shares (they must sum to 1). */
  public Mix withCategories(double newChildInNeed, double newChildProtection, double newLookedAfter,
      double newAssessment) {
    return new Mix(newlyQualified, unqualified, agency, partTime, newChildInNeed, newChildProtection,
        newLookedAfter, newAssessment, siblings, court, unallocated);
  }

  /** This mix with another sibling share. */
  public Mix withSiblings(double share) {
    return new Mix(newlyQualified, unqualified, agency, partTime, childInNeed, childProtection, lookedAfter,
        assessment, share, court, unallocated);
  }
}
