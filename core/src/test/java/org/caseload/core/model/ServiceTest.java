package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceTest {
  private static final CaseloadTarget TARGET = new CaseloadTarget(18, LocalDate.of(2021, 3, 31));

  @Test
  void idIsRequiredAndNotBlank() {
    assertEquals(List.of("error: id is required"), describe(problemsOf(() -> Service.of(null, "x"))));
    assertEquals(List.of("error: id must not be blank"), describe(problemsOf(() -> Service.of("\t", "x"))));
  }

  @Test
  void nameDefaultsToTheId() {
    assertEquals("cp", Service.of("cp", null).name());
    assertEquals("cp", Service.of("cp", " ").name());
  }

  @Test
  void targetAndPolicyAreOptional() {
    Service s = Service.of("cp", "Child protection");
    assertNull(s.target());
    assertNull(s.capacityPolicy());
    assertEquals(Optional.empty(), s.targetIfAny());
    Service t = s.withTarget(TARGET).withCapacityPolicy(CapacityPolicy.defaults());
    assertEquals(Optional.of(TARGET), t.targetIfAny());
    assertEquals(CapacityPolicy.defaults(), t.capacityPolicy());
    assertNull(t.withCapacityPolicy(null).capacityPolicy());
    assertNull(s.target(), "unchanged");
  }

  @Test
  void printsForPeople() {
    assertEquals("Service[cp \"Child protection\", target at most 18 per FTE by 2021-03-31, own capacity policy]",
        Service.of("cp", "Child protection").withTarget(TARGET).withCapacityPolicy(CapacityPolicy.defaults())
            .toString());
    assertEquals("Service[cp]", Service.of("cp", null).toString());
    assertTrue(Service.of("cp", "x").equals(new Service("cp", "x", null, null)));
  }
}
