package org.caseload.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A fast allocator for the weekly intake: takes the groups (a child, or siblings together) from
 * the highest risk and hardest to place down, and gives each the worker with the lowest cost
 * for it at that moment — its current worker if it has one and they have room, otherwise the
 * cheapest by continuity, locality and balance among the workers allowed to take it.
 *
 * <p>The workers allowed for a kind of case form a pool kept ordered by utilisation, so the
 * cheapest worker is found by walking the pool from the least loaded and stopping as soon as no
 * busier worker can be cheaper (the balance cost of a worker is at least 2 × balance weight ×
 * utilisation × weight): about O(log m) per group, O(n log m) in all for n groups and m workers.
 * A pool costs O(m log m) to build, so the groups of a kind too few to repay it (fewer than
 * {@value #POOL_GROUPS}, such as the cases of one worker who leaves) search their workers
 * directly, taking the same worker the pool would. It gives no lower bound. Stateless and
 * thread-safe; the same request gives the same plan.
 */
public final class GreedyAllocator implements Allocator {
  /** Groups allowed this few workers are searched directly rather than through a pool. */
  private static final int SMALL = 8;
  /**
   * Fewest groups sharing a kind's workers for which they are kept in a pool: fewer search them
   * directly, each O(m) but a few arithmetic operations per worker, against the pool's O(m log m)
   * insertions into a tree to build (measured on LA_M, about 60 ns per worker; a direct search about
   * 4 ns per worker and group) and O(log m) per group after.
   */
  static final int POOL_GROUPS = 16;
  /** The name used in scenario files. */
  public static final String NAME = "greedy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AllocationPlan allocate(AllocationRequest request) {
    AllocationProblem problem = new AllocationProblem(request);
    return problem.plan(NAME, assign(problem), OptionalDouble.empty());
  }

  /** The greedy assignment ({@code assign[g]} = worker index or -1), for use as a starting point. */
  static int[] assign(AllocationProblem problem) {
    return assign(problem, POOL_GROUPS);
  }

  /**
   * As {@link #assign(AllocationProblem)}, keeping the workers of a kind in a pool when at least
   * {@code poolGroups} groups share them (the plan is the same whatever it is; the tests check it).
   */
  static int[] assign(AllocationProblem problem, int poolGroups) {
    return new Run(problem, poolGroups).run();
  }

  /** The mutable state of one run. */
  private static final class Run {
    private final AllocationProblem p;
    private final double[] load;
    /** Pools by the identity of the shared eligibility arrays they hold. */
    private final Map<int[], TreeSet<Integer>> pools = new IdentityHashMap<>();
    /** Groups per shared eligibility array: those of fewer than {@link #poolGroups} get no pool. */
    private final Map<int[], Integer> sharing = new IdentityHashMap<>();
    /** The pools each worker is in, made when it first joins one. */
    private final List<List<TreeSet<Integer>>> poolsOf;
    private final Comparator<Integer> byUtilisation;

    private final int poolGroups;

    Run(AllocationProblem p, int poolGroups) {
      this.p = p;
      this.poolGroups = poolGroups;
      this.load = p.fixedLoad.clone();
      this.byUtilisation = (a, b) -> {
        int c = Double.compare(load[a] / p.capacity[a], load[b] / p.capacity[b]);
        return c != 0 ? c : Integer.compare(a, b);
      };
      this.poolsOf = new ArrayList<>(Collections.nCopies(p.workerCount(), null));
      for (AllocationProblem.Group g : p.groups) {
        sharing.merge(g.pool, 1, Integer::sum);
      }
    }

    int[] run() {
      List<AllocationProblem.Group> order = new ArrayList<>(p.groups);
      order.sort(Comparator
          .comparingDouble((AllocationProblem.Group g) -> -g.unallocatedCost / g.size())
          .thenComparingInt(g -> g.eligible.length)
          .thenComparingDouble(g -> -g.weight)
          .thenComparingInt(g -> g.index));
      int[] assign = new int[p.groups.size()];
      Arrays.fill(assign, -1);
      for (AllocationProblem.Group g : order) {
        if (g.eligible.length == 0) {
          continue;
        }
        int w = cheapest(g);
        if (w >= 0) {
          assign[g.index] = w;
          place(w, g.weight);
        }
      }
      return assign;
    }

    /** The worker with the lowest cost for {@code g} now, or -1 if none has room. */
    private int cheapest(AllocationProblem.Group g) {
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      int holder = g.holder();
      if (holder >= 0 && g.allows(holder) && p.fits(holder, load[holder], g.weight)) {
        best = holder;
        bestCost = cost(g, holder);
      }
      for (int w : g.previous) {
        if (g.allows(w) && p.fits(w, load[w], g.weight)) {
          double c = cost(g, w);
          if (c < bestCost) {
            best = w;
            bestCost = c;
          }
        }
      }
      // Any other worker pays the transfers of every case held now, no continuity, locality >= 0,
      // and a balance cost of at least 2 x weight x utilisation x group weight.
      double floor = p.transferCost(g, -1);
      boolean pooled = g.eligible.length > SMALL;
      if (!pooled || sharing.get(g.pool) < poolGroups) {
        // Every allowed worker; among equal costs, the first by index, or the one a pool would
        // meet first where the group would have one. A worker who holds none of the group's
        // cases and held none before costs the floor, its locality cost and the balance change.
        boolean scanned = false;
        int[] own = ownWorkers(g);
        int next = 0;
        for (int w : g.eligible) {
          while (next < own.length && own[next] < w) {
            next++;
          }
          if (!p.fits(w, load[w], g.weight)) {
            continue;
          }
          double c = next < own.length && own[next] == w ? cost(g, w)
              : floor + p.localityCost(g, w) + p.balanceDelta(w, load[w], g.weight);
          if (c < bestCost || (pooled && c == bestCost && scanned && byUtilisation.compare(w, best) < 0)) {
            best = w;
            bestCost = c;
            scanned = true;
          }
        }
        return best;
      }
      double slope = 2 * p.policy.balanceWeight() * g.weight;
      for (int w : pool(g.pool)) {
        if (floor + slope * (load[w] / p.capacity[w]) >= bestCost) {
          break;
        }
        if (g.allows(w) && p.fits(w, load[w], g.weight)) {
          double c = cost(g, w);
          if (c < bestCost) {
            best = w;
            bestCost = c;
          }
        }
      }
      return best;
    }

    /** The workers who hold one of the group's cases or held one before, ascending. */
    private static int[] ownWorkers(AllocationProblem.Group g) {
      int[] own = Arrays.copyOf(g.previous, g.previous.length + g.current.length);
      int k = g.previous.length;
      for (int c : g.current) {
        if (c >= 0) {
          own[k++] = c;
        }
      }
      if (k == g.previous.length) {
        return g.previous;
      }
      own = Arrays.copyOf(own, k);
      Arrays.sort(own);
      return own;
    }

    private double cost(AllocationProblem.Group g, int w) {
      return p.placementCost(g, w) + p.balanceDelta(w, load[w], g.weight);
    }

    /** The workers of {@code members}, ordered by utilisation; one pool per kind of case, shared by its groups. */
    private TreeSet<Integer> pool(int[] members) {
      TreeSet<Integer> pool = pools.get(members);
      if (pool == null) {
        pool = new TreeSet<>(byUtilisation);
        for (int w : members) {
          pool.add(w);
          if (poolsOf.get(w) == null) {
            poolsOf.set(w, new ArrayList<>(2));
          }
          poolsOf.get(w).add(pool);
        }
        pools.put(members, pool);
      }
      return pool;
    }

    private void place(int w, double weight) {
      List<TreeSet<Integer>> in = poolsOf.get(w);
      if (in == null) {
        load[w] += weight;
        return;
      }
      for (TreeSet<Integer> pool : in) {
        pool.remove(w);
      }
      load[w] += weight;
      for (TreeSet<Integer> pool : in) {
        pool.add(w);
      }
    }
  }

  @Override
  public String toString() {
    return "GreedyAllocator";
  }
}
