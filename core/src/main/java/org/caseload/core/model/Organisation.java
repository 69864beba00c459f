package org.caseload.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.core.validation.Problems;
import org.caseload.core.validation.Suggestions;

/**
 * An immutable snapshot of a children's social care organisation on one day: its services,
 * teams, workers, and every case it has opened, with who holds each.
 *
 * <p>Built with {@link #builder(String, LocalDate)}, which checks every rule at once and refuses
 * an invalid organisation with an {@link InvalidInputException} listing all problems. Changed
 * only by operations that return a new organisation (hire, leave, move a worker, transfer a case,
 * create or dissolve a team, open or close a case); none of them loses a case: cases are never
 * removed, only closed, and the cases of workers who leave become unallocated and are returned
 * in a {@link Departure}.
 *
 * <p>Loads are in weighted cases; a case is weighted by its own service's {@link CapacityPolicy},
 * a worker's capacity and role protections come from the policy of the worker's service.
 *
 * <p>Instances are immutable and safe to share between threads. Workers are kept grouped by
 * team, in team order; everything else in the order added.
 */
public final class Organisation {
  private final String name;
  private final LocalDate asOf;
  private final CapacityPolicy capacityPolicy;
  private final ImmutableMap<String, Service> services;
  private final ImmutableMap<String, Team> teams;
  private final ImmutableMap<String, Worker> workers;
  private final ImmutableMap<String, Case> cases;
  private final ImmutableListMultimap<String, Case> heldBy;
  private final ImmutableListMultimap<String, Worker> workersByTeam;
  private final ImmutableList<Problem> warnings;
  // Derived indices, computed on first use; immutable once computed, so a race only computes twice.
  private volatile WorkerTable workerTable;
  private volatile ImmutableListMultimap<String, Case> byFamily;

  private Organisation(String name, LocalDate asOf, CapacityPolicy capacityPolicy, List<Service> services,
      List<Team> teams, List<Worker> workers, List<Case> cases) {
    Problems problems = OrganisationValidator.check(name, asOf, capacityPolicy, services, teams, workers, cases);
    problems.throwIfErrors("organisation" + (name == null ? "" : " \"" + name + "\""));
    this.name = name;
    this.asOf = asOf;
    this.capacityPolicy = capacityPolicy;
    this.services = index(services, Service::id);
    this.teams = index(teams, Team::id);
    ImmutableListMultimap.Builder<String, Worker> byTeam = ImmutableListMultimap.builder();
    for (Worker w : workers) {
      byTeam.put(w.teamId(), w);
    }
    ImmutableListMultimap<String, Worker> grouped = byTeam.build();
    ImmutableMap.Builder<String, Worker> ordered = ImmutableMap.builderWithExpectedSize(workers.size());
    for (String teamId : this.teams.keySet()) {
      for (Worker w : grouped.get(teamId)) {
        ordered.put(w.id(), w);
      }
    }
    this.workers = ordered.build();
    this.workersByTeam = grouped;
    this.cases = index(cases, Case::id);
    ImmutableListMultimap.Builder<String, Case> held = ImmutableListMultimap.builder();
    for (Case c : cases) {
      String w = c.workerId();
      if (w != null) {
        held.put(w, c);
      }
    }
    this.heldBy = held.build();
    this.warnings = ImmutableList.copyOf(problems.all());
  }

  private static <T> ImmutableMap<String, T> index(List<T> values, Function<T, String> id) {
    ImmutableMap.Builder<String, T> b = ImmutableMap.builderWithExpectedSize(values.size());
    for (T v : values) {
      b.put(id.apply(v), v);
    }
    return b.buildOrThrow();
  }

  /** A builder for an organisation called {@code name}, as it stands on {@code asOf}. */
  public static Builder builder(String name, LocalDate asOf) {
    return new Builder(name, asOf);
  }

  /** A builder holding everything in this organisation, to change and build anew. */
  public Builder toBuilder() {
    Builder b = new Builder(name, asOf).capacityPolicy(capacityPolicy);
    b.services.addAll(services.values());
    b.teams.addAll(teams.values());
    b.workers.addAll(workers.values());
    b.cases.addAll(cases.values());
    return b;
  }

  // ---------------------------------------------------------------- queries

  /** The organisation's name. */
  public String name() {
    return name;
  }

  /** The day this snapshot describes. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The organisation-wide capacity policy (services may override it). */
  public CapacityPolicy capacityPolicy() {
    return capacityPolicy;
  }

  /** The services, in order. */
  public ImmutableList<Service> services() {
    return services.values().asList();
  }

  /** The teams, in order. */
  public ImmutableList<Team> teams() {
    return teams.values().asList();
  }

  /** The workers, grouped by team in team order. */
  public ImmutableList<Worker> workers() {
    return workers.values().asList();
  }

  /** Every case ever opened, open or closed, in order. */
  public ImmutableList<Case> cases() {
    return cases.values().asList();
  }

  /** The open cases, allocated or not. */
  public List<Case> openCases() {
    return cases.values().stream().filter(Case::isOpen).collect(ImmutableList.toImmutableList());
  }

  /** The open cases that no worker holds. */
  public List<Case> unallocatedCases() {
    return cases.values().stream().filter(Case::isUnallocated).collect(ImmutableList.toImmutableList());
  }

  /** The service with this id; throws {@link IllegalArgumentException} naming close ids if none. */
  public Service service(String id) {
    return lookup(services, id, "service");
  }

  /** The team with this id; throws {@link IllegalArgumentException} if none. */
  public Team team(String id) {
    return lookup(teams, id, "team");
  }

  /** The worker with this id; throws {@link IllegalArgumentException} if none. */
  public Worker worker(String id) {
    return lookup(workers, id, "worker");
  }

  /** The case with this id, open or closed; throws {@link IllegalArgumentException} if none. */
  public Case caseById(String id) {
    return lookup(cases, id, "case");
  }

  /** The service with this id, if any. */
  public Optional<Service> findService(String id) {
    return Optional.ofNullable(services.get(id));
  }

  /** The team with this id, if any. */
  public Optional<Team> findTeam(String id) {
    return Optional.ofNullable(teams.get(id));
  }

  /** The worker with this id, if any. */
  public Optional<Worker> findWorker(String id) {
    return Optional.ofNullable(workers.get(id));
  }

  /** The case with this id, if any. */
  public Optional<Case> findCase(String id) {
    return Optional.ofNullable(cases.get(id));
  }

  /** The teams of a service, in order. */
  public List<Team> teamsOf(String serviceId) {
    return teams.values().stream().filter(t -> t.serviceId().equals(serviceId))
        .collect(ImmutableList.toImmutableList());
  }

  /** The workers of a team, in order. */
  public List<Worker> workersOf(String teamId) {
    return workersByTeam.get(teamId);
  }

  /** The open cases a worker holds (as holder, not as joint worker), in order. */
  public List<Case> casesHeldBy(String workerId) {
    return heldBy.get(workerId);
  }

  /** The service a worker belongs to, through their team. */
  public Service serviceOf(Worker worker) {
    return service(team(worker.teamId()).serviceId());
  }

  /** The capacity policy in force for a service: its own, or the organisation's. */
  public CapacityPolicy policyFor(String serviceId) {
    CapacityPolicy own = service(serviceId).capacityPolicy();
    return own != null ? own : capacityPolicy;
  }

  /** The capacity policy that sets a worker's capacity and protections: that of their service. */
  public CapacityPolicy policyFor(Worker worker) {
    return policyFor(team(worker.teamId()).serviceId());
  }

  /** A case's weight, in weighted cases, by its own service's policy. */
  public double weight(Case c) {
    return policyFor(c.serviceId()).weight(c);
  }

  /** A worker's load: the weights of the open cases they hold, in weighted cases (0 for an unknown id). */
  public double load(String workerId) {
    WorkerTable t = workerTable();
    Integer w = t.index().get(workerId);
    return w == null ? 0 : t.load()[w];
  }

  /**
   * Every worker's load, in weighted cases, in the order of {@link #workers()}: a new array each
   * call (the organisation keeps its own).
   */
  public double[] loads() {
    return workerTable().load().clone();
  }

  /**
   * Every worker's capacity, in weighted cases, in the order of {@link #workers()} (see
   * {@link #capacity(String)}): a new array each call.
   */
  public double[] capacities() {
    return workerTable().capacity().clone();
  }

  /** A worker's position in {@link #workers()}, or −1 for an unknown id; constant time. */
  public int indexOf(String workerId) {
    Integer w = workerTable().index().get(workerId);
    return w == null ? -1 : w;
  }

  /**
   * Each worker's position in {@link #workers()}, load and capacity (weighted cases), aligned with
   * it: derived once, on first use, since allocators look every worker up for each request.
   */
  private record WorkerTable(ImmutableMap<String, Integer> index, double[] load, double[] capacity) {}

  private WorkerTable workerTable() {
    WorkerTable t = workerTable;
    if (t == null) {
      List<Worker> ws = workers();
      ImmutableMap.Builder<String, Integer> index = ImmutableMap.builderWithExpectedSize(ws.size());
      double[] load = new double[ws.size()];
      double[] capacity = new double[ws.size()];
      for (int w = 0; w < ws.size(); w++) {
        Worker worker = ws.get(w);
        index.put(worker.id(), w);
        double sum = 0;
        for (Case c : heldBy.get(worker.id())) {
          sum += weight(c);
        }
        load[w] = sum;
        capacity[w] = policyFor(worker).capacity(worker);
      }
      workerTable = t = new WorkerTable(index.buildOrThrow(), load, capacity);
    }
    return t;
  }

  /** Every case of a family, open or closed, in order (empty for an unknown family). */
  public List<Case> casesOfFamily(String familyId) {
    ImmutableListMultimap<String, Case> f = byFamily;
    if (f == null) {
      ImmutableListMultimap.Builder<String, Case> b = ImmutableListMultimap.builder();
      for (Case c : cases.values()) {
        if (c.familyId() != null) {
          b.put(c.familyId(), c);
        }
      }
      byFamily = f = b.build();
    }
    return f.get(familyId);
  }

  /** A worker's capacity, in weighted cases (capacity per FTE of their role × FTE). */
  public double capacity(String workerId) {
    WorkerTable t = workerTable();
    Integer w = t.index().get(workerId);
    if (w == null) {
      lookup(workers, workerId, "worker"); // throws, naming the id and the nearest known ones
    }
    return t.capacity()[w];
  }

  /** The role protection an open case's holding breaks, if any (none when unallocated or closed). */
  public Optional<ProtectionBreach> breach(Case c) {
    String holder = c.workerId();
    if (holder == null) {
      return Optional.empty();
    }
    Worker w = worker(holder);
    Role joint = c.jointWorkerId() == null ? null : worker(c.jointWorkerId()).role();
    return policyFor(w).breach(w.role(), c, joint);
  }

  /** Warnings found when the organisation was built (for example a sibling group split across workers). */
  public List<Problem> warnings() {
    return warnings;
  }

  // ---------------------------------------------------------------- operations

  /** This organisation with another snapshot date. */
  public Organisation asOf(LocalDate day) {
    return new Organisation(name, day, capacityPolicy, services(), teams(), workers(), cases());
  }

  /** This organisation with another organisation-wide capacity policy. */
  public Organisation withCapacityPolicy(CapacityPolicy policy) {
    return new Organisation(name, asOf, policy, services(), teams(), workers(), cases());
  }

  /** This organisation with {@code service} added, or replacing the service of the same id. */
  public Organisation withService(Service service) {
    return new Organisation(name, asOf, capacityPolicy, replaceOrAdd(services, service.id(), service), teams(),
        workers(), cases());
  }

  /** This organisation with a new worker. The id must be new and the team must exist. */
  public Organisation hire(Worker worker) {
    List<Worker> ws = new ArrayList<>(workers.values());
    ws.add(worker);
    return new Organisation(name, asOf, capacityPolicy, services(), teams(), ws, cases());
  }

  /**
   * A worker leaves on {@code on}: they are removed, each open case they held becomes unallocated
   * from that day, and they stop being joint worker on any case.
   */
  public Departure leave(String workerId, LocalDate on) {
    return departure(List.of(worker(workerId)), on, Set.of());
  }

  /**
   * Several workers leave on the same day, in one step: the same organisation as each leaving in
   * turn with {@link #leave(String, LocalDate)}, but checked and rebuilt once however many leave
   * (for example 5% of a national workforce). The departure's leavers are in the order named.
   *
   * @throws InvalidInputException naming every unknown worker id and every id named twice
   */
  public Departure leave(Collection<String> workerIds, LocalDate on) {
    return departure(resolve(workerIds, "workerIds", this::findWorker, workers.keySet(), "worker"), on, Set.of());
  }

  /** A worker moves to another team; they keep their cases (the worker follows the child). */
  public Organisation moveWorker(String workerId, String teamId) {
    Worker moved = worker(workerId).inTeam(teamId);
    team(teamId);
    List<Worker> ws = new ArrayList<>(workers.size());
    for (Worker w : workers.values()) {
      ws.add(w.id().equals(workerId) ? moved : w);
    }
    return new Organisation(name, asOf, capacityPolicy, services(), teams(), ws, cases());
  }

  /**
   * {@code workerId} holds the case from {@code on}. If another worker held it, that is a transfer,
   * recorded in the case's history; if it was unallocated, this allocates it.
   */
  public Organisation transferCase(String caseId, String workerId, LocalDate on) {
    worker(workerId);
    return withCase(caseId, c -> c.allocatedTo(workerId, on));
  }

  /** The case loses its worker from {@code on} and waits, unallocated. */
  public Organisation unallocateCase(String caseId, LocalDate on) {
    return withCase(caseId, c -> c.unallocatedOn(on));
  }

  /** A qualified worker holds the case jointly with its holder (null to end joint holding). */
  public Organisation withJointWorker(String caseId, String jointWorkerId) {
    if (jointWorkerId != null) {
      worker(jointWorkerId);
    }
    return withCase(caseId, c -> c.withJointWorker(jointWorkerId));
  }

  /** A new team; its id must be new and its service must exist. */
  public Organisation createTeam(Team team) {
    List<Team> ts = new ArrayList<>(teams.values());
    ts.add(team);
    return new Organisation(name, asOf, capacityPolicy, services(), ts, workers(), cases());
  }

  /**
   * A team is dissolved on {@code on}: the team is removed and its workers leave with it (move
   * any who stay to another team first, with {@link #moveWorker}). Their open cases become
   * unallocated and are returned for re-allocation.
   */
  public Departure dissolveTeam(String teamId, LocalDate on) {
    team(teamId);
    return departure(workersByTeam.get(teamId), on, Set.of(teamId));
  }

  /**
   * Several teams are dissolved on the same day, in one step: the same organisation as
   * dissolving each in turn with {@link #dissolveTeam(String, LocalDate)}. The departure's
   * leavers are the teams' workers, team by team in the order named.
   *
   * @throws InvalidInputException naming every unknown team id and every id named twice
   */
  public Departure dissolveTeams(Collection<String> teamIds, LocalDate on) {
    List<Team> dissolved = resolve(teamIds, "teamIds", this::findTeam, teams.keySet(), "team");
    List<Worker> leavers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Team t : dissolved) {
      leavers.addAll(workersByTeam.get(t.id()));
      ids.add(t.id());
    }
    return departure(leavers, on, ids);
  }

  /** The items named by {@code ids}, in order; every unknown or repeated id reported at once. */
  private static <T> List<T> resolve(Collection<String> ids, String field,
      Function<String, Optional<T>> find, Set<String> known, String kind) {
    Problems p = new Problems();
    p.required(ids, field);
    p.throwIfErrors(kind + " departure");
    List<T> found = new ArrayList<>(ids.size());
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (String id : ids) {
      String path = field + "[" + i++ + "]";
      if (!seen.add(id)) {
        p.error(path, "\"" + id + "\" is named twice");
        continue;
      }
      Optional<T> t = id == null ? Optional.empty() : find.apply(id);
      if (t.isEmpty()) {
        p.error(path, "no " + kind + " \"" + id + "\" in the organisation"
            + Suggestions.didYouMean(String.valueOf(id), known));
      } else {
        found.add(t.get());
      }
    }
    p.throwIfErrors(kind + " departure");
    return found;
  }

  /** A new open case; its id must be new and its service must exist. */
  public Organisation openCase(Case c) {
    if (!c.isOpen()) {
      throw new IllegalArgumentException("case " + c.id() + " is closed (on " + c.closed()
          + "); add closed cases through the builder");
    }
    List<Case> cs = new ArrayList<>(cases.values());
    cs.add(c);
    return new Organisation(name, asOf, capacityPolicy, services(), teams(), workers(), cs);
  }

  /** The case closes on {@code on}; it stays in the organisation, closed, with its history. */
  public Organisation closeCase(String caseId, LocalDate on) {
    return withCase(caseId, c -> c.closedOn(on));
  }

  /**
   * This organisation with many cases changed or added at once: each case replaces the case of
   * the same id, or is added if its id is new. One check of the whole organisation, however many
   * cases: the path for bulk changes such as applying an allocation plan or a week's referrals.
   * Cases are never removed (close them instead).
   */
  public Organisation withCases(Collection<Case> changed) {
    if (changed.isEmpty()) {
      return this;
    }
    LinkedHashMap<String, Case> copy = new LinkedHashMap<>(cases);
    for (Case c : changed) {
      copy.put(c.id(), c);
    }
    return new Organisation(name, asOf, capacityPolicy, services(), teams(), workers(), new ArrayList<>(copy.values()));
  }

  private Departure departure(List<Worker> leavers, LocalDate on, Set<String> dissolvedTeams) {
    Map<String, Worker> leaving = new HashMap<>();
    for (Worker w : leavers) {
      leaving.put(w.id(), w);
    }
    List<Worker> ws = new ArrayList<>(workers.size());
    for (Worker w : workers.values()) {
      if (!leaving.containsKey(w.id())) {
        ws.add(w);
      }
    }
    List<Case> cs = new ArrayList<>(cases.size());
    List<Case> orphaned = new ArrayList<>();
    for (Case c : cases.values()) {
      Case after = c;
      if (after.jointWorkerId() != null && leaving.containsKey(after.jointWorkerId())) {
        after = after.withJointWorker(null);
      }
      if (after.workerId() != null && leaving.containsKey(after.workerId())) {
        after = after.unallocatedOn(on);
        orphaned.add(after);
      }
      cs.add(after);
    }
    List<Team> ts = teams();
    if (!dissolvedTeams.isEmpty()) {
      ts = new ArrayList<>(teams.values());
      ts.removeIf(t -> dissolvedTeams.contains(t.id()));
    }
    Organisation after = new Organisation(name, asOf, capacityPolicy, services(), ts, ws, cs);
    return new Departure(after, leavers, orphaned);
  }

  private Organisation withCase(String caseId, UnaryOperator<Case> change) {
    Case before = caseById(caseId);
    Case after = change.apply(before);
    if (after.equals(before)) {
      return this;
    }
    return new Organisation(name, asOf, capacityPolicy, services(), teams(), workers(),
        replaceOrAdd(cases, caseId, after));
  }

  private static <T> List<T> replaceOrAdd(ImmutableMap<String, T> map, String id, T value) {
    LinkedHashMap<String, T> copy = new LinkedHashMap<>(map);
    copy.put(id, value);
    return new ArrayList<>(copy.values());
  }

  private static <T> T lookup(Map<String, T> map, String id, String kind) {
    T value = map.get(id);
    if (value == null) {
      throw new IllegalArgumentException("no " + kind + " \"" + id + "\" in the organisation"
          + Suggestions.didYouMean(String.valueOf(id), map.keySet()));
    }
    return value;
  }

  // ---------------------------------------------------------------- object

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Organisation)) {
      return false;
    }
    Organisation other = (Organisation) o;
    return name.equals(other.name) && asOf.equals(other.asOf) && capacityPolicy.equals(other.capacityPolicy)
        && services().equals(other.services()) && teams().equals(other.teams())
        && workers().equals(other.workers()) && cases().equals(other.cases());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, asOf, services.size(), teams.size(), workers.size(), cases.size());
  }

  /** One line: name, date, and counts of services, teams, workers (FTE) and open cases. */
  @Override
  public String toString() {
    double fte = 0;
    for (Worker w : workers.values()) {
      fte += w.fte();
    }
    long open = 0;
    long unallocated = 0;
    for (Case c : cases.values()) {
      if (c.isOpen()) {
        open++;
        if (c.workerId() == null) {
          unallocated++;
        }
      }
    }
    return "Organisation[" + name + " as of " + asOf + ": " + count(services.size(), "service") + ", "
        + count(teams.size(), "team") + ", " + count(workers.size(), "worker") + " ("
        + Fmt.number(Math.round(fte * 10) / 10.0) + " FTE), " + count(open, "open case") + " (" + unallocated
        + " unallocated)]";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // ---------------------------------------------------------------- builder

  /**
   * Collects the parts of an organisation; {@link #build()} checks every rule at once. Not
   * thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final String name;
    private final LocalDate asOf;
    private CapacityPolicy capacityPolicy = CapacityPolicy.defaults();
    private final List<Service> services = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();

    private Builder(String name, LocalDate asOf) {
      this.name = name;
      this.asOf = asOf;
    }

    /** The organisation-wide capacity policy; {@link CapacityPolicy#defaults()} if not set. */
    public Builder capacityPolicy(CapacityPolicy policy) {
      this.capacityPolicy = policy;
      return this;
    }

    /** Adds a service. */
    public Builder add(Service service) {
      services.add(Objects.requireNonNull(service, "service"));
      return this;
    }

    /** Adds a team. */
    public Builder add(Team team) {
      teams.add(Objects.requireNonNull(team, "team"));
      return this;
    }

    /** Adds a worker. */
    public Builder add(Worker worker) {
      workers.add(Objects.requireNonNull(worker, "worker"));
      return this;
    }

    /** Adds a case, open or closed. */
    public Builder add(Case c) {
      cases.add(Objects.requireNonNull(c, "case"));
      return this;
    }

    /** Every problem the organisation would have, errors and warnings, without building it. */
    public List<Problem> check() {
      return OrganisationValidator.check(name, asOf, capacityPolicy, services, teams, workers, cases).all();
    }

    /**
     * The organisation.
     *
     * @throws InvalidInputException listing every problem, if any rule is broken
     */
    public Organisation build() {
      return new Organisation(name, asOf, capacityPolicy, services, teams, workers, cases);
    }
  }
}
