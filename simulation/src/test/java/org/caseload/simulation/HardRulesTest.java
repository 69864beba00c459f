package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.OptimisingAllocator;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.random.RandomStreams;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/**
 * Every allocation the engine makes keeps the hard rules — capacity, role protections, the
 * service, siblings with one worker — through churn, sickness and restructures, on generated
 * authorities with sibling groups, newly qualified and unqualified staff and agency workers,
 * whether cases are placed one by one by the engine's greedy rule or in batches by the
 * optimising allocator, on arrival or at weekly meetings, with a new worker at each stage or the
 * worker following the child.
 */
class HardRulesTest {

  @Test
  void noAllocationBreaksAHardRule() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 3);
    String team = org.teams().get(org.teams().size() - 1).id();
    String service = org.team(team).serviceId();
    qt().withFixedSeed(77L).withExamples(24)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 1), integers().between(0, 7))
        .checkAssert((seed, restructure, policy) -> {
          WorkforceModel workforce = WorkforceModel.defaults().withLeavingPerYear(Contract.AGENCY, 4);
          Scenario.Builder b = Scenario.builder(org, Scenarios.demandFor(org, 20))
              .workforce(policy % 2 == 0 ? workforce
                  : workforce.withAgencyAssignmentWeeks(new DurationDistribution.LogNormal(12, 6)))
              .allocator(policy % 4 < 2 ? GreedyAllocator.NAME : OptimisingAllocator.NAME)
              .allocationTiming(policy % 2 == 0 ? Scenario.AllocationTiming.ON_ARRIVAL
                  : Scenario.AllocationTiming.WEEKLY_MEETING)
              .transferAtStageChange(policy < 4)
              .horizonWeeks(40);
          if (restructure == 1) {
            b.restructure(new Restructure.DissolveTeam(5, team))
                .restructure(new Restructure.CreateTeam(5, Team.of("hub", service, TeamKind.HUB, null),
                    List.of(new Restructure.Staffing(Role.NEWLY_QUALIFIED, Contract.AGENCY, 1, 3),
                        new Restructure.Staffing(Role.UNQUALIFIED, Contract.AGENCY, 1, 2))));
          }
          ReplicationResult r = new Replication(b.build(), new RandomStreams(seed), 0).checking().run();
          assertTrue(r.events() > 0);
          for (int week = 0; week < r.weeks(); week++) {
            assertEquals(0, r.total(Measure.PROTECTION_BREACHES, week), "protections kept, week " + week);
          }
        });
  }

  /**
   * Breaching rather than waiting: a case goes to a worker barred by a role protection only when
   * no worker allowed it could take it (the check, run at every allocation, throws otherwise),
   * every other rule still holds, and the breaches counted are those held (checked at every
   * snapshot). The hub teams of newly qualified and unqualified staff make breaches happen.
   */
  @Test
  void breachesOnlyWhereNoAllowedWorkerHasRoom() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 3);
    String team = org.teams().get(org.teams().size() - 1).id();
    String service = org.team(team).serviceId();
    double[] breaches = new double[1];
    qt().withFixedSeed(78L).withExamples(12)
        .forAll(longs().between(0, 1_000_000), integers().between(0, 7))
        .checkAssert((seed, policy) -> {
          Scenario.Builder b = Scenario.builder(org, Scenarios.demandFor(org, 30))
              .workforce(WorkforceModel.defaults().withLeavingPerYear(Contract.AGENCY, 4))
              .protectionPractice(Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT)
              .allocator(policy % 4 < 2 ? GreedyAllocator.NAME : OptimisingAllocator.NAME)
              .allocationTiming(policy % 2 == 0 ? Scenario.AllocationTiming.ON_ARRIVAL
                  : Scenario.AllocationTiming.WEEKLY_MEETING)
              .transferAtStageChange(policy < 4)
              .horizonWeeks(40)
              .restructure(new Restructure.DissolveTeam(5, team))
              .restructure(new Restructure.CreateTeam(5, Team.of("hub", service, TeamKind.HUB, null),
                  List.of(new Restructure.Staffing(Role.NEWLY_QUALIFIED, Contract.AGENCY, 1, 3),
                      new Restructure.Staffing(Role.UNQUALIFIED, Contract.AGENCY, 1, 2))));
          ReplicationResult r = new Replication(b.build(), new RandomStreams(seed), 0).checking().run();
          for (int week = 0; week < r.weeks(); week++) {
            breaches[0] += r.total(Measure.PROTECTION_BREACHES, week);
          }
        });
    assertTrue(breaches[0] > 0, "the hub teams were given cases in breach");
  }
}
