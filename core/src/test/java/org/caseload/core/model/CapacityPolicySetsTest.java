package org.caseload.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.caseload.core.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Protection sets of {@link CapacityPolicy} accept any set, including the JDK's immutable ones. */
class CapacityPolicySetsTest {

  @Test
  void immutableJdkSetsAreAccepted() {
    // Set.of(...).contains(null) throws NullPointerException; the policy must not ask it.
    assertEquals(Set.of(), CapacityPolicy.defaults().withQualifiedOnly(Set.of()).qualifiedOnly());
    assertEquals(Set.of(CaseCategory.CHILD_PROTECTION),
        CapacityPolicy.defaults().withNewlyQualifiedJointOnly(Set.of(CaseCategory.CHILD_PROTECTION), true)
            .newlyQualifiedJointOnly());
  }

  @Test
  void aNullCategoryIsStillRefusedByName() {
    Set<CaseCategory> withNull = new HashSet<>(Arrays.asList(CaseCategory.ASSESSMENT, null));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CapacityPolicy.defaults().withQualifiedOnly(withNull));
    assertEquals("qualifiedOnly must not contain null", e.errors().get(0).describe());
  }
}
