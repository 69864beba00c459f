package org.caseload.core.allocation;

import static org.caseload.core.Fixtures.AS_OF;
import static org.caseload.core.Fixtures.daysAgo;
import static org.caseload.core.Fixtures.held;
import static org.caseload.core.Fixtures.openCase;
import static org.caseload.core.Fixtures.worker;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caseload.core.Fixtures;
import org.caseload.core.Fixtures.CaseSpec;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.junit.jupiter.api.Test;

/** Each hard rule, each reason and each cost, on hand-built organisations. */
class GreedyAllocatorTest {
  private static final Allocator GREEDY = new GreedyAllocator();
  private static final AllocationPolicy POLICY = AllocationPolicy.defaults();

  /** Service "cp" with a locality team "east" (East) and a peripatetic team "peri". */
  private static Organisation.Builder cp() {
    return Organisation.builder("Test", AS_OF)
        .add(Service.of("cp", "Child protection"))
        .add(Service.of("cin", "Children in need"))
        .add(Team.of("east", "cp", TeamKind.LOCALITY, "East"))
        .add(Team.of("west", "cp", TeamKind.LOCALITY, "West"))
        .add(Team.of("cin-team", "cin", TeamKind.LOCALITY, "East"));
  }

  private static AllocationPlan placeUnallocated(Organisation org) {
    return GREEDY.allocate(AllocationRequest.unallocated(org, AS_OF, POLICY));
  }

  /** n standard child-in-need cases (weight 1) held by {@code worker}. */
  private static void holding(Organisation.Builder b, String worker, String service, int n) {
    for (int i = 0; i < n; i++) {
      b.add(held(worker + "-c" + i, service, CaseCategory.CHILD_IN_NEED, worker, daysAgo(60)).build());
    }
  }

  @Test
  void capacityIsNeverExceeded() {
    Organisation.Builder b = cp().add(worker("q", "east", Role.QUALIFIED));
    holding(b, "q", "cp", 17); // capacity 18
    b.add(openCase("new1", "cp", CaseCategory.CHILD_IN_NEED)).add(openCase("new2", "cp", CaseCategory.CHILD_IN_NEED));
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(1, plan.assignments().size());
    Unallocated why = plan.unallocated().values().iterator().next();
    assertEquals(Unallocated.Reason.EVERY_ELIGIBLE_WORKER_FULL, why.reason());
    assertEquals(1.0, why.shortfall(), 1e-9);
    assertEquals(18.0, plan.loadAfter().get("q"), 1e-9);
  }

  @Test
  void newlyQualifiedWorkersHoldNoChildProtectionCaseAlone() {
    Organisation org = cp().add(worker("nq", "east", Role.NEWLY_QUALIFIED)).add(worker("q", "west", Role.QUALIFIED))
        .add(openCase("cp1", "cp", CaseCategory.CHILD_PROTECTION).allocatedTo("nq", daysAgo(3)).unallocatedOn(daysAgo(2)))
        .build();
    AllocationPlan plan = placeUnallocated(org);
    assertEquals(Map.of("cp1", "q"), plan.assignments(), "the qualified worker, though the NQ held it before");
  }

  @Test
  void aNewlyQualifiedWorkerMayHoldAChildProtectionCaseWithAQualifiedJointWorker() {
    Organisation org = cp().add(worker("nq", "east", Role.NEWLY_QUALIFIED)).add(worker("q", "west", Role.QUALIFIED))
        .add(new CaseSpec("cp1", "cp", CaseCategory.CHILD_PROTECTION).locality("East").joint("q").build())
        .build();
    AllocationPlan plan = placeUnallocated(org);
    assertEquals(Map.of("cp1", "nq"), plan.assignments(), "with a joint worker the NQ in the child's patch may hold it");
  }

  @Test
  void onlyNewlyQualifiedAndUnqualifiedWorkersLeaveAChildProtectionCaseUnallocatedWithTheProtectionNamed() {
    Organisation org = cp().add(worker("nq", "east", Role.NEWLY_QUALIFIED)).add(worker("uq", "west", Role.UNQUALIFIED))
        .add(openCase("cp1", "cp", CaseCategory.CHILD_PROTECTION)).add(openCase("cin1", "cp", CaseCategory.CHILD_IN_NEED))
        .build();
    AllocationPlan plan = placeUnallocated(org);
    Unallocated why = plan.unallocated().get("cp1");
    assertEquals(Unallocated.Reason.EXCLUDED_BY_ROLE_PROTECTION, why.reason());
    assertEquals("all 2 workers who may take child protection cases of service cp are excluded: 1 as unqualified "
        + "worker holds a statutory case; 1 as newly qualified worker holds a child protection or court case alone",
        why.detail());
    assertTrue(plan.assignments().containsKey("cin1"), "a child in need case is not statutory here");
  }

  @Test
  void unqualifiedWorkersHoldNoStatutoryCaseButMayHoldChildInNeed() {
    Organisation org = cp().add(worker("uq", "east", Role.UNQUALIFIED))
        .add(openCase("a", "cp", CaseCategory.ASSESSMENT)).add(openCase("lac", "cp", CaseCategory.LOOKED_AFTER))
        .add(openCase("cin", "cp", CaseCategory.CHILD_IN_NEED)).build();
    AllocationPlan plan = placeUnallocated(org);
    assertEquals(Map.of("cin", "uq"), plan.assignments());
    assertEquals(Unallocated.Reason.EXCLUDED_BY_ROLE_PROTECTION, plan.unallocated().get("a").reason());
    assertEquals(Unallocated.Reason.EXCLUDED_BY_ROLE_PROTECTION, plan.unallocated().get("lac").reason());
  }

  @Test
  void casesGoToWorkersOfTheirServiceUnlessThePolicyLetsAnotherCover() {
    Organisation org = cp().add(worker("cinw", "cin-team", Role.QUALIFIED)).add(openCase("x", "cp", CaseCategory.CHILD_IN_NEED))
        .build();
    AllocationPlan plan = placeUnallocated(org);
    assertEquals(Unallocated.Reason.NO_WORKER_IN_SERVICE, plan.unallocated().get("x").reason());
    assertEquals("no team of service cp has a worker", plan.unallocated().get("x").detail());
    AllocationPlan covered = GREEDY.allocate(AllocationRequest.unallocated(org, AS_OF, POLICY.withCover("cp", "cin")));
    assertEquals(Map.of("x", "cinw"), covered.assignments());
  }

  @Test
  void siblingsGoTogetherOrNotAtAll() {
    Organisation.Builder b = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "west", Role.QUALIFIED));
    holding(b, "a", "cp", 16); // 2 free
    holding(b, "b", "cp", 15); // 3 free
    for (String id : List.of("s1", "s2", "s3")) {
      b.add(new CaseSpec(id, "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").build());
    }
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(Map.of("s1", "b", "s2", "b", "s3", "b"), plan.assignments());

    Organisation.Builder c = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "west", Role.QUALIFIED));
    holding(c, "a", "cp", 16);
    holding(c, "b", "cp", 16);
    for (String id : List.of("s1", "s2", "s3")) {
      c.add(new CaseSpec(id, "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").build());
    }
    AllocationPlan split = placeUnallocated(c.build());
    assertEquals(Map.of(), split.assignments(), "2 + 2 free places, but 3 siblings go together");
    Unallocated why = split.unallocated().get("s1");
    assertEquals(Unallocated.Reason.SIBLING_GROUP_TOO_HEAVY, why.reason());
    assertEquals(1.0, why.shortfall(), 1e-9);
  }

  @Test
  void aChildJoinsTheWorkerWhoHoldsTheirSiblings() {
    Organisation.Builder b = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "west", Role.QUALIFIED));
    b.add(held("old", "cp", CaseCategory.CHILD_IN_NEED, "a", daysAgo(90)).withFamily("f").build());
    holding(b, "a", "cp", 10);
    b.add(new CaseSpec("new", "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").build());
    assertEquals(Map.of("new", "a"), placeUnallocated(b.build()).assignments(), "b is quieter, but a holds the sibling");

    Organisation.Builder full = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "west", Role.QUALIFIED));
    full.add(held("old", "cp", CaseCategory.CHILD_IN_NEED, "a", daysAgo(90)).withFamily("f").build());
    holding(full, "a", "cp", 17);
    full.add(new CaseSpec("new", "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").build());
    Unallocated why = placeUnallocated(full.build()).unallocated().get("new");
    assertEquals(Unallocated.Reason.EVERY_ELIGIBLE_WORKER_FULL, why.reason(), why.toString());

    Organisation.Builder barred = cp().add(worker("nq", "east", Role.NEWLY_QUALIFIED)).add(worker("q", "west", Role.QUALIFIED));
    barred.add(held("old", "cp", CaseCategory.CHILD_IN_NEED, "nq", daysAgo(90)).withFamily("f").build());
    barred.add(new CaseSpec("new", "cp", CaseCategory.CHILD_PROTECTION).withFamily("f").build());
    Unallocated barredWhy = placeUnallocated(barred.build()).unallocated().get("new");
    assertEquals(Unallocated.Reason.SIBLINGS_WORKER_CANNOT_TAKE, barredWhy.reason());
    assertEquals("siblings of family f are held by nq, who may not hold this case", barredWhy.detail());
  }

  @Test
  void siblingsWithNoCommonWorkerAreNamedSo() {
    Organisation org = cp().add(worker("nq", "east", Role.NEWLY_QUALIFIED)).add(worker("cinw", "cin-team", Role.QUALIFIED))
        .add(new CaseSpec("a", "cp", CaseCategory.CHILD_PROTECTION).withFamily("f").build())
        .add(new CaseSpec("b", "cin", CaseCategory.CHILD_IN_NEED).withFamily("f").build())
        .add(worker("q", "west", Role.QUALIFIED))
        .build();
    AllocationPlan plan = placeUnallocated(org);
    assertEquals(Unallocated.Reason.NO_WORKER_FOR_WHOLE_SIBLING_GROUP, plan.unallocated().get("a").reason());
    assertEquals(plan.unallocated().get("a"), plan.unallocated().get("b"));
  }

  @Test
  void childProtectionIsPlacedFirstWhenCapacityIsShort() {
    Organisation.Builder b = cp().add(worker("q", "east", Role.QUALIFIED));
    holding(b, "q", "cp", 17);
    b.add(openCase("cin1", "cp", CaseCategory.CHILD_IN_NEED)).add(openCase("cp1", "cp", CaseCategory.CHILD_PROTECTION));
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(Map.of("cp1", "q"), plan.assignments());
    assertEquals(400_000, plan.objective().unallocated(), 0);
  }

  @Test
  void aReturningFamilyGoesBackToItsWorkerWhenTheyHaveRoom() {
    Organisation.Builder b = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "east", Role.QUALIFIED));
    holding(b, "a", "cp", 12);
    b.add(new CaseSpec("old", "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").opened(daysAgo(200))
        .spell("a", daysAgo(200), daysAgo(100)).closed(daysAgo(100)).build());
    b.add(new CaseSpec("back", "cp", CaseCategory.CHILD_IN_NEED).withFamily("f").build());
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(Map.of("back", "a"), plan.assignments(), "b is empty, but a knows the family");
    assertEquals(-500, plan.objective().continuity(), 0);
  }

  @Test
  void patchTeamsTakeTheirOwnLocalityFirst() {
    Organisation org = cp().add(worker("e", "east", Role.QUALIFIED)).add(worker("w", "west", Role.QUALIFIED))
        .add(new CaseSpec("x", "cp", CaseCategory.CHILD_IN_NEED).locality("West").build())
        .add(new CaseSpec("y", "cp", CaseCategory.CHILD_IN_NEED).locality("East").build())
        .build();
    assertEquals(Map.of("x", "w", "y", "e"), placeUnallocated(org).assignments());
  }

  @Test
  void loadSpreadsInProportionToCapacity() {
    Organisation.Builder b = cp().add(worker("full", "east", Role.QUALIFIED))
        .add(Worker.of("half", "east", Role.QUALIFIED, Contract.PERMANENT, 0.5, daysAgo(900)));
    for (int i = 0; i < 12; i++) {
      b.add(openCase("n" + i, "cp", CaseCategory.CHILD_IN_NEED));
    }
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(8.0, plan.loadAfter().get("full"), 1e-9);
    assertEquals(4.0, plan.loadAfter().get("half"), 1e-9);
  }

  @Test
  void reallocationAfterADepartureMovesOnlyTheLeaversCases() {
    Organisation.Builder b = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "east", Role.QUALIFIED))
        .add(worker("c", "east", Role.QUALIFIED));
    holding(b, "a", "cp", 6);
    holding(b, "b", "cp", 10);
    holding(b, "c", "cp", 2);
    Organisation org = b.build();
    var departure = org.leave("a", AS_OF);
    AllocationPlan plan = GREEDY.allocate(AllocationRequest.after(departure, AS_OF, POLICY));
    assertEquals(6, plan.assignments().size());
    assertEquals(0, plan.transfers(), "the leaver's cases were unallocated: placing them is not a transfer");
    Organisation after = plan.apply(departure.organisation());
    for (Case c : after.cases()) {
      if (c.id().startsWith("b-") || c.id().startsWith("c-")) {
        assertEquals(org.caseById(c.id()), c, "cases that need not move stay as they were");
      }
    }
    assertEquals(8.0, plan.loadAfter().get("c"), 1e-9, "c takes all six: at 8 it is still quieter than b at 10");
    assertEquals(10.0, plan.loadAfter().get("b"), 1e-9);
  }

  @Test
  void rebalancingKeepsCasesWithTheirWorkersAndMovesOnlyWhatCapacityForces() {
    Organisation.Builder b = cp().add(worker("a", "east", Role.QUALIFIED)).add(worker("b", "east", Role.QUALIFIED));
    holding(b, "a", "cp", 15);
    holding(b, "b", "cp", 3);
    Organisation org = b.build();
    AllocationPlan plan = GREEDY.allocate(AllocationRequest.rebalance(org, AS_OF, POLICY));
    assertEquals(0, plan.transfers(), "a transfer costs more than the balance it buys");

    Organisation over = org.withCapacityPolicy(org.capacityPolicy().withCapacityPerFte(Role.QUALIFIED, 12));
    AllocationPlan forced = GREEDY.allocate(AllocationRequest.rebalance(over, AS_OF, POLICY));
    assertEquals(3, forced.transfers(), "a now holds 15 against a capacity of 12");
    assertEquals(12.0, forced.loadAfter().get("a"), 1e-9);
    assertEquals(6.0, forced.loadAfter().get("b"), 1e-9);
    Organisation after = forced.apply(over);
    assertEquals(3, after.cases().stream().mapToInt(Case::transfers).sum());
  }

  @Test
  void applyRecordsEveryChangeAndLosesNoCase() {
    Organisation org = Fixtures.riverside();
    AllocationPlan plan = GREEDY.allocate(AllocationRequest.unallocated(org, AS_OF, POLICY));
    assertEquals(Map.of("c8", "bob", "c9", "dan"), plan.assignments(), "bob is the least loaded for his capacity");
    Organisation after = plan.apply(org);
    assertEquals(org.cases().size(), after.cases().size());
    assertEquals("bob", after.caseById("c8").workerId());
    assertEquals(AS_OF, after.caseById("c9").history().get(0).from());
    assertEquals(List.of(), after.unallocatedCases());
    assertThrows(IllegalArgumentException.class, () -> plan.apply(after), "a plan applies to the state it was made for");
  }

  @Test
  void heavyComplexCasesCountByWeight() {
    Organisation.Builder b = cp().add(worker("q", "east", Role.QUALIFIED));
    holding(b, "q", "cp", 17);
    b.add(new CaseSpec("heavy", "cp", CaseCategory.CHILD_IN_NEED).complexity(Complexity.HIGH).build());
    b.add(new CaseSpec("light", "cp", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW).build());
    AllocationPlan plan = placeUnallocated(b.build());
    assertEquals(Map.of("light", "q"), plan.assignments());
    assertEquals(10.0 / 7.0 - (1 - 4.0 / 7.0), plan.unallocated().get("heavy").shortfall(), 1e-9);
  }

  @Test
  void printsASummary() {
    AllocationPlan plan = GREEDY.allocate(AllocationRequest.unallocated(Fixtures.riverside(), AS_OF, POLICY));
    assertTrue(plan.toString().startsWith("AllocationPlan[greedy: 2 placed, 0 unallocated, 0 transfers; objective "),
        plan.toString());
    assertFalse(plan.lowerBound().isPresent());
    assertTrue(Double.isNaN(plan.gap()));
  }

  @Test
  void searchingAKindsWorkersDirectlyTakesTheWorkerItsPoolWould() {
    // Every group of more than a few eligible workers searched through a pool (0), or every one
    // directly (never a pool): the same plan, on intakes, departures and re-balances of LA_S.
    int[] kinds = new int[3];
    qt().withFixedSeed(67L).withExamples(60)
        .forAll(longs().between(1, 1_000_000), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((seed, kind, pick) -> {
          Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, seed);
          AllocationRequest request = switch (kind) {
            case 0 -> AllocationRequest.intake(org, SyntheticOrganisations.intake(org, InstanceFamily.LA_S, seed),
                org.asOf(), POLICY);
            case 1 -> AllocationRequest.after(org.leave(org.workers().get(pick % org.workers().size()).id(),
                org.asOf()), org.asOf(), POLICY);
            default -> AllocationRequest.rebalance(org, org.asOf(), POLICY);
          };
          AllocationProblem problem = new AllocationProblem(request);
          assertArrayEquals(GreedyAllocator.assign(problem, 0), GreedyAllocator.assign(problem, Integer.MAX_VALUE),
              "seed " + seed + ", request " + request);
          kinds[kind]++;
        });
    assertTrue(Arrays.stream(kinds).allMatch(k -> k >= 10), "each kind of request tried: " + Arrays.toString(kinds));
  }
}
