package org.caseload.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Regression: immutable sets ({@code Set.of}) are accepted for the protection sets. */
class CapacityPolicySetArgumentsTest {

  @Test
  void acceptsImmutableSets() {
    CapacityPolicy p = CapacityPolicy.defaults()
        .withQualifiedOnly(Set.of(CaseCategory.CHILD_PROTECTION))
        .withNewlyQualifiedJointOnly(Set.of(), false);
    assertEquals(Set.of(CaseCategory.CHILD_PROTECTION), p.qualifiedOnly());
    assertEquals(Set.of(), p.newlyQualifiedJointOnly());
  }
}
