package org.caseload.core.allocation;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.ProtectionBreach;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;

/**
 * A request compiled for the allocators: workers as indices with capacity and fixed load,
 * cases gathered into groups that must go to one worker (siblings), and for each group the
 * workers the hard rules allow, apart from capacity. Every hard rule and every cost is computed
 * here and only here, so that every strategy answers the same question. Immutable once built.
 */
final class AllocationProblem {
  /** Loads may exceed capacity by this much (rounding of sums of weights). */
  static final double EPS = 1e-9;

  final AllocationRequest request;
  final Organisation organisation;
  final AllocationPolicy policy;

  final List<Worker> workers;
  /** Capacity of each worker, weighted cases. */
  final double[] capacity;
  /** Load of each worker from open cases outside the request, weighted cases. */
  final double[] fixedLoad;
  private final String[] locality;
  private final boolean[] anyLocality;

  final List<Group> groups;

  /** Cases that must go to one worker: one child, or siblings in the request. */
  static final class Group {
    final int index;
    final List<Case> cases;
    final double[] weights;
    final double weight;
    /** Per case, the index of its current worker, or -1. */
    final int[] current;
    /** Workers that may take the whole group (service, protections, siblings), ascending; capacity not checked. */
    final int[] eligible;
    /**
     * The workers allowed for the group's first case alone: a superset of {@code eligible}, and the
     * same array for every case of the same kind, so allocators can share structures between groups.
     */
    final int[] pool;
    /** Why no worker may take the group, when {@code eligible} is empty. */
    final Unallocated noWorker;
    /** Cost of leaving the whole group unallocated. */
    final double unallocatedCost;
    /** Workers who held a case of the group, or any of its family, before (ascending). */
    final int[] previous;
    /** Where the child lives, or null. */
    final String locality;

    Group(int index, List<Case> cases, double[] weights, int[] current, int[] eligible, int[] pool,
        Unallocated noWorker, double unallocatedCost, int[] previous, String locality) {
      this.index = index;
      this.cases = List.copyOf(cases);
      this.weights = weights;
      double w = 0;
      for (double x : weights) {
        w += x;
      }
      this.weight = w;
      this.current = current;
      this.eligible = eligible;
      this.pool = pool;
      this.noWorker = noWorker;
      this.unallocatedCost = unallocatedCost;
      this.previous = previous;
      this.locality = locality;
    }

    /** Number of cases. */
    int size() {
      return cases.size();
    }

    /** True if {@code w} may take the group (capacity apart). */
    boolean allows(int w) {
      return Arrays.binarySearch(eligible, w) >= 0;
    }

    /** The worker holding every case of the group now, or -1 if they are not all with one worker. */
    int holder() {
      int h = current[0];
      for (int c : current) {
        if (c != h) {
          return -1;
        }
      }
      return h;
    }
  }

  AllocationProblem(AllocationRequest request) {
    this.request = request;
    this.organisation = request.organisation();
    this.policy = request.policy();
    Organisation org = organisation;

    workers = org.workers();
    int m = workers.size();
    capacity = org.capacities();
    fixedLoad = org.loads();
    locality = new String[m];
    anyLocality = new boolean[m];
    Compilation compilation = new Compilation(m);
    Map<String, List<Integer>> byService = compilation.byService;
    // The organisation lists workers team by team: what comes of a worker's team is looked up
    // once per team, not once per worker.
    String teamId = null;
    Team team = null;
    CapacityPolicy own = null;
    boolean teamAnyLocality = false;
    List<Integer> inService = null;
    for (int w = 0; w < m; w++) {
      Worker worker = workers.get(w);
      if (!worker.teamId().equals(teamId)) {
        teamId = worker.teamId();
        team = org.team(teamId);
        own = org.policyFor(team.serviceId());
        teamAnyLocality = policy.anyLocality().contains(team.kind()) || team.locality() == null;
        inService = byService.computeIfAbsent(team.serviceId(), s -> new ArrayList<>());
      }
      compilation.policies[w] = own;
      locality[w] = team.locality();
      anyLocality[w] = teamAnyLocality;
      inService.add(w);
    }

    // Families in the request: their members in the request, gathered as one group.
    Map<String, List<Case>> requestFamilies = new LinkedHashMap<>();
    List<List<Case>> units = new ArrayList<>(request.caseIds().size());
    for (String id : request.caseIds()) {
      Case c = org.caseById(id);
      if (c.isAllocated()) {
        fixedLoad[org.indexOf(c.workerId())] -= org.weight(c);
      }
      if (c.familyId() == null) {
        units.add(List.of(c));
      } else {
        List<Case> members = requestFamilies.get(c.familyId());
        if (members == null) {
          members = new ArrayList<>();
          requestFamilies.put(c.familyId(), members);
          units.add(members);
        }
        members.add(c);
      }
    }
    for (int w = 0; w < m; w++) {
      if (Math.abs(fixedLoad[w]) < EPS) {
        fixedLoad[w] = 0; // what is left of subtracting every case a worker holds
      }
    }

    // Only sibling groups look at which cases are in the request (their siblings outside it anchor them).
    compilation.requested = requestFamilies.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(request.caseIds());
    List<Group> gs = new ArrayList<>(units.size());
    for (List<Case> unit : units) {
      gs.add(group(gs.size(), unit, compilation));
    }
    groups = List.copyOf(gs);
  }

  /** What compiling a request keeps until its groups are built. */
  private static final class Compilation {
    /** Workers of each service, in the organisation's order. */
    final Map<String, List<Integer>> byService = new LinkedHashMap<>();
    /** The capacity policy of each worker ({@link Organisation#policyFor(Worker)}). */
    final CapacityPolicy[] policies;
    /** The kinds of case met so far. */
    final Map<KindKey, Kind> kinds = new HashMap<>();
    /** The eligibility of each kind of case met so far. */
    final Map<EligibilityKey, Eligibility> eligibility = new HashMap<>();
    /** Ids of the cases in the request (only filled when some are siblings). */
    java.util.Set<String> requested;
    /** The previous workers of the group being built. */
    final Ints previous = new Ints();

    Compilation(int workers) {
      policies = new CapacityPolicy[workers];
    }
  }

  /**
   * What a case of a kind needs from the compiler: the workers it may go to and why none, if so
   * ({@link Eligibility}), its weight in weighted cases and the cost of leaving it unallocated.
   */
  private record Kind(Eligibility eligibility, double weight, double unallocatedCost) {}

  /**
   * Everything of a case that its {@link Kind} depends on: what its {@link EligibilityKey} holds,
   * and its complexity for the weight ({@link Organisation#weight}: the service's policy's weight of
   * the category and complexity). Cases of one kind are compiled once.
   */
  private record KindKey(String serviceId, CaseCategory category, boolean court, Role joint, Complexity complexity) {}

  /**
   * The workers a case may go to, ascending (one array for every case of the same
   * {@link EligibilityKey}, so that allocators can share structures between their groups), and why
   * none, if so.
   */
  private record Eligibility(int[] workers, Unallocated none) {}

  /** Everything of a case that decides which workers may take it: service, category, court proceedings, joint worker's role. */
  private record EligibilityKey(String serviceId, CaseCategory category, boolean court, Role joint) {}

  private Kind kind(Case c, Compilation compilation) {
    Role joint = null;
    if (c.jointWorkerId() != null) {
      joint = organisation.worker(c.jointWorkerId()).role();
    }
    KindKey key = new KindKey(c.serviceId(), c.category(), c.court(), joint, c.complexity());
    Kind kind = compilation.kinds.get(key);
    if (kind == null) {
      EligibilityKey eligibilityKey = new EligibilityKey(c.serviceId(), c.category(), c.court(), joint);
      Eligibility e = compilation.eligibility.get(eligibilityKey);
      if (e == null) {
        e = eligibility(c, joint, compilation);
        compilation.eligibility.put(eligibilityKey, e);
      }
      kind = new Kind(e, organisation.weight(c), policy.unallocatedCost(c.category()));
      compilation.kinds.put(key, kind);
    }
    return kind;
  }

  private Eligibility eligibility(Case c, Role joint, Compilation compilation) {
    List<Integer> inService = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> s : compilation.byService.entrySet()) {
      if (policy.covers(s.getKey(), c.serviceId())) {
        inService.addAll(s.getValue());
      }
    }
    if (inService.isEmpty()) {
      return new Eligibility(NO_WORKERS, new Unallocated(Unallocated.Reason.NO_WORKER_IN_SERVICE, 0,
          "no team of service " + c.serviceId() + (policy.cover().containsKey(c.serviceId()) ? " or covering it" : "")
              + " has a worker"));
    }
    int[] allowed = new int[inService.size()];
    int n = 0;
    Map<ProtectionBreach, Integer> excluded = new java.util.EnumMap<>(ProtectionBreach.class);
    for (int w : inService) {
      Worker worker = workers.get(w);
      Role jointRole = worker.id().equals(c.jointWorkerId()) ? null : joint;
      var breach = compilation.policies[w].breach(worker.role(), c, jointRole);
      if (breach.isEmpty()) {
        allowed[n++] = w;
      } else {
        excluded.merge(breach.get(), 1, Integer::sum);
      }
    }
    if (n == 0) {
      return new Eligibility(NO_WORKERS, new Unallocated(Unallocated.Reason.EXCLUDED_BY_ROLE_PROTECTION, 0,
          "all " + inService.size() + " workers who may take " + c.category().label() + " cases of service "
              + c.serviceId() + " are excluded: " + describe(excluded)));
    }
    allowed = Arrays.copyOf(allowed, n);
    Arrays.sort(allowed);
    return new Eligibility(allowed, null);
  }

  private static String describe(Map<ProtectionBreach, Integer> excluded) {
    StringBuilder sb = new StringBuilder();
    excluded.forEach((b, n) -> sb.append(sb.length() == 0 ? "" : "; ").append(n).append(" as ")
        .append(b.description()));
    return sb.toString();
  }

  private Group group(int index, List<Case> cases, Compilation compilation) {
    int k = cases.size();
    double[] weights = new double[k];
    int[] current = new int[k];
    double unallocatedCost = 0;
    int[] eligible = null;
    int[] pool = null;
    Unallocated noWorker = null;
    String childLocality = null;
    Ints previous = compilation.previous.clear();
    for (int i = 0; i < k; i++) {
      Case c = cases.get(i);
      Kind kind = kind(c, compilation);
      Eligibility e = kind.eligibility();
      weights[i] = kind.weight();
      String holder = c.workerId();
      current[i] = holder == null ? -1 : organisation.indexOf(holder);
      unallocatedCost += kind.unallocatedCost();
      if (childLocality == null) {
        childLocality = c.locality();
      }
      addPrevious(c, previous);
      if (noWorker == null && e.none() != null) {
        noWorker = e.none();
      }
      if (eligible == null) {
        eligible = e.workers();
        pool = e.workers();
      } else if (eligible != e.workers()) {
        eligible = intersect(eligible, e.workers());
      } // siblings of one kind keep its array, shared with the other groups of that kind
    }
    if (noWorker == null && eligible.length == 0) {
      noWorker = new Unallocated(Unallocated.Reason.NO_WORKER_FOR_WHOLE_SIBLING_GROUP, 0,
          "no worker may hold all " + k + " siblings of family " + cases.get(0).familyId() + " together");
    }
    String family = cases.get(0).familyId();
    if (family != null) {
      // Siblings outside the request stay where they are: this group must join them.
      Ints anchors = new Ints();
      for (Case sibling : organisation.casesOfFamily(family)) {
        if (!compilation.requested.contains(sibling.id()) && sibling.isOpen()) {
          if (sibling.isAllocated()) {
            anchors.add(organisation.indexOf(sibling.workerId()));
          }
        }
        addPrevious(sibling, previous);
      }
      if (anchors.size() > 0 && noWorker == null) {
        int[] a = anchors.sortedDistinct();
        eligible = intersect(eligible, a);
        if (eligible.length == 0) {
          List<String> names = new ArrayList<>();
          for (int w : a) {
            names.add(workers.get(w).id());
          }
          noWorker = new Unallocated(Unallocated.Reason.SIBLINGS_WORKER_CANNOT_TAKE, 0,
              "siblings of family " + family + " are held by " + String.join(", ", names)
                  + ", who may not hold " + (k == 1 ? "this case" : "these " + k + " cases"));
        }
      }
    }
    if (noWorker != null) {
      eligible = NO_WORKERS;
      pool = eligible;
    }
    return new Group(index, cases, weights, current, eligible, pool, noWorker, unallocatedCost,
        previous.sortedDistinct(), childLocality);
  }

  private void addPrevious(Case c, Ints previous) {
    for (Allocation a : c.history()) {
      int w = organisation.indexOf(a.workerId());
      if (w >= 0) {
        previous.add(w);
      }
    }
  }

  /**
   * No worker: the eligible workers of a group that none may take, shared by every such group (so
   * that structures keyed by the identity of eligibility arrays hold one entry for them all).
   */
  private static final int[] NO_WORKERS = new int[0];

  /** A growable list of worker indices, reused while compiling (so that most groups allocate nothing for it). */
  private static final class Ints {
    private int[] values = new int[8];
    private int size;

    Ints clear() {
      size = 0;
      return this;
    }

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    /** The values in ascending order without repeats; {@link #NO_WORKERS} when there are none. */
    int[] sortedDistinct() {
      if (size == 0) {
        return NO_WORKERS;
      }
      int[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      int n = 1;
      for (int i = 1; i < out.length; i++) {
        if (out[i] != out[n - 1]) {
          out[n++] = out[i];
        }
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    }
  }

  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  // ---------------------------------------------------------------- costs

  /** Number of workers. */
  int workerCount() {
    return workers.size();
  }

  /** True if a worker carrying {@code load} can take {@code add} more weighted cases. */
  boolean fits(int w, double load, double add) {
    return load + add <= capacity[w] + EPS;
  }

  /** Transfer cost of placing group {@code g} with worker {@code w}. */
  double transferCost(Group g, int w) {
    int moved = 0;
    for (int c : g.current) {
      if (c >= 0 && c != w) {
        moved++;
      }
    }
    return moved * policy.transferCost();
  }

  /** Continuity bonus (a cost of 0 or less) of placing group {@code g} with worker {@code w}. */
  double continuityCost(Group g, int w) {
    if (Arrays.binarySearch(g.previous, w) < 0) {
      return 0;
    }
    int earned = 0;
    for (int c : g.current) {
      if (c != w) {
        earned++;
      }
    }
    return -earned * policy.continuityBonus();
  }

  /** Locality cost of placing group {@code g} with worker {@code w}. */
  double localityCost(Group g, int w) {
    if (g.locality == null || anyLocality[w] || g.locality.equals(locality[w])) {
      return 0;
    }
    return g.size() * policy.localityMismatchCost();
  }

  /** Every cost of placing {@code g} with {@code w} except balance. */
  double placementCost(Group g, int w) {
    return transferCost(g, w) + continuityCost(g, w) + localityCost(g, w);
  }

  /**
   * Everything of a group that {@link #placementCost} reads (its current and past workers, its
   * locality and its number of cases): groups with equal keys cost the same with every worker, so
   * their costs need computing once. Kept beside the costs it stands for; a part's costs are
   * checked against {@link #placementCost} group by group in the tests.
   */
  Object placementKey(Group g) {
    return new PlacementKey(g.current, g.previous, g.locality, g.size());
  }

  private record PlacementKey(int[] current, int[] previous, String locality, int size) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PlacementKey k && size == k.size && Arrays.equals(current, k.current)
          && Arrays.equals(previous, k.previous) && java.util.Objects.equals(locality, k.locality);
    }

    @Override
    public int hashCode() {
      return (Arrays.hashCode(current) * 31 + Arrays.hashCode(previous)) * 31 + java.util.Objects.hashCode(locality);
    }
  }

  /** Balance cost of worker {@code w} carrying {@code load}: weight × (load² − fixed²) ÷ capacity. */
  double balanceCost(int w, double load) {
    return policy.balanceDelta(fixedLoad[w], load - fixedLoad[w], capacity[w]);
  }

  /** Change in balance cost when a worker carrying {@code load} takes {@code add} more (negative to remove). */
  double balanceDelta(int w, double load, double add) {
    return policy.balanceDelta(load, add, capacity[w]);
  }

  /**
   * Marginal balance cost at {@code load}: the derivative of {@link #balanceCost} in the load,
   * per weighted case (2 × weight × load ÷ capacity).
   */
  double balanceSlope(int w, double load) {
    return 2 * policy.balanceWeight() * load / capacity[w];
  }

  /**
   * The load at which {@link #balanceSlope} equals {@code slope}; with a balance weight of 0,
   * +∞ for a positive slope and −∞ otherwise (the balance cost is then flat).
   */
  double loadAtSlope(int w, double slope) {
    double beta = policy.balanceWeight();
    if (beta == 0) {
      return slope > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return slope * capacity[w] / (2 * beta);
  }

  /** The loads that an assignment gives ({@code assign[g]} = worker index or -1). */
  double[] loads(int[] assign) {
    double[] load = fixedLoad.clone();
    for (Group g : groups) {
      if (assign[g.index] >= 0) {
        load[assign[g.index]] += g.weight;
      }
    }
    return load;
  }

  /**
   * The objective of an assignment, term by term.
   *
   * @throws IllegalStateException if it breaks a hard rule: a worker not allowed, or over capacity
   */
  Objective evaluate(int[] assign) {
    check(assign);
    double unallocated = 0;
    double transfers = 0;
    double continuity = 0;
    double localityCost = 0;
    for (Group g : groups) {
      int w = assign[g.index];
      if (w < 0) {
        unallocated += g.unallocatedCost;
      } else {
        transfers += transferCost(g, w);
        continuity += continuityCost(g, w);
        localityCost += localityCost(g, w);
      }
    }
    double[] load = loads(assign);
    double balance = 0;
    for (int w = 0; w < load.length; w++) {
      if (load[w] != fixedLoad[w]) {
        balance += balanceCost(w, load[w]);
      }
    }
    return new Objective(unallocated, transfers, continuity, balance, localityCost);
  }

  /** Throws if the assignment breaks a hard rule. */
  void check(int[] assign) {
    if (assign.length != groups.size()) {
      throw new IllegalStateException("assignment has " + assign.length + " entries for " + groups.size() + " groups");
    }
    for (Group g : groups) {
      int w = assign[g.index];
      if (w >= 0 && !g.allows(w)) {
        throw new IllegalStateException("group of case " + g.cases.get(0).id() + " may not go to worker "
            + workers.get(w).id());
      }
    }
    double[] load = loads(assign);
    boolean[] takes = new boolean[load.length];
    for (int w : assign) {
      if (w >= 0) {
        takes[w] = true;
      }
    }
    // As fits(): a worker who takes any group of the request must end within capacity, even
    // when the group weighs 0 (a worker already over capacity takes nothing more).
    for (int w = 0; w < load.length; w++) {
      if (takes[w] && !(load[w] <= capacity[w] + EPS)) {
        throw new IllegalStateException("worker " + workers.get(w).id() + " would carry " + load[w]
            + " weighted cases, over capacity " + capacity[w]);
      }
    }
  }

  /** The plan of an assignment; {@code lowerBound} is a proven bound on the objective, if known. */
  AllocationPlan plan(String allocator, int[] assign, OptionalDouble lowerBound) {
    return plan(allocator, assign, evaluate(assign), lowerBound);
  }

  /** As {@link #plan(String, int[], OptionalDouble)}, for a caller that has already evaluated the assignment. */
  AllocationPlan plan(String allocator, int[] assign, Objective objective, OptionalDouble lowerBound) {
    double[] load = loads(assign);
    ImmutableMap.Builder<String, String> placed = ImmutableMap.builder();
    ImmutableMap.Builder<String, Unallocated> unallocated = ImmutableMap.builder();
    Map<ReasonKey, Unallocated> reasons = new HashMap<>();
    int transfers = 0;
    for (Group g : groups) {
      int w = assign[g.index];
      if (w >= 0) {
        String id = workers.get(w).id();
        for (int i = 0; i < g.size(); i++) {
          placed.put(g.cases.get(i).id(), id);
          if (g.current[i] >= 0 && g.current[i] != w) {
            transfers++;
          }
        }
      } else {
        Unallocated why = g.noWorker != null ? g.noWorker
            : reasons.computeIfAbsent(new ReasonKey(g.eligible, g.weights), k -> reason(g, load));
        for (Case c : g.cases) {
          unallocated.put(c.id(), why);
        }
      }
    }
    return new AllocationPlan(allocator, request, placed.build(), unallocated.build(), transfers,
        new WorkerLoads(organisation, load), objective, lowerBound);
  }

  /**
   * Everything of a group that {@link #reason} reads besides the final loads: groups with the same
   * eligibility array (shared by cases of a kind, so compared by identity) and the same weights in
   * the same order get the same reason, computed once per plan.
   */
  private record ReasonKey(int[] eligible, double[] weights) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ReasonKey k && eligible == k.eligible && Arrays.equals(weights, k.weights);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(eligible) * 31 + Arrays.hashCode(weights);
    }
  }

  /** Why a group was left unallocated, given the final loads. */
  Unallocated reason(Group g, double[] load) {
    if (g.noWorker != null) {
      return g.noWorker;
    }
    double bestFree = Double.NEGATIVE_INFINITY;
    int best = -1;
    for (int w : g.eligible) {
      double free = capacity[w] - load[w];
      if (free > bestFree) {
        bestFree = free;
        best = w;
      }
    }
    if (bestFree + EPS >= g.weight) {
      return new Unallocated(Unallocated.Reason.SEARCH_LIMIT, 0, "worker " + workers.get(best).id() + " had room ("
          + round(bestFree) + " weighted cases) but the search stopped before using it");
    }
    double shortfall = g.weight - Math.max(0, bestFree);
    if (g.size() > 1) {
      boolean eachFits = true;
      for (double x : g.weights) {
        boolean fits = false;
        for (int w : g.eligible) {
          if (capacity[w] - load[w] + EPS >= x) {
            fits = true;
            break;
          }
        }
        eachFits &= fits;
      }
      if (eachFits) {
        return new Unallocated(Unallocated.Reason.SIBLING_GROUP_TOO_HEAVY, shortfall, g.size() + " siblings weigh "
            + round(g.weight) + " weighted cases together; the most any of " + g.eligible.length
            + " eligible workers has free is " + round(Math.max(0, bestFree)));
      }
    }
    return new Unallocated(Unallocated.Reason.EVERY_ELIGIBLE_WORKER_FULL, shortfall, "the case"
        + (g.size() > 1 ? "s weigh " : " weighs ") + round(g.weight) + " weighted cases; the most any of "
        + g.eligible.length + " eligible workers has free is " + round(Math.max(0, bestFree)));
  }

  /**
   * {@code x} with two decimals, exactly as {@code String.format(Locale.ROOT, "%.2f", x)} writes
   * it (the shortest decimal of x rounded half up), without a formatter per call: a plan for a
   * request short of room gives a reason for each group it leaves out.
   */
  static String round(double x) {
    if (!(x >= 0) || Math.copySign(1.0, x) < 0 || Double.isInfinite(x)) {
      return String.format(java.util.Locale.ROOT, "%.2f", x); // sign of −0.0 and of negatives, NaN, ∞
    }
    if (x < ROUND_FAST_BELOW) {
      // x × 100 is within 2e-8 of the shortest decimal of x × 100 here (half an ulp of x, scaled,
      // plus the product's rounding), so away from a tie its whole hundredths round the same way.
      double hundredths = x * 100;
      double whole = Math.floor(hundredths);
      double fraction = hundredths - whole;
      if (Math.abs(fraction - 0.5) > ROUND_TIE_MARGIN) {
        long cents = (long) whole + (fraction > 0.5 ? 1 : 0);
        long units = cents / 100;
        int rest = (int) (cents % 100);
        return units + (rest < 10 ? ".0" : ".") + rest;
      }
    }
    return new java.math.BigDecimal(Double.toString(x)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  /** {@link #round} skips the decimal arithmetic below this (weighted cases are far smaller). */
  private static final double ROUND_FAST_BELOW = 1e6;
  /** {@link #round} does the decimal arithmetic when the hundredths are this close to a tie. */
  private static final double ROUND_TIE_MARGIN = 1e-6;

  @Override
  public String toString() {
    return "AllocationProblem[" + groups.size() + " groups, " + workers.size() + " workers]";
  }
}
