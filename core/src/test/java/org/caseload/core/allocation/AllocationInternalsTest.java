package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseload.core.Fixtures;
import org.caseload.core.Generators;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Worker;
import org.caseload.core.synthetic.Mix;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.junit.jupiter.api.Test;

/**
 * The parts of the optimising allocator, each checked on its own: the split into independent
 * parts, the local search (from first principles: every relocation is re-costed from scratch),
 * the sort used by the bound, and the local search's order of workers by free room. Exactness and the bound's validity are checked against an
 * exhaustive search in {@link OptimisingAllocatorPropertiesTest}.
 */
class AllocationInternalsTest {

  @Test
  void partsSplitTheGroupsAndWorkersWithoutOverlap() {
    qt().withFixedSeed(61L).withExamples(300)
        .forAll(Generators.organisations(), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((org, kind, pick) -> {
          AllocationProblem problem = new AllocationProblem(AllocatorPropertiesTest.request(org, kind, pick));
          String where = Fixtures.dump(org);
          Set<Integer> groups = new HashSet<>();
          Set<Integer> workers = new HashSet<>();
          for (Part part : Part.split(problem)) {
            for (int w : part.workers) {
              assertTrue(workers.add(w), "worker in two parts: " + where);
            }
            for (int i = 0; i < part.size(); i++) {
              int g = part.groups[i];
              assertTrue(groups.add(g), "group in two parts: " + where);
              AllocationProblem.Group group = problem.groups.get(g);
              for (int k = 0; k < part.options[i].length; k++) {
                int w = part.workers[part.options[i][k]];
                assertTrue(group.allows(w), "an option the rules do not allow: " + where);
                assertTrue(problem.fits(w, problem.fixedLoad[w], group.weight), "an option without room: " + where);
                assertEquals(problem.placementCost(group, w), part.cost[i][k], 0.0, where);
              }
            }
          }
          for (AllocationProblem.Group g : problem.groups) {
            boolean fitsSomewhere = false;
            for (int w : g.eligible) {
              fitsSomewhere |= problem.fits(w, problem.fixedLoad[w], g.weight);
            }
            assertEquals(fitsSomewhere, groups.contains(g.index), "a group with room somewhere is in a part: " + where);
          }
        });
  }

  @Test
  void localSearchEndsAtALocalOptimumOfRelocationsAndNeverWorsens() {
    forEachTightPart(67L, 300, (seed, request, part, start) -> {
      int[] at = LocalSearch.improve(part, start, 10_000_000, Long.MAX_VALUE); // finite: a cycling search fails
      String where = part + " of " + request + "\n" + Fixtures.dump(request.organisation());
      assertTrue(part.feasible(at), "infeasible: " + where);
      double cost = part.objective(at);
      assertTrue(cost <= part.objective(start) + 1e-9, "worse than its start: " + where);
      for (int g = 0; g < at.length; g++) {
        int[] moved = at.clone();
        for (int k = -1; k < part.options[g].length; k++) {
          moved[g] = k < 0 ? -1 : part.options[g][k];
          if (moved[g] != at[g] && part.feasible(moved)) {
            double other = part.objective(moved);
            assertTrue(other >= cost - 1e-7 * Math.max(1, Math.abs(cost)),
                "relocating group " + g + " to " + moved[g] + " gains " + (cost - other) + ": " + where);
          }
        }
      }
    });
  }

  @Test
  void aRestrictedPartPricesItsGroupsAsTheWholePartDoesUpToAConstant() {
    // Workers 0..2 of each part give up their groups; the sub-problem must cost every re-placement
    // of those groups as the whole part does, less a constant, or solving it would not solve the
    // neighbourhood.
    AtomicInteger checked = new AtomicInteger();
    forEachTightPart(83L, 120, (seed, request, part, at) -> {
      SplittableRandom r = new SplittableRandom(seed + part.size());
      int[] onto = java.util.stream.IntStream.range(0, Math.min(3, part.workerCount())).toArray();
      List<Integer> free = new ArrayList<>();
      for (int g = 0; g < part.size(); g++) {
        if (at[g] < 0 || at[g] < onto.length) {
          free.add(g);
        }
      }
      int[] groups = free.stream().mapToInt(Integer::intValue).toArray();
      double[] base = new double[onto.length];
      for (int j = 0; j < onto.length; j++) {
        base[j] = part.fixedLoad(onto[j]);
      }
      Part sub = part.restrict(groups, onto, base);
      int[] now = new int[groups.length];
      for (int i = 0; i < groups.length; i++) {
        now[i] = at[groups[i]];
      }
      assertTrue(sub.feasible(now), "the plan now is a plan of the sub-problem");
      double offset = part.objective(at) - sub.objective(now);
      for (int trial = 0; trial < 5; trial++) {
        int[] other = now.clone();
        int[] whole = at.clone();
        for (int i = 0; i < groups.length; i++) {
          int[] o = sub.options[i];
          int k = r.nextInt(o.length + 1);
          other[i] = k == o.length ? -1 : o[k];
          whole[groups[i]] = other[i] < 0 ? -1 : onto[other[i]];
        }
        assertEquals(sub.feasible(other), part.feasible(whole), "feasible in both or in neither");
        if (sub.feasible(other)) {
          double tol = Exhaustive.tolerance(part.objective(whole));
          assertEquals(part.objective(whole), sub.objective(other) + offset, tol);
          checked.incrementAndGet();
        }
      }
    });
    assertTrue(checked.get() >= 100, "too few re-placements checked: " + checked);
  }

  @Test
  void theNeighbourhoodSearchKeepsPlansFeasibleAndNeverWorse() {
    AtomicInteger gained = new AtomicInteger();
    forEachTightPart(89L, 150, (seed, request, part, start) -> {
      double[] prices = LowerBound.withPrices(part, start, OptimisingAllocator.BOUND_PASSES).prices();
      int[] better = NeighbourhoodSearch.improve(part, start, prices, NeighbourhoodSearch.LEVELS, 100_000,
          1_000_000, Long.MAX_VALUE);
      String where = request + "\n" + Fixtures.dump(request.organisation());
      assertTrue(part.feasible(better), "feasible: " + where);
      double before = part.objective(start);
      double after = part.objective(better);
      assertTrue(after <= before + Exhaustive.tolerance(before), "worse: " + after + " > " + before + ": " + where);
      assertArrayEquals(better, NeighbourhoodSearch.improve(part, start, prices, NeighbourhoodSearch.LEVELS,
          100_000, 1_000_000, Long.MAX_VALUE), "deterministic: " + where);
      if (after < before - 1e-6) {
        gained.incrementAndGet();
      }
    });
    assertTrue(gained.get() >= 20, "the neighbourhood search improved too few greedy plans: " + gained);
  }

  @Test
  void branchAndBoundFindsTheOptimumFromAPoorStartAndTheBoundIsNeverAboveIt() {
    AtomicInteger checked = new AtomicInteger();
    qt().withFixedSeed(71L).withExamples(250)
        .forAll(longs().all(), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((seed, kind, pick) -> {
          AllocationRequest request = OptimisingAllocatorPropertiesTest.tightRequest(seed, kind, pick);
          AllocationProblem problem = new AllocationProblem(request);
          OptionalDouble exact = Exhaustive.optimum(problem, 50_000);
          if (exact.isEmpty()) {
            return;
          }
          checked.incrementAndGet();
          String where = request + "\n" + Fixtures.dump(request.organisation());
          int[] assign = new int[problem.groups.size()];
          Arrays.fill(assign, -1);
          int[] greedy = GreedyAllocator.assign(problem);
          double bound = 0;
          boolean[] inPart = new boolean[assign.length];
          for (Part part : Part.split(problem)) {
            int[] nothing = new int[part.size()];
            Arrays.fill(nothing, -1);
            int[] best = BranchAndBound.solve(part, nothing, Long.MAX_VALUE);
            // Pruned also by the Lagrangian bound at the prices of the part's bound: the same optimum.
            double[] prices = LowerBound.withPrices(part, part.localise(greedy), OptimisingAllocator.BOUND_PASSES).prices();
            BranchAndBound.Result search = BranchAndBound.search(part, nothing, prices, Long.MAX_VALUE);
            assertTrue(search.proven(), where);
            int[] priced = search.best();
            assertEquals(part.objective(best), part.objective(priced), Exhaustive.tolerance(part.objective(best)),
                "with prices: " + where);
            part.store(best, assign);
            bound += LowerBound.of(part, part.localise(greedy), OptimisingAllocator.BOUND_PASSES);
            for (int g : part.groups) {
              inPart[g] = true;
            }
          }
          for (AllocationProblem.Group g : problem.groups) {
            bound += inPart[g.index] ? 0 : g.unallocatedCost;
          }
          double optimum = exact.getAsDouble();
          double tol = Exhaustive.tolerance(optimum);
          assertEquals(optimum, problem.evaluate(assign).total(), tol, "branch and bound: " + where);
          assertTrue(bound <= optimum + tol, "bound " + bound + " above the optimum " + optimum + ": " + where);
        });
    assertTrue(checked.get() >= 150, "too few small requests checked: " + checked);
  }

  @Test
  void theGranuleIsTheLargestWholeFractionOfEveryWeight() {
    assertEquals(1.0 / 7, Part.granule(new double[] {4.0 / 7, 1, 10.0 / 7, 4.0 / 7 + 10.0 / 7 + 1}), 0.0);
    assertEquals(0.5, Part.granule(new double[] {0.5, 1.5, 3}), 0.0);
    assertEquals(1.0, Part.granule(new double[] {1, 2, 5}), 0.0);
    assertEquals(0.1, Part.granule(new double[] {0.1 + 0.2, 1}), 1e-15);
    assertEquals(0.0, Part.granule(new double[] {Math.PI}), 0.0);
  }

  @Test
  void aWorkersRoomIsWholeGranulesWithinCapacityAndNeverBelowWhatFits() {
    qt().withFixedSeed(67L).withExamples(200)
        .forAll(longs().all(), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((seed, kind, pick) -> {
          AllocationProblem problem = new AllocationProblem(OptimisingAllocatorPropertiesTest.tightRequest(seed, kind, pick));
          for (Part part : Part.split(problem)) {
            for (int w = 0; w < part.workerCount(); w++) {
              double load = part.fixedLoad(w);
              double room = part.room(w, load);
              assertTrue(room >= 0 && room <= Math.max(0, part.capacity(w) + AllocationProblem.EPS - load) + 1e-12);
              if (part.granule > 0) {
                double units = (room - AllocationProblem.EPS) / part.granule;
                assertTrue(room == 0 || Math.abs(units - Math.rint(units)) < 1e-6, "whole granules: " + room);
              }
              // Any group that fits is within the room, and so is any two that fit together.
              for (int g = 0; g < part.size(); g++) {
                if (part.optionIndex(g, w) >= 0 && part.fits(w, load, part.weight[g])) {
                  assertTrue(part.weight[g] <= room, part.weight[g] + " fits but room is " + room);
                  for (int h = g + 1; h < part.size(); h++) {
                    double both = part.weight[g] + part.weight[h];
                    if (part.optionIndex(h, w) >= 0 && part.fits(w, load + part.weight[g], part.weight[h])) {
                      assertTrue(both <= room, both + " fits but room is " + room);
                    }
                  }
                }
              }
            }
          }
        });
  }

  @Test
  void localSearchStaysLegalAndNeverWorsensWhenCapacityIsShort() {
    // Synthetic authorities with every case waiting and capacity cut to 100% and 110% of the
    // demand: ejection chains and gathering room (several moves undone when they do not pay)
    // run throughout. The allocator would fall back to its start on an illegal result; this
    // checks the local search itself.
    int gathered = 0;
    for (long seed = 1; seed <= 3; seed++) {
      for (double demand : new double[] {1.0, 1.1}) {
        AllocationRequest request = coldStart(SyntheticOrganisations.generate(60, 900, Mix.DEFAULT, seed), demand);
        AllocationProblem problem = new AllocationProblem(request);
        for (Part part : Part.split(problem)) {
          int[] start = OptimisingAllocator.fillByValue(part, true);
          int[] at = LocalSearch.improve(part, start, 5_000_000, Long.MAX_VALUE);
          String where = part + ", seed " + seed + ", demand " + demand;
          assertTrue(part.feasible(at), "illegal: " + where);
          assertTrue(part.objective(at) <= part.objective(start) + 1e-9, "worse than its start: " + where);
          int before = 0;
          int after = 0;
          for (int g = 0; g < at.length; g++) {
            before += start[g] < 0 ? 1 : 0;
            after += at[g] < 0 ? 1 : 0;
          }
          gathered += before - after;
        }
      }
    }
    assertTrue(gathered > 0, "the local search placed no group its start left unallocated");
  }

  @Test
  void pairsOfWorkersInADensePartEndSplitSoThatNoMoveOrSwapBetweenThemGains() {
    // Cold starts of synthetic authorities (about 15 cases per worker): the neighbourhood search's
    // first step re-splits pairs of workers exactly until no sweep gains. Its result must then be
    // optimal for every pair against the moves of one group and swaps of two between them, checked
    // here from first principles (each re-costed), which a wrong split would break.
    int dense = 0;
    int gained = 0;
    for (long seed = 1; seed <= 4; seed++) {
      for (double demand : new double[] {0.9, 1.0, 1.1}) {
        AllocationRequest request = coldStart(SyntheticOrganisations.generate(40, 600, Mix.DEFAULT, seed), demand);
        for (Part part : Part.split(new AllocationProblem(request))) {
          if (part.granule <= 0 || part.size() < 10L * part.workerCount()) {
            continue;
          }
          dense++;
          String where = part + ", seed " + seed + ", demand " + demand;
          int[] start = LocalSearch.improve(part, OptimisingAllocator.fillByValue(part, true), 100_000, Long.MAX_VALUE);
          double[] prices = LowerBound.withPrices(part, start, OptimisingAllocator.BOUND_PASSES).prices();
          // No levels of neighbourhoods: the matching and the pairs only, with budget to converge.
          int[] at = NeighbourhoodSearch.improve(part, start, prices, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
          assertTrue(part.feasible(at), "illegal: " + where);
          double before = part.objective(start);
          double after = part.objective(at);
          assertTrue(after <= before + Exhaustive.tolerance(before), "worse: " + where);
          gained += after < before - 1e-6 ? 1 : 0;
          assertArrayEquals(at, NeighbourhoodSearch.improve(part, start, prices, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE),
              "deterministic: " + where);
          double[] load = part.loads(at);
          double tol = 1e-7 * Math.max(1, Math.abs(after));
          for (int g = 0; g < at.length; g++) {
            int u = at[g];
            if (u < 0) {
              continue;
            }
            for (int v : part.options[g]) {
              if (v == u) {
                continue;
              }
              double a = part.weight[g];
              double out = part.cost(g, u) + part.balanceCost(u, load[u]) + part.balanceCost(v, load[v]);
              if (part.fits(v, load[v], a)) {
                double moved = part.cost(g, v) + part.balanceCost(u, load[u] - a) + part.balanceCost(v, load[v] + a);
                assertTrue(moved >= out - tol, "moving group " + g + " from " + u + " to " + v + " gains: " + where);
              }
              for (int h = 0; h < at.length; h++) {
                double b = part.weight[h];
                if (at[h] == v && part.optionIndex(h, u) >= 0 && part.fits(u, load[u] - a, b)
                    && part.fits(v, load[v] - b, a)) {
                  double was = out + part.cost(h, v);
                  double swapped = part.cost(g, v) + part.cost(h, u) + part.balanceCost(u, load[u] - a + b)
                      + part.balanceCost(v, load[v] - b + a);
                  assertTrue(swapped >= was - tol, "swapping groups " + g + " and " + h + " gains: " + where);
                }
              }
            }
          }
        }
      }
    }
    assertTrue(dense >= 12, "too few dense parts: " + dense);
    assertTrue(gained >= 6, "re-splitting pairs improved too few local optima: " + gained);
  }

  /** Every open case of {@code org} waiting, with capacity per FTE scaled so that weight ÷ capacity = {@code demand}. */
  static AllocationRequest coldStart(Organisation org, double demand) {
    double weight = 0;
    double capacity = 0;
    for (Case c : org.openCases()) {
      weight += org.weight(c);
    }
    for (Worker w : org.workers()) {
      capacity += org.capacity(w.id());
    }
    CapacityPolicy policy = org.capacityPolicy();
    for (Role role : Role.values()) {
      policy = policy.withCapacityPerFte(role, policy.capacityPerFte().get(role) * weight / capacity / demand);
    }
    Organisation scaled = org.withCapacityPolicy(policy);
    List<Case> waiting = new ArrayList<>();
    for (Case c : scaled.openCases()) {
      waiting.add(c.unallocatedOn(scaled.asOf()));
    }
    return AllocationRequest.unallocated(scaled.withCases(waiting), scaled.asOf(), AllocationPolicy.defaults());
  }

  @Test
  void sortByKeyCarriesValuesAlong() {
    SplittableRandom r = new SplittableRandom(7);
    for (int n : new int[] {0, 1, 2, 15, 17, 100, 1000}) {
      double[] key = new double[n];
      double[] value = new double[n];
      for (int i = 0; i < n; i++) {
        key[i] = r.nextInt(50) - 25 + (r.nextBoolean() ? 0.5 : 0);
        value[i] = 3 * key[i] + 1; // a function of the key, so pairs can be checked after
      }
      double[] expected = key.clone();
      Arrays.sort(expected);
      LowerBound.sortByKey(key, value, 0, n - 1);
      assertArrayEquals(expected, key, "n=" + n);
      for (int i = 0; i < n; i++) {
        assertEquals(3 * key[i] + 1, value[i], 0.0, "n=" + n);
      }
    }
  }

  @Test
  void unitsOfTheSearchSpaceAreCounted() {
    AllocationProblem problem = new AllocationProblem(AllocatorPropertiesTest.request(Fixtures.riverside(), 2, 0));
    List<Part> parts = Part.split(problem);
    double total = 0;
    for (Part part : parts) {
      total += BranchAndBound.searchSpace(part);
    }
    assertTrue(total > 0 && total <= Exhaustive.space(problem) + 1e-9, "parts' spaces are at most the whole: " + total);
  }

  /** A check of one part of a request, given the greedy plan localised to it. */
  private interface PartCheck {
    void check(long seed, AllocationRequest request, Part part, int[] greedyStart);
  }

  /**
   * A property over the parts of tight generated requests ({@link OptimisingAllocatorPropertiesTest#tightRequest}):
   * {@code examples} requests from {@code fixedSeed}, each part checked from the greedy plan.
   */
  private static void forEachTightPart(long fixedSeed, int examples, PartCheck check) {
    qt().withFixedSeed(fixedSeed).withExamples(examples)
        .forAll(longs().all(), integers().between(0, 2), integers().between(0, 1000))
        .checkAssert((seed, kind, pick) -> {
          AllocationRequest request = OptimisingAllocatorPropertiesTest.tightRequest(seed, kind, pick);
          AllocationProblem problem = new AllocationProblem(request);
          int[] greedy = GreedyAllocator.assign(problem);
          for (Part part : Part.split(problem)) {
            check.check(seed, request, part, part.localise(greedy));
          }
        });
  }

  @Test
  void theOrderOfWorkersByFreeRoomIsAlwaysAFullSortHoweverItIsMended() {
    qt().withFixedSeed(89L).withExamples(300)
        .forAll(integers().between(1, 60), longs().all())
        .checkAssert((m, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          double[] capacity = new double[m];
          double[] load = new double[m];
          for (int w = 0; w < m; w++) {
            capacity[w] = 14 + random.nextInt(8); // few values: equal room is common
            load[w] = random.nextInt(15) / 7.0;
          }
          RoomOrder order = new RoomOrder(capacity, load);
          for (int batch = 0; batch < 40; batch++) {
            // a batch of moves, each changing two workers' loads (or one, with −1 for unallocated);
            // sometimes more than can be mended, sometimes none
            int moves = random.nextInt(random.nextInt(4) == 0 ? 20 : 5);
            for (int i = 0; i < moves; i++) {
              int from = random.nextInt(m + 1) - 1;
              int to = random.nextInt(m + 1) - 1;
              double a = (1 + random.nextInt(10)) / 7.0;
              if (from >= 0) {
                load[from] -= a;
              }
              if (to >= 0) {
                load[to] += a;
              }
              order.changed(from);
              order.changed(to);
            }
            Integer[] expected = new Integer[m];
            for (int w = 0; w < m; w++) {
              expected[w] = w;
            }
            Arrays.sort(expected, (x, y) -> {
              int c = Double.compare(capacity[y] - load[y], capacity[x] - load[x]);
              return c != 0 ? c : Integer.compare(x, y);
            });
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), order.sorted(),
                "m " + m + ", batch " + batch + ", " + moves + " moves");
          }
        });
  }
}
