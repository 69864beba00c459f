package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.caseload.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerTest {
  private static final LocalDate START = LocalDate.of(2019, 9, 2);

  private static Worker fte(double fte) {
    return Worker.of("w17", "Hub-East", Role.QUALIFIED, Contract.AGENCY, fte, START);
  }

  @Test
  void fteAboveOneIsRefusedWithTheValue() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> fte(1.4));
    assertEquals(1, e.problems().size());
    assertEquals("fte", e.problems().get(0).path());
    assertEquals("must be in (0, 1] but was 1.4", e.problems().get(0).message());
    assertEquals("worker is invalid: 1 error" + System.lineSeparator() + "  error: fte must be in (0, 1] but was 1.4",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
  void fteOutsideZeroToOneIsRefused(double fte) {
    assertEquals(List.of("error: fte must be in (0, 1] but was " + fte), describe(problemsOf(() -> fte(fte))));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 0.5, 0.001, Double.MIN_VALUE})
  void fteInZeroToOneIsAccepted(double fte) {
    assertEquals(fte, fte(fte).fte());
  }

  @Test
  void everyMissingFieldIsReportedAtOnce() {
    assertEquals(List.of("error: id is required", "error: team is required", "error: role is required",
        "error: contract is required", "error: fte must be in (0, 1] but was 2.0", "error: start is required"),
        describe(problemsOf(() -> new Worker(null, null, null, null, null, 2, null))));
  }

  @Test
  void blankIdsAreRefused() {
    assertEquals(List.of("error: id must not be blank", "error: team must not be blank"),
        describe(problemsOf(() -> Worker.of(" ", "", Role.QUALIFIED, Contract.PERMANENT, 1, START))));
  }

  @Test
  void changesReturnNewWorkers() {
    Worker w = fte(0.8);
    assertNull(w.name());
    assertEquals("Hub-West", w.inTeam("Hub-West").teamId());
    assertEquals(Role.NEWLY_QUALIFIED, w.withRole(Role.NEWLY_QUALIFIED).role());
    assertEquals(0.5, w.withFte(0.5).fte());
    assertThrows(InvalidInputException.class, () -> w.withFte(0));
    assertEquals("Hub-East", w.teamId(), "unchanged");
    assertTrue(w.isAgency());
    assertFalse(w.withRole(Role.QUALIFIED).equals(w.inTeam("x")));
  }

  @Test
  void printsForPeople() {
    assertEquals("Worker[w17 qualified agency 0.8 FTE, team=Hub-East]", fte(0.8).toString());
    assertEquals("Worker[w1 newly qualified permanent 1 FTE, team=t]",
        Worker.of("w1", "t", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1, START).toString());
  }
}
