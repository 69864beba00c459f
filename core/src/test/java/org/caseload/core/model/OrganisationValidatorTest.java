package org.caseload.core.model;

import static org.caseload.core.Fixtures.AS_OF;
import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.held;
import static org.caseload.core.Fixtures.openCase;
import static org.caseload.core.Fixtures.problemsOf;
import static org.caseload.core.Fixtures.qualified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.caseload.core.Fixtures;
import org.caseload.core.Fixtures.CaseSpec;
import org.caseload.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The cross rules of {@link OrganisationValidator}, through the public builder. */
class OrganisationValidatorTest {
  private static final LocalDate JAN = LocalDate.of(2020, 1, 6);

  private static Organisation.Builder org() {
    return Organisation.builder("Test", AS_OF).add(Service.of("cin", null)).add(Service.of("cp", null));
  }

  private static List<String> check(Organisation.Builder b) {
    return describe(b.check());
  }

  @Test
  void fixturesAreValidWithoutWarnings() {
    assertEquals(List.of(), Fixtures.riverside().warnings());
    assertEquals(List.of(), Fixtures.minimal().warnings());
  }

  @Test
  void nameDateAndPolicyAreRequired() {
    assertEquals(List.of("error: name is required", "error: asOf is required", "error: capacityPolicy is required"),
        check(Organisation.builder(null, null).capacityPolicy(null)));
    assertEquals(List.of("error: name must not be blank"), check(Organisation.builder(" ", AS_OF)));
  }

  @Test
  void buildThrowsWithEveryProblemAndNamesTheOrganisation() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> org().add(Service.of("cin", "again")).add(Team.of("t1", "nope", TeamKind.HUB, null)).build());
    assertEquals("organisation \"Test\"", e.what());
    assertEquals(2, e.errors().size());
    assertTrue(e.getMessage().startsWith("organisation \"Test\" is invalid: 2 errors"), e.getMessage());
  }

  @Test
  void duplicateServiceAndTeamIds() {
    assertEquals(List.of("error: services[2].id \"cin\" is already used by services[0]",
        "error: teams[1].id \"t1\" is already used by teams[0]"),
        check(org().add(Service.of("cin", "again")).add(Team.of("t1", "cin", TeamKind.HUB, null))
            .add(Team.of("t1", "cp", TeamKind.HUB, null))));
  }

  @Test
  void unknownServiceOfATeamSuggestsTheClosestOrListsTheKnown() {
    assertEquals(List.of("error: teams[0].service refers to unknown service \"cni\"; did you mean \"cin\"?"),
        check(org().add(Team.of("t1", "cni", TeamKind.HUB, null))));
    assertEquals(List.of("error: teams[0].service refers to unknown service \"looked-after\"; known: cin, cp"),
        check(org().add(Team.of("t1", "looked-after", TeamKind.HUB, null))));
    assertEquals(List.of("error: teams[0].service refers to unknown service \"cin\"; there are no services"),
        check(Organisation.builder("Test", AS_OF).add(Team.of("t1", "cin", TeamKind.HUB, null))));
  }

  @Test
  void withManyKnownIdsAndNoCloseOneNoListIsGiven() {
    Organisation.Builder b = Organisation.builder("Test", AS_OF);
    for (int i = 0; i < 9; i++) {
      b.add(Service.of("service-" + i, null));
    }
    assertEquals(List.of("error: teams[0].service refers to unknown service \"cp\""),
        check(b.add(Team.of("t1", "cp", TeamKind.HUB, null))));
  }

  @Test
  void duplicateWorkerIdsArePlacedByTeam() {
    assertEquals(List.of("error: teams[1].workers[0].id \"w1\" is already used by teams[0].workers[0]"),
        check(org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(Team.of("t2", "cp", TeamKind.HUB, null))
            .add(qualified("w1", "t1")).add(qualified("w1", "t2"))));
  }

  @Test
  void workerPathsCountWithinTheirTeamWhateverTheOrderAdded() {
    assertEquals(List.of("error: teams[0].workers[1].id \"w3\" is already used by teams[0].workers[0]"),
        check(org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(Team.of("t2", "cp", TeamKind.HUB, null))
            .add(qualified("w3", "t1")).add(qualified("w2", "t2")).add(qualified("w3", "t1"))));
  }

  @Test
  void unknownTeamOfAWorkerIsPlacedByTheWorkersId() {
    assertEquals(List.of("error: workers[\"w2\"].team refers to unknown team \"t2\"; known: t1"),
        check(org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(qualified("w2", "t2"))));
  }

  @Test
  void workerStartingAfterTheSnapshotIsAWarning() {
    Organisation o = org().add(Team.of("t1", "cin", TeamKind.HUB, null))
        .add(Worker.of("w1", "t1", Role.QUALIFIED, Contract.PERMANENT, 1, AS_OF.plusDays(1))).build();
    assertEquals(List.of("warning: teams[0].workers[0].start is after the snapshot date asOf (2020-03-31) but was 2020-04-01"),
        describe(o.warnings()));
  }

  @Test
  void teamLargerThanItsSpanOfControlIsAWarning() {
    Organisation o = org().add(new Team("t1", null, "cin", TeamKind.LOCALITY, "North", "Ruth", 2))
        .add(qualified("w1", "t1")).add(qualified("w2", "t1")).add(qualified("w3", "t1")).build();
    assertEquals(List.of("warning: teams[0].workers has 3 workers, more than the manager's span of control (2)"),
        describe(o.warnings()));
    assertEquals(List.of(), org().add(new Team("t1", null, "cin", TeamKind.LOCALITY, "North", "Ruth", 2))
        .add(qualified("w1", "t1")).add(qualified("w2", "t1")).build().warnings(), "at the span is fine");
  }

  @Test
  void duplicateCaseIdsAndUnknownServiceOfACase() {
    assertEquals(List.of("error: cases[1].id \"c1\" is already used by cases[0]",
        "error: cases[1].service refers to unknown service \"cpp\"; did you mean \"cp\"?"),
        check(org().add(openCase("c1", "cin", CaseCategory.CHILD_IN_NEED))
            .add(openCase("c1", "cpp", CaseCategory.CHILD_PROTECTION))));
  }

  @Test
  void caseOpenedAfterTheSnapshotIsAWarning() {
    assertEquals(List.of("warning: cases[0].opened is after the snapshot date asOf (2020-03-31) but was 2020-04-02"),
        check(org().add(Case.open("c1", "cin", CaseCategory.CHILD_IN_NEED, AS_OF.plusDays(2)))));
  }

  @Test
  void currentHolderMustBeAWorkerButPastHoldersMayHaveLeft() {
    Organisation.Builder b = org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(qualified("w1", "t1"))
        .add(new CaseSpec("c1", "cin", CaseCategory.CHILD_IN_NEED).opened(JAN).spell("left-1", JAN, JAN)
            .spell("w9", JAN, null).build());
    assertEquals(List.of("error: cases[0].history[1].worker refers to unknown worker \"w9\"; known: w1 "
        + "(the current holder must be a worker of the organisation)"), check(b));
    assertEquals(List.of(), check(org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(qualified("w1", "t1"))
        .add(new CaseSpec("c1", "cin", CaseCategory.CHILD_IN_NEED).opened(JAN).spell("left-1", JAN, JAN)
            .spell("w1", JAN, null).build())));
  }

  @Test
  void holdingFromBeforeTheWorkerStartedIsAWarning() {
    assertEquals(List.of("warning: cases[0].history[0].from is before the worker w1 started (2020-03-01) but was 2020-01-06"),
        check(org().add(Team.of("t1", "cin", TeamKind.HUB, null))
            .add(Worker.of("w1", "t1", Role.QUALIFIED, Contract.PERMANENT, 1, LocalDate.of(2020, 3, 1)))
            .add(held("c1", "cin", CaseCategory.CHILD_IN_NEED, "w1", JAN).build())));
  }

  @Test
  void jointWorkerMustBeAWorkerOfTheOrganisation() {
    assertEquals(List.of("error: cases[0].jointWorker refers to unknown worker \"bob\"; known: w1"),
        check(org().add(Team.of("t1", "cin", TeamKind.HUB, null)).add(qualified("w1", "t1"))
            .add(held("c1", "cin", CaseCategory.CHILD_IN_NEED, "w1", JAN).joint("bob").build())));
  }

  @Test
  void siblingsSplitAcrossWorkersIsAWarningNamingEachWorkersCases() {
    Organisation o = Fixtures.riversideBuilder()
        .add(held("c11", "cin", CaseCategory.CHILD_IN_NEED, "bob", JAN).withFamily("smith").build())
        .add(new CaseSpec("c12", "cin", CaseCategory.CHILD_IN_NEED).withFamily("smith").build())
        .build();
    assertEquals(List.of("warning: cases[0].family \"smith\" is split across 2 workers: alice (c1, c2), bob (c11); "
        + "siblings are normally allocated to one worker"), describe(o.warnings()));
  }

  @Test
  void unallocatedOrClosedSiblingsDoNotSplitAFamily() {
    Organisation o = Fixtures.riversideBuilder()
        .add(new CaseSpec("c11", "cin", CaseCategory.CHILD_IN_NEED).withFamily("smith").build())
        .add(held("c12", "cin", CaseCategory.CHILD_IN_NEED, "bob", JAN).withFamily("smith").closed(AS_OF).build())
        .build();
    assertEquals(List.of(), o.warnings());
  }

  @Test
  void errorsAndWarningsAreReportedTogether() {
    List<String> problems = describe(problemsOf(() -> org()
        .add(Team.of("t1", "cin", TeamKind.HUB, null))
        .add(Worker.of("w1", "t1", Role.QUALIFIED, Contract.PERMANENT, 1, AS_OF.plusDays(1)))
        .add(qualified("w1", "t1"))
        .build()));
    assertEquals(List.of(
        "warning: teams[0].workers[0].start is after the snapshot date asOf (2020-03-31) but was 2020-04-01",
        "error: teams[0].workers[1].id \"w1\" is already used by teams[0].workers[0]"), problems);
  }
}
