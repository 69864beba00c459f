package org.caseload.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {
  private static final String NL = System.lineSeparator();

  @Test
  void messageCountsErrorsAndWarningsAndListsEveryProblem() {
    List<Problem> problems = new ArrayList<>(List.of(Problem.error("fte", "must be in (0, 1] but was 1.4"),
        Problem.warning("start", "is late"), Problem.warning("x", "is odd").atLine(3)));
    InvalidInputException e = new InvalidInputException("worker", problems);
    assertEquals("worker is invalid: 1 error, 2 warnings" + NL
        + "  error: fte must be in (0, 1] but was 1.4" + NL
        + "  warning: start is late" + NL
        + "  warning (line 3): x is odd", e.getMessage());
    assertEquals("worker", e.what());
    assertEquals(List.of(problems.get(0)), e.errors());
    problems.clear();
    assertEquals(3, e.problems().size(), "a copy of the list");
    assertThrows(UnsupportedOperationException.class, () -> e.problems().clear());
  }

  @Test
  void pluralsAndNoWarnings() {
    InvalidInputException e = new InvalidInputException("team",
        List.of(Problem.error("id", "is required"), Problem.error("kind", "is required")));
    assertEquals("team is invalid: 2 errors" + NL + "  error: id is required" + NL + "  error: kind is required",
        e.getMessage());
  }

  @Test
  void isAnIllegalArgumentException() {
    assertEquals(IllegalArgumentException.class, InvalidInputException.class.getSuperclass());
  }
}
