package org.caseload.simulation.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.io.AllocationPolicyFiles;
import org.caseload.core.io.Format;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.model.TeamKind;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {

  /** An organisation on Friday 31 January 2020: services cp and cin, teams east and peripatetic. */
  private static final String ORGANISATION = String.join("\n",
      "formatVersion: 1",
      "name: Small Borough",
      "asOf: 2020-01-31",
      "services:",
      "  - {id: cp, target: {maxPerFte: 18, by: 2021-03-31}}",
      "  - {id: cin}",
      "teams:",
      "  - id: east",
      "    service: cp",
      "    kind: locality",
      "    workers:",
      "      - {id: w1, role: qualified, contract: permanent, fte: 1, start: 2016-04-01}",
      "  - id: peripatetic",
      "    service: cp",
      "    kind: peripatetic",
      "    workers:",
      "      - {id: w2, role: qualified, contract: agency, fte: 1, start: 2019-04-01}",
      "");

  /** The lines of a scenario before its organisation; line numbers below count from here. */
  private static final List<String> HEAD = List.of(
      "formatVersion: 1",                                              // 1
      "name: Test",                                                    // 2
      "horizonWeeks: 20",                                              // 3
      "demand:",                                                       // 4
      "  referrals: {kind: constant, perWeek: 3}",                     // 5
      "  pathway:",                                                    // 6
      "    noFurtherAction: 0.1",                                      // 7
      "    entry: child_in_need",                                      // 8
      "    rereferral: 0.2",                                           // 9
      "    rereferralDelay: {kind: fixed, weeks: 4}",                  // 10
      "    stages:",                                                   // 11
      "      child_in_need:",                                          // 12
      "        service: cin",                                          // 13
      "        duration: {kind: exponential, meanWeeks: 20}",          // 14
      "        exits:",                                                // 15
      "          - {next: close, probability: 0.9}",                   // 16
      "          - {next: child_protection, probability: 0.1}",        // 17
      "      child_protection:",                                       // 18
      "        service: cp",                                           // 19
      "        duration: child_protection_plans_2025",                 // 20
      "        exits: [{next: close, probability: 1}]");               // 21

  /** A scenario: {@link #HEAD}, then {@code more} lines from line 22, then the organisation embedded. */
  private static String scenario(String... more) {
    StringBuilder sb = new StringBuilder();
    HEAD.forEach(l -> sb.append(l).append('\n'));
    for (String l : more) {
      sb.append(l).append('\n');
    }
    sb.append("organisation:\n");
    for (String l : ORGANISATION.split("\n")) {
      sb.append("  ").append(l).append('\n');
    }
    return sb.toString();
  }

  private static List<String> problems(String yaml) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ScenarioFiles.read(new StringReader(yaml), Format.YAML, Path.of(""), "test.yaml"));
    return e.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }

  // ------------------------------------------------------------------ reading what is there

  @Test
  void aSmallFileGivesTheScenarioItDescribes() {
    Scenario s = ScenarioFiles.fromYaml(scenario(
        "restructures:",                                                       // 22
        "  - {kind: dissolve_team, week: 8, team: peripatetic}",               // 23
        "  - kind: create_team",
        "    week: 2020-03-27",
        "    team: {id: hub, service: cp, kind: hub, locality: North}",
        "    staffing: [{role: newly_qualified, contract: agency, fte: 1, count: 2}]",
        "  - {kind: release_agency, week: 2020-03-28}",
        "  - {kind: hire, week: 0, team: east, staffing: {role: qualified, contract: permanent, fte: 0.5, count: 1}}"));
    assertEquals("Test", s.name());
    assertEquals(20, s.horizonWeeks());
    assertEquals(new ReferralRate.Constant(3), s.demand().referrals());
    assertEquals(DurationDistribution.Bands.childProtectionPlans2025(),
        s.demand().pathway().stage(CaseCategory.CHILD_PROTECTION).duration());
    assertEquals(WorkforceModel.defaults(), s.workforce(), "left out: the defaults");
    assertEquals(CostModel.defaults(), s.costs());
    assertEquals(AllocationPolicy.defaults(), s.allocationPolicy());
    assertTrue(s.transferAtStageChange());
    assertEquals(Scenario.ProtectionPractice.KEEP, s.protectionPractice(), "protections kept unless the file says otherwise");
    assertEquals(List.of(
        new Restructure.Hire(0, "east", new Restructure.Staffing(Role.QUALIFIED, Contract.PERMANENT, 0.5, 1)),
        new Restructure.DissolveTeam(8, "peripatetic"),
        // 2020-03-27 is a Friday, 8 weeks after Friday 31 January: week 8
        new Restructure.CreateTeam(8, org.caseload.core.model.Team.of("hub", "cp", TeamKind.HUB, "North"),
            List.of(new Restructure.Staffing(Role.NEWLY_QUALIFIED, Contract.AGENCY, 1, 2))),
        // the Saturday after: the change waits for the next week, never happening before its date
        new Restructure.ReleaseAgency(9, null, -1, false)), s.restructures());
  }

  @Test
  void workforceCostsAndPolicySectionsOverrideOnlyWhatTheyName() {
    Scenario s = ScenarioFiles.fromYaml(scenario(
        "workforce:",
        "  leavingPerYear: {agency: {qualified: 6}}",
        "  noticeWeeks: {permanent: {kind: gamma, shape: 2, meanWeeks: 6}}",
        "  agencyAssignmentWeeks: {kind: log_normal, meanWeeks: 26, sdWeeks: 13}",
        "  cohorts: [{team: east, role: newly_qualified, contract: permanent, fte: 1, count: 2, firstWeek: 2020-09-04,"
            + " everyWeeks: 52}]",
        "costs:",
        "  perFtePerWeek: {agency: {unqualified: 900}}",
        "allocationPolicy: {transferCost: 2000}",
        "allocator: optimising",
        "allocationTiming: weekly meeting",
        "transferAtStageChange: false",
        "protectionPractice: breach rather than wait"));
    WorkforceModel d = WorkforceModel.defaults();
    assertEquals(new DurationDistribution.LogNormal(26, 13), s.workforce().agencyAssignmentWeeks());
    assertNull(d.agencyAssignmentWeeks(), "open-ended unless set");
    assertEquals("optimising", s.allocator());
    assertEquals(6, s.workforce().leavingPerYear().get(Contract.AGENCY).get(Role.QUALIFIED), 0);
    assertEquals(d.leavingPerYear().get(Contract.AGENCY).get(Role.UNQUALIFIED),
        s.workforce().leavingPerYear().get(Contract.AGENCY).get(Role.UNQUALIFIED));
    assertEquals(new DurationDistribution.Gamma(2, 6), s.workforce().noticeWeeks().get(Contract.PERMANENT));
    assertEquals(d.noticeWeeks().get(Contract.AGENCY), s.workforce().noticeWeeks().get(Contract.AGENCY));
    assertEquals(List.of(new WorkforceModel.Cohort("east", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1, 2, 31, 52)),
        s.workforce().cohorts(), "4 September 2020 is 31 weeks after 31 January");
    assertEquals(900, s.costs().perWeek(Contract.AGENCY, Role.UNQUALIFIED, 1), 0);
    assertEquals(CostModel.defaults().perWeek(Contract.AGENCY, Role.QUALIFIED, 1),
        s.costs().perWeek(Contract.AGENCY, Role.QUALIFIED, 1), 0);
    assertEquals(2000, s.allocationPolicy().transferCost(), 0);
    assertEquals(Scenario.AllocationTiming.WEEKLY_MEETING, s.allocationTiming());
    assertFalse(s.transferAtStageChange());
    assertEquals(Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT, s.protectionPractice());
  }

  @Test
  void anUnknownAllocatorIsNamedWithTheKnownOnes() {
    assertEquals(List.of("error (line 22): allocator must be one of greedy, optimising but was \"optimisng\"; did you mean"
        + " \"optimising\"?"), problems(scenario("allocator: optimisng")));
  }

  @Test
  void organisationAndPolicyFilesAreFoundBesideTheScenarioFile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("organisations"));
    Files.createDirectories(dir.resolve("scenarios/policies"));
    Files.writeString(dir.resolve("organisations/small.yaml"), ORGANISATION);
    AllocationPolicy policy = AllocationPolicy.defaults().withTransferCost(3000);
    AllocationPolicyFiles.save(policy, dir.resolve("scenarios/policies/p.json"));
    String referring = String.join("\n", HEAD) + "\norganisation: ../organisations/small.yaml\n"
        + "allocationPolicy: policies/p.json\n";
    Path file = dir.resolve("scenarios/s.yaml");
    Files.writeString(file, referring);
    Scenario s = ScenarioFiles.load(file);
    assertEquals(OrganisationFiles.fromYaml(ORGANISATION), s.organisation());
    assertEquals(policy, s.allocationPolicy());
    assertEquals(ScenarioFiles.fromYaml(scenario("allocationPolicy: {transferCost: 3000}")), s,
        "referring to files and embedding give the same scenario");
  }

  @Test
  void saveAndLoadThroughFilesOfEachExtensionLeavingNothingElse(@TempDir Path dir) throws IOException {
    Scenario s = ScenarioFiles.fromYaml(scenario("restructures: [{kind: dissolve_team, week: 8, team: peripatetic}]"));
    for (String name : List.of("s.json", "s.yaml", "s.yml")) {
      Path file = dir.resolve(name);
      Files.writeString(file, "old content");
      ScenarioFiles.save(s, file);
      assertEquals(s, ScenarioFiles.load(file), name);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(3, files.count(), "no temporary file is left");
    }
  }

  @Test
  void savingIntoAMissingFolderOrWithAnUnknownExtensionWritesNothing(@TempDir Path dir) {
    Scenario s = ScenarioFiles.fromYaml(scenario());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ScenarioFiles.save(s, dir.resolve("missing/s.yaml")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> ScenarioFiles.save(s, dir.resolve("s.txt")));
    assertTrue(e.getMessage().contains(".json, .yaml or .yml"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("s.txt")));
  }

  @Test
  void writtenYamlIsTidyAndNamesPublishedDistributions() {
    String yaml = ScenarioFiles.toYaml(ScenarioFiles.fromYaml(scenario()));
    assertTrue(yaml.startsWith("formatVersion: 1\nname: Test\nhorizonWeeks: 20\n"), yaml);
    assertTrue(yaml.contains("duration: child_protection_plans_2025"), yaml);
    assertTrue(yaml.contains("next: close"), yaml);
    assertTrue(yaml.contains("organisation:\n  formatVersion: 1\n  name: Small Borough"), yaml);
  }

  // ------------------------------------------------------------------ problems, each with path, value and line

  @Test
  void unknownFieldsGetTheClosestKnownName() {
    assertEquals(List.of(
        "error (line 3): horizonWeek is not a known field; did you mean \"horizonWeeks\"?",
        "error (line 12): demand.pathway.stages.child_in_need.duration is required: how long a case stays at this stage",
        "error (line 14): demand.pathway.stages.child_in_need.duraton is not a known field; did you mean \"duration\"?",
        "error (line 23): restructures[0].teem is not a known field; did you mean \"team\"?",
        "error (line 23): restructures[0].team is required"),
        problems(scenario("restructures:", "  - {kind: dissolve_team, week: 8, teem: peripatetic}")
            .replace("horizonWeeks: 20", "horizonWeek: 20")
            .replace("        duration: {kind: exponential", "        duraton: {kind: exponential")));
  }

  @Test
  void wrongTypesNameTheFieldTheValueAndTheLine() {
    assertEquals(List.of(
        "error (line 3): horizonWeeks must be a whole number but was \"soon\"",
        "error (line 5): demand.referrals.perWeek must be a number but was \"many\"",
        "error (line 22): transferAtStageChange must be true or false but was \"sometimes\"",
        "error (line 23): restructures[0].week must be a week from 0 or a date yyyy-mm-dd but was \"next spring\""),
        problems(scenario("transferAtStageChange: sometimes",
            "restructures: [{kind: dissolve_team, week: next spring, team: peripatetic}]")
            .replace("horizonWeeks: 20", "horizonWeeks: soon")
            .replace("perWeek: 3", "perWeek: many")));
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    String noDemand = scenario().replaceAll("(?s)demand:.*?(?=organisation:)", "");
    assertEquals(List.of("error: demand is required: referrals and their pathway"), problems(noDemand));
    assertEquals(List.of(
        "error: formatVersion is required (this version of Caseload reads and writes 1)",
        "error (line 11): demand.pathway.stages.child_in_need.exits is required: a list of exits",
        "error (line 18): restructures[0].staffing.count is required"),
        problems(scenario("restructures: [{kind: hire, week: 1, team: east, staffing: {role: qualified, contract: agency,"
            + " fte: 1}}]").replace("formatVersion: 1\nname: Test", "name: Test")
            .replace("        exits:\n          - {next: close, probability: 0.9}\n"
                + "          - {next: child_protection, probability: 0.1}\n", "")));
  }

  @Test
  void invalidValuesNameTheFieldPathTheValueAndTheRule() {
    assertEquals(List.of(
        "error (line 10): demand.pathway.rereferralDelay.weeks must be a positive number of weeks but was -4.0",
        "error (line 16): demand.pathway.stages.child_in_need.exits[0].probability must be in [0, 1] but was 1.5",
        "error (line 22): restructures[0].staffing.fte must be in (0, 1] but was 1.4"),
        problems(scenario("restructures: [{kind: hire, week: 1, team: east, staffing: {role: qualified,"
            + " contract: agency, fte: 1.4, count: 1}}]")
            .replace("weeks: 4}", "weeks: -4}").replace("probability: 0.9}", "probability: 1.5}")));
  }

  @Test
  void exitsThatDoNotSumToOneAreReportedForTheStage() {
    assertEquals(List.of("error (line 15): demand.pathway.stages.child_in_need.exits probabilities must sum to 1 but sum"
        + " to 0.8"), problems(scenario().replace("probability: 0.9}", "probability: 0.7}")));
  }

  @Test
  void misspeltKindsAndNamesGetSuggestions() {
    assertEquals(List.of(
        "error (line 5): demand.referrals.kind must be one of constant, trend, seasonal, series but was \"constnt\"; did"
            + " you mean \"constant\"?",
        "error (line 14): demand.pathway.stages.child_in_need.duration.kind must be one of fixed, exponential, log_normal,"
            + " gamma, bands but was \"exponental\"; did you mean \"exponential\"?",
        "error (line 17): demand.pathway.stages.child_in_need.exits[1].next must be one of assessment, child_in_need,"
            + " child_protection, looked_after, care_leaver, close but was \"closed\"; did you mean \"close\"?",
        "error (line 20): demand.pathway.stages.child_protection.duration must be the name of a published distribution"
            + " (child_protection_plans_2025) or a mapping with a kind (fixed, exponential, log_normal, gamma, bands) but"
            + " was \"child_protection_plans_2024\"; did you mean \"child_protection_plans_2025\"?",
        "error (line 22): restructures[0].kind must be one of dissolve_team, create_team, move_worker, release_agency,"
            + " hire but was \"dissolve\"; did you mean \"dissolve_team\"?"),
        problems(scenario("restructures: [{kind: dissolve, week: 8, team: peripatetic}]")
            .replace("kind: constant", "kind: constnt").replace("kind: exponential", "kind: exponental")
            .replace("{next: child_protection, probability: 0.1}", "{next: closed, probability: 0.1}")
            .replace("plans_2025", "plans_2024")));
  }

  @Test
  void aRestructureNamingATeamThatDoesNotExistThenIsRefused() {
    assertEquals(List.of(
        "error (line 23): restructures[0].team refers to team \"peripatetc\", which does not exist in week 8; did you"
            + " mean \"peripatetic\"?",
        "error (line 24): restructures[1].team refers to team \"east\", which does not exist in week 10",
        "error (line 25): restructures[2].worker refers to unknown worker \"w9\"",
        "error (line 25): restructures[2].toTeam refers to team \"west\", which does not exist in week 10"),
        problems(scenario("restructures:",
            "  - {kind: dissolve_team, week: 8, team: peripatetc}",
            "  - {kind: hire, week: 10, team: east, staffing: {role: qualified, contract: agency, fte: 1, count: 1}}",
            "  - {kind: move_worker, week: 10, worker: w9, toTeam: west}",
            "  - {kind: dissolve_team, week: 2020-02-28, team: east}")));
  }

  @Test
  void aDateBeforeTheOrganisationsAsOfIsRefused() {
    assertEquals(List.of("error (line 22): restructures[0].week must be on or after the organisation's asOf (2020-01-31)"
        + " but was 2020-01-30"),
        problems(scenario("restructures: [{kind: dissolve_team, week: 2020-01-30, team: east}]")));
  }

  @Test
  void stagesAtServicesThatDoNotExistAreNamed() {
    assertEquals(List.of("error (line 19): demand.pathway.stages.child_protection.service refers to unknown service"
        + " \"cpp\"; did you mean \"cp\"?"), problems(scenario().replace("service: cp\n        duration",
            "service: cpp\n        duration")));
  }

  @Test
  void problemsInAnEmbeddedOrganisationAreReportedUnderItsPathAtTheirLines() {
    assertEquals(List.of("error (line 34): organisation.teams[0].workers[0].fte must be in (0, 1] but was 1.4"),
        problems(scenario().replace("contract: permanent, fte: 1,", "contract: permanent, fte: 1.4,")));
  }

  @Test
  void aReferenceToAMissingFileSaysWhereItLooked(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, String.join("\n", HEAD) + "\norganisation: orgs/missing.yaml\nallocationPolicy: p.yaml\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioFiles.load(file));
    assertEquals(List.of(
        "error (line 22): organisation refers to \"orgs/missing.yaml\", but there is no file "
            + dir.resolve("orgs/missing.yaml").toAbsolutePath()
            + " (a relative path is resolved against the scenario file's folder)",
        "error (line 23): allocationPolicy refers to \"p.yaml\", but there is no file " + dir.resolve("p.yaml")
            + " (a relative path is resolved against the scenario file's folder)"),
        e.problems().stream().map(Problem::toString).collect(Collectors.toList()));
    assertTrue(e.getMessage().startsWith("scenario file " + file + " is invalid: 2 errors"), e.getMessage());
  }

  @Test
  void anInvalidReferencedFileHasItsOwnProblemsListed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("org.yaml"), ORGANISATION.replace("kind: locality", "kind: localty"));
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, String.join("\n", HEAD) + "\norganisation: org.yaml\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScenarioFiles.load(file));
    assertEquals(List.of("error (line 22): organisation refers to \"org.yaml\", which is invalid:\n"
        + "    error (line 8): teams[0].kind must be one of locality, hub, peripatetic but was \"localty\"; did you mean"
        + " \"locality\"?"), e.problems().stream().map(Problem::toString).collect(Collectors.toList()));
  }

  @Test
  void anOrganisationThatIsNeitherAMappingNorAPathIsRefused() {
    String noOrganisation = String.join("\n", HEAD) + "\n";
    assertEquals(List.of("error: organisation is required: the organisation itself (a mapping in the organisation file"
        + " layout) or the path of an organisation file, relative to this file's folder"), problems(noOrganisation));
    assertEquals(List.of("error (line 22): organisation must be the organisation itself (a mapping in the organisation"
        + " file layout) or the path of an organisation file, relative to this file's folder but was a list"),
        problems(noOrganisation + "organisation: [a, b]\n"));
  }

  @Test
  void malformedTextGivesLineAndColumn() {
    List<String> p = problems(scenario("restructures: [{kind: hire, week: 1"));
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("error (line 2"), p.toString());
    assertTrue(p.get(0).contains("not valid YAML at line"), p.toString());
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
    List<String> p = problems(scenario("horizonWeeks: 0", "restructures: [{kind: dissolve_team, week: -1, team: east}]")
        .replace("horizonWeeks: 20\n", "").replace("perWeek: 3", "perWeek: -3"));
    assertEquals(List.of(
        "error (line 4): demand.referrals.perWeek must be a number of referrals per week at least 0 but was -3.0",
        "error (line 21): horizonWeeks must be at least 1 week but was 0",
        "error (line 22): restructures[0].week must be at least 0 but was -1"), p);
  }

  @Test
  void emptyOrNewerFilesSaySo() {
    assertEquals(List.of("error: the file is empty: a scenario file holds one mapping with formatVersion, organisation,"
        + " demand, ..."), problems(""));
    assertEquals(List.of("error (line 1): formatVersion must be 1 but was 2: the file was written by a newer Caseload"),
        problems(scenario().replace("formatVersion: 1\nname", "formatVersion: 2\nname")));
  }
}
