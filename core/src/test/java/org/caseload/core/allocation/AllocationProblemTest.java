package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.caseload.core.Fixtures;
import org.caseload.core.Generators;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.junit.jupiter.api.Test;

/** The compiled problem's own helpers, checked against what they stand for. */
class AllocationProblemTest {

  @Test
  void roundWritesWhatTheFormatterWrites() {
    qt().withFixedSeed(83L).withExamples(20_000).forAll(doubles().any())
        .checkAssert(x -> assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x));
    // Halfway cases, where rounding half up and the shortest decimal matter.
    qt().withFixedSeed(89L).withExamples(20_000).forAll(integers().between(-100_000, 10_000_000))
        .checkAssert(k -> {
          double x = k / 1000.0;
          assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x);
        });
    for (double x : new double[] {0.0, -0.0, 0.005, 0.015, 1.005, 2.675, 1e-9, 1e21, 123456789.125, Double.MIN_VALUE,
        Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.005}) {
      assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x);
    }
  }

  @Test
  void roundWritesWhatTheFormatterWritesForLoadsAndNearTies() {
    // The range of loads and free capacities (where round skips the decimal arithmetic) ...
    qt().withFixedSeed(97L).withExamples(50_000).forAll(doubles().between(0, 2e6))
        .checkAssert(x -> assertEquals(String.format(Locale.ROOT, "%.2f", x), AllocationProblem.round(x), "x = " + x));
    // ... and a few ulps either side of every tie and every whole hundredth up to 100.
    for (int k = 0; k <= 20_000; k++) {
      double x = k / 200.0;
      for (int ulps = -3; ulps <= 3; ulps++) {
        double y = x;
        for (int i = 0; i < Math.abs(ulps); i++) {
          y = ulps < 0 ? Math.nextDown(y) : Math.nextUp(y);
        }
        if (y >= 0) {
          assertEquals(String.format(Locale.ROOT, "%.2f", y), AllocationProblem.round(y), "x = " + y);
        }
      }
    }
  }

  /**
   * A plan shares one reason between groups that {@link AllocationProblem#reason} cannot tell
   * apart: every unallocated case's reason must equal the reason computed for its group alone.
   */
  @Test
  void everyUnallocatedCaseHasTheReasonOfItsGroupAlone() {
    for (Allocator allocator : AllocatorPropertiesTest.ALLOCATORS) {
      qt().withFixedSeed(101L).withExamples(300)
          .forAll(Generators.organisations(), integers().between(0, 2), integers().between(0, 1000))
          .checkAssert((org, kind, pick) -> {
            AllocationRequest request = AllocatorPropertiesTest.request(org, kind, pick);
            checkReasons(request, allocator.allocate(request), allocator.name() + " on " + request + "\n"
                + Fixtures.dump(request.organisation()));
          });
    }
  }

  /** Requests where little or nothing can be placed, on the synthetic families: reasons as computed group by group. */
  @Test
  void reasonsWhereLittleOrNothingCanBePlacedAreThoseOfEachGroupAlone() {
    for (InstanceFamily family : List.of(InstanceFamily.TEAM, InstanceFamily.LA_S)) {
      Organisation org = SyntheticOrganisations.generate(family, 1);
      AllocationPolicy policy = SyntheticOrganisations.allocationPolicy(org);
      List<String> all = org.teams().stream().map(Team::id).toList();
      // Every team dissolved: no worker anywhere.
      AllocationRequest none = AllocationRequest.after(org.dissolveTeams(all, org.asOf()), org.asOf(), policy);
      // Every worker but one leaves: their cases wait for that one, short of room, or for no one.
      List<String> leavers = org.workers().stream().skip(1).map(Worker::id).toList();
      AllocationRequest some = AllocationRequest.after(org.leave(leavers, org.asOf()), org.asOf(), policy);
      for (AllocationRequest request : List.of(none, some)) {
        for (Allocator allocator : AllocatorPropertiesTest.ALLOCATORS) {
          AllocationPlan plan = allocator.allocate(request);
          checkReasons(request, plan, allocator.name() + " on " + family + " " + request);
          if (request == none) {
            assertEquals(Set.copyOf(request.caseIds()), plan.unallocated().keySet(), family.name());
            plan.unallocated().values().forEach(u -> assertEquals(Unallocated.Reason.NO_WORKER_IN_SERVICE, u.reason()));
          }
        }
      }
      AllocationPlan plan = new OptimisingAllocator().allocate(some);
      assertTrue(plan.unallocated().values().stream()
          .anyMatch(u -> u.reason() == Unallocated.Reason.EVERY_ELIGIBLE_WORKER_FULL && u.shortfall() > 0),
          family + ": some case waits for room, with how far short: " + plan.unallocated());
    }
  }

  /** Checks every unallocated case's reason against {@link AllocationProblem#reason} of its group alone. */
  private static void checkReasons(AllocationRequest request, AllocationPlan plan, String where) {
    AllocationProblem problem = new AllocationProblem(request);
    int[] assign = CompiledRequest.of(request).assignmentOf(plan);
    double[] load = problem.loads(assign);
    for (AllocationProblem.Group g : problem.groups) {
      if (assign[g.index] >= 0) {
        continue;
      }
      Unallocated alone = problem.reason(g, load);
      for (Case c : g.cases) {
        assertEquals(alone, plan.unallocated().get(c.id()), c.id() + ": " + where);
      }
    }
  }

  /**
   * Compiling looks each kind of case up once: every group's weights and cost of leaving it
   * unallocated are still those of {@link Organisation#weight} and the policy, case by case; cases
   * of one service, category, court status and joint worker share one eligibility array whatever
   * their complexity (allocators share structures by it); groups no worker may take share one
   * empty array.
   */
  @Test
  void compilingLooksEachKindUpOnceAndSharesItsArrays() {
    qt().withFixedSeed(103L).withExamples(300)
        .forAll(Generators.organisations(), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((org, kind, pick) -> {
          AllocationRequest request = AllocatorPropertiesTest.request(org, kind, pick);
          AllocationProblem problem = new AllocationProblem(request);
          Organisation o = request.organisation();
          Map<List<Object>, int[]> pools = new HashMap<>();
          int[] noWorkers = null;
          for (AllocationProblem.Group g : problem.groups) {
            double cost = 0;
            for (int i = 0; i < g.size(); i++) {
              Case c = g.cases.get(i);
              assertEquals(o.weight(c), g.weights[i], 0.0, c.id());
              cost += request.policy().unallocatedCost(c.category());
            }
            assertEquals(cost, g.unallocatedCost, 0.0, g.cases.toString());
            if (g.noWorker != null) {
              assertEquals(0, g.eligible.length);
              noWorkers = noWorkers == null ? g.eligible : noWorkers;
              assertSame(noWorkers, g.eligible, "one empty array for groups no worker may take");
              continue;
            }
            Case c = g.cases.get(0);
            List<Object> key = new ArrayList<>();
            key.add(c.serviceId());
            key.add(c.category());
            key.add(c.court());
            key.add(c.jointWorkerId() == null ? null : o.worker(c.jointWorkerId()).role());
            int[] pool = pools.computeIfAbsent(key, k -> g.pool);
            assertSame(pool, g.pool, "one eligibility array per kind whatever the complexity: " + key);
          }
          assertTrue(problem.groups.stream().allMatch(g -> Objects.nonNull(g.previous)));
        });
  }
}
