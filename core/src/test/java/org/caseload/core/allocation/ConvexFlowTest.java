package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseload.core.Fixtures;
import org.caseload.core.Generators;
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

/**
 * The min-cost flow on merged classes and types against the per-group network: the same network
 * unmerged (every group and every worker a node), and {@link PerGroupFlow}, a different algorithm
 * on it. Exactness against an exhaustive search is in {@link OptimisingAllocatorPropertiesTest};
 * these properties reach parts far too large to enumerate, where merging matters most.
 */
class ConvexFlowTest {

  @Test
  void mergedEqualsPerGroupOnRandomOrganisations() {
    AtomicInteger merged = new AtomicInteger();
    qt().withFixedSeed(71L).withExamples(300)
        .forAll(Generators.organisations(), integers().between(0, 2), integers().between(0, 1000), longs().all())
        .checkAssert((org, kind, pick, seed) -> {
          AllocationRequest request = withPolicy(
              AllocatorPropertiesTest.request(OptimisingAllocatorPropertiesTest.equalWeights(org), kind, pick), seed);
          if (checkParts(request, Fixtures.dump(org))) {
            merged.incrementAndGet();
          }
        });
    assertTrue(merged.get() >= 50, "too few examples where groups merged: " + merged);
  }

  @Test
  void mergedEqualsPerGroupOnSyntheticTeamsAndSmallAuthorities() {
    qt().withFixedSeed(73L).withExamples(40)
        .forAll(longs().between(1, 1_000_000), integers().between(0, 3), integers().between(0, 1000))
        .checkAssert((seed, kind, pick) -> {
          InstanceFamily family = seed % 4 == 0 ? InstanceFamily.LA_S : InstanceFamily.TEAM;
          Organisation org = OptimisingAllocatorPropertiesTest.equalWeights(SyntheticOrganisations.generate(family, seed));
          AllocationPolicy policy = AllocationPolicy.defaults();
          AllocationRequest request = switch (kind) {
            case 0 -> AllocationRequest.unallocated(cold(org, seed), org.asOf(), policy);
            case 1 -> AllocationRequest.after(org.leave(org.workers().get(pick % org.workers().size()).id(), org.asOf()),
                org.asOf(), policy);
            case 2 -> AllocationRequest.rebalance(org, org.asOf(), policy);
            default -> AllocationRequest.unallocated(cold(org, seed), org.asOf(), policy(seed));
          };
          checkParts(request, family + " seed " + seed + " kind " + kind + " pick " + pick);
        });
  }

  /**
   * Checks every part of the request: the merged flow is feasible, deterministic and of the
   * same objective as the unmerged flow and the per-group flow. True if some class or type merged.
   */
  private static boolean checkParts(AllocationRequest request, String where) {
    AllocationProblem problem = new AllocationProblem(request);
    boolean merged = false;
    for (Part part : Part.split(problem)) {
      if (!part.equalWeights()) {
        continue;
      }
      int[] at = ConvexFlow.solve(part);
      assertTrue(part.feasible(at), "infeasible: " + where);
      assertArrayEquals(at, ConvexFlow.solve(part), "not deterministic: " + where);
      double got = part.objective(at);
      double unmerged = part.objective(ConvexFlow.solve(part, false));
      double reference = part.objective(PerGroupFlow.solve(part));
      assertEquals(reference, got, Exhaustive.tolerance(reference), "merged against per-group flow: " + where);
      assertEquals(reference, unmerged, Exhaustive.tolerance(reference), "unmerged against per-group flow: " + where);
      merged |= mergesSomething(part);
    }
    return merged;
  }

  /** True if two groups of the part have the same costs everywhere (so the flow merges them). */
  private static boolean mergesSomething(Part part) {
    for (int g = 1; g < part.size(); g++) {
      for (int h = 0; h < g; h++) {
        if (java.util.Arrays.equals(part.options[g], part.options[h]) && java.util.Arrays.equals(part.cost[g], part.cost[h])
            && part.unallocatedCost[g] == part.unallocatedCost[h]) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aGroupKeepsItsWorkerWhenTheFlowSendsItsClassThere() {
    // Four identical workers holding three cases each, interleaved; moving costs nothing and the
    // loads are already even, so the flow sends three units to each worker: each case stays.
    Organisation.Builder b = Organisation.builder("Even", Fixtures.AS_OF)
        .add(Service.of("s", "S")).add(Team.of("hub", "s", TeamKind.HUB, null));
    for (int w = 0; w < 4; w++) {
      b.add(Worker.of("w" + w, "hub", Role.QUALIFIED, Contract.PERMANENT, 1.0, Fixtures.AS_OF.minusYears(3)));
    }
    for (int i = 0; i < 12; i++) {
      b.add(new Case("c" + i, "s", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false,
          Fixtures.AS_OF.minusDays(30), null, List.of(new org.caseload.core.model.Allocation("w" + (i % 4),
              Fixtures.AS_OF.minusDays(30), null)), null));
    }
    Organisation org = OptimisingAllocatorPropertiesTest.equalWeights(b.build());
    AllocationRequest request = AllocationRequest.rebalance(org, org.asOf(), AllocationPolicy.defaults().withTransferCost(0));
    AllocationPlan plan = new OptimisingAllocator().allocate(request);
    assertEquals(0, plan.transfers(), plan.toString());
    Part part = Part.split(new AllocationProblem(request)).get(0);
    assertTrue(mergesSomething(part), "the twelve cases are one class");
  }

  /**
   * The organisation with three in four open cases unallocated and without history (the most
   * groups alike), the others held as before (loads that differ between workers).
   */
  static Organisation cold(Organisation org, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Case> changed = new ArrayList<>();
    for (Case c : org.openCases()) {
      if (r.nextInt(4) != 0) {
        changed.add(new Case(c.id(), c.serviceId(), c.category(), c.complexity(), c.familyId(), c.locality(), c.court(),
            c.opened(), null, List.of(), null));
      }
    }
    return org.withCases(changed);
  }

  private static AllocationRequest withPolicy(AllocationRequest request, long seed) {
    return new AllocationRequest(request.organisation(), request.caseIds(), request.on(), policy(seed));
  }

  /** A policy with its weights drawn from a seed, ties (zero balance weight, zero costs) included. */
  static AllocationPolicy policy(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] balance = {0, 0.5, 5, 10, 1000};
    double[] transfer = {0, 1, 1000};
    AllocationPolicy p = AllocationPolicy.defaults().withBalanceWeight(balance[r.nextInt(balance.length)])
        .withTransferCost(transfer[r.nextInt(transfer.length)]);
    return p.withLocalityMismatchCost(r.nextInt(3) == 0 ? 0 : r.nextDouble() * 20);
  }
}
