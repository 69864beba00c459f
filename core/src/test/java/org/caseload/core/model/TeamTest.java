package org.caseload.core.model;

import static org.caseload.core.Fixtures.describe;
import static org.caseload.core.Fixtures.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeamTest {

  @Test
  void everyFieldRuleIsReportedAtOnce() {
    assertEquals(List.of("error: id is required", "error: service is required", "error: kind is required",
        "error: spanOfControl must be a whole number of workers, at least 0 (0 = not set), but was -1"),
        describe(problemsOf(() -> new Team(null, "n", null, null, null, null, -1))));
    assertEquals(List.of("error: id must not be blank", "error: service must not be blank"),
        describe(problemsOf(() -> new Team("", "n", " ", TeamKind.HUB, null, null, 0))));
  }

  @Test
  void nameDefaultsToTheId() {
    assertEquals("t1", new Team("t1", null, "cin", TeamKind.HUB, null, null, 0).name());
    assertEquals("t1", new Team("t1", "  ", "cin", TeamKind.HUB, null, null, 0).name());
    assertEquals("t1", Team.of("t1", "cin", TeamKind.LOCALITY, "North").name());
    assertEquals("Hub", new Team("t1", "Hub", "cin", TeamKind.HUB, null, null, 0).name());
  }

  @Test
  void ofSetsNoManagerNorSpan() {
    Team t = Team.of("t1", "cin", TeamKind.LOCALITY, "North");
    assertEquals(new Team("t1", "t1", "cin", TeamKind.LOCALITY, "North", null, 0), t);
    assertEquals("cp", t.inService("cp").serviceId());
    assertEquals("cin", t.serviceId());
  }

  @Test
  void printsForPeople() {
    assertEquals("Team[North CIN locality North, service=cin, manager=Ruth]",
        new Team("t1", "North CIN", "cin", TeamKind.LOCALITY, "North", "Ruth", 8).toString());
    assertEquals("Team[t2 peripatetic, service=cp]", Team.of("t2", "cp", TeamKind.PERIPATETIC, null).toString());
  }
}
