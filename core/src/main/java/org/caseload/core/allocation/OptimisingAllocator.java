package org.caseload.core.allocation;

import com.google.common.math.LongMath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * An allocator for re-allocation and re-balancing that minimises the objective of
 * {@link AllocationPolicy} and proves how far from the optimum its plan can be: every plan
 * carries a {@linkplain AllocationPlan#lowerBound() lower bound}, equal to its objective when the
 * plan is proven optimal.
 *
 * <p>The request is split into independent parts (groups that share no possible worker: in the
 * synthetic authorities, one per service), each solved on its own:
 * <ul>
 *   <li><b>Exact, by min-cost flow</b>, when every group of the part weighs the same (for
 *       example children alone, all of one weight): a flow with convex costs for load balance
 *       gives the optimum, however large the part.
 *   <li>Otherwise (cases of different weights, sibling groups: a generalised assignment
 *       problem), <b>local search</b> from the best of the greedy plan, a fill by cost per weighted
 *       case and, when capacity is short, a tight fill and a packing worker by worker (see
 *       {@code fillByPacking}): moving a group, swapping two, ejection chains and gathering scraps
 *       of room to place a group left unallocated or to bring a placed one to a worker where it
 *       costs less (one who held the child before); only improving moves are taken, until none is
 *       left or the move budget is spent. The lower bound is then a Lagrangian bound that also
 *       charges for leaving out whole groups where room is short (see the package-private
 *       {@code LowerBound}), and the plan's {@linkplain AllocationPlan#gap() gap} says how far
 *       from the optimum it may be.
 *   <li><b>Large-neighbourhood search</b> next (see the package-private {@code NeighbourhoodSearch}):
 *       the groups of a few workers that share eligibility, with some of those left unallocated,
 *       are placed again exactly by branch and bound, and the new placement kept when it costs
 *       less; where load is sparse, every group of the workers holding at most one is
 *       placed again at once, exactly, as an assignment problem; where it is dense (a cold start),
 *       each pair of workers splits the groups both may take between them again, exactly, by
 *       dynamic programming over the weights. It finds what moves of one or two groups cannot:
 *       which groups to pack into the room of a few workers, and load traded round a cycle of
 *       workers or between two many groups at a time. Its budget is
 *       {@linkplain #neighbourhoodNodes() its own}, fifty times a part's share where the part's
 *       bound leaves room for placing one more of the children it leaves waiting; unbounded, with
 *       a {@linkplain #withTimeLimit time limit}, it goes on to larger neighbourhoods and then to
 *       neighbourhoods drawn at random (from a fixed seed) until the time is spent or none
 *       improves.
 *   <li><b>Exact, by branch and bound</b>, when the part is small (its assignments, capacity
 *       apart, number at most 10<sup>24</sup>: a team's or a small authority's departures and
 *       intakes) and the search ends within its node budget; it is pruned by the Lagrangian bound
 *       at the prices of the part's bound. A first slice of its nodes runs before the
 *       neighbourhoods (a part proven optimal there needs none), the rest after, from their
 *       plan; a part of more workers than a team gets fewer nodes (see the package-private
 *       {@code perNode}).
 * </ul>
 * A case that holds its worker moves only when a hard rule forces it or when moving it gains
 * more than the transfer costs (the objective's transfer term sees to it).
 *
 * <p>Where the bound is weak: it is a relaxation in which a case may be split between workers,
 * corrected for the whole cases that must be left out of each pool of workers short of room, but
 * not for how the weights pack into each worker; and in a re-balance, it does not see the
 * transfers needed to make whole room for waiting cases. The gap is then an upper limit on how far
 * the plan is from the optimum, not a measure of it.
 *
 * <p>Deterministic: the same request gives the same plan, since every budget is counted in
 * moves or search nodes, and whatever the number of {@linkplain #withThreads threads}. A
 * {@linkplain #withTimeLimit time limit} is also available; when it stops a search, the plan
 * depends on the speed of the machine. Stateless and thread-safe.
 */
public final class OptimisingAllocator implements Allocator {
  /** The name used in scenario files. */
  public static final String NAME = "optimising";
  /** Default budget of the local search, in moves evaluated over the whole request. */
  public static final long DEFAULT_MOVE_BUDGET = 20_000_000L;
  /**
   * Default budget of the exact search, in nodes per request: shared over its parts in proportion
   * to their groups (less for parts of more workers than a team: a team has 12), each
   * part at least {@value #MIN_PART_NODES} (never more than the whole).
   */
  public static final long DEFAULT_SEARCH_NODES = 1_000_000L;
  /**
   * Default budget of the large-neighbourhood search, in nodes of its exact searches per request,
   * shared over its parts in proportion to their groups (with no least share: a request of many
   * parts, such as a national one, spends no more on it than one of a single part), and
   * fifty times a part's share where it may yet place a waiting child.
   */
  public static final long DEFAULT_NEIGHBOURHOOD_NODES = 20_000L;
  /**
   * How many times its share of the neighbourhood budget a part gets when its bound leaves room for
   * placing one more of its waiting groups (see {@link #mayPlaceAnother}): a child placed rather
   * than left waiting is worth far more search than balance is (measured on the generated
   * families: LA_S's team dissolved leaves one child fewer waiting after about 100,000 nodes and
   * packs the rest as well as CP-SAT does in 10 s after about 300,000; the other parts where this
   * holds are those of demand at or above capacity, whose neighbourhoods cost little beside their
   * start). Parts without such room, among them every intake and departure of the families, keep
   * their share.
   */
  static final long WAITING_STAKES = 50;
  /**
   * How many times its share of the neighbourhood budget a dense part's pairs of workers may spend
   * re-splitting their groups (see the package-private {@code NeighbourhoodSearch}): a sweep costs
   * about a node per group per worker of the part, and on the generated families two or three
   * sweeps take most of what pairs gain (measured: on LA_S's demand at 100% of capacity, ten times
   * takes the plan below Timefold's 10 s best; the share alone does not).
   */
  static final long PAIR_BUDGET = 10;
  /**
   * A part is searched exactly when it has at most 10^this assignments (capacity apart): a
   * team's departures and intakes (up to about 10^18 for a departure from a team of 12).
   */
  static final double EXACT_SEARCH_SPACE_LOG10 = 24;
  /** Passes of the fractional relaxation that prices the workers for the lower bound. */
  static final int BOUND_PASSES = 30;

  /**
   * Nodes per group of the exact search tried without prices before a small part is bounded: enough
   * to prove a plan that is already optimal when little can change, few enough to cost less than
   * the bound when it cannot.
   */
  static final int UNPRICED_NODES_PER_GROUP = 20;
  /** Rounds of packing again, and how many full workers join those with room each time. */
  private static final int REPACK_ROUNDS = 30;
  private static final int REPACK_WITH = 6;
  /** Largest dynamic-programming table (granules × items) a packing start fills. */
  private static final long MAX_PACKING_CELLS = 20_000_000L;
  /** Fewest moves any part may evaluate, however small its share of the budget. */
  private static final long MIN_PART_MOVES = 10_000;
  /** Workers of a team (the TEAM family's 12); see {@link #perNode}. */
  static final int TEAM_WORKERS = 12;
  /** Fewest nodes any part's exact search may visit, however small its share of the budget. */
  static final long MIN_PART_NODES = 10_000;

  private final long moveBudget;
  private final long searchNodes;
  private final long neighbourhoodNodes;
  private final Duration timeLimit;
  private final int threads;

  /** An allocator with the default budgets, no time limit, on the caller's thread. */
  public OptimisingAllocator() {
    this(DEFAULT_MOVE_BUDGET, DEFAULT_SEARCH_NODES, DEFAULT_NEIGHBOURHOOD_NODES, null, 1);
  }

  private OptimisingAllocator(long moveBudget, long searchNodes, long neighbourhoodNodes, Duration timeLimit,
      int threads) {
    this.moveBudget = moveBudget;
    this.searchNodes = searchNodes;
    this.neighbourhoodNodes = neighbourhoodNodes;
    this.timeLimit = timeLimit;
    this.threads = threads;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This allocator, also stopping its searches once {@code limit} has passed since the start of
   * each allocation (the plan is the best found by then). The plan then depends on the speed of
   * the machine: prefer the move budget when plans must be reproducible.
   */
  public OptimisingAllocator withTimeLimit(Duration limit) {
    return new OptimisingAllocator(moveBudget, searchNodes, neighbourhoodNodes, checkedLimit(limit), threads);
  }

  /** This allocator with another move budget for the local search (moves evaluated per request). */
  public OptimisingAllocator withMoveBudget(long moves) {
    return new OptimisingAllocator(checkedCount("moveBudget", moves), searchNodes, neighbourhoodNodes, timeLimit,
        threads);
  }

  /**
   * This allocator solving independent parts (for example the authorities of a national
   * instance, or the services of one) on {@code threads} threads of its own during each
   * allocation. The plan is the same whatever the number of threads.
   */
  public OptimisingAllocator withThreads(int threads) {
    return new OptimisingAllocator(moveBudget, searchNodes, neighbourhoodNodes, timeLimit, checkedThreads(threads));
  }

  /** Threads used per allocation (1: the caller's own). */
  public int threads() {
    return threads;
  }

  /** Moves the local search may evaluate per request. */
  public long moveBudget() {
    return moveBudget;
  }

  /**
   * Nodes the exact search may visit per request before it gives up (no proof: the best plan found
   * stands), shared over the request's parts in proportion to their groups.
   */
  public long searchNodes() {
    return searchNodes;
  }

  /**
   * Nodes the exact searches of the large-neighbourhood search may visit per request (see
   * {@link #withNeighbourhoodNodes}), shared over the request's parts in proportion to their groups;
   * a part whose lower bound leaves room for placing one more of the groups it leaves unallocated
   * may visit fifty times its share, and the pairs of workers of a dense part re-split their groups
   * on ten times its share besides.
   */
  public long neighbourhoodNodes() {
    return neighbourhoodNodes;
  }

  /**
   * This allocator with another budget for the large-neighbourhood search: the nodes its exact
   * searches of neighbourhoods may visit per request (0 turns it off; {@link Long#MAX_VALUE} lets it
   * go through every size of neighbourhood until none improves, which with a
   * {@linkplain #withTimeLimit time limit} is the best use of the time).
   */
  public OptimisingAllocator withNeighbourhoodNodes(long nodes) {
    return new OptimisingAllocator(moveBudget, searchNodes, checkedCount("neighbourhoodNodes", nodes), timeLimit,
        threads);
  }

  /** The time limit per allocation, if any. */
  public Optional<Duration> timeLimit() {
    return Optional.ofNullable(timeLimit);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public AllocationPlan allocate(AllocationRequest request) {
    long deadline = timeLimit == null ? Long.MAX_VALUE : System.nanoTime() + timeLimit.toNanos();
    AllocationProblem problem = new AllocationProblem(request);
    List<Part> parts = Part.split(problem);
    // The greedy plan is only a start for the local search: the flow needs none.
    int[] assign;
    if (parts.stream().allMatch(Part::equalWeights)) {
      assign = new int[problem.groups.size()];
      Arrays.fill(assign, -1);
    } else {
      assign = GreedyAllocator.assign(problem);
    }

    double bound = 0;
    boolean[] inPart = new boolean[problem.groups.size()];
    long grouped = 0;
    for (Part part : parts) {
      for (int g : part.groups) {
        inPart[g] = true;
      }
      grouped += part.size();
    }
    for (AllocationProblem.Group g : problem.groups) {
      if (!inPart[g.index]) {
        bound += g.unallocatedCost; // no worker can take it in any plan
        assign[g.index] = -1;
      }
    }
    List<Solved> solved = solveAll(parts, assign, grouped, deadline);
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).store(solved.get(i).at, assign);
      bound += solved.get(i).bound;
    }
    Objective objective = problem.evaluate(assign);
    return problem.plan(NAME, assign, objective, OptionalDouble.of(Math.min(bound, objective.total())));
  }

  /** Solves every part, on {@link #threads} threads; each part alone, so the threads change nothing but the time. */
  private List<Solved> solveAll(List<Part> parts, int[] assign, long grouped, long deadline) {
    long[] moves = new long[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      moves[i] = Math.min(moveBudget, Math.max(MIN_PART_MOVES, (long) ((double) moveBudget * parts.get(i).size() / grouped)));
    }
    // First every part's start and local search, then every part's searches of neighbourhoods and
    // exact search: with a time limit, the local search of a part is never cut short for the
    // neighbourhoods of another, and each part's neighbourhoods may take their share of the time
    // left when they start (on many threads, a part may start early and take more).
    List<Started> started = map(parts.size(), i -> start(parts.get(i), parts.get(i).localise(assign), moves[i], deadline));
    // Smallest parts first, so that the time a part leaves goes to the larger ones after it.
    Integer[] bySize = new Integer[parts.size()];
    for (int i = 0; i < bySize.length; i++) {
      bySize[i] = i;
    }
    Arrays.sort(bySize, (x, y) -> parts.get(x).size() != parts.get(y).size()
        ? Integer.compare(parts.get(x).size(), parts.get(y).size()) : Integer.compare(x, y));
    double[] after = new double[parts.size() + 1];
    for (int r = parts.size() - 1; r >= 0; r--) {
      int i = bySize[r];
      after[r] = after[r + 1] + (started.get(i).solved() == null ? parts.get(i).size() : 0);
    }
    List<Solved> inOrder = map(parts.size(), r -> {
      int i = bySize[r];
      Part part = parts.get(i);
      if (started.get(i).solved() != null) {
        return started.get(i).solved();
      }
      long nodes = Math.max(MIN_PART_NODES, (long) ((double) searchNodes * part.size() / grouped / perNode(part)));
      long around = (long) ((double) neighbourhoodNodes * part.size() / grouped);
      return finish(part, started.get(i), Math.min(nodes, searchNodes), Math.min(around, neighbourhoodNodes), deadline,
          part.size() / after[r]);
    });
    Solved[] solved = new Solved[parts.size()];
    for (int r = 0; r < solved.length; r++) {
      solved[bySize[r]] = inOrder.get(r);
    }
    return List.of(solved);
  }

  /** {@code one} applied to 0..count − 1, in order, on {@link #threads} threads: they change nothing but the time. */
  private <T> List<T> map(int count, java.util.function.IntFunction<T> one) {
    if (threads == 1 || count < 2) {
      List<T> out = new java.util.ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(one.apply(i));
      }
      return out;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(one).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while allocating", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** A part's assignment and a lower bound on its objective (equal to it when proven optimal). */
  private record Solved(int[] at, double bound) {}

  /**
   * A part after its local search: the assignment and the part's bound with its prices; or, when
   * the flow solved it exactly, only {@code solved}.
   */
  private record Started(int[] at, LowerBound.Bound bound, Solved solved) {}

  /** A part's start: solved by the flow, or the best of the starts improved by the local search, and bounded. */
  private Started start(Part part, int[] start, long moves, long deadline) {
    if (part.equalWeights()) {
      int[] at = ConvexFlow.solve(part);
      return new Started(at, null, new Solved(at, part.objective(at)));
    }
    // The best of the starts: the greedy plan, a fill by value, and when capacity is short a tight
    // fill and a packing worker by worker, which pack closest.
    int[] from = start;
    double fromCost = part.objective(start);
    boolean shortOfRoom = false;
    for (int g = 0; g < start.length && !shortOfRoom; g++) {
      shortOfRoom = start[g] < 0;
    }
    List<int[]> fills = new java.util.ArrayList<>(List.of(fillByValue(part, false)));
    if (shortOfRoom) {
      fills.add(fillByValue(part, true));
      if (part.granule > 0) {
        fills.add(fillByPacking(part));
      }
    }
    for (int[] fill : fills) {
      double c = part.objective(fill);
      if (c < fromCost) {
        from = fill;
        fromCost = c;
      }
    }
    int[] at = LocalSearch.improve(part, from, moves, deadline);
    if (!part.feasible(at) || part.objective(at) > fromCost) {
      at = from; // cannot happen unless rounding drifted; keep the start, which is checked
    }
    // A part small enough for the exact search is bounded only if a first slice of it, pruning
    // without prices, does not prove its plan optimal: the bound costs more than such a proof.
    return new Started(at, exactSearch(part) ? null : LowerBound.withPrices(part, at, BOUND_PASSES), null);
  }

  /**
   * A part's searches after its start: neighbourhoods, then, when small enough, the exact search.
   * With a time limit, the neighbourhoods may take {@code share} of the time left when they start
   * (the exact search stops only at the deadline, or its nodes).
   */
  private Solved finish(Part part, Started started, long nodes, long neighbourhoodNodes, long deadline, double share) {
    int[] at = started.at();
    LowerBound.Bound bound = started.bound();
    boolean exact = exactSearch(part);
    if (exact && bound == null && System.nanoTime() - deadline < 0) {
      // A few nodes without prices first: where the local search's plan is already optimal and
      // easily shown so (one leaver's cases), this proof costs less than the bound.
      long few = Math.min(nodes, Math.min(MIN_PART_NODES, UNPRICED_NODES_PER_GROUP * (long) part.size()));
      BranchAndBound.Result quick = BranchAndBound.search(part, at, null, few);
      if (quick.proven()) {
        return new Solved(quick.best(), part.objective(quick.best()));
      }
      at = quick.best();
      nodes -= quick.nodes();
    }
    if (bound == null) {
      bound = LowerBound.withPrices(part, at, BOUND_PASSES);
    }
    long slice = Math.min(nodes, MIN_PART_NODES);
    if (exact && System.nanoTime() - deadline < 0) {
      // A first slice of the exact search: a small part (a team's) is often proven optimal in it,
      // and then needs no neighbourhoods.
      BranchAndBound.Result first = BranchAndBound.search(part, at, bound.prices(), slice);
      if (first.proven()) {
        return new Solved(first.best(), part.objective(first.best()));
      }
      at = first.best();
      nodes -= first.nodes();
    }
    // Pairs only move load between workers, never place a waiting child: their budget is not raised.
    long pairNodes = LongMath.saturatedMultiply(neighbourhoodNodes, PAIR_BUDGET);
    if (mayPlaceAnother(part, at, bound.value())) {
      neighbourhoodNodes = LongMath.saturatedMultiply(neighbourhoodNodes, WAITING_STAKES);
    }
    long now = System.nanoTime();
    if (neighbourhoodNodes > 0 && now - deadline < 0) {
      long until = deadline == Long.MAX_VALUE ? deadline : now + (long) ((deadline - now) * share);
      int[] better = NeighbourhoodSearch.improve(part, at, bound.prices(), NeighbourhoodSearch.LEVELS, neighbourhoodNodes,
          pairNodes, until);
      if (part.objective(better) < part.objective(at)) {
        at = better;
      }
      if (!part.feasible(at)) {
        throw new IllegalStateException("the neighbourhood search broke a capacity of " + part); // cannot happen
      }
    }
    double objective = part.objective(at);
    if (exact && nodes > 0 && System.nanoTime() - deadline < 0) {
      // The rest of the exact search, from the neighbourhoods' plan: a better incumbent prunes more.
      BranchAndBound.Result rest = BranchAndBound.search(part, at, bound.prices(), nodes);
      double found = part.objective(rest.best());
      if (rest.proven()) {
        return new Solved(rest.best(), found);
      }
      if (found < objective) { // out of nodes, but it found better on the way
        return new Solved(rest.best(), Math.min(found, bound.value()));
      }
    }
    return new Solved(at, Math.min(objective, bound.value()));
  }

  /**
   * Whether the bound leaves room for a plan with one group fewer unallocated than {@code at}: the
   * gap is at least the least cost of leaving one of its waiting groups (that some worker may
   * take) unallocated.
   */
  static boolean mayPlaceAnother(Part part, int[] at, double bound) {
    double gap = part.objective(at) - bound;
    for (int g = 0; g < at.length; g++) {
      if (at[g] < 0 && part.options[g].length > 0 && part.unallocatedCost[g] <= gap) {
        return true;
      }
    }
    return false;
  }

  /**
   * What one node of the exact search of {@code part} costs in the budget: (its workers ÷
   * {@value #TEAM_WORKERS})², at least 1. Each node weighs every worker, and a part of many workers
   * is seldom proven optimal within its share (LA_M's weekly intake, a part of 12 groups and 40
   * workers: 196,000 nodes, about 20 ms, for no better plan and 0.05% more bound), so its share goes
   * mostly to the first slice, which finds better plans where there are some; a team's part keeps
   * its whole share, enough to prove most teams' departures.
   */
  static double perNode(Part part) {
    double r = (double) part.workerCount() / TEAM_WORKERS;
    return Math.max(1, r * r);
  }

  /** True if the part is small enough for the exact search to be tried (see {@link #EXACT_SEARCH_SPACE_LOG10}). */
  static boolean exactSearch(Part part) {
    return BranchAndBound.searchSpace(part) <= EXACT_SEARCH_SPACE_LOG10;
  }

  /**
   * A start for when capacity is short: groups in decreasing cost of leaving unallocated per
   * weighted case (the order of a fractional knapsack), each to its cheapest option with room.
   */
  static int[] fillByValue(Part part) {
    return fillByValue(part, false);
  }

  /**
   * As {@link #fillByValue(Part)}; with {@code tight}, a packing for when capacity is short: the
   * groups that fit by value per weighted case (a fractional knapsack up to the room of the part)
   * are placed heaviest first, each with the worker that has least room left after taking it
   * (first fit decreasing, best fit), then the others in value order where they still fit.
   * Heaviest first leaves the small groups to fill the gaps, so little room is wasted.
   */
  static int[] fillByValue(Part part, boolean tight) {
    int n = part.size();
    Integer[] order = new Integer[n];
    double[] density = new double[n];
    for (int g = 0; g < n; g++) {
      order[g] = g;
      density[g] = part.weight[g] > 0 ? part.unallocatedCost[g] / part.weight[g] : Double.POSITIVE_INFINITY;
    }
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(density[y], density[x]);
      if (c == 0) {
        c = Integer.compare(part.options[x].length, part.options[y].length);
      }
      return c != 0 ? c : Integer.compare(x, y);
    });
    double[] load = new double[part.workerCount()];
    double room = 0;
    for (int w = 0; w < load.length; w++) {
      load[w] = part.fixedLoad(w);
      room += Math.max(0, part.capacity(w) - load[w]);
    }
    int[] at = new int[n];
    Arrays.fill(at, -1);
    if (tight) {
      List<Integer> first = new java.util.ArrayList<>();
      double taken = 0;
      for (int g : order) {
        if (taken + part.weight[g] <= room) {
          first.add(g);
          taken += part.weight[g];
        }
      }
      first.sort((x, y) -> {
        int c = Double.compare(part.weight[y], part.weight[x]);
        if (c == 0) {
          c = Double.compare(density[y], density[x]);
        }
        return c != 0 ? c : Integer.compare(x, y);
      });
      for (int g : first) {
        place(part, g, at, load, true);
      }
    }
    for (int g : order) {
      if (at[g] < 0) {
        place(part, g, at, load, tight);
      }
    }
    return at;
  }

  /**
   * A start for when capacity is short, in two steps, with weights in whole
   * {@linkplain Part#granule granules} (the part's granule must be positive):
   * <ol>
   *   <li>which groups to leave out: the set of least cost of leaving unallocated that weighs at
   *       least what the groups weigh beyond the room of all the part's workers (a covering
   *       knapsack, solved exactly by dynamic programming; skipped when its table would be too
   *       large, and blind to which worker may take which group);
   *   <li>the others, packed worker by worker (those that fewest groups may go to first): each
   *       takes the set of groups not yet placed that fills its room the most, with the fewest
   *       groups among those (a subset-sum knapsack, again exact), so small groups are kept to
   *       fill the gaps that large ones leave. Groups alike (same weight) are one item with a
   *       count; those with fewest options go first.
   * </ol>
   * Where the fill by value leaves scraps of room in every worker, this fills each worker as full
   * as the weights allow; what it cannot place is left to the local search.
   */
  static int[] fillByPacking(Part part) {
    int n = part.size();
    int m = part.workerCount();
    double q = part.granule;
    int[] units = new int[n];
    int[] mayTake = new int[m];
    long demand = 0;
    for (int g = 0; g < n; g++) {
      units[g] = (int) Math.round(part.weight[g] / q);
      demand += units[g];
      for (int w : part.options[g]) {
        mayTake[w]++;
      }
    }
    long room = 0;
    for (int w = 0; w < m; w++) {
      room += roomUnits(part, w);
    }
    boolean[] leftOut = cheapestToLeave(part, units, demand - room);
    int[] at = new int[n];
    Arrays.fill(at, -1);
    Integer[] workers = new Integer[m];
    for (int w = 0; w < m; w++) {
      workers[w] = w;
    }
    Arrays.sort(workers, (x, y) -> mayTake[x] != mayTake[y] ? Integer.compare(mayTake[x], mayTake[y]) : Integer.compare(x, y));
    Integer[] byOptions = new Integer[n];
    for (int g = 0; g < n; g++) {
      byOptions[g] = g;
    }
    Arrays.sort(byOptions, (x, y) -> part.options[x].length != part.options[y].length
        ? Integer.compare(part.options[x].length, part.options[y].length) : Integer.compare(x, y));
    boolean[] pool = new boolean[n];
    for (int g = 0; g < n; g++) {
      pool[g] = !leftOut[g];
    }
    for (int w : workers) {
      packWorker(part, w, units, byOptions, pool, at);
    }
    repack(part, units, workers, byOptions, pool, at);
    if (!part.feasible(at)) {
      throw new IllegalStateException("packing broke a capacity of " + part); // whole granules within room: cannot
    }
    return at;
  }

  /**
   * Worker w (holding nothing of the part yet) takes the groups of {@code pool} not yet placed
   * that fill its room the most, with the fewest groups among those (see {@link #fillByPacking}).
   */
  private static void packWorker(Part part, int w, int[] units, Integer[] byOptions, boolean[] pool, int[] at) {
    int free = (int) roomUnits(part, w);
    if (free <= 0) {
      return;
    }
    // Items: groups of one weight that may go here and gain by it, fewest options first.
    Map<Integer, List<Integer>> alike = new java.util.TreeMap<>();
    for (int g : byOptions) {
      if (at[g] >= 0 || !pool[g] || units[g] <= 0 || units[g] > free) {
        continue;
      }
      int k = part.optionIndex(g, w);
      if (k >= 0 && part.cost[g][k] < part.unallocatedCost[g]) {
        alike.computeIfAbsent(units[g], x -> new java.util.ArrayList<>()).add(g);
      }
    }
    List<Integer> sizes = new java.util.ArrayList<>(alike.keySet());
    List<int[]> pieces = new java.util.ArrayList<>(); // {item, count}: binary splitting
    for (int i = 0; i < sizes.size(); i++) {
      int left = alike.get(sizes.get(i)).size();
      for (int c = 1; left > 0; c *= 2) {
        int take = Math.min(c, left);
        pieces.add(new int[] {i, take});
        left -= take;
      }
    }
    // Most room filled, then fewest groups: each group is worth (its granules) × (free + 1) − 1.
    long[] best = new long[free + 1];
    boolean[][] took = new boolean[pieces.size()][free + 1];
    for (int p = 0; p < pieces.size(); p++) {
      int[] piece = pieces.get(p);
      int size = sizes.get(piece[0]) * piece[1];
      long value = ((long) sizes.get(piece[0]) * (free + 1) - 1) * piece[1];
      for (int c = free; c >= size; c--) {
        if (best[c - size] + value > best[c]) {
          best[c] = best[c - size] + value;
          took[p][c] = true;
        }
      }
    }
    int[] count = new int[sizes.size()];
    for (int p = pieces.size() - 1, c = free; p >= 0; p--) {
      if (took[p][c]) {
        int[] piece = pieces.get(p);
        count[piece[0]] += piece[1];
        c -= sizes.get(piece[0]) * piece[1];
      }
    }
    for (int i = 0; i < sizes.size(); i++) {
      List<Integer> members = alike.get(sizes.get(i));
      for (int j = 0; j < count[i]; j++) {
        at[members.get(j)] = w;
      }
    }
  }

  /**
   * While groups of the pool are left over: the workers with room left and {@value #REPACK_WITH}
   * others (taken in turn) give up their groups, and are packed again, one by one, with those and
   * the groups left over; kept when it places more weight, undone otherwise. At most
   * {@value #REPACK_ROUNDS} rounds. More groups to choose from fill the last workers closer.
   */
  private static void repack(Part part, int[] units, Integer[] workers, Integer[] byOptions, boolean[] pool,
      int[] at) {
    int m = workers.length;
    int next = 0;
    for (int round = 0; round < REPACK_ROUNDS; round++) {
      long before = placedUnits(units, pool, at);
      boolean leftOver = false;
      for (int g = 0; g < at.length && !leftOver; g++) {
        leftOver = pool[g] && at[g] < 0 && units[g] > 0;
      }
      if (!leftOver) {
        return;
      }
      boolean[] chosen = new boolean[m];
      List<Integer> again = new java.util.ArrayList<>();
      double[] load = part.loads(at);
      for (int w : workers) {
        if (roomUnits(part, w, load[w]) > 0) {
          chosen[w] = true;
          again.add(w);
        }
      }
      for (int added = 0, tried = 0; added < REPACK_WITH && tried < m; tried++, next = (next + 1) % m) {
        int w = workers[next];
        if (!chosen[w]) {
          chosen[w] = true;
          again.add(w);
          added++;
        }
      }
      int[] saved = at.clone();
      for (int g = 0; g < at.length; g++) {
        if (at[g] >= 0 && chosen[at[g]]) {
          at[g] = -1;
        }
      }
      for (int w : again) {
        packWorker(part, w, units, byOptions, pool, at);
      }
      if (placedUnits(units, pool, at) <= before) {
        System.arraycopy(saved, 0, at, 0, at.length);
      }
    }
  }

  private static long placedUnits(int[] units, boolean[] pool, int[] at) {
    long placed = 0;
    for (int g = 0; g < at.length; g++) {
      if (pool[g] && at[g] >= 0) {
        placed += units[g];
      }
    }
    return placed;
  }

  /** Room of local worker w carrying {@code load}, in whole granules. */
  private static long roomUnits(Part part, int w, double load) {
    return (long) Math.floor(part.room(w, load) / part.granule + 1e-6);
  }

  /** Room of local worker w above its fixed load, in whole granules. */
  private static long roomUnits(Part part, int w) {
    return roomUnits(part, w, part.fixedLoad(w));
  }

  /**
   * The groups of least total cost of leaving unallocated that weigh at least {@code need}
   * granules (none when need ≤ 0, or when the table would exceed {@value #MAX_PACKING_CELLS} cells).
   */
  private static boolean[] cheapestToLeave(Part part, int[] units, long need) {
    int n = part.size();
    boolean[] out = new boolean[n];
    if (need <= 0) {
      return out;
    }
    // Items: groups of one weight and one cost, as pieces of binary splitting.
    Map<List<Double>, List<Integer>> alike = new java.util.TreeMap<>((x, y) -> {
      int c = Double.compare(x.get(0), y.get(0));
      return c != 0 ? c : Double.compare(x.get(1), y.get(1));
    });
    for (int g = 0; g < n; g++) {
      if (units[g] > 0) {
        alike.computeIfAbsent(List.of((double) units[g], part.unallocatedCost[g]), x -> new java.util.ArrayList<>()).add(g);
      }
    }
    List<List<Integer>> items = new java.util.ArrayList<>(alike.values());
    List<int[]> pieces = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int left = items.get(i).size();
      for (int c = 1; left > 0; c *= 2) {
        int take = Math.min(c, left);
        pieces.add(new int[] {i, take});
        left -= take;
      }
    }
    if (need * pieces.size() > MAX_PACKING_CELLS) {
      return out;
    }
    int d = (int) need;
    double[] least = new double[d + 1];
    Arrays.fill(least, Double.POSITIVE_INFINITY);
    least[0] = 0;
    boolean[][] took = new boolean[pieces.size()][d + 1];
    for (int p = 0; p < pieces.size(); p++) {
      int[] piece = pieces.get(p);
      int g = items.get(piece[0]).get(0);
      int size = units[g] * piece[1];
      double cost = part.unallocatedCost[g] * piece[1];
      for (int x = d; x > 0; x--) {
        double via = least[Math.max(0, x - size)] + cost;
        if (via < least[x]) {
          least[x] = via;
          took[p][x] = true;
        }
      }
    }
    if (least[d] == Double.POSITIVE_INFINITY) {
      return out;
    }
    int[] count = new int[items.size()];
    for (int p = pieces.size() - 1, x = d; p >= 0 && x > 0; p--) {
      if (took[p][x]) {
        int[] piece = pieces.get(p);
        count[piece[0]] += piece[1];
        x = Math.max(0, x - units[items.get(piece[0]).get(0)] * piece[1]);
      }
    }
    // Of groups alike, leave out those with most options last... those with fewest options are the
    // hardest to place, but alike groups cost the same: leave out those with most options, which
    // any packing can still take later if room remains.
    for (int i = 0; i < items.size(); i++) {
      List<Integer> members = new java.util.ArrayList<>(items.get(i));
      members.sort((x, y) -> part.options[x].length != part.options[y].length
          ? Integer.compare(part.options[y].length, part.options[x].length) : Integer.compare(x, y));
      for (int j = 0; j < count[i]; j++) {
        out[members.get(j)] = true;
      }
    }
    return out;
  }

  /** Places g with its best option that fits (tightest room after, or cheapest), if any. */
  private static void place(Part part, int g, int[] at, double[] load, boolean tight) {
    double a = part.weight[g];
    double best = tight ? Double.POSITIVE_INFINITY : part.unallocatedCost[g];
    int[] opts = part.options[g];
    for (int k = 0; k < opts.length; k++) {
      int w = opts[k];
      if (part.fits(w, load[w], a)) {
        double c = tight ? part.capacity(w) - load[w] - a : part.cost[g][k] + part.balanceDelta(w, load[w], a);
        if (c < best) {
          best = c;
          at[g] = w;
        }
      }
    }
    if (at[g] >= 0) {
      load[at[g]] += a;
    }
  }

  private static Duration checkedLimit(Duration limit) {
    Objects.requireNonNull(limit, "timeLimit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive but was " + limit);
    }
    return limit;
  }

  private static int checkedThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    return threads;
  }

  private static long checkedCount(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be at least 0 but was " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "OptimisingAllocator[move budget %,d, exact search %,d nodes, "
        + "neighbourhoods %,d nodes, %s%s]", moveBudget, searchNodes, neighbourhoodNodes, timeLimit == null ? "no time limit" : "time limit " + timeLimit,
        threads == 1 ? "" : ", " + threads + " threads");
  }

  /** Builds an {@link OptimisingAllocator}; each setting may be given once. */
  public static final class Builder {
    private Long moveBudget;
    private Long searchNodes;
    private Long neighbourhoodNodes;
    private Duration timeLimit;
    private Integer threads;

    private Builder() {}

    /** Threads per allocation (default 1); see {@link OptimisingAllocator#withThreads}. */
    public Builder threads(int count) {
      if (threads != null) {
        throw new IllegalStateException("threads was already set to " + threads);
      }
      threads = checkedThreads(count);
      return this;
    }

    /** Moves the local search may evaluate per request (default 20,000,000). */
    public Builder moveBudget(long moves) {
      if (moveBudget != null) {
        throw new IllegalStateException("moveBudget was already set to " + moveBudget);
      }
      moveBudget = checkedCount("moveBudget", moves);
      return this;
    }

    /**
     * Nodes the exact search may visit per request, shared over its parts (default 1,000,000); 0
     * turns the exact search off.
     */
    public Builder searchNodes(long nodes) {
      if (searchNodes != null) {
        throw new IllegalStateException("searchNodes was already set to " + searchNodes);
      }
      searchNodes = checkedCount("searchNodes", nodes);
      return this;
    }

    /**
     * Nodes the large-neighbourhood search may visit per request (default 20,000); see
     * {@link OptimisingAllocator#withNeighbourhoodNodes}.
     */
    public Builder neighbourhoodNodes(long nodes) {
      if (neighbourhoodNodes != null) {
        throw new IllegalStateException("neighbourhoodNodes was already set to " + neighbourhoodNodes);
      }
      neighbourhoodNodes = checkedCount("neighbourhoodNodes", nodes);
      return this;
    }

    /** A time limit per allocation; see {@link OptimisingAllocator#withTimeLimit}. */
    public Builder timeLimit(Duration limit) {
      if (timeLimit != null) {
        throw new IllegalStateException("timeLimit was already set to " + timeLimit);
      }
      timeLimit = checkedLimit(limit);
      return this;
    }

    /** The allocator. */
    public OptimisingAllocator build() {
      return new OptimisingAllocator(moveBudget == null ? DEFAULT_MOVE_BUDGET : moveBudget,
          searchNodes == null ? DEFAULT_SEARCH_NODES : searchNodes,
          neighbourhoodNodes == null ? DEFAULT_NEIGHBOURHOOD_NODES : neighbourhoodNodes, timeLimit,
          threads == null ? 1 : threads);
    }
  }
}
