package org.caseload.benchmarks.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.Objective;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;

/**
 * An allocation request as the peer solvers see it: workers and groups of cases as indices, with
 * the same hard rules and costs as core's (package-private) {@code AllocationProblem}, rebuilt here
 * from the public API so that the peers answer exactly the question our allocators answer.
 * {@link #evaluate} prices any assignment with the core's formula, and {@link #assignmentOf}
 * reads our plans back into this model, so a test of faithfulness is one line:
 * {@code evaluate(assignmentOf(plan)).total() == plan.objective().total()}.
 *
 * <p>Groups: one per child in the request, except that siblings in the request form one group
 * (in the order the request names them), which must go to one worker; siblings outside the
 * request tie the group to their worker. Loads and capacities are in weighted cases.
 */
public final class AllocationModel {
  /** Loads may exceed capacity by this much (rounding of sums of weights), as in core. */
  public static final double EPS = 1e-9;

  final AllocationRequest request;
  final AllocationPolicy policy;
  /** Number of workers and of groups. */
  final int workers;
  final int groups;
  final String[] workerIds;
  /** Capacity of each worker, weighted cases. */
  final double[] capacity;
  /** Load of each worker from open cases outside the request, weighted cases. */
  final double[] fixedLoad;
  private final String[] workerLocality;
  private final boolean[] anyLocality;

  /** Per group: its cases' ids, weights, current workers (-1 none), and the group's total weight. */
  final List<List<String>> caseIds = new ArrayList<>();
  final double[][] caseWeights;
  final int[][] current;
  final double[] weight;
  /** Workers allowed to take each group (service, protections, siblings), ascending; capacity not checked. */
  final int[][] eligible;
  /** Cost of leaving each group unallocated. */
  final double[] unallocatedCost;
  /** Workers who held a case of the group or its family before, ascending. */
  final int[][] previous;
  final String[] locality;

  private final Map<String, Integer> groupOfCase = new HashMap<>();

  /** Compiles {@code request}. */
  public AllocationModel(AllocationRequest request) {
    this.request = request;
    this.policy = request.policy();
    Organisation org = request.organisation();
    List<Worker> ws = org.workers();
    workers = ws.size();
    workerIds = new String[workers];
    capacity = new double[workers];
    fixedLoad = new double[workers];
    workerLocality = new String[workers];
    anyLocality = new boolean[workers];
    Map<String, Integer> workerIndex = new HashMap<>(workers * 2);
    Map<String, List<Integer>> byService = new LinkedHashMap<>();
    for (int w = 0; w < workers; w++) {
      Worker worker = ws.get(w);
      workerIds[w] = worker.id();
      workerIndex.put(worker.id(), w);
      Team team = org.team(worker.teamId());
      capacity[w] = org.policyFor(team.serviceId()).capacity(worker);
      workerLocality[w] = team.locality();
      anyLocality[w] = policy.anyLocality().contains(team.kind()) || team.locality() == null;
      byService.computeIfAbsent(team.serviceId(), s -> new ArrayList<>()).add(w);
    }
    Set<String> requested = new HashSet<>(request.caseIds());
    for (Case c : org.cases()) {
      if (c.isAllocated() && !requested.contains(c.id())) {
        fixedLoad[workerIndex.get(c.workerId())] += org.weight(c);
      }
    }

    Map<String, List<Case>> requestFamilies = new LinkedHashMap<>();
    List<List<Case>> units = new ArrayList<>();
    for (String id : request.caseIds()) {
      Case c = org.caseById(id);
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
    Map<String, List<Case>> wholeFamilies = new HashMap<>();
    if (!requestFamilies.isEmpty()) {
      for (Case c : org.cases()) {
        if (c.familyId() != null && requestFamilies.containsKey(c.familyId())) {
          wholeFamilies.computeIfAbsent(c.familyId(), f -> new ArrayList<>()).add(c);
        }
      }
    }

    groups = units.size();
    caseWeights = new double[groups][];
    current = new int[groups][];
    weight = new double[groups];
    eligible = new int[groups][];
    unallocatedCost = new double[groups];
    previous = new int[groups][];
    locality = new String[groups];
    Map<String, int[]> cache = new HashMap<>();
    for (int g = 0; g < groups; g++) {
      List<Case> cases = units.get(g);
      int k = cases.size();
      List<String> ids = new ArrayList<>(k);
      caseWeights[g] = new double[k];
      current[g] = new int[k];
      int[] allowed = null;
      TreeSet<Integer> prev = new TreeSet<>();
      for (int i = 0; i < k; i++) {
        Case c = cases.get(i);
        ids.add(c.id());
        groupOfCase.put(c.id(), g);
        caseWeights[g][i] = org.weight(c);
        weight[g] += caseWeights[g][i];
        current[g][i] = c.workerId() == null ? -1 : workerIndex.get(c.workerId());
        unallocatedCost[g] += policy.unallocatedCost(c.category());
        if (locality[g] == null) {
          locality[g] = c.locality();
        }
        addPrevious(c, workerIndex, prev);
        int[] e = eligibility(org, c, ws, byService, cache);
        allowed = allowed == null ? e : intersect(allowed, e);
      }
      String family = cases.get(0).familyId();
      if (family != null) {
        TreeSet<Integer> anchors = new TreeSet<>();
        for (Case sibling : wholeFamilies.getOrDefault(family, List.of())) {
          if (!requested.contains(sibling.id()) && sibling.isOpen() && sibling.isAllocated()) {
            anchors.add(workerIndex.get(sibling.workerId()));
          }
          addPrevious(sibling, workerIndex, prev);
        }
        if (!anchors.isEmpty()) {
          allowed = intersect(allowed, anchors.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      caseIds.add(List.copyOf(ids));
      eligible[g] = allowed;
      previous[g] = prev.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static void addPrevious(Case c, Map<String, Integer> workerIndex, Set<Integer> previous) {
    for (Allocation a : c.history()) {
      Integer w = workerIndex.get(a.workerId());
      if (w != null) {
        previous.add(w);
      }
    }
  }

  private int[] eligibility(Organisation org, Case c, List<Worker> ws, Map<String, List<Integer>> byService,
      Map<String, int[]> cache) {
    Role joint = c.jointWorkerId() == null ? null : org.worker(c.jointWorkerId()).role();
    // The joint worker's own id matters only to themselves (they may not be joint with themselves).
    String key = c.serviceId() + '\u0000' + c.category() + '\u0000' + c.court() + '\u0000' + joint + '\u0000'
        + c.complexity() + '\u0000' + c.jointWorkerId();
    int[] cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    List<Integer> allowed = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> s : byService.entrySet()) {
      if (policy.covers(s.getKey(), c.serviceId())) {
        for (int w : s.getValue()) {
          Worker worker = ws.get(w);
          CapacityPolicy cp = org.policyFor(worker);
          Role jointRole = worker.id().equals(c.jointWorkerId()) ? null : joint;
          if (cp.breach(worker.role(), c, jointRole).isEmpty()) {
            allowed.add(w);
          }
        }
      }
    }
    int[] out = allowed.stream().mapToInt(Integer::intValue).sorted().toArray();
    cache.put(key, out);
    return out;
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
  public int workers() {
    return workers;
  }

  /** Number of groups (a child alone, or siblings who go together). */
  public int groups() {
    return groups;
  }

  /** Capacity of worker {@code w}, weighted cases. */
  public double capacity(int w) {
    return capacity[w];
  }

  /** Load of worker {@code w} from cases outside the request, weighted cases. */
  public double fixedLoad(int w) {
    return fixedLoad[w];
  }

  /** Total weight of group {@code g}, weighted cases. */
  public double weight(int g) {
    return weight[g];
  }

  /** Workers allowed to take group {@code g}, ascending (do not modify). */
  public int[] eligible(int g) {
    return eligible[g];
  }

  /** Cost of leaving group {@code g} unallocated. */
  public double unallocatedCost(int g) {
    return unallocatedCost[g];
  }

  /** The balance weight of the policy. */
  public double balanceWeight() {
    return policy.balanceWeight();
  }

  /** Id of worker {@code w}. */
  public String workerId(int w) {
    return workerIds[w];
  }

  /** The request this model was compiled from.*/
  public AllocationRequest request() {
    return request;
  }

  /** True if worker {@code w} may take group {@code g}, capacity apart. */
  public boolean allows(int g, int w) {
    return Arrays.binarySearch(eligible[g], w) >= 0;
  }

  /** Number of cases of group {@code g}. */
  public int size(int g) {
    return caseWeights[g].length;
  }

  /** Free capacity of worker {@code w} before the request, weighted cases (may be negative). */
  public double free(int w) {
    return capacity[w] - fixedLoad[w];
  }

  public double transferCost(int g, int w) {
    int moved = 0;
    for (int c : current[g]) {
      if (c >= 0 && c != w) {
        moved++;
      }
    }
    return moved * policy.transferCost();
  }

  public double continuityCost(int g, int w) {
    if (Arrays.binarySearch(previous[g], w) < 0) {
      return 0;
    }
    int earned = 0;
    for (int c : current[g]) {
      if (c != w) {
        earned++;
      }
    }
    return -earned * policy.continuityBonus();
  }

  public double localityCost(int g, int w) {
    if (locality[g] == null || anyLocality[w] || locality[g].equals(workerLocality[w])) {
      return 0;
    }
    return size(g) * policy.localityMismatchCost();
  }

  /** Every cost of placing group {@code g} with worker {@code w} except balance. */
  public double placementCost(int g, int w) {
    return transferCost(g, w) + continuityCost(g, w) + localityCost(g, w);
  }

  /** Balance cost of worker {@code w} carrying {@code load}: weight × (load² − fixed²) ÷ capacity. */
  public double balanceCost(int w, double load) {
    double f = fixedLoad[w];
    return policy.balanceWeight() * (load * load - f * f) / capacity[w];
  }

  /** The loads an assignment gives ({@code assign[g]} = worker or -1). */
  public double[] loads(int[] assign) {
    double[] load = fixedLoad.clone();
    for (int g = 0; g < groups; g++) {
      if (assign[g] >= 0) {
        load[assign[g]] += weight[g];
      }
    }
    return load;
  }

  /**
   * The objective of an assignment, term by term, by core's formula.
   *
   * @throws IllegalStateException if it breaks a hard rule (a worker not allowed, or over capacity)
   */
  public Objective evaluate(int[] assign) {
    String broken = broken(assign);
    if (broken != null) {
      throw new IllegalStateException(broken);
    }
    double unallocated = 0;
    double transfers = 0;
    double continuity = 0;
    double loc = 0;
    for (int g = 0; g < groups; g++) {
      int w = assign[g];
      if (w < 0) {
        unallocated += unallocatedCost[g];
      } else {
        transfers += transferCost(g, w);
        continuity += continuityCost(g, w);
        loc += localityCost(g, w);
      }
    }
    double[] load = loads(assign);
    double balance = 0;
    for (int w = 0; w < workers; w++) {
      if (load[w] != fixedLoad[w]) {
        balance += balanceCost(w, load[w]);
      }
    }
    return new Objective(unallocated, transfers, continuity, balance, loc);
  }

  /** The first hard rule an assignment breaks, or null if it breaks none. */
  public String broken(int[] assign) {
    if (assign.length != groups) {
      return "assignment has " + assign.length + " entries for " + groups + " groups";
    }
    for (int g = 0; g < groups; g++) {
      if (assign[g] >= 0 && !allows(g, assign[g])) {
        return "group of case " + caseIds.get(g).get(0) + " may not go to worker " + workerIds[assign[g]];
      }
    }
    double[] load = loads(assign);
    for (int w = 0; w < workers; w++) {
      if (load[w] > capacity[w] + EPS && load[w] > fixedLoad[w] + EPS) {
        return "worker " + workerIds[w] + " would carry " + load[w] + " weighted cases, over capacity " + capacity[w];
      }
    }
    return null;
  }

  /** Reads a plan of ours back into this model: each group's worker (that of its first case), or -1. */
  public int[] assignmentOf(AllocationPlan plan) {
    Map<String, Integer> workerIndex = new HashMap<>(workers * 2);
    for (int w = 0; w < workers; w++) {
      workerIndex.put(workerIds[w], w);
    }
    int[] assign = new int[groups];
    for (int g = 0; g < groups; g++) {
      String worker = plan.assignments().get(caseIds.get(g).get(0));
      assign[g] = worker == null ? -1 : workerIndex.get(worker);
    }
    return assign;
  }

  /** Number of cases moved from a worker who holds them to another. */
  public int transfers(int[] assign) {
    int n = 0;
    for (int g = 0; g < groups; g++) {
      for (int c : current[g]) {
        if (c >= 0 && c != assign[g]) {
          n++;
        }
      }
    }
    return n;
  }

  /** Number of cases left unallocated, and their weight in weighted cases, as {count, weight}. */
  public double[] unallocated(int[] assign) {
    double count = 0;
    double w = 0;
    for (int g = 0; g < groups; g++) {
      if (assign[g] < 0) {
        count += size(g);
        w += weight[g];
      }
    }
    return new double[] {count, w};
  }

  /** Utilisation (load ÷ capacity) of every worker after the assignment, in worker order. */
  public double[] utilisation(int[] assign) {
    double[] load = loads(assign);
    for (int w = 0; w < workers; w++) {
      load[w] /= capacity[w];
    }
    return load;
  }

  /** Number of cases in the request. */
  public int caseCount() {
    return groupOfCase.size();
  }

  /** Whether every case weighs the same and no group has more than one case (the min-cost flow case). */
  public boolean isUnitWeight() {
    for (int g = 0; g < groups; g++) {
      if (size(g) != 1 || Math.abs(weight[g] - 1) > EPS) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AllocationModel[" + caseCount() + " cases in " + groups + " groups, " + workers + " workers]";
  }
}
