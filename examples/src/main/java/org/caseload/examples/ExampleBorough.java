package org.caseload.examples;

import java.util.List;
import java.util.Map;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Organisation;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.demand.Stage.Exit;

/**
 * The example authority's demand, for the simulation examples. Where a figure comes from a
 * published source it says so; where none was found it says it is an assumption.
 */
public final class ExampleBorough {
  private ExampleBorough() {}

  /** The example organisation, from {@code examples/organisations/example-borough.yaml}. */
  public static Organisation organisation() {
    return OrganisationFiles.load(CapacityReportExample.EXAMPLE);
  }

  /**
   * Referrals and their route through the example authority's services.
   * <ul>
   *   <li>Referrals: 17 a week: Southampton's 2,777 referrals in 2024-25 (DfE children in need
   *       statistics), scaled by the example's open cases (840) to Southampton's (about 2,700).
   *   <li>No further action at the front door: 6.5% (England 2024-25).
   *   <li>Assessment: its time starts when a worker takes it; exponential, mean 4 weeks (an
   *       assumption; the statutory limit is 45 working days). Then: not in need 32.9% (30.8% of
   *       referrals, England 2024-25, of the 93.5% assessed); child protection 10.5% (61,840 plans
   *       started ÷ 632,830 referrals, of those assessed, all assumed to start at assessment);
   *       looked after 4% (about two thirds of the 5.4% of referrals matched by children starting
   *       to be looked after: an assumption); child in need the rest.
   *   <li>Child in need: exponential with a median of 13 weeks ("almost half of episodes ending
   *       in 2024 lasted 3 months or less"); 5% step up to child protection (an assumption).
   *   <li>Child protection: the published plan lengths of 2024-25
   *       ({@link DurationDistribution.Bands#childProtectionPlans2025()}); then step down to child in
   *       need 55%, looked after 15%, closed 30% (an assumption: the split is not published here).
   *   <li>Looked after: exponential, mean 123 weeks (Little's law: 81,770 looked after ÷ 34,450
   *       ceasing a year, England 2025); 25% go on to the leaving care service (an assumption).
   *   <li>Care leaver: exponential, mean 156 weeks (an assumption: support to 21 and beyond).
   *   <li>Re-referral: 22.6% of closed cases come back within a year (England 2024-25 re-referral
   *       rate, read as a share of closures: an approximation), at a uniformly random point in it.
   * </ul>
   */
  public static DemandModel demand() {
    Stage assessment = new Stage(CaseCategory.ASSESSMENT, "assessment", new DurationDistribution.Exponential(4),
        List.of(Exit.close(0.329), Exit.to(CaseCategory.CHILD_PROTECTION, 0.105),
            Exit.to(CaseCategory.LOOKED_AFTER, 0.04), Exit.to(CaseCategory.CHILD_IN_NEED, 0.526)), true);
    Stage childInNeed = Stage.of(CaseCategory.CHILD_IN_NEED, "protect",
        new DurationDistribution.Exponential(13 / Math.log(2)),
        List.of(Exit.close(0.95), Exit.to(CaseCategory.CHILD_PROTECTION, 0.05)));
    Stage childProtection = Stage.of(CaseCategory.CHILD_PROTECTION, "protect",
        DurationDistribution.Bands.childProtectionPlans2025(),
        List.of(Exit.to(CaseCategory.CHILD_IN_NEED, 0.55), Exit.to(CaseCategory.LOOKED_AFTER, 0.15), Exit.close(0.30)));
    Stage lookedAfter = Stage.of(CaseCategory.LOOKED_AFTER, "looked-after", new DurationDistribution.Exponential(123),
        List.of(Exit.to(CaseCategory.CARE_LEAVER, 0.25), Exit.close(0.75)));
    Stage careLeaver = Stage.of(CaseCategory.CARE_LEAVER, "care-leavers", new DurationDistribution.Exponential(156),
        List.of(Exit.close(1)));
    Pathway pathway = new Pathway(0.065, CaseCategory.ASSESSMENT, Map.of(
        CaseCategory.ASSESSMENT, assessment, CaseCategory.CHILD_IN_NEED, childInNeed,
        CaseCategory.CHILD_PROTECTION, childProtection, CaseCategory.LOOKED_AFTER, lookedAfter,
        CaseCategory.CARE_LEAVER, careLeaver), 0.226,
        new DurationDistribution.Bands(List.of(new DurationDistribution.Band(0, 52, 1))));
    return new DemandModel(new ReferralRate.Constant(17), pathway);
  }

  /**
   * The default scenario: the example authority as it is, to 31 March 2021 (61 weeks). The worker
   * follows the child from stage to stage where they may hold the new stage and have room (the
   * protection and court service holds both child in need and child protection cases).
   */
  public static Scenario.Builder scenario() {
    return Scenario.builder(organisation(), demand()).name("Example Borough as it is").horizonWeeks(61)
        .transferAtStageChange(false);
  }
}
