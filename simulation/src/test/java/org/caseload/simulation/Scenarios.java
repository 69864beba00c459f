package org.caseload.simulation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Service;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.demand.Stage.Exit;

/** Demand for the generated instance families of core's fixtures (services "cin", "cp", "lac"). */
public final class Scenarios {
  private Scenarios() {}

  /**
   * A pathway over a generated organisation: referrals enter child in need, which steps up to child
   * protection, which steps down or leads to looked after; lengths of a plausible order, not
   * calibrated (for engine tests and benchmarks, not for conclusions).
   */
  public static DemandModel demandFor(Organisation org, double referralsPerWeek) {
    String cin = serviceEndingWith(org, "cin");
    String cp = serviceEndingWith(org, "cp");
    String lac = serviceEndingWith(org, "lac");
    Map<CaseCategory, Stage> stages = new EnumMap<>(CaseCategory.class);
    stages.put(CaseCategory.CHILD_IN_NEED, Stage.of(CaseCategory.CHILD_IN_NEED, cin,
        new DurationDistribution.Exponential(19), List.of(Exit.close(0.93), Exit.to(CaseCategory.CHILD_PROTECTION, 0.07))));
    stages.put(CaseCategory.CHILD_PROTECTION, Stage.of(CaseCategory.CHILD_PROTECTION, cp,
        DurationDistribution.Bands.childProtectionPlans2025(),
        List.of(Exit.to(CaseCategory.CHILD_IN_NEED, 0.55), Exit.to(CaseCategory.LOOKED_AFTER, 0.15), Exit.close(0.30))));
    stages.put(CaseCategory.LOOKED_AFTER, Stage.of(CaseCategory.LOOKED_AFTER, lac,
        new DurationDistribution.Exponential(123), List.of(Exit.close(1))));
    return new DemandModel(new ReferralRate.Constant(referralsPerWeek), new Pathway(0.065, CaseCategory.CHILD_IN_NEED,
        stages, 0.2, new DurationDistribution.Bands(List.of(new DurationDistribution.Band(0, 52, 1)))));
  }

  private static String serviceEndingWith(Organisation org, String suffix) {
    return org.services().stream().map(Service::id).filter(id -> id.endsWith(suffix)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service ending in " + suffix + " in " + org));
  }
}
