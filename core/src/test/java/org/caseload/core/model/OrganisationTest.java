package org.caseload.core.model;

import static org.caseload.core.Fixtures.AS_OF;
import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.caseload.core.Fixtures.qualified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caseload.core.Fixtures;
import org.caseload.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Queries and operations of {@link Organisation}, on {@link Fixtures#riverside()}. */
class OrganisationTest {
  private static final Organisation RIVERSIDE = Fixtures.riverside();
  private static final LocalDate ON = AS_OF;

  private static List<String> ids(List<?> values) {
    return values.stream().map(v -> v instanceof Case ? ((Case) v).id() : v instanceof Worker ? ((Worker) v).id()
        : v instanceof Team ? ((Team) v).id() : ((Service) v).id()).collect(Collectors.toList());
  }

  private static void assertUnknown(String message, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertFalse(e instanceof InvalidInputException, "a lookup failure, not a validation failure");
    assertEquals(message, e.getMessage());
  }

  // ------------------------------------------------------------------ queries

  @Test
  void partsAreKeptInOrderWithWorkersGroupedByTeam() {
    assertEquals(List.of("cin", "cp", "lac"), ids(RIVERSIDE.services()));
    assertEquals(List.of("cin-north", "cp-hub", "lac-peri"), ids(RIVERSIDE.teams()));
    assertEquals(List.of("alice", "bob", "carol", "dan", "erin", "frank"), ids(RIVERSIDE.workers()));
    Organisation o = Fixtures.riversideBuilder().add(qualified("zoe", "cin-north")).build();
    assertEquals(List.of("alice", "bob", "carol", "zoe", "dan", "erin", "frank"), ids(o.workers()));
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"), ids(RIVERSIDE.cases()));
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"), ids(RIVERSIDE.openCases()));
    assertEquals(List.of("c8", "c9"), ids(RIVERSIDE.unallocatedCases()));
    assertEquals(List.of("cp-hub"), ids(RIVERSIDE.teamsOf("cp")));
    assertEquals(List.of("dan", "erin"), ids(RIVERSIDE.workersOf("cp-hub")));
    assertEquals(List.of(), RIVERSIDE.workersOf("nope"));
    assertEquals(List.of("c1", "c2"), ids(RIVERSIDE.casesHeldBy("alice")));
    assertEquals(List.of("c6"), ids(RIVERSIDE.casesHeldBy("dan")), "joint working is not holding");
    assertEquals(List.of(), RIVERSIDE.casesHeldBy("left-1"));
  }

  @Test
  void partsCannotBeChangedFromOutside() {
    List<Case> cases = RIVERSIDE.cases();
    List<Worker> workers = RIVERSIDE.workers();
    assertThrows(UnsupportedOperationException.class, () -> cases.clear());
    assertThrows(UnsupportedOperationException.class, () -> workers.clear());
    assertThrows(UnsupportedOperationException.class, () -> RIVERSIDE.openCases().clear());
    assertThrows(UnsupportedOperationException.class, () -> RIVERSIDE.casesHeldBy("alice").clear());
    assertThrows(UnsupportedOperationException.class, () -> RIVERSIDE.warnings().clear());
  }

  @Test
  void lookupsByIdSuggestTheClosestId() {
    assertEquals("Alice Adams", RIVERSIDE.worker("alice").name());
    assertUnknown("no worker \"alcie\" in the organisation; did you mean \"alice\"?", () -> RIVERSIDE.worker("alcie"));
    assertUnknown("no team \"cp-hbu\" in the organisation; did you mean \"cp-hub\"?", () -> RIVERSIDE.team("cp-hbu"));
    assertUnknown("no service \"lca\" in the organisation; did you mean \"lac\"?", () -> RIVERSIDE.service("lca"));
    assertUnknown("no case \"c99\" in the organisation; did you mean \"c9\"?", () -> RIVERSIDE.caseById("c99"));
    assertUnknown("no worker \"zzzzzz\" in the organisation", () -> RIVERSIDE.worker("zzzzzz"));
    assertUnknown("no worker \"null\" in the organisation", () -> RIVERSIDE.worker(null));
    assertEquals(Optional.empty(), RIVERSIDE.findWorker("alcie"));
    assertTrue(RIVERSIDE.findCase("c10").isPresent());
    assertTrue(RIVERSIDE.findTeam("cp-hub").isPresent());
    assertTrue(RIVERSIDE.findService("cp").isPresent());
  }

  @Test
  void loadsCapacitiesAndWeightsFollowThePolicies() {
    assertEquals(2.0, RIVERSIDE.load("alice"), 1e-12);
    assertEquals(10.0 / 7, RIVERSIDE.load("erin"), 1e-12);
    assertEquals(0.0, RIVERSIDE.load("left-1"));
    assertEquals(18.0, RIVERSIDE.capacity("alice"), 1e-12);
    assertEquals(16.2 * 0.8, RIVERSIDE.capacity("bob"), 1e-12);
    assertEquals(18 * 0.6, RIVERSIDE.capacity("frank"), 1e-12);
    assertEquals("cin", RIVERSIDE.serviceOf(RIVERSIDE.worker("bob")).id());

    CapacityPolicy lighter = CapacityPolicy.defaults().withCategoryWeight(CaseCategory.CHILD_IN_NEED, 0.5)
        .withCapacityPerFte(Role.QUALIFIED, 20);
    Organisation o = RIVERSIDE.withService(RIVERSIDE.service("cin").withCapacityPolicy(lighter));
    assertSame(lighter, o.policyFor("cin"));
    assertSame(CapacityPolicy.defaults(), o.policyFor("cp"));
    assertEquals(1.0, o.load("alice"), 1e-12, "cases weighed by their own service's policy");
    assertEquals(20.0, o.capacity("alice"), 1e-12, "capacity from the worker's service's policy");
    assertEquals(18.0, o.capacity("dan"), 1e-12);
    assertEquals(0.5, o.weight(o.caseById("c1")), 1e-12);
  }

  @Test
  void breachesCountRoleProtections() {
    for (Case c : RIVERSIDE.cases()) {
      assertEquals(Optional.empty(), RIVERSIDE.breach(c), c.toString());
    }
    Organisation o = RIVERSIDE.withJointWorker("c5", null).transferCase("c7", "carol", ON);
    assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE), o.breach(o.caseById("c5")));
    assertEquals(Optional.of(ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE), o.breach(o.caseById("c7")));
    Organisation nqJoint = RIVERSIDE.withJointWorker("c5", "bob");
    assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE), nqJoint.breach(nqJoint.caseById("c5")),
        "a newly qualified joint worker does not protect");
    assertEquals(Optional.empty(), RIVERSIDE.breach(RIVERSIDE.caseById("c9")), "unallocated");
    assertEquals(Optional.empty(), RIVERSIDE.breach(RIVERSIDE.caseById("c10")), "closed");
  }

  // ------------------------------------------------------------------ hire, move

  @Test
  void hireAddsAWorkerToItsTeam() {
    Worker zoe = Worker.of("zoe", "cp-hub", Role.QUALIFIED, Contract.AGENCY, 1, AS_OF);
    Organisation o = RIVERSIDE.hire(zoe);
    assertEquals(List.of("dan", "erin", "zoe"), ids(o.workersOf("cp-hub")));
    assertEquals(zoe, o.worker("zoe"));
    assertEquals(RIVERSIDE.cases(), o.cases());
    assertTrue(RIVERSIDE.findWorker("zoe").isEmpty(), "the original is unchanged");
  }

  @Test
  void hireRefusesADuplicateIdOrAnUnknownTeam() {
    assertEquals(List.of("error: teams[0].workers[3].id \"alice\" is already used by teams[0].workers[0]"),
        describe(problemsOf(() -> RIVERSIDE.hire(qualified("alice", "cin-north")))));
    assertEquals(List.of("error: workers[\"zoe\"].team refers to unknown team \"cp-hb\"; did you mean \"cp-hub\"?"),
        describe(problemsOf(() -> RIVERSIDE.hire(qualified("zoe", "cp-hb")))));
  }

  @Test
  void moveWorkerKeepsTheirCases() {
    Organisation o = RIVERSIDE.moveWorker("alice", "lac-peri");
    assertEquals("lac-peri", o.worker("alice").teamId());
    assertEquals(List.of("alice", "frank"), ids(o.workersOf("lac-peri")), "within a team, in the order added");
    assertEquals(List.of("c1", "c2"), ids(o.casesHeldBy("alice")));
    assertEquals(RIVERSIDE.cases(), o.cases());
    assertUnknown("no team \"lac-per\" in the organisation; did you mean \"lac-peri\"?",
        () -> RIVERSIDE.moveWorker("alice", "lac-per"));
    assertUnknown("no worker \"alic\" in the organisation; did you mean \"alice\"?",
        () -> RIVERSIDE.moveWorker("alic", "lac-peri"));
  }

  // ------------------------------------------------------------------ leave, dissolve

  @Test
  void leaveUnallocatesExactlyTheLeaversOpenCases() {
    Departure d = RIVERSIDE.leave("alice", ON);
    assertEquals(List.of(RIVERSIDE.worker("alice")), d.leavers());
    assertEquals(List.of("c1", "c2"), ids(d.unallocatedCases()), "not c10, which alice held but is closed");
    Organisation o = d.organisation();
    assertTrue(o.findWorker("alice").isEmpty());
    for (Case c : d.unallocatedCases()) {
      assertEquals(c, o.caseById(c.id()), "as it stands in the new organisation");
      assertTrue(c.isUnallocated());
      assertEquals(ON, c.unallocatedSince());
      assertEquals("alice", c.history().get(c.history().size() - 1).workerId(), "history keeps the leaver");
    }
    assertEquals(RIVERSIDE.cases().size(), o.cases().size(), "no case is lost");
    assertEquals(RIVERSIDE.caseById("c10"), o.caseById("c10"));
    assertEquals("Departure[1 worker left, 2 cases unallocated]", d.toString());
  }

  @Test
  void aLeavingJointWorkerStopsBeingJointWorker() {
    Departure d = RIVERSIDE.leave("dan", ON);
    assertEquals(List.of("c6"), ids(d.unallocatedCases()));
    Case c5 = d.organisation().caseById("c5");
    assertNull(c5.jointWorkerId());
    assertEquals("erin", c5.workerId(), "c5 stays with its holder");
    assertEquals(Optional.of(ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE), d.organisation().breach(c5));
  }

  @Test
  void leaverWithNoCasesAndUnknownLeaver() {
    Departure d = Fixtures.minimal().leave("w1", ON);
    assertEquals(List.of(), d.unallocatedCases());
    assertEquals(List.of(), d.organisation().workers());
    assertEquals("Departure[1 worker left, 0 cases unallocated]", d.toString());
    assertUnknown("no worker \"bobb\" in the organisation; did you mean \"bob\"?", () -> RIVERSIDE.leave("bobb", ON));
  }

  @Test
  void dissolveTeamRemovesTheTeamAndItsWorkersAndUnallocatesTheirCases() {
    Departure d = RIVERSIDE.dissolveTeam("cp-hub", ON);
    assertEquals(List.of("dan", "erin"), ids(d.leavers()));
    assertEquals(List.of("c5", "c6"), ids(d.unallocatedCases()), "not c9, which was already waiting");
    Organisation o = d.organisation();
    assertEquals(List.of("cin-north", "lac-peri"), ids(o.teams()));
    assertEquals(List.of("alice", "bob", "carol", "frank"), ids(o.workers()));
    assertEquals(List.of("c5", "c6", "c8", "c9"), ids(o.unallocatedCases()));
    assertNull(o.caseById("c5").jointWorkerId());
    assertEquals(RIVERSIDE.cases().size(), o.cases().size());
    assertEquals("Departure[2 workers left, 2 cases unallocated]", d.toString());
    assertUnknown("no team \"cp-hubb\" in the organisation; did you mean \"cp-hub\"?",
        () -> RIVERSIDE.dissolveTeam("cp-hubb", ON));
  }

  @Test
  void manyLeaveAtOnceAsIfOneAfterAnother() {
    Departure both = RIVERSIDE.leave(List.of("dan", "alice"), ON);
    Organisation oneByOne = RIVERSIDE.leave("dan", ON).organisation().leave("alice", ON).organisation();
    assertEquals(oneByOne, both.organisation());
    assertEquals(List.of("dan", "alice"), ids(both.leavers()), "in the order named");
    assertEquals(List.of("c1", "c2", "c6"), ids(both.unallocatedCases()), "in the organisation's case order");
    assertEquals(List.of(), RIVERSIDE.leave(List.of(), ON).leavers());
    assertEquals(RIVERSIDE, RIVERSIDE.leave(List.of(), ON).organisation());
  }

  @Test
  void bulkLeaveReportsEveryUnknownAndRepeatedId() {
    assertEquals(List.of(
        "error: workerIds[1] no worker \"bobb\" in the organisation; did you mean \"bob\"?",
        "error: workerIds[2] \"alice\" is named twice",
        "error: workerIds[3] no worker \"zed\" in the organisation"),
        describe(problemsOf(() -> RIVERSIDE.leave(List.of("alice", "bobb", "alice", "zed"), ON))));
  }

  @Test
  void manyTeamsDissolvedAtOnceAsIfOneAfterAnother() {
    Departure both = RIVERSIDE.dissolveTeams(List.of("lac-peri", "cp-hub"), ON);
    Organisation oneByOne = RIVERSIDE.dissolveTeam("lac-peri", ON).organisation().dissolveTeam("cp-hub", ON)
        .organisation();
    assertEquals(oneByOne, both.organisation());
    assertEquals(List.of("cin-north"), ids(both.organisation().teams()));
    assertEquals(List.of("error: teamIds[0] no team \"cp-hubb\" in the organisation; did you mean \"cp-hub\"?"),
        describe(problemsOf(() -> RIVERSIDE.dissolveTeams(List.of("cp-hubb"), ON))));
  }

  @Test
  void dissolvingAnEmptyTeamLosesNoOne() {
    Organisation withEmpty = RIVERSIDE.createTeam(Team.of("empty", "cp", TeamKind.HUB, null));
    Departure d = withEmpty.dissolveTeam("empty", ON);
    assertEquals(List.of(), d.leavers());
    assertEquals(RIVERSIDE, d.organisation());
  }

  // ------------------------------------------------------------------ cases

  @Test
  void transferCaseRecordsTheChangeInTheHistory() {
    Organisation o = RIVERSIDE.transferCase("c3", "alice", ON);
    Case c3 = o.caseById("c3");
    assertEquals("alice", c3.workerId());
    assertEquals(List.of(new Allocation("left-1", LocalDate.of(2019, 11, 4), LocalDate.of(2020, 1, 6)),
        new Allocation("bob", LocalDate.of(2020, 1, 6), ON), new Allocation("alice", ON, null)), c3.history());
    assertEquals(2, c3.transfers());
    assertEquals(List.of(), o.casesHeldBy("bob"));
    assertEquals(List.of("c1", "c2", "c3"), ids(o.casesHeldBy("alice")));
    assertEquals(3, o.transferCase("c3", "bob", ON).caseById("c3").transfers(), "every change counts");
  }

  @Test
  void transferCaseAllocatesAWaitingCase() {
    Case c9 = RIVERSIDE.transferCase("c9", "dan", ON).caseById("c9");
    assertEquals(List.of(new Allocation("dan", ON, null)), c9.history());
    assertEquals(0, c9.transfers(), "a first allocation is no transfer");
    Case c8 = RIVERSIDE.transferCase("c8", "alice", ON).caseById("c8");
    assertEquals(1, c8.transfers(), "a new worker after one who left");
  }

  @Test
  void transferToTheHolderChangesNothingAndToTheJointWorkerEndsJointWorking() {
    assertSame(RIVERSIDE, RIVERSIDE.transferCase("c1", "alice", ON));
    Case c5 = RIVERSIDE.transferCase("c5", "dan", ON).caseById("c5");
    assertEquals("dan", c5.workerId());
    assertNull(c5.jointWorkerId());
  }

  @Test
  void transferCaseRefusesUnknownIdsAndClosedCases() {
    assertUnknown("no case \"c11\" in the organisation; did you mean \"c1\"?",
        () -> RIVERSIDE.transferCase("c11", "alice", ON));
    assertUnknown("no worker \"frnak\" in the organisation; did you mean \"frank\"?",
        () -> RIVERSIDE.transferCase("c1", "frnak", ON));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RIVERSIDE.transferCase("c10", "bob", ON));
    assertEquals("case c10 closed on 2020-02-28 and cannot be allocated", e.getMessage());
  }

  @Test
  void transferBeforeTheCurrentSpellStartedIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RIVERSIDE.transferCase("c4", "alice", LocalDate.of(2020, 1, 1)));
    assertEquals("case c4 cannot change on 2020-01-01: its current allocation to carol began on 2020-02-03",
        e.getMessage());
  }

  @Test
  void unallocateCaseLeavesItWaiting() {
    Organisation o = RIVERSIDE.unallocateCase("c4", ON);
    assertEquals(ON, o.caseById("c4").unallocatedSince());
    assertEquals(List.of(), o.casesHeldBy("carol"));
    assertEquals(List.of("c4", "c8", "c9"), ids(o.unallocatedCases()));
    assertSame(RIVERSIDE, RIVERSIDE.unallocateCase("c9", ON), "already waiting");
    assertSame(RIVERSIDE, RIVERSIDE.unallocateCase("c10", ON), "closed");
    assertUnknown("no case \"c44\" in the organisation; did you mean \"c4\"?", () -> RIVERSIDE.unallocateCase("c44", ON));
  }

  @Test
  void withJointWorkerSetsAndClearsJointWorking() {
    Organisation o = RIVERSIDE.withJointWorker("c7", "dan");
    assertEquals("dan", o.caseById("c7").jointWorkerId());
    assertNull(o.withJointWorker("c7", null).caseById("c7").jointWorkerId());
    assertEquals(List.of("c6"), ids(o.casesHeldBy("dan")), "a joint worker does not hold the case");
    assertUnknown("no worker \"dna\" in the organisation; did you mean \"dan\"?",
        () -> RIVERSIDE.withJointWorker("c7", "dna"));
    assertEquals(List.of("error: jointWorker must differ from the case's holder but was \"frank\""),
        describe(problemsOf(() -> RIVERSIDE.withJointWorker("c7", "frank"))));
  }

  @Test
  void createTeamAddsATeamAndRefusesDuplicatesAndUnknownServices() {
    Organisation o = RIVERSIDE.createTeam(Team.of("cp-hub-2", "cp", TeamKind.HUB, null));
    assertEquals(List.of("cp-hub", "cp-hub-2"), ids(o.teamsOf("cp")));
    assertEquals(List.of("error: teams[3].id \"cp-hub\" is already used by teams[1]"),
        describe(problemsOf(() -> RIVERSIDE.createTeam(Team.of("cp-hub", "cp", TeamKind.HUB, null)))));
    assertEquals(List.of("error: teams[3].service refers to unknown service \"cpp\"; did you mean \"cp\"?"),
        describe(problemsOf(() -> RIVERSIDE.createTeam(Team.of("new", "cpp", TeamKind.HUB, null)))));
  }

  @Test
  void openCaseAddsAnOpenCase() {
    Case c = Case.open("c11", "cp", CaseCategory.CHILD_PROTECTION, ON);
    Organisation o = RIVERSIDE.openCase(c);
    assertEquals(c, o.caseById("c11"));
    assertEquals(List.of("c8", "c9", "c11"), ids(o.unallocatedCases()));
    Case held = Fixtures.held("c12", "cp", CaseCategory.CHILD_PROTECTION, "dan", ON).build();
    assertEquals(List.of("c6", "c12"), ids(RIVERSIDE.openCase(held).casesHeldBy("dan")));
  }

  @Test
  void openCaseRefusesClosedCasesDuplicatesAndUnknownServices() {
    Case closed = RIVERSIDE.caseById("c10");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RIVERSIDE.openCase(Case.open("c11", "cin", CaseCategory.CHILD_IN_NEED, ON).closedOn(ON)));
    assertEquals("case c11 is closed (on 2020-03-31); add closed cases through the builder", e.getMessage());
    assertEquals(List.of("error: cases[10].id \"c1\" is already used by cases[0]"),
        describe(problemsOf(() -> RIVERSIDE.openCase(Case.open("c1", "cin", CaseCategory.CHILD_IN_NEED, ON)))));
    assertEquals(List.of("error: cases[10].service refers to unknown service \"cni\"; did you mean \"cin\"?"),
        describe(problemsOf(() -> RIVERSIDE.openCase(Case.open("c11", "cni", CaseCategory.CHILD_IN_NEED, ON)))));
    assertFalse(closed.isOpen());
  }

  @Test
  void closeCaseKeepsTheCaseClosedWithItsHistory() {
    Organisation o = RIVERSIDE.closeCase("c5", ON);
    Case c5 = o.caseById("c5");
    assertFalse(c5.isOpen());
    assertEquals(ON, c5.closed());
    assertEquals(List.of(new Allocation("erin", LocalDate.of(2019, 12, 2), ON)), c5.history());
    assertNull(c5.jointWorkerId());
    assertEquals(RIVERSIDE.cases().size(), o.cases().size());
    assertEquals(List.of(), o.casesHeldBy("erin"));
    assertEquals(8, o.openCases().size());
    Organisation waiting = RIVERSIDE.closeCase("c9", ON);
    assertEquals(List.of("c8"), ids(waiting.unallocatedCases()));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RIVERSIDE.closeCase("c10", ON));
    assertEquals("case c10 is already closed (on 2020-02-28)", e.getMessage());
    assertUnknown("no case \"c5x\" in the organisation; did you mean \"c5\"?", () -> RIVERSIDE.closeCase("c5x", ON));
  }

  // ------------------------------------------------------------------ whole organisation

  @Test
  void asOfWithCapacityPolicyAndWithService() {
    assertEquals(LocalDate.of(2020, 4, 30), RIVERSIDE.asOf(LocalDate.of(2020, 4, 30)).asOf());
    CapacityPolicy p = CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 15);
    assertEquals(15.0, RIVERSIDE.withCapacityPolicy(p).capacity("alice"), 1e-12);
    Organisation added = RIVERSIDE.withService(Service.of("leaving", "Care leavers"));
    assertEquals(List.of("cin", "cp", "lac", "leaving"), ids(added.services()));
    Organisation replaced = RIVERSIDE.withService(Service.of("cp", "CP"));
    assertEquals(List.of("cin", "cp", "lac"), ids(replaced.services()));
    assertEquals("CP", replaced.service("cp").name());
    assertEquals(List.of("error: capacityPolicy is required"),
        describe(problemsOf(() -> RIVERSIDE.withCapacityPolicy(null))));
  }

  @Test
  void equalityIsByValue() {
    assertEquals(RIVERSIDE, Fixtures.riverside());
    assertEquals(RIVERSIDE.hashCode(), Fixtures.riverside().hashCode());
    assertEquals(RIVERSIDE, RIVERSIDE.toBuilder().build());
    assertEquals(RIVERSIDE, Fixtures.rebuild(RIVERSIDE));
    assertNotEquals(RIVERSIDE, RIVERSIDE.asOf(AS_OF.plusDays(1)));
    assertNotEquals(RIVERSIDE, RIVERSIDE.closeCase("c1", ON));
    assertNotEquals(RIVERSIDE, null);
    assertNotEquals(RIVERSIDE, "Riverside");
  }

  @Test
  void printsOneLineForPeople() {
    assertEquals("Organisation[Riverside Council as of 2020-03-31: 3 services, 3 teams, 6 workers (4.9 FTE), "
        + "9 open cases (2 unallocated)]", RIVERSIDE.toString());
  }

  @Test
  void withCasesChangesAndAddsManyCasesInOneStep() {
    Case moved = RIVERSIDE.caseById("c4").allocatedTo("alice", ON);
    Case added = Case.open("c99", "cin", CaseCategory.CHILD_IN_NEED, ON);
    Organisation after = RIVERSIDE.withCases(List.of(moved, added));
    assertEquals(moved, after.caseById("c4"));
    assertEquals(added, after.caseById("c99"));
    assertEquals(RIVERSIDE.cases().size() + 1, after.cases().size());
    assertEquals(RIVERSIDE.transferCase("c4", "alice", ON).openCase(added), after);
    assertEquals(RIVERSIDE, RIVERSIDE.withCases(List.of()));
  }
}
