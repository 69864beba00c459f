package org.caseload.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheClosestCandidateWithinAThirdOfTheLongerName() {
    List<String> fields = List.of("fte", "team", "role", "contract", "start");
    assertEquals(Optional.of("fte"), Suggestions.closest("ftee", fields));
    assertEquals(Optional.of("contract"), Suggestions.closest("contrcat", fields), "a transposition is one edit");
    assertEquals(Optional.of("contract"), Suggestions.closest("kontrakt", fields), "2 edits in 8 letters");
    assertEquals(Optional.of("fte"), Suggestions.closest("fteRatio", fields), "a known name that starts it");
    assertEquals(Optional.of("contract"), Suggestions.closest("contr", fields), "a start of a known name");
    assertEquals(Optional.empty(), Suggestions.closest("fteRatioX", List.of("ft")), "prefixes need 3 letters");
    assertEquals(Optional.empty(), Suggestions.closest("salary", fields));
  }

  @Test
  void ignoresCaseButReturnsTheCandidateAsSpelt() {
    assertEquals(Optional.of("Hub-East"), Suggestions.closest("hub-east", List.of("Hub-West", "Hub-East")));
    assertEquals(Optional.of("fte"), Suggestions.closest("FTE", List.of("fte")));
  }

  @Test
  void tiesGoToTheEarliestCandidateAndShortNamesNeedAnExactMatch() {
    assertEquals(Optional.of("w10"), Suggestions.closest("w19", List.of("w10", "w11")));
    assertEquals(Optional.empty(), Suggestions.closest("t3", List.of("t1", "t2")), "t1 is no likely misspelling of t3");
    assertEquals(Optional.empty(), Suggestions.closest("a", List.of("b")));
    assertEquals(Optional.of("T1"), Suggestions.closest("t1", List.of("T1")));
    assertEquals(Optional.empty(), Suggestions.closest("ab", List.of("cd")));
    assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
  }

  @Test
  void exactMatchIsTheClosest() {
    assertEquals(Optional.of("alice"), Suggestions.closest("alice", List.of("alicia", "alice")));
  }

  @Test
  void didYouMeanIsASuffixOrNothing() {
    assertEquals("; did you mean \"fte\"?", Suggestions.didYouMean("ftee", List.of("fte")));
    assertEquals("", Suggestions.didYouMean("salary", List.of("fte")));
  }

  @Test
  void distanceCountsInsertionsDeletionsSubstitutionsAndTranspositions() {
    assertEquals(0, Suggestions.distance("", ""));
    assertEquals(3, Suggestions.distance("", "abc"));
    assertEquals(3, Suggestions.distance("abc", ""));
    assertEquals(1, Suggestions.distance("abc", "abd"));
    assertEquals(1, Suggestions.distance("abc", "acb"));
    assertEquals(1, Suggestions.distance("abc", "abcd"));
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
  }
}
