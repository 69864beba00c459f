package org.caseload.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void readsAsASentence() {
    Problem p = Problem.error("teams[3].workers[2].fte", "must be in (0, 1] but was 1.4");
    assertEquals("teams[3].workers[2].fte must be in (0, 1] but was 1.4", p.describe());
    assertEquals("error: teams[3].workers[2].fte must be in (0, 1] but was 1.4", p.toString());
    assertEquals("warning (line 7): x is odd", Problem.warning("x", "is odd").atLine(7).toString());
    assertEquals("is odd", Problem.warning("", "is odd").describe());
    assertTrue(p.isError());
    assertFalse(Problem.warning("x", "y").isError());
  }

  @Test
  void underPutsAPrefixBeforeThePath() {
    assertEquals("teams[3].workers[2].fte", Problem.error("fte", "m").under("teams[3].workers[2]").path());
    assertEquals("teams[3]", Problem.error("", "m").under("teams[3]").path());
    assertEquals("teams[3]", Problem.error("[3]", "m").under("teams").path());
    Problem p = Problem.error("fte", "m").atLine(4);
    assertSame(p, p.under(""));
    assertEquals(4, p.under("a").line(), "keeps its line");
    assertEquals(Severity.ERROR, p.under("a").severity());
  }

  @Test
  void refusesNullsAndNegativeLines() {
    assertThrows(NullPointerException.class, () -> new Problem(null, "p", "m", 0));
    assertThrows(NullPointerException.class, () -> new Problem(Severity.ERROR, null, "m", 0));
    assertThrows(NullPointerException.class, () -> new Problem(Severity.ERROR, "p", null, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Problem(Severity.ERROR, "p", "m", -1));
    assertEquals("line must be >= 0 but was -1", e.getMessage());
  }

  @Test
  void severityPrintsInLowerCase() {
    assertEquals("error", Severity.ERROR.toString());
    assertEquals("warning", Severity.WARNING.toString());
  }
}
