package org.caseload.core.validation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void collectsErrorsAndWarningsInOrder() {
    Problems p = new Problems();
    p.warning("a", "is odd");
    assertFalse(p.hasErrors(), "warnings are not errors");
    assertDoesNotThrow(() -> p.throwIfErrors("thing"));
    p.check(true, "b", "never");
    p.check(false, "c", "must hold");
    assertTrue(p.required(1, "d"));
    assertFalse(p.required(null, "e"));
    p.requiredText(null, "f");
    p.requiredText(" \t", "g");
    p.requiredText("ok", "h");
    p.add(Problem.warning("i", "is late"));
    p.addAll(List.of(Problem.error("j", "is wrong")));
    assertTrue(p.hasErrors());
    assertEquals(List.of("warning: a is odd", "error: c must hold", "error: e is required", "error: f is required",
        "error: g must not be blank", "warning: i is late", "error: j is wrong"),
        p.all().stream().map(Problem::toString).toList());
    assertThrows(UnsupportedOperationException.class, () -> p.all().clear());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.throwIfErrors("thing"));
    assertEquals(p.all(), e.problems());
  }
}
