package org.caseload.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseload.core.model.Contract;
import org.caseload.core.validation.Problem;
import org.junit.jupiter.api.Test;

/** The toolkit other file formats read with: lines of every field, enum-keyed mappings, version checks. */
class FieldsTest {
  private final Sink sink = new Sink();

  private JsonNode tree(String yaml) throws IOException {
    try (JsonParser p = Mappers.of(Format.YAML).createParser(yaml)) {
      p.nextToken();
      return Mappers.readTree(p, "", sink);
    }
  }

  private List<String> problems() {
    return sink.all().stream().map(Problem::toString).collect(Collectors.toList());
  }

  @Test
  void everyNestedFieldAndListItemHasItsLine() throws IOException {
    JsonNode root = tree("a:\n  b:\n    - x\n    - {c: 1,\n       d: true}\n");
    assertEquals(1, sink.lineOf("a"));
    assertEquals(2, sink.lineOf("a.b"));
    assertEquals(3, sink.lineOf("a.b[0]"));
    assertEquals(4, sink.lineOf("a.b[1].c"));
    assertEquals(5, sink.lineOf("a.b[1].d"));
    Fields d = Fields.of(root.get("a").get("b").get(1), "a.b[1]", 0, sink);
    assertNull(d.integer("d"));
    assertEquals(List.of("error (line 5): a.b[1].d must be a whole number but was true"), problems());
  }

  @Test
  void enumKeyedMappingsRefuseUnknownAndRepeatedKeys() throws IOException {
    Fields f = Fields.of(tree("permanent: 1\nAgency: 2\nagency: 3\npermanant: 4\n"), "", 0, sink);
    Map<Contract, String> keys = f.keys(Contract.class);
    assertEquals(Map.of(Contract.PERMANENT, "permanent", Contract.AGENCY, "Agency"), keys);
    assertEquals(List.of(
        "error (line 3): agency names agency again (as \"Agency\" before)",
        "error (line 4): permanant must be one of permanent, agency but was \"permanant\"; did you mean \"permanent\"?"),
        problems());
  }

  @Test
  void formatVersionsAreCheckedOneWay() throws IOException {
    Fields.of(tree("formatVersion: 3\n"), "", 0, sink).formatVersion(1);
    Fields.of(tree("other: 1\n"), "part", 0, sink).formatVersion(1);
    assertEquals(List.of(
        "error: part.formatVersion is required (this version of Caseload reads and writes 1)",
        "error (line 1): formatVersion must be 1 but was 3: the file was written by a newer Caseload"), problems());
  }
}
