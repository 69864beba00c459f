package org.caseload.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.core.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationFilesTest {
  private static final LocalDate AS_OF = LocalDate.of(2020, 1, 31);

  /** A small organisation using every field of the format. */
  static Organisation everyField() {
    CapacityPolicy orgPolicy = CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 16.5);
    CapacityPolicy cpPolicy = orgPolicy.withCategoryWeight(CaseCategory.CHILD_PROTECTION, 1.25)
        .withNewlyQualifiedJointOnly(java.util.EnumSet.of(CaseCategory.CHILD_PROTECTION, CaseCategory.LOOKED_AFTER),
            false);
    return Organisation.builder("Borough of \"Quotes\": Ünïcode", AS_OF)
        .capacityPolicy(orgPolicy)
        .add(new Service("cp", "Child protection", new CaseloadTarget(18, LocalDate.of(2021, 3, 31)), cpPolicy))
        .add(Service.of("cin", "Children in need"))
        .add(new Team("east", "East patch", "cp", TeamKind.LOCALITY, "East", "A. Manager", 8))
        .add(Team.of("hub", "cin", TeamKind.HUB, null))
        .add(new Worker("w1", "Sam: Senior", "east", Role.QUALIFIED, Contract.PERMANENT, 1.0, LocalDate.of(2015, 4, 1)))
        .add(Worker.of("w2", "east", Role.NEWLY_QUALIFIED, Contract.AGENCY, 0.8, LocalDate.of(2019, 9, 2)))
        .add(Worker.of("007", "hub", Role.UNQUALIFIED, Contract.PERMANENT, 0.5, LocalDate.of(2018, 1, 8)))
        .add(new Case("c1", "cp", CaseCategory.CHILD_PROTECTION, Complexity.HIGH, "f1", "East", true,
            LocalDate.of(2019, 5, 2), null,
            List.of(new Allocation("gone", LocalDate.of(2019, 5, 2), LocalDate.of(2019, 9, 2)),
                new Allocation("w2", LocalDate.of(2019, 9, 2), null)), "w1"))
        .add(new Case("c2", "cp", CaseCategory.CHILD_PROTECTION, Complexity.LOW, "f1", null, false,
            LocalDate.of(2019, 5, 2), null, List.of(new Allocation("w2", LocalDate.of(2019, 9, 2), null)), null))
        .add(Case.open("c3", "cin", CaseCategory.CHILD_IN_NEED, LocalDate.of(2020, 1, 6)))
        .add(new Case("c4", "cin", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false,
            LocalDate.of(2019, 1, 6), LocalDate.of(2019, 12, 20),
            List.of(new Allocation("007", LocalDate.of(2019, 1, 7), LocalDate.of(2019, 12, 20))), null))
        .build();
  }

  @Test
  void jsonAndYamlRoundTripEveryField() {
    Organisation o = everyField();
    assertEquals(o, OrganisationFiles.fromJson(OrganisationFiles.toJson(o)));
    assertEquals(o, OrganisationFiles.fromYaml(OrganisationFiles.toYaml(o)));
  }

  /**
   * Names with characters YAML treats as line breaks or escapes — the next-line character U+0085
   * (written plain, it read back as a space), line and paragraph separators, a tab, a bell — come
   * back as written.
   */
  @Test
  void yamlKeepsNamesWithLineBreakCharacters() {
    for (String name : List.of("\u0085", "North\u0085East", "a\u2028b", "x\u2029", "\tTab", "bell\u0007", "two\nlines")) {
      Organisation o = Organisation.builder(name, LocalDate.of(2025, 3, 31)).add(Service.of("s", name)).build();
      assertEquals(o, OrganisationFiles.fromYaml(OrganisationFiles.toYaml(o)),
          name.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
    }
  }

  @Test
  void saveAndLoadThroughFilesOfEachExtension(@TempDir Path dir) {
    Organisation o = everyField();
    for (String name : List.of("org.json", "org.yaml", "org.yml")) {
      Path file = dir.resolve(name);
      OrganisationFiles.save(o, file);
      assertEquals(o, OrganisationFiles.load(file), name);
    }
  }

  @Test
  void saveReplacesWholeFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("org.json");
    Files.writeString(file, "old content");
    OrganisationFiles.save(everyField(), file);
    assertEquals(everyField(), OrganisationFiles.load(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.collect(Collectors.toList()));
    }
  }

  @Test
  void saveIntoMissingFolderWritesNothingAndSaysWhy(@TempDir Path dir) {
    Path file = dir.resolve("missing/org.json");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrganisationFiles.save(everyField(), file));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("missing")));
  }

  @Test
  void unknownExtensionIsRefusedBeforeWriting(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("org.txt");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> OrganisationFiles.save(everyField(), file));
    assertTrue(e.getMessage().contains(".json, .yaml or .yml"), e.getMessage());
    assertFalse(Files.exists(file));
  }

  @Test
  void missingFileIsAClearProblem(@TempDir Path dir) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OrganisationFiles.load(dir.resolve("nope.yaml")));
    assertEquals("the file does not exist", e.problems().get(0).message());
  }

  @Test
  void writtenYamlIsTidy() {
    String yaml = OrganisationFiles.toYaml(everyField());
    assertTrue(yaml.startsWith("formatVersion: 1\nname: "), yaml);
    assertTrue(yaml.contains("category: child_protection"), yaml);
    assertTrue(yaml.contains("id: \"007\""), "numeric-looking ids stay text: " + yaml);
    assertFalse(yaml.contains("complexity: standard"), "defaults are left out: " + yaml);
  }

  @Test
  void policiesAreWrittenAsDifferencesAndReadOverTheirBase() {
    String yaml = String.join("\n",
        "formatVersion: 1",
        "name: x",
        "asOf: 2020-01-31",
        "capacityPolicy:",
        "  capacityPerFte: {qualified: 16}",
        "services:",
        "  - id: cp",
        "    capacityPolicy:",
        "      categoryWeights: {child protection: 1.5}",
        "");
    Organisation o = OrganisationFiles.fromYaml(yaml);
    CapacityPolicy expectedOrg = CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 16);
    assertEquals(expectedOrg, o.capacityPolicy());
    assertEquals(expectedOrg.withCategoryWeight(CaseCategory.CHILD_PROTECTION, 1.5), o.service("cp").capacityPolicy());
    String written = OrganisationFiles.toYaml(o);
    assertTrue(written.contains("capacityPerFte:\n    qualified: 16.0"), written);
    assertFalse(written.contains("newly_qualified"), written);
  }

  @Test
  void enumSpellingsAreForgivingAndNumericIdsAreText() {
    String yaml = String.join("\n",
        "formatVersion: 1",
        "name: x",
        "asOf: 2020-01-31",
        "services: [{id: 1}]",
        "teams:",
        "  - id: t",
        "    service: 1",
        "    kind: Peripatetic",
        "    workers:",
        "      - {id: 12, role: newly qualified, contract: AGENCY, fte: 1, start: 2019-09-01}",
        "      - {id: 13, role: newly-qualified, contract: permanent, fte: 0.5, start: 2019-09-01}",
        "");
    Organisation o = OrganisationFiles.fromYaml(yaml);
    assertEquals(Role.NEWLY_QUALIFIED, o.worker("12").role());
    assertEquals(Role.NEWLY_QUALIFIED, o.worker("13").role());
    assertEquals(TeamKind.PERIPATETIC, o.team("t").kind());
    assertEquals("1", o.team("t").serviceId());
  }

  // ------------------------------------------------------------------ validation messages

  private static List<String> problems(String yaml) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> OrganisationFiles.read(new StringReader(yaml), Format.YAML, "test.yaml"));
    return e.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }

  private static String org(String... lines) {
    return "formatVersion: 1\nname: Test\nasOf: 2020-01-31\n" + String.join("\n", lines) + "\n";
  }

  private static final String SERVICES = "services: [{id: cp}, {id: cin}]";

  @Test
  void outOfRangeFteNamesPathValueAndLine() {
    List<String> p = problems(org(SERVICES,
        "teams:",
        "  - id: t",
        "    service: cp",
        "    kind: locality",
        "    workers:",
        "      - {id: a, role: qualified, contract: permanent, fte: 1, start: 2019-01-01}",
        "      - {id: b, role: qualified, contract: permanent, fte: 1.4, start: 2019-01-01}",
        "      - {id: c, role: qualified, contract: permanent, fte: 0, start: 2019-01-01}",
        "      - {id: d, role: qualified, contract: permanent, start: 2019-01-01}"));
    assertEquals(List.of(
        "error (line 11): teams[0].workers[1].fte must be in (0, 1] but was 1.4",
        "error (line 12): teams[0].workers[2].fte must be in (0, 1] but was 0.0",
        "error (line 13): teams[0].workers[3].fte is required"), p);
  }

  @Test
  void negativeWeightsAndNonPositiveCapacity() {
    List<String> p = problems(org(
        "capacityPolicy:",
        "  categoryWeights: {looked_after: -1}",
        "  complexityMultipliers: {hgh: 2}",
        "  capacityPerFte: {unqualified: 0}",
        "  qualifiedOnly: [assessment, nonsense]"));
    assertEquals(List.of(
        "error (line 5): capacityPolicy.complexityMultipliers.hgh must be one of low, standard, high but was \"hgh\"; "
            + "did you mean \"high\"?",
        "error (line 5): capacityPolicy.qualifiedOnly[1] must be one of assessment, child_in_need, child_protection, "
            + "looked_after, care_leaver but was \"nonsense\"",
        "error (line 5): capacityPolicy.categoryWeights.LOOKED_AFTER must be a number at least 0 but was -1.0",
        "error (line 5): capacityPolicy.capacityPerFte.UNQUALIFIED must be a positive number but was 0.0"), p);
  }

  @Test
  void duplicateIdsPointAtTheFirstUse() {
    List<String> p = problems(org("services: [{id: cp}, {id: cp}]",
        "teams:",
        "  - {id: t, service: cp, kind: hub, workers: [{id: a, role: qualified, contract: agency, fte: 1, start: 2019-01-01}]}",
        "  - {id: t, service: cp, kind: hub, workers: [{id: a, role: qualified, contract: agency, fte: 1, start: 2019-01-01}]}",
        "cases:",
        "  - {id: c, service: cp, category: child_in_need, opened: 2019-01-01}",
        "  - {id: c, service: cp, category: child_in_need, opened: 2019-01-01}"));
    assertTrue(p.contains("error (line 4): services[1].id \"cp\" is already used by services[0]"), p.toString());
    assertTrue(p.contains("error (line 7): teams[1].id \"t\" is already used by teams[0]"), p.toString());
    assertTrue(p.contains("error: workers[\"a\"].id \"a\" is already used by workers[\"a\"]"), p.toString());
    assertTrue(p.contains("error (line 10): cases[1].id \"c\" is already used by cases[0]"), p.toString());
  }

  @Test
  void unknownReferencesSuggestTheClosestId() {
    List<String> p = problems(org(SERVICES,
        "teams:",
        "  - {id: t, service: cpp, kind: hub, workers: [{id: anna, role: qualified, contract: agency, fte: 1, start: 2019-01-01}]}",
        "cases:",
        "  - {id: c, service: cn, category: child_in_need, opened: 2019-01-01, history: [{worker: ana, from: 2019-01-01}]}",
        "  - {id: d, service: cin, category: child_in_need, opened: 2019-01-01, jointWorker: bob}"));
    assertEquals(List.of(
        "error (line 6): teams[0].service refers to unknown service \"cpp\"; did you mean \"cp\"?",
        "error (line 8): cases[0].service refers to unknown service \"cn\"; did you mean \"cin\"?",
        "error (line 8): cases[0].history[0].worker refers to unknown worker \"ana\"; did you mean \"anna\"? "
            + "(the current holder must be a worker of the organisation)",
        "error (line 9): cases[1].jointWorker refers to unknown worker \"bob\"; known: anna"), p);
  }

  @Test
  void datesInTheWrongOrder() {
    List<String> p = problems(org(SERVICES,
        "cases:",
        "  - {id: a, service: cin, category: child_in_need, opened: 2019-05-01, closed: 2019-04-01}",
        "  - id: b",
        "    service: cin",
        "    category: child_in_need",
        "    opened: 2019-05-01",
        "    history:",
        "      - {worker: x, from: 2019-04-01, until: 2019-06-01}",
        "      - {worker: y, from: 2019-07-01, until: 2019-06-20}",
        "  - {id: c, service: cin, category: child_in_need, opened: 2019-05-32}"));
    assertEquals(List.of(
        "error (line 6): cases[0].closed must not be before opened (2019-05-01) but was 2019-04-01",
        "error (line 7): cases[1].history[1].until must not be before from (2019-07-01) but was 2019-06-20",
        "error (line 14): cases[2].opened must be a date written yyyy-mm-dd but was \"2019-05-32\""), p);
    List<String> q = problems(org(SERVICES,
        "cases:",
        "  - id: b",
        "    service: cin",
        "    category: child_in_need",
        "    opened: 2019-05-01",
        "    history: [{worker: x, from: 2019-04-01, until: 2019-06-01}]"));
    assertEquals(List.of("error (line 6): cases[0].history[0].from must not be before opened (2019-05-01) "
        + "but was 2019-04-01"), q);
  }

  @Test
  void unknownFieldsAtEveryLevelWithSuggestions() {
    List<String> p = problems(org("sevices: []",
        "services: [{id: cp, targt: {maxPerFte: 18, by: 2021-03-31}}]",
        "teams:",
        "  - {id: t, service: cp, kind: hub, workers: [{id: a, role: qualified, contract: agency, fteRatio: 1, start: 2019-01-01}]}"));
    assertTrue(p.contains("error (line 4): sevices is not a known field; did you mean \"services\"?"), p.toString());
    assertTrue(p.contains("error (line 5): services[0].targt is not a known field; did you mean \"target\"?"),
        p.toString());
    assertTrue(p.contains("error (line 7): teams[0].workers[0].fteRatio is not a known field; did you mean \"fte\"?"),
        p.toString());
  }

  @Test
  void wrongTypesAndMissingFields() {
    List<String> p = problems("formatVersion: 1\nname: [a]\nservices: {id: cp}\n");
    assertEquals(List.of(
        "error: asOf is required",
        "error (line 2): name must be text but was a list",
        "error (line 3): services must be a list but was an object"), p);
  }

  @Test
  void formatVersionIsRequiredAndNewerVersionsAreRefused() {
    assertEquals(List.of("error: formatVersion is required (this version of Caseload reads and writes 1)"),
        problems("name: x\nasOf: 2020-01-01\n"));
    assertEquals(List.of("error (line 1): formatVersion must be 1 but was 2: the file was written by a newer Caseload"),
        problems("formatVersion: 2\nname: x\nasOf: 2020-01-01\n"));
  }

  @Test
  void malformedJsonAndYamlGiveLineAndColumn() {
    InvalidInputException json = assertThrows(InvalidInputException.class, () -> OrganisationFiles.fromJson(
        "{\"formatVersion\": 1,\n \"name\": \"x\",\n \"services\": [ {\"id\": \"a\"},, ]}"));
    assertTrue(json.problems().get(0).toString().startsWith("error (line 3): not valid JSON at line 3, column 28: "
        + "Unexpected character (',' (code 44)): expected a valid value"), json.problems().get(0).toString());
    InvalidInputException yaml = assertThrows(InvalidInputException.class, () -> OrganisationFiles.fromYaml(
        "formatVersion: 1\nservices:\n  - id: a\n   name: b\n"));
    assertEquals("error (line 4): not valid YAML at line 4, column 4: while parsing a block collection: "
        + "expected <block end>, but found '<block mapping start>'", yaml.problems().get(0).toString());
    InvalidInputException dup = assertThrows(InvalidInputException.class, () -> OrganisationFiles.fromJson(
        "{\"formatVersion\": 1, \"formatVersion\": 1}"));
    assertTrue(dup.getMessage().contains("Duplicate field 'formatVersion'"), dup.getMessage());
    assertEquals(List.of("error: the file is empty: an organisation file holds one mapping with formatVersion, "
        + "name, asOf, ..."), problems(""));
    assertEquals(List.of("error (line 1): the file must hold one mapping (with formatVersion, name, asOf, ...) "
        + "but starts with ["), problems("[1, 2]"));
  }

  @Test
  void siblingSplitIsAWarningWithItsLine() {
    OrganisationFiles.Loaded loaded = OrganisationFiles.read(new StringReader(org(SERVICES,
        "teams:",
        "  - {id: t, service: cin, kind: hub, workers: [{id: a, role: qualified, contract: agency, fte: 1, start: 2019-01-01},",
        "       {id: b, role: qualified, contract: agency, fte: 1, start: 2019-01-01}]}",
        "cases:",
        "  - {id: c1, service: cin, category: child_in_need, family: f, opened: 2019-01-01, history: [{worker: a, from: 2019-01-01}]}",
        "  - {id: c2, service: cin, category: child_in_need, family: f, opened: 2019-01-01, history: [{worker: b, from: 2019-01-01}]}")),
        Format.YAML, "test.yaml");
    assertEquals(1, loaded.warnings().size());
    Problem w = loaded.warnings().get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals(9, w.line());
    assertEquals("warning (line 9): cases[0].family \"f\" is split across 2 workers: a (c1), b (c2); "
        + "siblings are normally allocated to one worker", w.toString());
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    List<String> p = problems(org(SERVICES,
        "teams:",
        "  - {id: t, service: cp, kind: hubb, workers: [{id: a, role: qualifed, contract: agency, fte: 2, start: 2019-01-01}]}",
        "cases:",
        "  - {id: c, service: cin, category: child_in_ned, opened: 2019-01-01, history: [{worker: z, from: 2019-01-01}]}"));
    assertEquals(5, p.size(), p.toString());
  }
}
