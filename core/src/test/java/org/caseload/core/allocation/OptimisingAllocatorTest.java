package org.caseload.core.allocation;

import static org.caseload.core.Fixtures.AS_OF;
import static org.caseload.core.Fixtures.daysAgo;
import static org.caseload.core.Fixtures.held;
import static org.caseload.core.Fixtures.openCase;
import static org.caseload.core.Fixtures.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseload.core.Fixtures.CaseSpec;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.junit.jupiter.api.Test;

/** What the optimising allocator promises, on hand-built organisations and synthetic ones. */
class OptimisingAllocatorTest {
  private static final OptimisingAllocator OPTIMISER = new OptimisingAllocator();
  private static final Allocator GREEDY = new GreedyAllocator();
  private static final AllocationPolicy POLICY = AllocationPolicy.defaults();

  private static Organisation.Builder service() {
    return Organisation.builder("Test", AS_OF).add(Service.of("cin", "Children in need"))
        .add(Team.of("east", "cin", TeamKind.LOCALITY, "East"))
        .add(Team.of("hub", "cin", TeamKind.HUB, null));
  }

  /** n standard child-in-need cases held by {@code worker}. */
  private static void holding(Organisation.Builder b, String worker, int n) {
    for (int i = 0; i < n; i++) {
      b.add(held(worker + "-c" + i, "cin", CaseCategory.CHILD_IN_NEED, worker, daysAgo(60)).build());
    }
  }

  @Test
  void isNamedAndDescribesItsBudgets() {
    assertEquals("optimising", OPTIMISER.name());
    assertEquals(OptimisingAllocator.DEFAULT_MOVE_BUDGET, OPTIMISER.moveBudget());
    assertEquals(OptimisingAllocator.DEFAULT_SEARCH_NODES, OPTIMISER.searchNodes());
    assertEquals(OptimisingAllocator.DEFAULT_NEIGHBOURHOOD_NODES, OPTIMISER.neighbourhoodNodes());
    assertEquals(Optional.empty(), OPTIMISER.timeLimit());
    assertEquals(1, OPTIMISER.threads());
    OptimisingAllocator limited = OPTIMISER.withTimeLimit(Duration.ofMillis(200)).withMoveBudget(1000)
        .withNeighbourhoodNodes(5000);
    assertNotSame(OPTIMISER, limited);
    assertEquals(Optional.of(Duration.ofMillis(200)), limited.timeLimit());
    assertEquals(1000, limited.moveBudget());
    assertEquals(5000, limited.neighbourhoodNodes());
    assertEquals("OptimisingAllocator[move budget 1,000, exact search 1,000,000 nodes, neighbourhoods 5,000 nodes, "
        + "time limit PT0.2S]", limited.toString());
  }

  @Test
  void theBuilderRefusesContradictionsAndNonsense() {
    var e = assertThrows(IllegalStateException.class, () -> OptimisingAllocator.builder().moveBudget(5).moveBudget(6));
    assertEquals("moveBudget was already set to 5", e.getMessage());
    assertThrows(IllegalStateException.class, () -> OptimisingAllocator.builder().searchNodes(5).searchNodes(6));
    assertThrows(IllegalStateException.class,
        () -> OptimisingAllocator.builder().neighbourhoodNodes(5).neighbourhoodNodes(6));
    assertThrows(IllegalArgumentException.class, () -> OPTIMISER.withNeighbourhoodNodes(-1));
    assertThrows(IllegalStateException.class,
        () -> OptimisingAllocator.builder().timeLimit(Duration.ofSeconds(1)).timeLimit(Duration.ofSeconds(2)));
    var negative = assertThrows(IllegalArgumentException.class, () -> OptimisingAllocator.builder().moveBudget(-1));
    assertEquals("moveBudget must be at least 0 but was -1", negative.getMessage());
    var zero = assertThrows(IllegalArgumentException.class, () -> OPTIMISER.withTimeLimit(Duration.ZERO));
    assertEquals("timeLimit must be positive but was PT0S", zero.getMessage());
    assertThrows(NullPointerException.class, () -> OPTIMISER.withTimeLimit(null));
    var threads = assertThrows(IllegalArgumentException.class, () -> OPTIMISER.withThreads(0));
    assertEquals("threads must be at least 1 but was 0", threads.getMessage());
    assertThrows(IllegalStateException.class, () -> OptimisingAllocator.builder().threads(2).threads(2));
    assertEquals(2, OptimisingAllocator.builder().threads(2).build().threads());
  }

  @Test
  void placesByValuePerWeightWhereGreedyPlacesTheHeavierCaseFirst() {
    // One worker with 1.5 weighted cases free: a high-complexity child (10/7) or two low-complexity
    // siblings (4/7 each). Each child left unallocated costs the same, so the siblings should go.
    Organisation.Builder b = service().add(worker("q", "east", Role.QUALIFIED));
    holding(b, "q", 16);
    b.add(new CaseSpec("q-half", "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW).opened(daysAgo(60))
        .spell("q", daysAgo(60), null).build()); // load 16 + 4/7
    b.add(new CaseSpec("heavy", "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.HIGH).build());
    b.add(new CaseSpec("sib1", "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW).withFamily("f").build());
    b.add(new CaseSpec("sib2", "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW).withFamily("f").build());
    AllocationRequest request = AllocationRequest.unallocated(b.build(), AS_OF, POLICY);
    AllocationPlan plan = OPTIMISER.allocate(request);
    assertEquals(Map.of("sib1", "q", "sib2", "q"), plan.assignments());
    assertEquals(Unallocated.Reason.EVERY_ELIGIBLE_WORKER_FULL, plan.unallocated().get("heavy").reason());
    assertTrue(plan.objective().total() < GREEDY.allocate(request).objective().total(),
        "greedy takes the heavier child first: " + GREEDY.allocate(request));
    assertEquals(0, plan.gap(), 0.0, "small enough to prove: " + plan);
  }

  @Test
  void aFlowPathMovesAPlacedChildToMakeRoomForOneOnlyItsWorkerMayTake() {
    // q has room for one more child; n (newly qualified) has plenty. "cin1" returns to q (continuity)
    // and is placed first (higher cost unallocated); "court1" is in court proceedings, which n may not
    // hold alone. The optimum moves cin1 to n so that court1 can go to q.
    Organisation.Builder b = service().add(worker("q", "east", Role.QUALIFIED))
        .add(worker("n", "hub", Role.NEWLY_QUALIFIED));
    holding(b, "q", 17);
    b.add(new CaseSpec("cin1", "cin", CaseCategory.CHILD_IN_NEED).opened(daysAgo(90))
        .spell("q", daysAgo(90), daysAgo(30)).build());
    b.add(new CaseSpec("court1", "cin", CaseCategory.CARE_LEAVER).court().build());
    AllocationRequest request = AllocationRequest.unallocated(b.build(), AS_OF, POLICY);
    AllocationPlan plan = OPTIMISER.allocate(request);
    assertEquals(Map.of("cin1", "n", "court1", "q"), plan.assignments());
    assertEquals(plan.objective().total(), plan.lowerBound().getAsDouble(), 1e-9, "exact: " + plan);
  }

  @Test
  void equalCasesSpreadInProportionToCapacity() {
    Organisation.Builder b = service().add(worker("full", "east", Role.QUALIFIED))
        .add(org.caseload.core.model.Worker.of("half", "hub", Role.QUALIFIED,
            org.caseload.core.model.Contract.PERMANENT, 0.5, AS_OF.minusYears(3)));
    for (int i = 0; i < 9; i++) {
      b.add(openCase("new" + i, "cin", CaseCategory.CHILD_IN_NEED));
    }
    AllocationPlan plan = OPTIMISER.allocate(AllocationRequest.unallocated(b.build(), AS_OF, POLICY));
    assertEquals(6.0, plan.loadAfter().get("full"), 1e-9);
    assertEquals(3.0, plan.loadAfter().get("half"), 1e-9);
    assertEquals(0, plan.gap(), 0.0);
  }

  @Test
  void reBalancingMovesNothingWhenEveryCaseMayStay() {
    Organisation.Builder b = service().add(worker("busy", "east", Role.QUALIFIED)).add(worker("quiet", "hub", Role.QUALIFIED));
    holding(b, "busy", 17);
    holding(b, "quiet", 1);
    AllocationPlan plan = OPTIMISER.allocate(AllocationRequest.rebalance(b.build(), AS_OF, POLICY));
    assertEquals(0, plan.transfers(), "a transfer costs more than any gain in balance: " + plan);
    assertEquals(0, plan.gap(), 1e-12, plan.toString());
  }

  @Test
  void reBalancingMovesOnlyWhatCapacityForces() {
    // busy holds 18 standard and 2 low-complexity children (19 1/7 weighted cases) but its capacity
    // is 18: two children must move (one is not enough), and no more than two.
    Organisation.Builder b = service().add(worker("busy", "east", Role.QUALIFIED)).add(worker("quiet", "hub", Role.QUALIFIED));
    holding(b, "busy", 18);
    for (int i = 0; i < 2; i++) {
      b.add(new CaseSpec("low" + i, "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW).opened(daysAgo(60))
          .spell("busy", daysAgo(60), null).build());
    }
    AllocationRequest request = AllocationRequest.rebalance(b.build(), AS_OF, POLICY);
    AllocationPlan plan = OPTIMISER.allocate(request);
    assertEquals(2, plan.transfers(), plan.toString());
    assertTrue(plan.loadAfter().get("busy") <= 18 + 1e-9, plan.toString());
    assertTrue(plan.unallocated().isEmpty(), plan.toString());
    AllocatorPropertiesTest.checkPlan(request, plan, "forced moves");
  }

  @Test
  void theNeighbourhoodSearchBalancesAnIntakeBetterThanMovesOfOneOrTwoGroups() {
    // LA_M's weekly intake (as in the benchmarks): 80 referrals onto 220 workers whose cases stay.
    // Relocations, swaps and ejection chains stop at a plan (balance 1,229.89) that re-placing the
    // groups of many workers at once, exactly, improves (to 1,228.3 with the default budget).
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_M, 1);
    AllocationRequest request = AllocationRequest.intake(org, SyntheticOrganisations.intake(org, InstanceFamily.LA_M, 2),
        SyntheticOrganisations.AS_OF, SyntheticOrganisations.allocationPolicy(org));
    AllocationPlan without = OptimisingAllocator.builder().neighbourhoodNodes(0).build().allocate(request);
    AllocationPlan with = OPTIMISER.allocate(request);
    assertTrue(with.objective().total() < without.objective().total() - 0.3,
        "with neighbourhoods " + with.objective() + ", without " + without.objective());
    assertEquals(with.assignments(), OPTIMISER.allocate(request).assignments(), "deterministic");
    assertEquals(with.assignments(), OPTIMISER.withThreads(2).allocate(request).assignments(), "whatever the threads");
    AllocatorPropertiesTest.checkPlan(request, with, "LA_M intake");
  }

  @Test
  void aDepartureMovesOnlyTheLeaversCases() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.TEAM, 3);
    String leaver = org.workers().get(2).id();
    List<String> theirs = new ArrayList<>();
    org.casesHeldBy(leaver).forEach(c -> theirs.add(c.id()));
    AllocationRequest request = AllocationRequest.after(org.leave(leaver, org.asOf()), org.asOf(), POLICY);
    AllocationPlan plan = OPTIMISER.allocate(request);
    assertEquals(theirs.stream().sorted().toList(), request.caseIds().stream().sorted().toList());
    Organisation after = plan.apply(request.organisation());
    for (Case c : request.organisation().openCases()) {
      if (!theirs.contains(c.id())) {
        assertEquals(c.workerId(), after.caseById(c.id()).workerId(), "stays: " + c.id());
      }
    }
    AllocatorPropertiesTest.checkPlan(request, plan, "departure");
  }

  /**
   * TEAM (seed 1) after worker w1 leaves, with the children-in-need team covering child protection
   * and looked-after cases (as in the benchmarks' scenarios): two siblings whose brother or sister
   * was held by w4 before should go back to w4 (continuity bonus 2 × 500), but w4 has room for them
   * only once two other children placed there move elsewhere. The local search used to stop with
   * the siblings elsewhere (objective 292.3) and the exact search was not tried on a part this
   * size; OR-Tools CP-SAT and Timefold both found −707.7 (CP-SAT proved it optimal).
   */
  private static AllocationRequest teamDepartureWithContinuity() {
    Organisation team = SyntheticOrganisations.generate(InstanceFamily.TEAM, 1);
    AllocationPolicy policy = POLICY.withCover("cp", "cin").withCover("lac", "cin");
    return AllocationRequest.after(team.leave("w1", team.asOf()), team.asOf(), policy);
  }

  @Test
  void aTeamDepartureReturnsSiblingsToTheirPreviousWorkerAndProvesIt() {
    AllocationRequest request = teamDepartureWithContinuity();
    AllocationPlan plan = OPTIMISER.allocate(request);
    AllocatorPropertiesTest.checkPlan(request, plan, "team departure");
    assertEquals(-1000, plan.objective().continuity(), 1e-9, plan.objective().toString());
    assertEquals(-707.726, plan.objective().total(), 1e-3, plan.objective().toString());
    assertEquals(plan.objective().total(), plan.lowerBound().getAsDouble(), 1e-9, "proven optimal: " + plan);
  }

  @Test
  void theLocalSearchAloneGathersRoomToReturnSiblingsToTheirPreviousWorker() {
    AllocationRequest request = teamDepartureWithContinuity();
    AllocationPlan plan = OptimisingAllocator.builder().searchNodes(0).build().allocate(request);
    assertEquals(-1000, plan.objective().continuity(), 1e-9, plan.objective().toString());
    assertTrue(plan.objective().total() < -707, plan.objective().toString());
  }

  @Test
  void aTimeLimitStillGivesALegalPlanWithABound() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 5);
    AllocationRequest request = AllocationRequest.rebalance(org, org.asOf(), POLICY);
    AllocationPlan plan = OPTIMISER.withTimeLimit(Duration.ofNanos(1)).allocate(request);
    AllocatorPropertiesTest.checkPlan(request, plan, "time limit");
    assertTrue(plan.lowerBound().getAsDouble() <= plan.objective().total());
  }

  @Test
  void coldStartOfASmallAuthorityIsWithinOnePercentOfItsBound() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 11);
    List<Case> waiting = new ArrayList<>();
    for (Case c : org.openCases()) {
      waiting.add(c.unallocatedOn(org.asOf()));
    }
    AllocationRequest request = AllocationRequest.unallocated(org.withCases(waiting), org.asOf(), POLICY);
    AllocationPlan plan = OPTIMISER.allocate(request);
    AllocatorPropertiesTest.checkPlan(request, plan, "cold start");
    assertTrue(plan.gap() < 0.01, plan.toString());
    assertTrue(plan.objective().total() <= GREEDY.allocate(request).objective().total());
  }

  @Test
  void whenCapacityIsShortThePlanLeavesOutWholeCasesCloseToItsBound() {
    // The bound charges for whole groups left out (a covering knapsack), and the packing start
    // fills each worker as the weights allow: the gap, once 1.7-6 million (several cases left
    // out beyond what the bound saw), is now at most about one child protection case.
    for (long seed = 1; seed <= 2; seed++) {
      for (double demand : new double[] {1.0, 1.1}) {
        AllocationRequest request = AllocationInternalsTest.coldStart(
            SyntheticOrganisations.generate(60, 900, org.caseload.core.synthetic.Mix.DEFAULT, seed), demand);
        AllocationPlan plan = OPTIMISER.allocate(request);
        String where = "seed " + seed + ", demand " + demand + ": " + plan;
        AllocatorPropertiesTest.checkPlan(request, plan, where);
        double oneCase = POLICY.unallocatedCost(CaseCategory.CHILD_PROTECTION);
        assertTrue(plan.absoluteGap() < 1.2 * oneCase, where);
        assertTrue(plan.objective().total() <= GREEDY.allocate(request).objective().total(), where);
      }
    }
  }

  @Test
  void theSameRequestGivesTheSamePlan() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 2);
    AllocationRequest request = AllocationRequest.rebalance(org, org.asOf(), POLICY);
    AllocationPlan a = OPTIMISER.allocate(request);
    AllocationPlan b = new OptimisingAllocator().allocate(request);
    AllocationPlan c = OPTIMISER.withThreads(3).allocate(request);
    for (AllocationPlan other : List.of(b, c)) {
      assertEquals(a.assignments(), other.assignments());
      assertEquals(a.objective(), other.objective());
      assertEquals(a.lowerBound(), other.lowerBound());
    }
  }
}
