package org.caseload.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.TeamKind;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationPolicyFilesTest {
  private static final AllocationPolicy CUSTOM = new AllocationPolicy(
      java.util.Map.of(CaseCategory.CHILD_PROTECTION, 9e6, CaseCategory.LOOKED_AFTER, 8e5, CaseCategory.ASSESSMENT, 6e5,
          CaseCategory.CHILD_IN_NEED, 4.5e5, CaseCategory.CARE_LEAVER, 1.0),
      250.5, 0, 3.25, 0.1, EnumSet.of(TeamKind.PERIPATETIC), java.util.Map.of("cp", Set.of("cin", "hub: \"x\"")));

  @Test
  void roundTripsInBothFormatsAndThroughAFile(@TempDir Path dir) {
    for (AllocationPolicy p : List.of(AllocationPolicy.defaults(), CUSTOM)) {
      assertEquals(p, AllocationPolicyFiles.fromYaml(AllocationPolicyFiles.toYaml(p)));
      assertEquals(p, AllocationPolicyFiles.fromJson(AllocationPolicyFiles.toJson(p)));
      Path file = dir.resolve("policy.yaml");
      AllocationPolicyFiles.save(p, file);
      assertEquals(p, AllocationPolicyFiles.load(file));
    }
  }

  @Test
  void leftOutFieldsKeepTheirDefaults() {
    AllocationPolicy p = AllocationPolicyFiles.fromYaml("transferCost: 2000\nunallocatedCost: {care leaver: 5}\n");
    AllocationPolicy d = AllocationPolicy.defaults();
    assertEquals(2000, p.transferCost(), 0);
    assertEquals(5, p.unallocatedCost(CaseCategory.CARE_LEAVER), 0);
    assertEquals(d.unallocatedCost(CaseCategory.CHILD_PROTECTION), p.unallocatedCost(CaseCategory.CHILD_PROTECTION), 0);
    assertEquals(d.balanceWeight(), p.balanceWeight(), 0);
    assertEquals(d, AllocationPolicyFiles.fromYaml("{}"));
  }

  @Test
  void everyProblemIsReportedWithItsPathAndLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AllocationPolicyFiles.fromYaml(String.join(
        "\n", "transferCost: -1", "balanceWeigth: 3", "unallocatedCost: {child_protecton: 5}",
        "anyLocality: [hubs]", "cover: {cp: cin}", "")));
    assertEquals(List.of(
        "error (line 1): transferCost must be a number at least 0 but was -1.0",
        "error (line 2): balanceWeigth is not a known field; did you mean \"balanceWeight\"?",
        "error (line 3): unallocatedCost.child_protecton must be one of assessment, child_in_need, child_protection, "
            + "looked_after, care_leaver but was \"child_protecton\"; did you mean \"child_protection\"?",
        "error (line 4): anyLocality[0] must be one of locality, hub, peripatetic but was \"hubs\"; did you mean \"hub\"?",
        "error (line 5): cover.cp must be a list of service ids but was \"cin\""),
        e.problems().stream().map(Problem::toString).collect(Collectors.toList()));
  }

  @Test
  void aContinuityBonusThatWouldCauseTransfersIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AllocationPolicyFiles.fromJson("{\"transferCost\": 100, \"continuityBonus\": 100}"));
    assertEquals("error (line 1): continuityBonus must be less than transferCost (100.0) so that it never causes a transfer, "
        + "but was 100.0", e.problems().get(0).toString());
  }

  @Test
  void malformedTextGivesLineAndColumn() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AllocationPolicyFiles.fromJson("{\n \"transferCost\": 1,,\n}"));
    assertEquals(2, e.problems().get(0).line());
  }
}
