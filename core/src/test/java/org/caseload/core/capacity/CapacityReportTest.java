package org.caseload.core.capacity;

import static org.caseload.core.capacity.ReportFixtures.AS_OF;
import static org.caseload.core.capacity.ReportFixtures.CP_TARGET;
import static org.caseload.core.capacity.ReportFixtures.LA_TARGET;
import static org.caseload.core.capacity.ReportFixtures.OPENED;
import static org.caseload.core.capacity.ReportFixtures.START;
import static org.caseload.core.capacity.ReportFixtures.held;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.caseload.core.capacity.CapacityReport.Level;
import org.caseload.core.capacity.CapacityReport.Row;
import org.caseload.core.Generators;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.ProtectionBreach;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every figure of {@link CapacityReport} on the hand-worked organisation {@link ReportFixtures#southby()}. */
class CapacityReportTest {
  private static final double EPS = 1e-9;
  private final CapacityReport report = CapacityReport.of(ReportFixtures.southby());

  // ---------------------------------------------------------------- rows and lookup

  @Test
  void rowsAreEachServiceFollowedByItsTeamsThenTheTotal() {
    assertEquals(List.of("cp", "cp-east", "cp-hub", "la", "la-1", "cl", "TOTAL"),
        report.rows().stream().map(Row::id).collect(Collectors.toList()));
    assertEquals(List.of(Level.SERVICE, Level.TEAM, Level.TEAM, Level.SERVICE, Level.TEAM, Level.SERVICE, Level.TOTAL),
        report.rows().stream().map(Row::level).collect(Collectors.toList()));
    assertEquals("cp", report.row("cp-hub").serviceId());
    assertEquals("cp", report.row("cp").serviceId());
    assertNull(report.total().serviceId());
    assertEquals("Southby", report.total().name());
    assertEquals("CP East", report.row("cp-east").name());
    assertSame(report.total(), report.row(CapacityReport.TOTAL_ID));
    assertEquals("Southby", report.organisation());
    assertEquals(AS_OF, report.asOf());
  }

  @Test
  void unknownRowIdIsRefusedWithASuggestion() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report.row("cp-eats"));
    assertEquals("no service or team \"cp-eats\" in the capacity report; did you mean \"cp-east\"?", e.getMessage());
  }

  @Test
  void aServiceIdWinsOverATeamOfTheSameId() {
    Organisation org = Organisation.builder("Same ids", AS_OF)
        .add(Service.of("a", "Service A"))
        .add(new Team("a", "Team A", "a", TeamKind.HUB, null, null, 0))
        .build();
    CapacityReport r = CapacityReport.of(org);
    assertEquals(Level.SERVICE, r.row("a").level());
    assertEquals(Level.TEAM, r.rows().get(1).level());
  }

  @Test
  void reportAndRowsAreImmutableValues() {
    assertThrows(UnsupportedOperationException.class, () -> report.rows().add(report.total()));
    assertThrows(UnsupportedOperationException.class,
        () -> report.total().breaches().put(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE, 0));
    CapacityReport again = CapacityReport.of(ReportFixtures.southby());
    assertEquals(report, again);
    assertEquals(report.hashCode(), again.hashCode());
    assertFalse(report.equals(CapacityReport.of(ReportFixtures.southby().asOf(AS_OF.plusDays(1)))));
  }

  // ---------------------------------------------------------------- FTE

  @Test
  void fteInPostByRoleAndContract() {
    Row east = report.row("cp-east");
    Row hub = report.row("cp-hub");
    Row cp = report.row("cp");
    Row total = report.total();
    assertAll(
        // cp-east: q1 qualified permanent 1.0, q2 qualified agency 0.5, nq1 NQ permanent 1.0
        () -> assertFte(east, 1.5, 1.0, 0.0, 2.0, 0.5, 2.5),
        () -> assertEquals(3, east.headcount()),
        // cp-hub: nq2 NQ agency 0.8, u1 unqualified agency 1.0, q3 qualified permanent 0.6
        () -> assertFte(hub, 0.6, 0.8, 1.0, 0.6, 1.8, 2.4),
        () -> assertEquals(3, hub.headcount()),
        () -> assertFte(cp, 2.1, 1.8, 1.0, 2.6, 2.3, 4.9),
        () -> assertEquals(6, cp.headcount()),
        // la-1: q4 qualified permanent 1.0, q5 qualified agency 1.0
        () -> assertFte(report.row("la"), 2.0, 0.0, 0.0, 1.0, 1.0, 2.0),
        () -> assertFte(total, 4.1, 1.8, 1.0, 3.6, 3.3, 6.9),
        () -> assertEquals(8, total.headcount()));
  }

  private static void assertFte(Row r, double qualified, double newlyQualified, double unqualified,
      double permanent, double agency, double fte) {
    assertEquals(qualified, r.qualifiedFte(), EPS, r.id() + " qualifiedFte");
    assertEquals(newlyQualified, r.newlyQualifiedFte(), EPS, r.id() + " newlyQualifiedFte");
    assertEquals(unqualified, r.unqualifiedFte(), EPS, r.id() + " unqualifiedFte");
    assertEquals(permanent, r.permanentFte(), EPS, r.id() + " permanentFte");
    assertEquals(agency, r.agencyFte(), EPS, r.id() + " agencyFte");
    assertEquals(fte, r.fte(), EPS, r.id() + " fte");
  }

  @Test
  void agencyAndNewlyQualifiedSharesAreOfFteInPost() {
    assertAll(
        () -> assertEquals(0.5 / 2.5, report.row("cp-east").agencyShare(), EPS),
        () -> assertEquals(1.0 / 2.5, report.row("cp-east").newlyQualifiedShare(), EPS),
        () -> assertEquals(1.8 / 2.4, report.row("cp-hub").agencyShare(), EPS),
        () -> assertEquals(0.8 / 2.4, report.row("cp-hub").newlyQualifiedShare(), EPS),
        () -> assertEquals(2.3 / 4.9, report.row("cp").agencyShare(), EPS),
        () -> assertEquals(1.8 / 4.9, report.row("cp").newlyQualifiedShare(), EPS),
        () -> assertEquals(0.5, report.row("la").agencyShare(), EPS),
        () -> assertEquals(0.0, report.row("la").newlyQualifiedShare(), EPS),
        () -> assertEquals(3.3 / 6.9, report.total().agencyShare(), EPS),
        () -> assertEquals(1.8 / 6.9, report.total().newlyQualifiedShare(), EPS));
  }

  // ---------------------------------------------------------------- holders, cases, load

  @Test
  void caseHoldersAreWorkersHoldingAnOpenCase() {
    // q3 holds nothing; nq1 is joint worker on nq2's case, which does not make them hold it.
    assertAll(
        () -> assertEquals(3, report.row("cp-east").caseHolders()),
        () -> assertEquals(2.5, report.row("cp-east").caseHolderFte(), EPS),
        () -> assertEquals(2, report.row("cp-hub").caseHolders()),
        () -> assertEquals(1.8, report.row("cp-hub").caseHolderFte(), EPS),
        () -> assertEquals(5, report.row("cp").caseHolders()),
        () -> assertEquals(4.3, report.row("cp").caseHolderFte(), EPS),
        () -> assertEquals(7, report.total().caseHolders()),
        () -> assertEquals(6.3, report.total().caseHolderFte(), EPS));
  }

  @Test
  void casesAndLoadCountByHolderAndWeighByTheCasesOwnService() {
    // q2 (team cp-east) holds 6 child in need cases of cp (1 each) and one high-complexity looked-after
    // case of la, weighed by la's policy: 1.5 x 2.0 = 3. It counts in cp-east, not in la.
    assertAll(
        () -> assertEquals(39, report.row("cp-east").cases()),
        () -> assertEquals(19 + 9 + 13, report.row("cp-east").load(), EPS),
        () -> assertEquals(12, report.row("cp-hub").cases()),
        () -> assertEquals(12, report.row("cp-hub").load(), EPS),
        () -> assertEquals(51, report.row("cp").cases()),
        () -> assertEquals(53, report.row("cp").load(), EPS),
        // q4: 10 looked after at 1.5 + 2 child in need at 1; q5: 8 looked after, high, at 3
        () -> assertEquals(20, report.row("la").cases()),
        () -> assertEquals(15 + 2 + 24, report.row("la").load(), EPS),
        () -> assertEquals(71, report.total().cases()),
        () -> assertEquals(94, report.total().load(), EPS));
  }

  @Test
  void capacityAndUtilisation() {
    // cp-east 18 + 9 + 16.2; cp-hub 0.8 x 16.2 + 18 + 0.6 x 18; la-1 two qualified at la's 20 per FTE.
    assertAll(
        () -> assertEquals(43.2, report.row("cp-east").capacity(), EPS),
        () -> assertEquals(41.76, report.row("cp-hub").capacity(), EPS),
        () -> assertEquals(84.96, report.row("cp").capacity(), EPS),
        () -> assertEquals(40, report.row("la").capacity(), EPS),
        () -> assertEquals(124.96, report.total().capacity(), EPS),
        () -> assertEquals(41 / 43.2, report.row("cp-east").utilisation(), EPS),
        () -> assertEquals(53 / 84.96, report.row("cp").utilisation(), EPS),
        () -> assertEquals(41 / 40.0, report.row("la").utilisation(), EPS),
        () -> assertEquals(94 / 124.96, report.total().utilisation(), EPS));
  }

  @Test
  void workersOverCapacityExcludeThoseExactlyFull() {
    // q1 holds 19 against 18 (over); q2 holds 9 against 9 (full, not over); q5 holds 24 against 20 (over).
    assertAll(
        () -> assertEquals(1, report.row("cp-east").workersOverCapacity()),
        () -> assertEquals(0, report.row("cp-hub").workersOverCapacity()),
        () -> assertEquals(1, report.row("cp").workersOverCapacity()),
        () -> assertEquals(1, report.row("la-1").workersOverCapacity()),
        () -> assertEquals(2, report.total().workersOverCapacity()));
  }

  @Test
  void caseloadPerFteOfCaseHoldersAgainstTheServiceTarget() {
    Row east = report.row("cp-east");
    Row la = report.row("la");
    assertAll(
        () -> assertEquals(41 / 2.5, east.caseloadPerFte(), EPS),
        () -> assertEquals(CP_TARGET, east.target()),
        () -> assertEquals(41 / 2.5 - 18, east.gap(), EPS),
        () -> assertEquals(12 / 1.8 - 18, report.row("cp-hub").gap(), EPS),
        () -> assertEquals(53 / 4.3, report.row("cp").caseloadPerFte(), EPS),
        () -> assertEquals(20.5, la.caseloadPerFte(), EPS),
        () -> assertEquals(LA_TARGET, la.target()),
        () -> assertEquals(LA_TARGET, report.row("la-1").target()),
        () -> assertEquals(5.5, la.gap(), EPS),
        () -> assertEquals(94 / 6.3, report.total().caseloadPerFte(), EPS),
        () -> assertNull(report.total().target()),
        () -> assertTrue(report.total().targetIfAny().isEmpty()),
        () -> assertTrue(Double.isNaN(report.total().gap())));
  }

  @Test
  void caseloadPerFteDividesByCaseHoldersNotByEveryoneInPost() {
    Organisation org = Organisation.builder("Holders", AS_OF)
        .add(new Service("s", "S", CP_TARGET, null))
        .add(Team.of("t", "s", TeamKind.LOCALITY, null))
        .add(Worker.of("holder", "t", Role.QUALIFIED, Contract.PERMANENT, 0.5, START))
        .add(Worker.of("idle", "t", Role.QUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(held("c1", "s", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, false, "holder", null))
        .add(held("c2", "s", CaseCategory.CHILD_IN_NEED, Complexity.HIGH, false, "holder", null))
        .build();
    Row s = CapacityReport.of(org).row("s");
    double load = 1 + 10.0 / 7.0;
    assertEquals(load, s.load(), EPS);
    assertEquals(load / 0.5, s.caseloadPerFte(), EPS);
    assertEquals(load / 0.5 - 18, s.gap(), EPS);
    assertEquals(load / 27, s.utilisation(), EPS);
  }

  // ---------------------------------------------------------------- unallocated cases

  @Test
  void unallocatedCasesBelongToTheirServiceWithWaitingDays() {
    // cp: waiting 30, 10 and 60 days (the last since its worker's spell ended); a closed case is ignored.
    // la: 4 and 7 days.
    Row cp = report.row("cp");
    Row la = report.row("la");
    assertAll(
        () -> assertEquals(3, cp.unallocatedCases()),
        () -> assertEquals(30, cp.medianDaysUnallocated(), EPS),
        () -> assertEquals(60, cp.maxDaysUnallocated(), EPS),
        () -> assertEquals(2, la.unallocatedCases()),
        () -> assertEquals(5.5, la.medianDaysUnallocated(), EPS),
        () -> assertEquals(7, la.maxDaysUnallocated(), EPS),
        () -> assertEquals(5, report.total().unallocatedCases()),
        () -> assertEquals(10, report.total().medianDaysUnallocated(), EPS),
        () -> assertEquals(60, report.total().maxDaysUnallocated(), EPS));
  }

  @Test
  void teamsHaveNoUnallocatedCases() {
    for (String team : List.of("cp-east", "cp-hub", "la-1")) {
      Row r = report.row(team);
      assertEquals(0, r.unallocatedCases(), team);
      assertTrue(Double.isNaN(r.medianDaysUnallocated()), team);
      assertTrue(Double.isNaN(r.maxDaysUnallocated()), team);
    }
  }

  @Test
  void aWaitStartingAfterTheSnapshotDateCountsZeroDays() {
    Organisation org = Organisation.builder("Early", LocalDate.of(2020, 1, 1))
        .add(Service.of("s", "S"))
        .add(Case.open("future", "s", CaseCategory.ASSESSMENT, LocalDate.of(2020, 1, 5)))
        .add(Case.open("past", "s", CaseCategory.ASSESSMENT, LocalDate.of(2019, 12, 31)))
        .build();
    Row s = CapacityReport.of(org).row("s");
    assertEquals(2, s.unallocatedCases());
    assertEquals(0.5, s.medianDaysUnallocated(), EPS);
    assertEquals(1, s.maxDaysUnallocated(), EPS);
  }

  // ---------------------------------------------------------------- breaches

  @Test
  void breachesCountInTheHoldersUnitByProtection() {
    // cp-east: nq1 holds a CP case alone and a court case alone (the ones with q1 as joint worker are fine).
    // cp-hub: nq2 holds a CP case with a newly qualified joint worker; u1 holds a CP and an assessment case.
    Row east = report.row("cp-east");
    Row hub = report.row("cp-hub");
    Row cp = report.row("cp");
    assertAll(
        () -> assertEquals(2, east.casesInBreach()),
        () -> assertEquals(2, east.breaches(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE)),
        () -> assertEquals(0, east.breaches(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE)),
        () -> assertEquals(3, hub.casesInBreach()),
        () -> assertEquals(1, hub.breaches(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE)),
        () -> assertEquals(2, hub.breaches(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE)),
        () -> assertEquals(Map.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE, 3,
            ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE, 2), cp.breaches()),
        () -> assertEquals(5, cp.casesInBreach()),
        () -> assertEquals(0, report.row("la").casesInBreach()),
        () -> assertEquals(5, report.total().casesInBreach()));
  }

  @ParameterizedTest(name = "{0} holding {1} (court {2}) with joint {3}: {4}")
  @CsvSource({
      "UNQUALIFIED,     CHILD_PROTECTION, false, ,                UNQUALIFIED_HOLDS_STATUTORY_CASE",
      "UNQUALIFIED,     CHILD_PROTECTION, false, QUALIFIED,       UNQUALIFIED_HOLDS_STATUTORY_CASE",
      "UNQUALIFIED,     LOOKED_AFTER,     false, ,                UNQUALIFIED_HOLDS_STATUTORY_CASE",
      "UNQUALIFIED,     CHILD_IN_NEED,    false, ,                ",
      "NEWLY_QUALIFIED, CHILD_PROTECTION, false, ,                NEWLY_QUALIFIED_HOLDS_CASE_ALONE",
      "NEWLY_QUALIFIED, CHILD_PROTECTION, false, QUALIFIED,       ",
      "NEWLY_QUALIFIED, CHILD_PROTECTION, false, NEWLY_QUALIFIED, NEWLY_QUALIFIED_HOLDS_CASE_ALONE",
      "NEWLY_QUALIFIED, CHILD_IN_NEED,    true,  ,                NEWLY_QUALIFIED_HOLDS_CASE_ALONE",
      "NEWLY_QUALIFIED, LOOKED_AFTER,     true,  QUALIFIED,       ",
      "NEWLY_QUALIFIED, CHILD_IN_NEED,    false, ,                ",
      "QUALIFIED,       CHILD_PROTECTION, true,  ,                ",
  })
  void oneCaseBreachesOrNot(Role holder, CaseCategory category, boolean court, Role joint,
      ProtectionBreach expected) {
    // The holder's team is in service "a"; the case belongs to service "b": it counts in "a".
    Organisation.Builder b = Organisation.builder("One case", AS_OF)
        .add(Service.of("a", "A"))
        .add(Service.of("b", "B"))
        .add(Team.of("ta", "a", TeamKind.HUB, null))
        .add(Worker.of("h", "ta", holder, Contract.AGENCY, 1.0, START));
    if (joint != null) {
      b.add(Worker.of("j", "ta", joint, Contract.PERMANENT, 1.0, START));
    }
    b.add(held("c", "b", category, Complexity.STANDARD, court, "h", joint == null ? null : "j"));
    CapacityReport r = CapacityReport.of(b.build());
    int count = expected == null ? 0 : 1;
    assertEquals(count, r.row("a").casesInBreach());
    assertEquals(count, r.row("ta").casesInBreach());
    assertEquals(count, r.total().casesInBreach());
    assertEquals(0, r.row("b").casesInBreach());
    if (expected != null) {
      assertEquals(1, r.row("a").breaches(expected));
    }
  }

  @Test
  void theHoldersServicePolicySetsTheProtections() {
    // Service "relaxed" lets unqualified workers hold any case; its worker holds a CP case of "strict".
    CapacityPolicy relaxed = CapacityPolicy.defaults().withQualifiedOnly(Set.of());
    Organisation org = Organisation.builder("Policies", AS_OF)
        .add(new Service("relaxed", "Relaxed", null, relaxed))
        .add(Service.of("strict", "Strict"))
        .add(Team.of("tr", "relaxed", TeamKind.HUB, null))
        .add(Team.of("ts", "strict", TeamKind.HUB, null))
        .add(Worker.of("ur", "tr", Role.UNQUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(Worker.of("us", "ts", Role.UNQUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(held("c1", "strict", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "ur", null))
        .add(held("c2", "relaxed", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "us", null))
        .build();
    CapacityReport r = CapacityReport.of(org);
    assertEquals(0, r.row("relaxed").casesInBreach());
    assertEquals(1, r.row("strict").breaches(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE));
  }

  // ---------------------------------------------------------------- empty units

  @Test
  void anEmptyServiceHasZerosAndUndefinedRatios() {
    Row cl = report.row("cl");
    assertAll(
        () -> assertFte(cl, 0, 0, 0, 0, 0, 0),
        () -> assertEquals(0, cl.headcount()),
        () -> assertEquals(0, cl.caseHolders()),
        () -> assertEquals(0, cl.cases()),
        () -> assertEquals(0, cl.load(), 0),
        () -> assertEquals(0, cl.capacity(), 0),
        () -> assertTrue(Double.isNaN(cl.caseloadPerFte())),
        () -> assertNull(cl.target()),
        () -> assertTrue(Double.isNaN(cl.gap())),
        () -> assertTrue(Double.isNaN(cl.utilisation())),
        () -> assertTrue(Double.isNaN(cl.agencyShare())),
        () -> assertTrue(Double.isNaN(cl.newlyQualifiedShare())),
        () -> assertEquals(0, cl.unallocatedCases()),
        () -> assertTrue(Double.isNaN(cl.medianDaysUnallocated())),
        () -> assertEquals(0, cl.casesInBreach()));
    assertTrue(report.toString().contains(
        "\nCare leavers      0.0 0.0 0.0  0.0    0.0   0.0    0       0     0  0.0       -      -     -    -"
            + "      -   -    0       0      -       -      0\n"), report.toString());
  }

  @Test
  void aServiceWithATargetButNoCaseHoldersHasNoCaseloadOrGap() {
    Organisation org = Organisation.builder("Idle", AS_OF)
        .add(new Service("s", "S", CP_TARGET, null))
        .add(Team.of("t", "s", TeamKind.LOCALITY, null))
        .add(Worker.of("w", "t", Role.QUALIFIED, Contract.AGENCY, 1.0, START))
        .build();
    Row s = CapacityReport.of(org).row("s");
    assertTrue(Double.isNaN(s.caseloadPerFte()));
    assertTrue(Double.isNaN(s.gap()));
    assertEquals(0, s.utilisation(), 0);
    assertEquals(1, s.agencyShare(), 0);
  }

  @Test
  void anOrganisationWithNothingHasOnlyATotal() {
    CapacityReport r = CapacityReport.of(Organisation.builder("Nothing", AS_OF).build());
    assertEquals(1, r.rows().size());
    assertEquals(Level.TOTAL, r.total().level());
    assertEquals(0, r.total().headcount());
    assertTrue(Double.isNaN(r.total().caseloadPerFte()));
    assertTrue(r.toString().contains("\nTOTAL "), r.toString());
  }

  // ---------------------------------------------------------------- totals

  private static final List<ToDoubleFunction<Row>> ADDITIVE = List.of(
      Row::qualifiedFte, Row::newlyQualifiedFte, Row::unqualifiedFte, Row::permanentFte, Row::agencyFte, Row::fte,
      Row::headcount, Row::caseHolders, Row::caseHolderFte, Row::cases, Row::load, Row::capacity,
      Row::workersOverCapacity, Row::casesInBreach,
      r -> r.breaches(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE),
      r -> r.breaches(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE));

  /** The total is the sum of the services, and each service the sum of its teams (unallocated cases aside). */
  private static void assertAdditive(CapacityReport r) {
    List<Row> services = r.rows().stream().filter(x -> x.level() == Level.SERVICE).collect(Collectors.toList());
    for (int i = 0; i < ADDITIVE.size(); i++) {
      ToDoubleFunction<Row> column = ADDITIVE.get(i);
      double sum = services.stream().mapToDouble(column).sum();
      assertEquals(sum, column.applyAsDouble(r.total()), 1e-6, "additive column " + i + " of " + r.organisation());
      for (Row s : services) {
        double teams = r.rows().stream().filter(x -> x.level() == Level.TEAM && x.serviceId().equals(s.id()))
            .mapToDouble(column).sum();
        assertEquals(teams, column.applyAsDouble(s), 1e-6, "column " + i + " of " + s.id());
      }
    }
    assertEquals(services.stream().mapToInt(Row::unallocatedCases).sum(), r.total().unallocatedCases());
    assertEquals(services.stream().mapToDouble(Row::maxDaysUnallocated).filter(d -> !Double.isNaN(d)).max()
        .orElse(Double.NaN), r.total().maxDaysUnallocated(), 0);
  }

  @Test
  void totalIsTheSumOfTheServices() {
    assertAdditive(report);
  }

  @Test
  void totalIsTheSumOfTheServicesOnRandomOrganisations() {
    qt().withFixedSeed(20200331L).withExamples(300)
        .forAll(Generators.organisations())
        .checkAssert(org -> assertAdditive(CapacityReport.of(org)));
  }

  /** Every team row recomputed from its definition with the organisation's own per-worker queries. */
  @Test
  void teamRowsMatchTheDefinitionsOnRandomOrganisations() {
    qt().withFixedSeed(17L).withExamples(300)
        .forAll(Generators.organisations())
        .checkAssert(org -> {
          CapacityReport r = CapacityReport.of(org);
          for (Team team : org.teams()) {
            assertTeamMatchesDefinition(org, team, r.row(team.id()));
          }
          List<Case> waiting = org.unallocatedCases();
          assertEquals(waiting.size(), r.total().unallocatedCases());
          double[] days = waiting.stream()
              .mapToDouble(c -> Math.max(0, ChronoUnit.DAYS.between(c.unallocatedSince(), org.asOf())))
              .sorted().toArray();
          assertEquals(days.length == 0 ? Double.NaN : days[days.length - 1], r.total().maxDaysUnallocated(), 0);
          assertEquals(median(days), r.total().medianDaysUnallocated(), 0);
          for (Service s : org.services()) {
            assertEquals(waiting.stream().filter(c -> c.serviceId().equals(s.id())).count(),
                r.row(s.id()).unallocatedCases());
          }
        });
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void assertTeamMatchesDefinition(Organisation org, Team team, Row row) {
    double fte = 0;
    double agency = 0;
    double nq = 0;
    double holderFte = 0;
    double load = 0;
    double capacity = 0;
    int holders = 0;
    int cases = 0;
    int over = 0;
    int[] breaches = new int[ProtectionBreach.values().length];
    for (Worker w : org.workersOf(team.id())) {
      fte += w.fte();
      agency += w.isAgency() ? w.fte() : 0;
      nq += w.role() == Role.NEWLY_QUALIFIED ? w.fte() : 0;
      List<Case> held = org.casesHeldBy(w.id());
      if (!held.isEmpty()) {
        holders++;
        holderFte += w.fte();
      }
      cases += held.size();
      load += org.load(w.id());
      capacity += org.capacity(w.id());
      over += org.load(w.id()) > org.capacity(w.id()) + 1e-9 ? 1 : 0;
      for (Case c : held) {
        org.breach(c).ifPresent(b -> breaches[b.ordinal()]++);
      }
    }
    String where = org.name() + " team " + team.id();
    assertEquals(fte, row.fte(), 1e-9, where);
    assertEquals(holders, row.caseHolders(), where);
    assertEquals(holderFte, row.caseHolderFte(), 1e-9, where);
    assertEquals(cases, row.cases(), where);
    assertEquals(load, row.load(), 1e-9, where);
    assertEquals(capacity, row.capacity(), 1e-9, where);
    assertEquals(over, row.workersOverCapacity(), where);
    assertEquals(holderFte > 0 ? load / holderFte : Double.NaN, row.caseloadPerFte(), 1e-9, where);
    assertEquals(capacity > 0 ? load / capacity : Double.NaN, row.utilisation(), 1e-9, where);
    assertEquals(fte > 0 ? agency / fte : Double.NaN, row.agencyShare(), 1e-9, where);
    assertEquals(fte > 0 ? nq / fte : Double.NaN, row.newlyQualifiedShare(), 1e-9, where);
    assertEquals(org.service(team.serviceId()).target(), row.target(), where);
    for (ProtectionBreach b : ProtectionBreach.values()) {
      assertEquals(breaches[b.ordinal()], row.breaches(b), where + " " + b);
    }
  }

  // ---------------------------------------------------------------- text and CSV

  @Test
  void toStringIsAnAlignedTable() {
    List<String> lines = report.toString().lines().collect(Collectors.toList());
    assertEquals("Capacity of Southby on 2020-03-31", lines.get(0));
    assertEquals("                 -------- FTE in post ---------                                                   "
        + "- share --               days waiting", lines.get(1));
    assertEquals("unit             qual  NQ unq perm agency total head holders cases load per FTE target   gap util "
        + "agency  NQ over unalloc median     max breach", lines.get(2));
    assertEquals("Child protection  2.1 1.8 1.0  2.6    2.3   4.9    6       5    51 53.0    12.3   18.0  -5.7  62% "
        + "   47% 37%    1       3     30      60      5", lines.get(4));
    assertEquals("  CP East         1.5 1.0 0.0  2.0    0.5   2.5    3       3    39 41.0    16.4   18.0  -1.6  95% "
        + "   20% 40%    1       0      -       -      2", lines.get(5));
    assertEquals("Looked after      2.0 0.0 0.0  1.0    1.0   2.0    2       2    20 41.0    20.5   15.0  +5.5 102% "
        + "   50%  0%    1       2    5.5       7      0", lines.get(7));
    assertEquals("TOTAL             4.1 1.8 1.0  3.6    3.3   6.9    8       7    71 94.0    14.9      -     -  75% "
        + "   48% 26%    2       5     10      60      5", lines.get(11));
    // Every line of the table (header, rules, rows) has the same width, within 150 columns.
    int width = lines.get(2).length();
    assertTrue(width <= 150, "width " + width);
    for (int i = 3; i <= 11; i++) {
      assertEquals(width, lines.get(i).length(), "line " + i + ": " + lines.get(i));
    }
    assertEquals("-".repeat(width), lines.get(3));
    assertEquals("-".repeat(width), lines.get(10));
    assertTrue(lines.contains("targets: Child protection at most 18 per FTE by 2021-03-31; "
        + "Looked after at most 15 per FTE by 2021-03-31."), report.toString());
    assertTrue(lines.contains("breaches: unqualified worker holds a statutory case: 2 cases; "
        + "newly qualified worker holds a child protection or court case alone: 3 cases."), report.toString());
    assertTrue(lines.stream().allMatch(l -> l.length() <= 150), report.toString());
  }

  @Test
  void longNamesAreCutToKeepTheTableNarrow() {
    Organisation org = Organisation.builder("Long", AS_OF)
        .add(Service.of("s", "Children in need and child protection services"))
        .build();
    assertTrue(CapacityReport.of(org).toString().contains("\nChildren in need and child prot~ "));
  }

  @Test
  void printWritesTheTable() {
    PrintStream out = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      report.print();
    } finally {
      System.setOut(out);
    }
    assertEquals(report.toString(), bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void csvHasOneColumnPerRowComponent() {
    String[] lines = report.toCsv().split("\n", -1);
    assertEquals("level,id,name,serviceId,qualifiedFte,newlyQualifiedFte,unqualifiedFte,permanentFte,agencyFte,fte,"
        + "headcount,caseHolders,caseHolderFte,cases,load,capacity,caseloadPerFte,target.maxPerFte,target.by,gap,"
        + "utilisation,agencyShare,newlyQualifiedShare,workersOverCapacity,unallocatedCases,medianDaysUnallocated,"
        + "maxDaysUnallocated,casesInBreach,breaches.UNQUALIFIED_HOLDS_STATUTORY_CASE,"
        + "breaches.NEWLY_QUALIFIED_HOLDS_CASE_ALONE", lines[0]);
    assertEquals(String.join(",", CapacityReport.csvColumns()), lines[0]);
    List<String> components = Arrays.stream(Row.class.getRecordComponents()).map(c -> c.getName())
        .collect(Collectors.toList());
    List<String> roots = CapacityReport.csvColumns().stream().map(c -> c.replaceAll("\\..*", "")).distinct()
        .collect(Collectors.toList());
    assertEquals(components, roots);
    assertEquals("TEAM,cp-east,CP East,cp,1.5,1,0,2,0.5,2.5,3,3,2.5,39,41,43.2,16.4,18,2021-03-31,-1.6,0.949074,0.2,"
        + "0.4,1,0,,,2,0,2", lines[2]);
    assertEquals("SERVICE,cl,Care leavers,cl,0,0,0,0,0,0,0,0,0,0,0,0,,,,,,,,0,0,,,0,0,0", lines[6]);
    assertEquals("TOTAL,TOTAL,Southby,,4.1,1.8,1,3.6,3.3,6.9,8,7,6.3,71,94,124.96,14.920635,,,,0.752241,0.478261,"
        + "0.26087,2,5,10,60,5,2,3", lines[7]);
    assertEquals(9, lines.length);
    assertEquals("", lines[8]);
    for (int i = 1; i < 8; i++) {
      assertEquals(CapacityReport.csvColumns().size(), lines[i].split(",", -1).length, lines[i]);
    }
  }

  @Test
  void csvQuotesNamesWithCommasOrQuotes() {
    Organisation org = Organisation.builder("Quotes", AS_OF)
        .add(Service.of("s", "Care leavers, 18+ \"staying put\""))
        .build();
    assertTrue(CapacityReport.of(org).toCsv().contains("\nSERVICE,s,\"Care leavers, 18+ \"\"staying put\"\"\",s,"));
  }

  @Test
  void rowFillsMissingProtectionsWithZero() {
    Row r = report.row("la");
    Row copy = new Row(r.level(), r.id(), r.name(), r.serviceId(), r.qualifiedFte(), r.newlyQualifiedFte(),
        r.unqualifiedFte(), r.permanentFte(), r.agencyFte(), r.fte(), r.headcount(), r.caseHolders(),
        r.caseHolderFte(), r.cases(), r.load(), r.capacity(), r.caseloadPerFte(), r.target(), r.gap(),
        r.utilisation(), r.agencyShare(), r.newlyQualifiedShare(), r.workersOverCapacity(), r.unallocatedCases(),
        r.medianDaysUnallocated(), r.maxDaysUnallocated(), r.casesInBreach(), Map.of());
    assertEquals(r, copy);
    assertEquals(0, copy.breaches(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE));
  }
}
