package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CaseloadTargetTest {
  private static final LocalDate BY = LocalDate.of(2021, 3, 31);

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void maxPerFteMustBeAFinitePositiveNumber(double max) {
    assertEquals(List.of("error: maxPerFte must be a positive number of weighted cases per FTE but was " + max),
        describe(problemsOf(() -> new CaseloadTarget(max, BY))));
  }

  @Test
  void byIsRequiredAndAllProblemsComeTogether() {
    assertEquals(List.of("error: maxPerFte must be a positive number of weighted cases per FTE but was 0.0",
        "error: by is required"), describe(problemsOf(() -> new CaseloadTarget(0, null))));
  }

  @Test
  void printsForPeople() {
    assertEquals("at most 18 per FTE by 2021-03-31", new CaseloadTarget(18, BY).toString());
    assertEquals("at most 16.25 per FTE by 2021-03-31", new CaseloadTarget(16.25, BY).toString());
    assertEquals("at most 0.33 per FTE by 2021-03-31", new CaseloadTarget(1 / 3.0, BY).toString());
  }
}
