package org.caseload.core.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.Fixtures;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.Unallocated;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticOrganisationsTest {

  private static final long SEED = 20250930L;

  @Test
  void sameSeedGivesAnEqualOrganisationAndAnotherSeedADifferentOne() {
    Organisation a = SyntheticOrganisations.generate(InstanceFamily.LA_S, SEED);
    Organisation b = SyntheticOrganisations.generate(InstanceFamily.LA_S, SEED);
    assertEquals(a, b);
    assertEquals(a.toString(), b.toString());
    Organisation c = SyntheticOrganisations.generate(InstanceFamily.LA_S, SEED + 1);
    assertNotEquals(a.cases(), c.cases());
  }

  @ParameterizedTest
  @EnumSource(value = InstanceFamily.class, names = {"TEAM", "LA_S", "LA_M", "LA_L"})
  void authorityFamiliesHaveTheirCountsAndBreakNoRule(InstanceFamily family) {
    Organisation org = SyntheticOrganisations.generate(family, SEED);
    assertEquals(family.workers(), org.workers().size());
    assertEquals(family.openCases(), org.openCases().size());
    assertEquals(family.openCases(), org.cases().size(), "every synthetic case is open");
    checkRules(org);
  }

  @Test
  void teamFamilyIsOneTeamHoldingEveryKindOfCase() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.TEAM, SEED);
    assertEquals(1, org.teams().size());
    assertEquals(3, org.services().size());
    Set<CaseCategory> held = EnumSet.noneOf(CaseCategory.class);
    org.cases().stream().filter(Case::isAllocated).forEach(c -> held.add(c.category()));
    assertEquals(EnumSet.of(CaseCategory.CHILD_IN_NEED, CaseCategory.CHILD_PROTECTION, CaseCategory.LOOKED_AFTER),
        held);
  }

  @Test
  void allocationPolicyLetsTheHoldingTeamCoverServicesWithoutTeams() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.TEAM, SEED);
    // Re-balancing with the bare defaults, child protection and looked-after cases have no worker in their service.
    var request = AllocationRequest.rebalance(org, org.asOf(), AllocationPolicy.defaults());
    Map<Unallocated.Reason, Integer> bare = new GreedyAllocator().allocate(request).unallocatedByReason();
    assertTrue(bare.getOrDefault(Unallocated.Reason.NO_WORKER_IN_SERVICE, 0) > 0, bare.toString());
    AllocationPolicy policy = SyntheticOrganisations.allocationPolicy(org);
    assertEquals(Set.of("cin"), policy.cover().get("cp"));
    assertEquals(Set.of("cin"), policy.cover().get("lac"));
    Map<Unallocated.Reason, Integer> covered = new GreedyAllocator()
        .allocate(AllocationRequest.rebalance(org, org.asOf(), policy)).unallocatedByReason();
    assertFalse(covered.containsKey(Unallocated.Reason.NO_WORKER_IN_SERVICE), covered.toString());
  }

  @Test
  void mediumAuthorityHasTheDefaultMixWithinTolerance() {
    checkMix(SyntheticOrganisations.generate(InstanceFamily.LA_M, SEED), Mix.DEFAULT);
  }

  @Test
  void largeAuthorityHasTheDefaultMixWithinTolerance() {
    checkMix(SyntheticOrganisations.generate(InstanceFamily.LA_L, SEED + 7), Mix.DEFAULT);
  }

  @Test
  void teamsAreOfEightToTwelveWorkersOfEveryKind() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_L, SEED);
    Set<TeamKind> kinds = EnumSet.noneOf(TeamKind.class);
    for (Team t : org.teams()) {
      int size = org.workersOf(t.id()).size();
      assertTrue(size >= 8 && size <= 12, t + " has " + size + " workers");
      assertEquals(t.kind() == TeamKind.LOCALITY, t.locality() != null, t.toString());
      kinds.add(t.kind());
      assertTrue(org.workersOf(t.id()).stream().anyMatch(w -> w.role() == Role.QUALIFIED),
          t + " has a qualified worker");
    }
    assertEquals(EnumSet.allOf(TeamKind.class), kinds);
  }

  @Test
  void countsAndMixOverloadHonoursTheMix() {
    Mix mix = Mix.DEFAULT.withUnallocated(0.10).withCategories(0.5, 0.2, 0.2, 0.1).withSiblings(0.25);
    Organisation org = SyntheticOrganisations.generate(120, 1500, mix, SEED);
    assertEquals(120, org.workers().size());
    assertEquals(1500, org.openCases().size());
    assertEquals(4, org.services().size(), "an assessment service when the mix has assessments");
    checkRules(org);
    checkMix(org, mix);
  }

  @Test
  void severalAuthoritiesAreIndependentParts() {
    Organisation org = SyntheticOrganisations.generate(3, 150, 2000, Mix.DEFAULT, SEED);
    assertEquals(9, org.services().size());
    for (Case c : org.cases()) {
      String authority = c.id().substring(0, 6);
      assertTrue(c.serviceId().startsWith(authority), c.toString());
      if (c.isAllocated()) {
        assertTrue(c.workerId().startsWith(authority), c.toString());
      }
    }
    checkRules(org);
  }

  @Test
  void nationalIsGeneratedQuicklyAndCompactly() {
    System.gc();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.NATIONAL, SEED);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long retainedMb = (usedHeap() - heapBefore) >> 20;
    System.out.printf("NATIONAL: %s generated in %d ms, about %d MiB retained%n", org, millis, retainedMb);
    assertEquals(30_000, org.workers().size());
    assertEquals(400_000, org.openCases().size());
    assertEquals(153 * 3, org.services().size());
    assertTrue(retainedMb < 600, "NATIONAL should fit comfortably in a 1 GiB heap but retains " + retainedMb + " MiB");
    assertTrue(millis < 30_000, "generation took " + millis + " ms");
    checkRules(org);
  }

  @Test
  void intakeIsNewOpenUnallocatedCasesFollowingTheOrganisationsMix() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, SEED);
    List<Case> intake = SyntheticOrganisations.intake(org, InstanceFamily.LA_S, 5);
    assertEquals(InstanceFamily.LA_S.weeklyIntake(), intake.size());
    assertEquals(intake, SyntheticOrganisations.intake(org, InstanceFamily.LA_S, 5), "deterministic");
    Organisation.Builder b = org.toBuilder();
    intake.forEach(b::add);
    Organisation after = b.build();
    assertEquals(org.openCases().size() + intake.size(), after.openCases().size());
    for (Case c : intake) {
      assertTrue(c.isUnallocated());
      assertEquals(org.asOf(), c.opened());
      assertTrue(org.findCase(c.id()).isEmpty());
      assertTrue(org.findService(c.serviceId()).isPresent());
    }
    assertTrue(intake.stream().anyMatch(c -> c.familyId() != null), "some referrals are siblings");
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThrows(IllegalArgumentException.class,
        () -> SyntheticOrganisations.generate(0, 10, 10, Mix.DEFAULT, 1));
    assertThrows(IllegalArgumentException.class,
        () -> SyntheticOrganisations.generate(5, 3, 10, Mix.DEFAULT, 1));
  }

  @Test
  void mixRefusesSharesOutsideZeroToOneAndCategoriesNotSummingToOne() {
    List<Problem> problems = Fixtures.problemsOf(
        () -> new Mix(1.2, 0.1, 0.15, 0.1, 0.7, 0.12, 0.1, 0, 0.4, 0.25, 0.02));
    assertEquals(List.of(
        "error: newlyQualified must be a share in [0, 1] but was 1.2",
        "error: unqualified plus newlyQualified must be at most 1 but was 1.3",
        "error: childInNeed plus childProtection, lookedAfter and assessment must be 1 but was 0.9199999999999999"),
        Fixtures.describe(problems));
  }

  // ------------------------------------------------------------------ checks

  /** Validity, no warnings, no breach, no worker over capacity, siblings together, histories. */
  static void checkRules(Organisation org) {
    assertEquals(List.of(), org.warnings());
    Map<String, Double> load = new HashMap<>();
    Map<String, String> familyHolder = new HashMap<>();
    for (Case c : org.cases()) {
      assertTrue(org.breach(c).isEmpty(), () -> c + " breaks " + org.breach(c));
      assertFalse(c.opened().isAfter(org.asOf()));
      for (Allocation a : c.history()) {
        assertFalse(a.from().isAfter(org.asOf()), c.toString());
        assertTrue(a.until() == null || !a.until().isAfter(org.asOf()), c.toString());
      }
      if (c.isAllocated()) {
        assertTrue(c.history().size() >= 1 && c.history().size() <= 3, c.toString());
        assertEquals(c.history().size() - 1, c.transfers(), c.toString());
        load.merge(c.workerId(), org.weight(c), Double::sum);
        Worker holder = org.worker(c.workerId());
        assertTrue(c.jointWorkerId() == null || holder.role() == Role.NEWLY_QUALIFIED, c.toString());
        if (c.jointWorkerId() != null) {
          Worker joint = org.worker(c.jointWorkerId());
          assertEquals(Role.QUALIFIED, joint.role());
          assertEquals(holder.teamId(), joint.teamId());
        }
      } else {
        assertNull(c.jointWorkerId());
      }
      if (c.familyId() != null) {
        String holder = String.valueOf(c.workerId());
        String first = familyHolder.putIfAbsent(c.familyId(), holder);
        assertTrue(first == null || first.equals(holder), () -> "family " + c.familyId() + " split: " + c);
      }
    }
    for (Map.Entry<String, Double> e : load.entrySet()) {
      assertTrue(e.getValue() <= org.capacity(e.getKey()) + 1e-9,
          () -> e.getKey() + " holds " + e.getValue() + " > capacity " + org.capacity(e.getKey()));
    }
  }

  static void checkMix(Organisation org, Mix mix) {
    List<Worker> ws = org.workers();
    double n = ws.size();
    Map<Role, Integer> roles = new EnumMap<>(Role.class);
    int agency = 0;
    int partTime = 0;
    for (Worker w : ws) {
      roles.merge(w.role(), 1, Integer::sum);
      agency += w.contract() == Contract.AGENCY ? 1 : 0;
      if (w.fte() < 1) {
        partTime++;
        assertTrue(w.fte() >= 0.5 - 1e-9 && w.fte() <= 0.8 + 1e-9, w.toString());
      }
    }
    near("newly qualified", mix.newlyQualified(), roles.getOrDefault(Role.NEWLY_QUALIFIED, 0) / n, 0.02);
    near("unqualified", mix.unqualified(), roles.getOrDefault(Role.UNQUALIFIED, 0) / n, 0.02);
    near("agency", mix.agency(), agency / n, 0.02);
    near("part-time", mix.partTime(), partTime / n, 0.02);

    List<Case> cases = org.openCases();
    double m = cases.size();
    Map<CaseCategory, Integer> categories = new EnumMap<>(CaseCategory.class);
    int siblings = 0;
    int unallocated = 0;
    Set<String> families = new HashSet<>();
    for (Case c : cases) {
      categories.merge(c.category(), 1, Integer::sum);
      siblings += c.familyId() != null ? 1 : 0;
      unallocated += c.isUnallocated() ? 1 : 0;
      if (c.familyId() != null) {
        families.add(c.familyId());
      }
    }
    near("child in need", mix.childInNeed(), categories.getOrDefault(CaseCategory.CHILD_IN_NEED, 0) / m, 0.01);
    near("child protection", mix.childProtection(),
        categories.getOrDefault(CaseCategory.CHILD_PROTECTION, 0) / m, 0.01);
    near("looked after", mix.lookedAfter(), categories.getOrDefault(CaseCategory.LOOKED_AFTER, 0) / m, 0.01);
    near("assessment", mix.assessment(), categories.getOrDefault(CaseCategory.ASSESSMENT, 0) / m, 0.01);
    near("siblings", mix.siblings(), siblings / m, 0.01);
    double meanGroup = families.isEmpty() ? 0 : siblings / (double) families.size();
    assertTrue(families.isEmpty() || (meanGroup > 2.3 && meanGroup < 3.2), "mean sibling group " + meanGroup);
    double unallocatedShare = unallocated / m;
    assertTrue(unallocatedShare >= mix.unallocated() - 0.005 && unallocatedShare <= mix.unallocated() + 0.03,
        "unallocated share " + unallocatedShare + " for a mix of " + mix.unallocated());
    assertTrue(cases.stream().anyMatch(Case::court), "some court cases");
    assertTrue(cases.stream().anyMatch(c -> c.transfers() == 2), "some cases with 3 workers");
    assertTrue(cases.stream().anyMatch(c -> c.jointWorkerId() != null), "some joint working");
  }

  private static void near(String what, double expected, double actual, double tolerance) {
    assertTrue(Math.abs(expected - actual) <= tolerance,
        what + ": share " + actual + " not within " + tolerance + " of " + expected);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
