package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.caseload.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class AllocatorsTest {
  @Test
  void namesGiveTheirAllocators() {
    assertEquals("greedy", Allocators.named("greedy").name());
    assertEquals("optimising", Allocators.named("optimising").name());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Allocators.named("optimizing"));
    assertEquals("error: allocator must be one of greedy, optimising but was \"optimizing\"; did you mean \"optimising\"?",
        e.problems().get(0).toString());
  }
}
