package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

class RestructureTest {

  /** Service "s" with team "t" (8 qualified permanent) and a peripatetic team "peri" (4 agency). */
  private static Organisation org() {
    Organisation.Builder b = SimulationFixtures.oneService(8, 18).toBuilder()
        .add(Team.of("peri", "s", TeamKind.PERIPATETIC, null));
    for (int i = 0; i < 4; i++) {
      b.add(Worker.of("p" + i, "peri", Role.QUALIFIED, Contract.AGENCY, 1.0, SimulationFixtures.START.minusWeeks(20)));
    }
    return b.build();
  }

  private static Scenario.Builder base() {
    return Scenario.builder(org(), SimulationFixtures.mm(18, 0.1, false)).workforce(WorkforceModel.staticWorkforce())
        .horizonWeeks(80);
  }

  @Test
  void dissolvingATeamSendsItsCasesToOthersAndConservesEveryCase() {
    Scenario keep = base().name("keep").build();
    Scenario dissolve = base().name("dissolve").restructure(new Restructure.DissolveTeam(40, "peri")).build();
    ReplicationResult a = Simulation.run(keep, 8);
    ReplicationResult b = Simulation.run(dissolve, 8);
    assertEquals(12, a.value(Measure.HEADCOUNT, "s", 80), 1e-9);
    assertEquals(12, b.value(Measure.HEADCOUNT, "s", 40), 1e-9, "the snapshot comes first in week 40");
    assertEquals(8, b.value(Measure.HEADCOUNT, "s", 41), 1e-9);
    assertEquals(0, b.value(Measure.VACANT_POSTS, "s", 41), 1e-9, "the team's posts are gone, not vacant");
    assertTrue(b.value(Measure.TRANSFERS, "s", 41) > a.value(Measure.TRANSFERS, "s", 41),
        "the peripatetic team's cases changed worker");
    assertTrue(b.value(Measure.UNALLOCATED, "s", 60) > a.value(Measure.UNALLOCATED, "s", 60),
        "180 cases against 8 x 18 places: some wait");
    for (ReplicationResult r : List.of(a, b)) {
      for (int w = 0; w < r.weeks(); w++) {
        assertEquals(r.total(Measure.OPEN_CASES, 0) + r.total(Measure.OPENED, w) - r.total(Measure.CLOSED, w),
            r.total(Measure.OPEN_CASES, w), 1e-9, "conservation, week " + w);
      }
    }
    assertEquals(Arrays.toString(a.series(Measure.REFERRALS, "s")), Arrays.toString(b.series(Measure.REFERRALS, "s")),
        "common random numbers: the same referrals arrive");
    assertEquals(Arrays.toString(a.series(Measure.OPENED, "s")), Arrays.toString(b.series(Measure.OPENED, "s")));
  }

  @Test
  void hubTeamsOfNewlyQualifiedAgencyStaffCannotTakeChildProtectionAlone() {
    Scenario hub = base().name("hub")
        .restructure(new Restructure.DissolveTeam(10, "peri"))
        .restructure(new Restructure.CreateTeam(10, Team.of("hub", "s", TeamKind.HUB, "East"),
            List.of(new Restructure.Staffing(Role.NEWLY_QUALIFIED, Contract.AGENCY, 1.0, 3),
                new Restructure.Staffing(Role.UNQUALIFIED, Contract.AGENCY, 1.0, 2))))
        .build();
    ReplicationResult r = Simulation.run(hub, 2);
    assertEquals(13, r.value(Measure.HEADCOUNT, "s", 11), 1e-9);
    assertEquals(3, r.value(Measure.NEWLY_QUALIFIED_FTE, "s", 11), 1e-9);
    assertEquals(5, r.value(Measure.AGENCY_FTE, "s", 11), 1e-9);
  }

  @Test
  void releasingAgencyStaffAtOnce() {
    Scenario release = base().restructure(new Restructure.ReleaseAgency(20, null, 3, false)).build();
    ReplicationResult r = Simulation.run(release, 5);
    assertEquals(4, r.value(Measure.AGENCY_FTE, "s", 20), 1e-9);
    assertEquals(1, r.value(Measure.AGENCY_FTE, "s", 21), 1e-9);
    Scenario all = base().restructure(new Restructure.ReleaseAgency(20, "peri", -1, false)).build();
    assertEquals(0, Simulation.run(all, 5).value(Measure.AGENCY_FTE, "s", 21), 1e-9);
  }

  @Test
  void restructuresNamingTeamsThatDoNotExistThenAreRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> base()
        .restructure(new Restructure.DissolveTeam(10, "peri"))
        .restructure(new Restructure.Hire(12, "peri", new Restructure.Staffing(Role.QUALIFIED, Contract.PERMANENT, 1, 2)))
        .restructure(new Restructure.DissolveTeam(5, "prei"))
        .build());
    assertEquals(List.of(
        "error: restructures[2].team refers to team \"prei\", which does not exist in week 5; did you mean \"peri\"?",
        "error: restructures[1].team refers to team \"peri\", which does not exist in week 12"),
        e.problems().stream().map(Object::toString).toList());
  }
}
