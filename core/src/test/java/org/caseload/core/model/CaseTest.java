package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTest {
  private static final LocalDate D1 = LocalDate.of(2020, 1, 1);
  private static final LocalDate D2 = LocalDate.of(2020, 2, 1);
  private static final LocalDate D3 = LocalDate.of(2020, 3, 1);
  private static final LocalDate D4 = LocalDate.of(2020, 3, 31);

  private static Case withHistory(LocalDate closed, String joint, Allocation... history) {
    return new Case("c1", "cin", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false, D1, closed,
        List.of(history), joint);
  }

  private static Allocation spell(String worker, LocalDate from, LocalDate until) {
    return new Allocation(worker, from, until);
  }

  // ------------------------------------------------------------------ field rules

  @Test
  void requiredFieldsAreReportedAtOnce() {
    assertEquals(List.of("error: id is required", "error: service is required", "error: category is required",
        "error: complexity is required", "error: opened is required"),
        describe(problemsOf(() -> new Case(null, null, null, null, null, null, false, null, null, null, null))));
    assertEquals(List.of("error: id must not be blank", "error: service must not be blank"),
        describe(problemsOf(() -> Case.open(" ", "", CaseCategory.ASSESSMENT, D1))));
  }

  @Test
  void blankFamilyIsRefusedWithAWayOut() {
    assertEquals(List.of("error: family must not be blank (leave it out for a child alone)"),
        describe(problemsOf(() -> new Case("c1", "cin", CaseCategory.CHILD_IN_NEED, Complexity.LOW, " ", null, false, D1,
            null, List.of(), null))));
  }

  @Test
  void closedMustNotBeBeforeOpened() {
    assertEquals(List.of("error: closed must not be before opened (2020-02-01) but was 2020-01-01"),
        describe(problemsOf(() -> new Case("c1", "cin", CaseCategory.CHILD_IN_NEED, Complexity.LOW, null, null, false, D2,
            D1, List.of(), null))));
  }

  @Test
  void firstSpellMustNotStartBeforeTheCaseOpened() {
    assertEquals(List.of("error: history[0].from must not be before opened (2020-01-01) but was 2019-12-31"),
        describe(problemsOf(() -> withHistory(null, null, spell("w1", D1.minusDays(1), null)))));
  }

  @Test
  void spellsMustNotOverlap() {
    assertEquals(List.of("error: history[1].from must not be before the end of history[0] (2020-03-01) but was 2020-02-01"),
        describe(problemsOf(() -> withHistory(null, null, spell("w1", D1, D3), spell("w2", D2, null)))));
  }

  @Test
  void onlyTheLastSpellMayBeCurrent() {
    assertEquals(List.of("error: history[0].until is required: only the last allocation may be current"),
        describe(problemsOf(() -> withHistory(null, null, spell("w1", D1, null), spell("w2", D2, null)))));
  }

  @Test
  void aClosedCaseHasNoCurrentSpellNorOneEndingAfterItClosed() {
    assertEquals(List.of("error: history[0].until is required: the case closed on 2020-03-01"),
        describe(problemsOf(() -> withHistory(D3, null, spell("w1", D1, null)))));
    assertEquals(List.of("error: history[0].until must not be after closed (2020-02-01) but was 2020-03-01"),
        describe(problemsOf(() -> withHistory(D2, null, spell("w1", D1, D3)))));
  }

  @Test
  void jointWorkerIsNotBlankAndNotTheHolder() {
    assertEquals(List.of("error: jointWorker must not be blank (leave it out when the case is not held jointly)"),
        describe(problemsOf(() -> withHistory(null, "", spell("w1", D1, null)))));
    assertEquals(List.of("error: jointWorker must differ from the case's holder but was \"w1\""),
        describe(problemsOf(() -> withHistory(null, "w1", spell("w1", D1, null)))));
    assertEquals("w1", withHistory(null, "w1", spell("w1", D1, D2)).jointWorkerId(),
        "a past holder may be the joint worker");
  }

  @Test
  void historyIsCopiedAndNullMeansNone() {
    List<Allocation> history = new ArrayList<>(List.of(spell("w1", D1, null)));
    Case c = new Case("c1", "cin", CaseCategory.CHILD_IN_NEED, Complexity.LOW, null, null, false, D1, null, history, null);
    history.clear();
    assertEquals(1, c.history().size());
    assertThrows(UnsupportedOperationException.class, () -> c.history().clear());
    assertEquals(List.of(), new Case("c1", "cin", CaseCategory.CHILD_IN_NEED, Complexity.LOW, null, null, false, D1, null,
        null, null).history());
  }

  @Test
  void gapsBetweenSpellsAndSameDaySpellsAreAllowed() {
    Case c = withHistory(null, null, spell("w1", D1, D1), spell("w2", D1, D2), spell("w3", D3, null));
    assertEquals("w3", c.workerId());
  }

  // ------------------------------------------------------------------ states

  @Test
  void openCaseIsUnallocatedSinceItOpened() {
    Case c = Case.open("c1", "cp", CaseCategory.CHILD_PROTECTION, D1);
    assertEquals(Complexity.STANDARD, c.complexity());
    assertTrue(c.isOpen());
    assertTrue(c.isUnallocated());
    assertFalse(c.isAllocated());
    assertNull(c.workerId());
    assertEquals(D1, c.unallocatedSince());
    assertEquals(0, c.transfers());
    assertEquals(0, c.distinctWorkers());
  }

  @Test
  void aCaseIsExactlyOneOfAllocatedUnallocatedClosed() {
    Case held = withHistory(null, null, spell("w1", D1, null));
    assertTrue(held.isAllocated() && held.isOpen() && !held.isUnallocated());
    assertNull(held.unallocatedSince());
    Case waiting = withHistory(null, null, spell("w1", D1, D2));
    assertTrue(waiting.isUnallocated() && waiting.isOpen() && !waiting.isAllocated());
    assertEquals(D2, waiting.unallocatedSince(), "since its last worker's spell ended");
    Case closed = withHistory(D3, null, spell("w1", D1, D2));
    assertTrue(!closed.isOpen() && !closed.isAllocated() && !closed.isUnallocated());
    assertNull(closed.workerId());
    assertNull(closed.unallocatedSince());
  }

  @Test
  void transfersCountChangesOfWorker() {
    Case c = withHistory(null, null, spell("w1", D1, D2), spell("w2", D2, D3), spell("w1", D3, null));
    assertEquals(2, c.transfers());
    assertEquals(2, c.distinctWorkers());
    Case back = withHistory(null, null, spell("w1", D1, D2), spell("w1", D3, null));
    assertEquals(0, back.transfers(), "the same worker taking a case back is no transfer");
    assertEquals(1, back.distinctWorkers());
  }

  // ------------------------------------------------------------------ changes

  @Test
  void allocatedToEndsTheCurrentSpellAndStartsANewOne() {
    Case c = withHistory(null, null, spell("w1", D1, null));
    Case moved = c.allocatedTo("w2", D2);
    assertEquals(List.of(spell("w1", D1, D2), spell("w2", D2, null)), moved.history());
    assertEquals(1, moved.transfers());
    assertSame(moved, moved.allocatedTo("w2", D3), "already held by w2");
    assertEquals(List.of(spell("w1", D1, null)), c.history(), "the original is unchanged");
    Case fromWaiting = Case.open("c2", "cin", CaseCategory.CHILD_IN_NEED, D1).allocatedTo("w1", D2);
    assertEquals(List.of(spell("w1", D2, null)), fromWaiting.history());
  }

  @Test
  void allocatedToTheJointWorkerDropsTheJointWorker() {
    Case c = withHistory(null, "w2", spell("w1", D1, null));
    assertNull(c.allocatedTo("w2", D2).jointWorkerId());
    assertEquals("w2", c.allocatedTo("w3", D2).jointWorkerId());
  }

  @Test
  void aClosedCaseCannotBeAllocatedNorClosedAgain() {
    Case closed = withHistory(D3, null, spell("w1", D1, D2));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.allocatedTo("w2", D4));
    assertEquals("case c1 closed on 2020-03-01 and cannot be allocated", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> closed.closedOn(D4));
    assertEquals("case c1 is already closed (on 2020-03-01)", e.getMessage());
  }

  @Test
  void unallocatedOnEndsTheCurrentSpell() {
    Case c = withHistory(null, "w2", spell("w1", D1, null));
    Case waiting = c.unallocatedOn(D2);
    assertEquals(List.of(spell("w1", D1, D2)), waiting.history());
    assertEquals(D2, waiting.unallocatedSince());
    assertEquals("w2", waiting.jointWorkerId(), "the joint worker stays");
    assertSame(waiting, waiting.unallocatedOn(D3));
  }

  @Test
  void closedOnEndsTheSpellAndDropsTheJointWorker() {
    Case c = withHistory(null, "w2", spell("w1", D1, null)).closedOn(D3);
    assertEquals(D3, c.closed());
    assertEquals(List.of(spell("w1", D1, D3)), c.history());
    assertNull(c.jointWorkerId());
    assertFalse(c.isOpen());
  }

  @Test
  void withJointWorkerAndInCategoryKeepTheRest() {
    Case c = withHistory(null, null, spell("w1", D1, null));
    assertEquals("w2", c.withJointWorker("w2").jointWorkerId());
    assertNull(c.withJointWorker("w2").withJointWorker(null).jointWorkerId());
    Case cp = c.inCategory(CaseCategory.CHILD_PROTECTION, "cp");
    assertEquals(CaseCategory.CHILD_PROTECTION, cp.category());
    assertEquals("cp", cp.serviceId());
    assertEquals(c.history(), cp.history());
    assertEquals("w1", cp.workerId());
  }

  @Test
  void printsForPeople() {
    Case c = new Case("c7", "lac", CaseCategory.LOOKED_AFTER, Complexity.HIGH, "smith", null, true, D1, null,
        List.of(spell("w1", D1, D2), spell("w2", D2, null)), "w3");
    assertEquals("Case[c7 looked after high court family=smith, service=lac, worker=w2, joint=w3, 1 transfer]",
        c.toString());
    assertEquals("Case[c1 child in need standard, service=cin, unallocated since 2020-01-01]",
        Case.open("c1", "cin", CaseCategory.CHILD_IN_NEED, D1).toString());
    assertEquals("Case[c1 child in need standard, service=cin, closed 2020-03-01]",
        withHistory(D3, null).toString());
  }
}
