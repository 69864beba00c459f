package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final LocalDate JAN1 = LocalDate.of(2020, 1, 1);
  private static final LocalDate JAN2 = LocalDate.of(2020, 1, 2);

  @Test
  void workerAndFromAreRequired() {
    assertEquals(List.of("error: worker is required", "error: from is required"),
        describe(problemsOf(() -> new Allocation(null, null, null))));
    assertEquals(List.of("error: worker must not be blank"), describe(problemsOf(() -> new Allocation(" ", JAN1, null))));
  }

  @Test
  void untilMustNotBeBeforeFrom() {
    assertEquals(List.of("error: until must not be before from (2020-01-02) but was 2020-01-01"),
        describe(problemsOf(() -> new Allocation("w1", JAN2, JAN1))));
    assertEquals(JAN1, new Allocation("w1", JAN1, JAN1).until(), "a spell may last one day");
  }

  @Test
  void currentUntilEnded() {
    Allocation a = new Allocation("w1", JAN1, null);
    assertTrue(a.isCurrent());
    assertFalse(a.endedOn(JAN2).isCurrent());
    assertEquals(new Allocation("w1", JAN1, JAN2), a.endedOn(JAN2));
    assertEquals("w1 2020-01-01..", a.toString());
    assertEquals("w1 2020-01-01..2020-01-02", a.endedOn(JAN2).toString());
  }
}
