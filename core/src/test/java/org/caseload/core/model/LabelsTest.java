package org.caseload.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The words the enums print in tables and reports. */
class LabelsTest {

  private static List<String> labels(Object[] values, java.util.function.Function<Object, String> label) {
    return Arrays.stream(values).map(label).collect(Collectors.toList());
  }

  @Test
  void enumsPrintAsLowerCaseWords() {
    assertEquals(List.of("qualified", "newly qualified", "unqualified"),
        labels(Role.values(), r -> ((Role) r).label()));
    assertEquals(List.of("permanent", "agency"), labels(Contract.values(), c -> ((Contract) c).label()));
    assertEquals(List.of("locality", "hub", "peripatetic"), labels(TeamKind.values(), k -> ((TeamKind) k).label()));
    assertEquals(List.of("low", "standard", "high"), labels(Complexity.values(), c -> ((Complexity) c).label()));
    assertEquals(List.of("assessment", "child in need", "child protection", "looked after", "care leaver"),
        labels(CaseCategory.values(), c -> ((CaseCategory) c).label()));
  }

  @Test
  void breachesDescribeThemselves() {
    assertEquals("unqualified worker holds a statutory case",
        ProtectionBreach.UNQUALIFIED_HOLDS_STATUTORY_CASE.description());
    assertEquals("newly qualified worker holds a child protection or court case alone",
        ProtectionBreach.NEWLY_QUALIFIED_HOLDS_CASE_ALONE.description());
  }

  @Test
  void departureCopiesItsLists() {
    java.util.ArrayList<Worker> leavers = new java.util.ArrayList<>();
    Departure d = new Departure(org.caseload.core.Fixtures.minimal(), leavers, List.of());
    leavers.add(org.caseload.core.Fixtures.qualified("x", "t1"));
    assertEquals(List.of(), d.leavers());
    assertEquals("Departure[0 workers left, 0 cases unallocated]", d.toString());
  }
}
