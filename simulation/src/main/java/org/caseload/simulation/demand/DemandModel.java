package org.caseload.simulation.demand;

import org.caseload.core.validation.Problems;

/**
 * Where work comes from: referrals per week, and the pathway each follows.
 *
 * @param referrals referrals per week over time
 * @param pathway the route of a referral through the stages
 */
public record DemandModel(ReferralRate referrals, Pathway pathway) {
  public DemandModel {
    Problems p = new Problems();
    p.required(referrals, "referrals");
    p.required(pathway, "pathway");
    p.throwIfErrors("demand model");
  }
}
