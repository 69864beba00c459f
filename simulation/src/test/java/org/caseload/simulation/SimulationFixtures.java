package org.caseload.simulation;

import java.time.LocalDate;
import java.util.Map;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;

/** Small scenarios whose behaviour theory predicts. */
final class SimulationFixtures {
  static final LocalDate START = LocalDate.of(2020, 4, 6);

  private SimulationFixtures() {}

  /** One service "s" with {@code workers} qualified full-time workers of the given capacity. */
  static Organisation oneService(int workers, double capacityPerFte) {
    Organisation.Builder b = Organisation.builder("Theory", START)
        .capacityPolicy(CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, capacityPerFte))
        .add(Service.of("s", "Service"))
        .add(Team.of("t", "s", TeamKind.LOCALITY, null));
    for (int i = 0; i < workers; i++) {
      b.add(Worker.of("w" + i, "t", Role.QUALIFIED, Contract.PERMANENT, 1.0, START.minusYears(2)));
    }
    return b.build();
  }

  /**
   * Poisson referrals at {@code lambda} a week; each is one child-in-need stage, exponential with
   * mean 1/mu weeks, whose time runs from entry ({@code startsOnAllocation} false: an M/M/∞ clock)
   * or from allocation (true: a queue, served only by a worker).
   */
  static DemandModel mm(double lambda, double mu, boolean startsOnAllocation) {
    Stage stage = new Stage(CaseCategory.CHILD_IN_NEED, "s", new DurationDistribution.Exponential(1 / mu),
        java.util.List.of(Stage.Exit.close(1)), startsOnAllocation);
    return new DemandModel(new ReferralRate.Constant(lambda), new Pathway(0, CaseCategory.CHILD_IN_NEED,
        Map.of(CaseCategory.CHILD_IN_NEED, stage), 0, new DurationDistribution.Fixed(1)));
  }
}
