package org.caseload.simulation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.Allocator;
import org.caseload.core.allocation.Allocators;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.Arrivals;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.random.RandomStreams;
import org.caseload.simulation.random.StreamKind;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * One replication of a scenario: a discrete-event simulation with its own calendar, in weeks
 * from the organisation's {@code asOf}. Its state is private and mutable for speed; what leaves
 * it is an immutable {@link ReplicationResult}.
 *
 * <p>Every case draws its route, stage lengths and re-referral from its own stream, keyed by its
 * number (arrival order for referrals, file order for the starting cases, and a key derived from
 * the first case for a re-referral); every worker draws their leaving and sickness from their
 * own, every vacancy its recruitment and cover. So two scenarios with the same seed give each
 * child and each worker the same story wherever the difference between them does not reach.
 * Siblings move through the pathway together: in each stage the first of them there leads, and
 * its stage length and next stage are the family's (drawn from its stream), so that a family stays
 * with one service and can stay with one worker.
 *
 * <p>Cases are allocated by the rules of the organisation's capacity policies and the scenario's
 * allocation policy (the same rules and costs as the core allocators): a worker in post, not
 * absent, of a service covering the case, breaking no role protection, within capacity, the
 * cheapest by balance and continuity. A case with no such worker waits, highest risk first then
 * longest waiting, until a worker gains room. With an allocator other than {@code greedy}, the
 * batches — the waiting cases at each allocation meeting (or at the start), and the cases that
 * leavers release (all of a restructure's leavers at once) — are placed by that allocator on the
 * organisation as it stands, workers absent through sickness left out.
 *
 * <p>Each starting worker holds a post. When a worker leaves (a leaving hazard by contract and
 * role, then notice), their cases wait for re-allocation and their post falls vacant: it is
 * recruited to after a lead time, and meanwhile covered, with a given probability and delay,
 * by a qualified agency worker (under the 2024 statutory guidance agency workers must have 3
 * years' experience), who is released when the recruit arrives.
 *
 * <p>Assumptions, stated: a starting case's remaining time in its stage is a fresh draw of the
 * stage's length (exact for exponential lengths); new referrals are of standard complexity and
 * not in court; a starting case whose category has no stage in the pathway stays open, with its
 * worker, to the horizon; a sick worker keeps their cases but takes no new ones.
 */
final class Replication {
  private static final int ARRIVAL = 0;
  private static final int STAGE_END = 1;
  private static final int SNAPSHOT = 2;
  private static final int REREFERRAL = 3;
  private static final int MEETING = 4;
  private static final int LEAVE_NOTICE = 5;
  private static final int DEPART = 6;
  private static final int RECRUIT = 7;
  private static final int COVER = 8;
  private static final int QUALIFY = 9;
  private static final int SICK_START = 10;
  private static final int SICK_END = 11;
  private static final int COHORT = 12;
  private static final int RESTRUCTURE = 13;

  private static final long STARTING_CASES = 1L << 40;
  private static final long RECRUITS = 1L << 41;
  private static final long COVERS = 1L << 42;
  private static final long COHORTS = 1L << 43;
  private static final long RESTRUCTURES = 1L << 44;

  private final Scenario scenario;
  private final Organisation org;
  private final Pathway pathway;
  private final AllocationPolicy policy;
  private final WorkforceModel workforce;
  /**
   * The scenario's allocator for batches (a meeting's waiting cases, a leaver's cases, a dissolved
   * team's), or null for {@code greedy}, whose rule the engine runs incrementally.
   */
  private final Allocator batchAllocator;
  /** While a restructure removes several workers, their cases are gathered here to be placed together. */
  private List<SimCase> deferred;
  private final RandomStreams streams;
  private final int replication;
  private final EventCalendar calendar = new EventCalendar();

  private final List<String> services = new ArrayList<>();
  private final Map<String, Integer> serviceIndex = new HashMap<>();
  private final CapacityPolicy[] servicePolicy;
  private final List<Team> teams;
  private final Map<String, Integer> teamIndex = new HashMap<>();
  private int[] teamService;
  /** For each team's service, the services whose cases its workers may take. */
  private final int[][] serviceCovers;
  /** Whether workers of service s may take cases of service t. */
  private final boolean[][] mayCover;
  /**
   * For a worker of service s and role r, the cases they may hold under the role protections: bit
   * {@code 2 × category + (in court ? 1 : 0)} is set when a case of that category and court state
   * is allowed (see {@link #holdBit}).
   */
  private final long[][] allowedBits;
  /** The pathway's stage of each category (by ordinal), or null where it has none. */
  private final Stage[] stageOf;
  /** The index of the service of each category's stage (by ordinal), or -1. */
  private final int[] stageServiceOf;
  /** A case's weight by service, category and complexity (ordinals), in weighted cases. */
  private final double[][][] weightOf;
  /** Minus the unallocated cost of each category (by ordinal): waiting cases are offered in its ascending order. */
  private final double[] waitingRank;
  private final Map<String, Integer> startingWorkers = new HashMap<>();

  // workers, in growable parallel arrays
  private int workerCount;
  private Role[] role = new Role[16];
  private Contract[] contract = new Contract[16];
  private double[] fte = new double[16];
  private double[] capacity = new double[16];
  private double[] load = new double[16];
  private int[] workerService = new int[16];
  private int[] workerPost = new int[16];
  private long[] workerEntity = new long[16];
  private boolean[] active = new boolean[16];
  private boolean[] absent = new boolean[16];
  private boolean[] isCover = new boolean[16];
  /** The cases each worker may hold under the role protections, as {@link #allowedBits}. */
  private long[] holds = new long[16];
  /** Each worker's cost per week (the scenario's cost model at their contract, role and FTE). */
  private double[] weeklyCost = new double[16];
  /** Each worker's sickness stream, created on first use from the worker's key. */
  private RandomGenerator[] sickness = new RandomGenerator[16];
  /**
   * For each service, the workers who may take its cases now, grouped for the search of the
   * cheapest (see {@link CandidatePool}); a worker keeps their place in a service's list from
   * joining to leaving, through absences.
   */
  private final CandidatePool[] pools;
  /** For each worker, the open cases they hold. */
  private final List<List<SimCase>> heldBy = new ArrayList<>();
  /** The lightest weight any case can have: no worker with less room can take anything. */
  private double lightest = Double.POSITIVE_INFINITY;

  // posts
  private int postCount;
  private int[] postTeam = new int[16];
  private Role[] postRole = new Role[16];
  private Contract[] postContract = new Contract[16];
  private double[] postFte = new double[16];
  private int[] postHolder = new int[16];
  private int[] postCover = new int[16];
  private int[] postVacancies = new int[16];
  /** The post no longer exists (its team was dissolved, or it was cut); nobody is recruited to it. */
  private boolean[] postRemoved = new boolean[16];
  /** The post is not to be covered by agency workers any more. */
  private boolean[] postNoCover = new boolean[16];

  // cases
  /** Open cases by slot (the subject of their events); a closed case's slot is freed for reuse. */
  private final List<SimCase> cases = new ArrayList<>();
  private final IntList freeSlots = new IntList();
  /** Cases created so far: the next case's serial number. */
  private int caseCount;
  /** Open cases by service. */
  private final int[] openCount;
  /** For each service, its open cases that no worker holds, in the order they are offered to workers. */
  private final List<WaitingList<SimCase>> waiting = new ArrayList<>();
  /** Cases that have had at least 3 spells with workers (closed ones are dropped at each snapshot). */
  private final List<SimCase> churned = new ArrayList<>();
  /**
   * Closed cases nothing refers to any more (no family, not watched for churn), kept to be reused
   * with their streams and arrays rather than allocating a case per referral.
   */
  private final List<SimCase> spare = new ArrayList<>();
  /** Scratch list of sibling holders ({@link #gatherSiblings}). */
  private final IntList holders = new IntList();
  /** Scratch for {@link #endStage}: the cases leaving a stage together, and the workers they leave. */
  private final List<SimCase> moving = new ArrayList<>();
  private int[] movedFrom = new int[4];
  /** The referrals' arrival times, drawn one ahead of the calendar. */
  private Arrivals arrivals;
  /** The cases' streams (one per case, keyed by the case's entity). */
  private final RandomStreams.Process caseStreams;
  /** Whether cases are allocated as they arrive or free (rather than at weekly meetings); read at every event. */
  private final boolean onArrival;
  /** Whether a case no worker may take goes to a worker barred only by a role protection ({@link Scenario.ProtectionPractice}). */
  private final boolean breachRatherThanWait;
  /** Open cases by service held in breach of a role protection. */
  private final int[] breaches;
  private double now;
  private long events;
  /** Whether every allocation is checked against the hard rules as it is made (for tests). */
  private boolean checking;
  private boolean started;

  // records
  /** By measure, each week's values by service: week {@code w}, service {@code s} at {@code w × services + s}. */
  private final double[][] values;
  private final long[] transfers;
  /** Entries of cases into each service (at the start, on referral, at a change of stage to another service). */
  private final long[] entered;
  private final long[] referrals;
  private final long[] opened;
  private final long[] closed;
  private final double[] cost;
  private final Map<String, Integer> departedWorkers = new HashMap<>();
  private final List<List<SimCase>> families = new ArrayList<>();

  /** A case as the engine tracks it. */
  private static final class SimCase {
    /** Creation order, from 0: breaks ties in the waiting order. */
    int serial;
    /** The case's slot in {@link #cases}, the subject of its events. */
    int slot;
    long entity;
    RandomGenerator rng;
    CaseCategory stage;
    /** The bit of the stage and court state among a worker's {@link #holds}. */
    long holdBit;
    int service = -1;
    Complexity complexity = Complexity.STANDARD;
    boolean court;
    double weight;
    /** The family's index (siblings go to one worker), or -1 for a child alone. */
    int family = -1;
    int worker = -1;
    int lastWorker = -1;
    double waitingSince = Double.NaN;
    boolean open = true;
    boolean queued;
    /** The stage's time waits for a worker (see {@link Stage#startsOnAllocation()}). */
    boolean clockWaits;
    /** Its worker is barred from it by a role protection. */
    boolean breach;
    /**
     * Its stage's clock is a sibling's: it has no stage end of its own, and leaves the stage when
     * that sibling (the family's lead in the stage) does, to the same next stage.
     */
    boolean follows;
    /**
     * A starting case whose worker holds it jointly with a qualified worker (as a newly qualified
     * worker holds a child protection case), which makes it no breach; the engine does not model
     * joint working further, so this ends when the case leaves that worker or its stage.
     */
    boolean jointCover;
    /** Who has held the case and from when (weeks): workers as indices, leavers before the start as negatives. */
    int[] spellWorker = new int[2];
    double[] spellStart = new double[2];
    int spells;

    void addSpell(int worker, double start) {
      if (spells == spellWorker.length) {
        spellWorker = Arrays.copyOf(spellWorker, spells * 2);
        spellStart = Arrays.copyOf(spellStart, spells * 2);
      }
      spellWorker[spells] = worker;
      spellStart[spells] = start;
      spells++;
    }

    /** Different workers whose time with the case overlaps the 52 weeks to {@code now}. */
    int workersInYear(double now) {
      int distinct = 0;
      for (int i = 0; i < spells; i++) {
        double end = i + 1 < spells ? spellStart[i + 1] : now;
        if (end <= now - 52 && i + 1 < spells) {
          continue;
        }
        boolean seen = false;
        for (int j = 0; j < i; j++) {
          double endJ = spellStart[j + 1];
          if (spellWorker[j] == spellWorker[i] && endJ > now - 52) {
            seen = true;
            break;
          }
        }
        if (!seen && ++distinct >= 3) {
          return distinct;
        }
      }
      return distinct;
    }

    /** A case of the child keyed {@code entity}, drawing from {@code stream}; not yet open. */
    SimCase(long entity, RandomGenerator stream) {
      this.entity = entity;
      this.rng = stream;
    }

    /** Makes a closed case, whose stream and spell arrays are reused, a new one as from the constructor. */
    void reuse(long newEntity, RandomGenerator stream) {
      entity = newEntity;
      rng = stream;
      stage = null;
      holdBit = 0;
      service = -1;
      complexity = Complexity.STANDARD;
      court = false;
      weight = 0;
      family = -1;
      worker = -1;
      lastWorker = -1;
      waitingSince = Double.NaN;
      open = true;
      queued = false;
      clockWaits = false;
      breach = false;
      follows = false;
      jointCover = false;
      spells = 0;
    }
  }

  /** A growable list of ints. */
  private static final class IntList {
    int[] items = new int[8];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    int pop() {
      return items[--size];
    }

    /** Removes {@code v} if present, keeping the order of the rest. */
    void remove(int v) {
      for (int i = 0; i < size; i++) {
        if (items[i] == v) {
          System.arraycopy(items, i + 1, items, i, size - i - 1);
          size--;
          return;
        }
      }
    }
  }

  Replication(Scenario scenario, RandomStreams streams, int replication) {
    this.scenario = scenario;
    this.org = scenario.organisation();
    this.pathway = scenario.demand().pathway();
    this.policy = scenario.allocationPolicy();
    this.workforce = scenario.workforce();
    this.batchAllocator = GreedyAllocator.NAME.equals(scenario.allocator()) ? null : Allocators.named(scenario.allocator());
    this.streams = streams;
    this.replication = replication;
    this.caseStreams = streams.process(replication, StreamKind.PATHWAY);
    this.onArrival = scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL;
    this.breachRatherThanWait = scenario.protectionPractice() == Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT;

    for (Service s : org.services()) {
      serviceIndex.put(s.id(), services.size());
      services.add(s.id());
    }
    int sCount = services.size();
    servicePolicy = new CapacityPolicy[sCount];
    for (int s = 0; s < sCount; s++) {
      servicePolicy[s] = org.policyFor(services.get(s));
      waiting.add(new WaitingList<>());
    }
    openCount = new int[sCount];
    breaches = new int[sCount];
    pools = new CandidatePool[sCount];
    for (int s = 0; s < sCount; s++) {
      pools[s] = new CandidatePool();
    }
    serviceCovers = new int[sCount][];
    mayCover = new boolean[sCount][sCount];
    for (int s = 0; s < sCount; s++) {
      IntList mine = new IntList();
      for (int t = 0; t < sCount; t++) {
        if (policy.covers(services.get(s), services.get(t))) {
          mine.add(t);
          mayCover[s][t] = true;
        }
      }
      serviceCovers[s] = Arrays.copyOf(mine.items, mine.size);
    }
    CaseCategory[] categories = CaseCategory.values();
    if (2 * categories.length > Long.SIZE) {
      throw new IllegalStateException("role protections are kept as bits: at most 32 case categories");
    }
    allowedBits = new long[sCount][Role.values().length];
    for (int s = 0; s < sCount; s++) {
      for (Role r : Role.values()) {
        for (CaseCategory cat : categories) {
          for (int court = 0; court < 2; court++) {
            if (servicePolicy[s].breach(r, cat, court == 1, null).isEmpty()) {
              allowedBits[s][r.ordinal()] |= holdBit(cat, court == 1);
            }
          }
        }
      }
    }
    weightOf = new double[sCount][categories.length][Complexity.values().length];
    for (int s = 0; s < sCount; s++) {
      for (CaseCategory cat : categories) {
        for (Complexity cx : Complexity.values()) {
          weightOf[s][cat.ordinal()][cx.ordinal()] = servicePolicy[s].weight(cat, cx);
          lightest = Math.min(lightest, weightOf[s][cat.ordinal()][cx.ordinal()]);
        }
      }
    }
    stageOf = new Stage[categories.length];
    stageServiceOf = new int[categories.length];
    waitingRank = new double[categories.length];
    for (CaseCategory cat : categories) {
      Stage stage = pathway.stages().get(cat);
      stageOf[cat.ordinal()] = stage;
      stageServiceOf[cat.ordinal()] = stage == null ? -1 : serviceIndex.get(stage.serviceId());
      waitingRank[cat.ordinal()] = -policy.unallocatedCost(cat);
    }
    teams = new ArrayList<>(org.teams());
    teamService = new int[teams.size()];
    for (int t = 0; t < teams.size(); t++) {
      teamIndex.put(teams.get(t).id(), t);
      teamService[t] = serviceIndex.get(teams.get(t).serviceId());
    }
    int weeks = scenario.horizonWeeks() + 1;
    values = new double[Measure.values().length][weeks * sCount];
    transfers = new long[sCount];
    entered = new long[sCount];
    referrals = new long[sCount];
    opened = new long[sCount];
    closed = new long[sCount];
    cost = new double[sCount];
  }

  /** Checks every allocation against the hard rules as it is made, throwing at the first break. */
  Replication checking() {
    checking = true;
    return this;
  }

  ReplicationResult run() {
    start();
    simulate();
    return new ReplicationResult(replication, services, scenario.horizonWeeks() + 1, values, events);
  }

  /** The starting state: workers in post, open cases held or waiting, and the first events. */
  private void start() {
    // Snapshots first: at a week's first instant the snapshot records the state before anything
    // else that happens at that instant, then the allocation meeting; each schedules the next week's.
    scheduleWeekly(0, SNAPSHOT);
    if (scenario.allocationTiming() == Scenario.AllocationTiming.WEEKLY_MEETING && scenario.horizonWeeks() > 0) {
      scheduleWeekly(0, MEETING);
    }
    Map<String, Integer> workerIndex = new HashMap<>();
    List<Worker> starting = org.workers();
    for (int i = 0; i < starting.size(); i++) {
      Worker w = starting.get(i);
      int post = newPost(teamIndex.get(w.teamId()), w.role(), w.contract(), w.fte());
      double weeksIn = ChronoUnit.DAYS.between(w.start(), org.asOf()) / 7.0;
      workerIndex.put(w.id(), join(post, w.role(), w.contract(), w.fte(), i, false, weeksIn));
    }
    startingWorkers.putAll(workerIndex);
    for (int k = 0; k < scenario.restructures().size(); k++) {
      calendar.schedule(scenario.restructures().get(k).week(), RESTRUCTURE, k);
    }
    int startingCases = 0;
    Map<String, Integer> familyIndex = new HashMap<>();
    for (Case c : org.cases()) {
      if (!c.isOpen()) {
        continue;
      }
      SimCase sc = newCase(STARTING_CASES + startingCases++);
      sc.complexity = c.complexity();
      sc.court = c.court();
      setStage(sc, c.category(), serviceIndex.get(c.serviceId()));
      if (c.familyId() != null) {
        sc.family = familyIndex.computeIfAbsent(c.familyId(), f -> {
          families.add(new ArrayList<>());
          return families.size() - 1;
        });
        families.get(sc.family).add(sc);
      }
      for (org.caseload.core.model.Allocation a : c.history()) {
        if (a.isCurrent()) {
          break;
        }
        Integer known = workerIndex.get(a.workerId());
        int id = known != null ? known : -1 - departedWorkers.computeIfAbsent(a.workerId(), k -> departedWorkers.size());
        addSpell(sc, id, -weeksBefore(a.from()));
      }
      if (c.isAllocated()) {
        sc.lastWorker = workerIndex.get(c.workerId());
        addSpell(sc, sc.lastWorker, -weeksBefore(c.history().get(c.history().size() - 1).from()));
        sc.jointCover = c.jointWorkerId() != null && org.breach(c).isEmpty();
        give(sc, workerIndex.get(c.workerId()));
      } else {
        sc.waitingSince = -weeksBefore(c.unallocatedSince());
        enqueue(sc);
      }
      Stage stage = stageOf[sc.stage.ordinal()];
      if (stage != null) {
        if (leadInStage(sc) != null) {
          sc.follows = true;
        } else if (stage.startsOnAllocation() && sc.worker < 0) {
          sc.clockWaits = true;
        } else {
          calendar.schedule(stage.duration().sample(sc.rng), STAGE_END, sc.slot);
        }
      }
    }
    arrivals = new Arrivals(scenario.demand().referrals(), scenario.horizonWeeks(),
        streams.stream(replication, StreamKind.ARRIVALS, 0));
    scheduleArrival(0);
    for (int k = 0; k < workforce.cohorts().size(); k++) {
      WorkforceModel.Cohort cohort = workforce.cohorts().get(k);
      calendar.schedule(cohort.firstWeek(), COHORT, k);
    }
    started = true;
    if (scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL) {
      allocateAllWaiting();
    }
  }

  /** The event loop, to the horizon (a method of its own, so that it is compiled early and alone). */
  private void simulate() {
    int horizon = scenario.horizonWeeks();
    while (!calendar.isEmpty() && calendar.nextTime() <= horizon) {
      now = calendar.nextTime();
      int kind = calendar.nextKind();
      long subject = calendar.nextSubject();
      int index = (int) subject;
      calendar.pop();
      events++;
      switch (kind) {
        case ARRIVAL -> arrive(index);
        case STAGE_END -> endStage(cases.get(index));
        case REREFERRAL -> referral(subject);
        case MEETING -> meeting(index);
        case SNAPSHOT -> snapshot(index);
        case LEAVE_NOTICE -> giveNotice(index);
        case DEPART -> depart(index);
        case RECRUIT -> recruit(index);
        case COVER -> cover(index);
        case QUALIFY -> qualify(index);
        case SICK_START -> sickStart(index);
        case SICK_END -> sickEnd(index);
        case COHORT -> cohort(index);
        case RESTRUCTURE -> restructure(index);
        default -> throw new IllegalStateException("unknown event kind " + kind);
      }
    }
  }

  /**
   * Schedules week {@code week}'s snapshot or allocation meeting: at the week's first instant,
   * the snapshot before the meeting and both before any other event of that instant.
   */
  private void scheduleWeekly(int week, int kind) {
    calendar.scheduleAhead(week, kind, week, 2L * week + (kind == SNAPSHOT ? 0 : 1));
  }

  private void meeting(int week) {
    if (week + 1 < scenario.horizonWeeks()) {
      scheduleWeekly(week + 1, MEETING);
    }
    allocateAllWaiting();
  }

  /** Places every waiting case: by the greedy rule, highest priority first, or as one batch by the scenario's allocator. */
  private void allocateAllWaiting() {
    if (batchAllocator == null) {
      allocateWaiting(null);
      return;
    }
    List<SimCase> batch = new ArrayList<>();
    for (WaitingList<SimCase> queue : waiting) {
      queue.sweep();
      while (queue.hasNext()) {
        SimCase c = queue.next();
        queue.dropCurrent();
        c.queued = false;
        batch.add(c);
      }
      queue.endSweep();
    }
    placeBatch(batch);
  }

  private double weeksBefore(LocalDate day) {
    return ChronoUnit.DAYS.between(day, org.asOf()) / 7.0;
  }

  // ---------------------------------------------------------------- workforce

  private int newPost(int team, Role r, Contract c, double f) {
    if (postCount == postTeam.length) {
      int n = postCount * 2;
      postTeam = Arrays.copyOf(postTeam, n);
      postRole = Arrays.copyOf(postRole, n);
      postContract = Arrays.copyOf(postContract, n);
      postFte = Arrays.copyOf(postFte, n);
      postHolder = Arrays.copyOf(postHolder, n);
      postCover = Arrays.copyOf(postCover, n);
      postVacancies = Arrays.copyOf(postVacancies, n);
      postRemoved = Arrays.copyOf(postRemoved, n);
      postNoCover = Arrays.copyOf(postNoCover, n);
    }
    int p = postCount++;
    postTeam[p] = team;
    postRole[p] = r;
    postContract[p] = c;
    postFte[p] = f;
    postHolder[p] = -1;
    postCover[p] = -1;
    return p;
  }

  /**
   * A worker joins post {@code post} now; {@code weeksIn} is how long they have already been in
   * post (for newly qualified progression). Schedules their leaving, progression and sickness.
   */
  private int join(int post, Role r, Contract c, double f, long entity, boolean cover, double weeksIn) {
    if (workerCount == role.length) {
      int n = workerCount * 2;
      role = Arrays.copyOf(role, n);
      contract = Arrays.copyOf(contract, n);
      fte = Arrays.copyOf(fte, n);
      capacity = Arrays.copyOf(capacity, n);
      load = Arrays.copyOf(load, n);
      workerService = Arrays.copyOf(workerService, n);
      workerPost = Arrays.copyOf(workerPost, n);
      workerEntity = Arrays.copyOf(workerEntity, n);
      active = Arrays.copyOf(active, n);
      absent = Arrays.copyOf(absent, n);
      isCover = Arrays.copyOf(isCover, n);
      holds = Arrays.copyOf(holds, n);
      weeklyCost = Arrays.copyOf(weeklyCost, n);
      sickness = Arrays.copyOf(sickness, n);
    }
    int w = workerCount++;
    role[w] = r;
    contract[w] = c;
    fte[w] = f;
    workerService[w] = teamService[postTeam[post]];
    capacity[w] = servicePolicy[workerService[w]].capacity(r, f);
    holds[w] = allowedBits[workerService[w]][r.ordinal()];
    weeklyCost[w] = scenario.costs().perWeek(c, r, f);
    workerPost[w] = post;
    workerEntity[w] = entity;
    active[w] = true;
    isCover[w] = cover;
    if (cover) {
      postCover[post] = w;
    } else {
      postHolder[post] = w;
    }
    for (int s : serviceCovers[workerService[w]]) {
      pools[s].stampNext(w);
    }
    refreshPools(w);
    heldBy.add(new ArrayList<>());
    RandomGenerator leaving = streams.stream(replication, StreamKind.LEAVING, entity);
    double hazard = workforce.leavingPerWeek(c, r);
    if (hazard > 0) {
      calendar.schedule(now + RandomStreams.exponential(leaving) / hazard, LEAVE_NOTICE, w);
    }
    if (c == Contract.AGENCY && workforce.agencyAssignmentWeeks() != null) {
      RandomGenerator assignment = streams.stream(replication, StreamKind.AGENCY_ASSIGNMENT, entity);
      calendar.schedule(now + workforce.agencyAssignmentWeeks().sample(assignment), DEPART, w);
    }
    if (r == Role.NEWLY_QUALIFIED) {
      calendar.schedule(now + Math.max(0, workforce.newlyQualifiedWeeks() - weeksIn), QUALIFY, w);
    }
    scheduleSickness(w);
    return w;
  }

  private void scheduleSickness(int w) {
    double rate = workforce.sicknessSpellsPerYear() * fte[w] / 52.0;
    if (rate > 0) {
      RandomGenerator sick = sicknessStream(w);
      calendar.schedule(now + RandomStreams.exponential(sick) / rate, SICK_START, w);
    }
  }

  private RandomGenerator sicknessStream(int w) {
    if (sickness[w] == null) {
      sickness[w] = streams.stream(replication, StreamKind.SICKNESS, workerEntity[w]);
    }
    return sickness[w];
  }

  /**
   * Puts worker {@code w} in the candidate pools of the services they may take cases of, with
   * their capacity, protections and load, while they are in post and present; takes them out of
   * the others. Called whenever one of those changes, except load (see {@link #loadChanged}).
   */
  private void refreshPools(int w) {
    for (int s = 0; s < pools.length; s++) {
      if (active[w] && !absent[w] && mayCover[workerService[w]][s] && pools[s].hasStamp(w)) {
        pools[s].put(w, capacity[w], holds[w], load[w]);
      } else {
        pools[s].remove(w);
      }
    }
  }

  private void loadChanged(int w) {
    for (int s : serviceCovers[workerService[w]]) {
      pools[s].setLoad(w, load[w]);
    }
  }

  private void giveNotice(int w) {
    if (!active[w]) {
      return;
    }
    RandomGenerator leaving = streams.stream(replication, StreamKind.LEAVING, workerEntity[w] ^ 0x5DEECE66DL);
    calendar.schedule(now + workforce.noticeWeeks().get(contract[w]).sample(leaving), DEPART, w);
  }

  private void depart(int w) {
    if (!active[w]) {
      return;
    }
    active[w] = false;
    absent[w] = false;
    for (CandidatePool pool : pools) {
      pool.forget(w);
    }
    int post = workerPost[w];
    releaseCases(w);
    if (isCover[w]) {
      postCover[post] = -1;
      if (postHolder[post] < 0 && !postRemoved[post]) {
        considerCover(post);
      }
    } else {
      postHolder[post] = -1;
      if (workforce.replaceLeavers() && !postRemoved[post]) {
        int vacancy = postVacancies[post]++;
        RandomGenerator r = streams.stream(replication, StreamKind.RECRUITMENT, ((long) post << 20) + vacancy);
        calendar.schedule(now + workforce.recruitmentWeeks().get(postContract[post]).sample(r), RECRUIT, post);
        considerCover(post);
      }
    }
  }

  /** With the cover share's probability, schedules agency cover of a vacant post. */
  private void considerCover(int post) {
    if (!workforce.replaceLeavers() || workforce.agencyCoverShare() <= 0 || postNoCover[post]) {
      return;
    }
    RandomGenerator r = streams.stream(replication, StreamKind.RECRUITMENT,
        ((long) post << 20) + postVacancies[post] + (1L << 19));
    if (r.nextDouble() < workforce.agencyCoverShare()) {
      calendar.schedule(now + workforce.agencyCoverAfterWeeks(), COVER, post);
    }
  }

  private void recruit(int post) {
    if (postHolder[post] >= 0 || postRemoved[post]) {
      return;
    }
    int cover = postCover[post];
    long entity = RECRUITS + ((long) post << 20) + postVacancies[post];
    join(post, postRole[post], postContract[post], postFte[post], entity, false, 0);
    if (cover >= 0) {
      depart(cover);
    }
    roomAt(postHolder[post]);
  }

  private void cover(int post) {
    if (postHolder[post] >= 0 || postCover[post] >= 0 || postRemoved[post] || postNoCover[post]) {
      return;
    }
    long entity = COVERS + ((long) post << 20) + postVacancies[post];
    int w = join(post, Role.QUALIFIED, Contract.AGENCY, postFte[post], entity, true, Double.MAX_VALUE);
    roomAt(w);
  }

  private void qualify(int w) {
    if (!active[w] || role[w] != Role.NEWLY_QUALIFIED) {
      return;
    }
    role[w] = Role.QUALIFIED;
    capacity[w] = servicePolicy[workerService[w]].capacity(Role.QUALIFIED, fte[w]);
    holds[w] = allowedBits[workerService[w]][Role.QUALIFIED.ordinal()];
    weeklyCost[w] = scenario.costs().perWeek(contract[w], Role.QUALIFIED, fte[w]);
    reviewBreaches(w);
    refreshPools(w);
    roomAt(w);
  }

  private void sickStart(int w) {
    if (!active[w]) {
      return;
    }
    absent[w] = true;
    refreshPools(w);
    calendar.schedule(now + workforce.sicknessSpellWeeks().sample(sicknessStream(w)), SICK_END, w);
  }

  private void sickEnd(int w) {
    if (!active[w]) {
      return;
    }
    absent[w] = false;
    refreshPools(w);
    scheduleSickness(w);
    roomAt(w);
  }

  private void cohort(int k) {
    WorkforceModel.Cohort c = workforce.cohorts().get(k);
    Integer found = teamIndex.get(c.teamId());
    if (found == null) {
      return; // the team was dissolved
    }
    int team = found;
    int occurrence = c.everyWeeks() == 0 ? 0 : (int) Math.round((now - c.firstWeek()) / c.everyWeeks());
    for (int i = 0; i < c.count(); i++) {
      int post = newPost(team, c.role(), c.contract(), c.fte());
      join(post, c.role(), c.contract(), c.fte(), COHORTS + ((long) k << 30) + ((long) occurrence << 12) + i, false, 0);
    }
    if (c.everyWeeks() > 0) {
      calendar.schedule(now + c.everyWeeks(), COHORT, k);
    }
    allocateIfOnArrival(teamService[team]);
  }

  private void restructure(int k) {
    Restructure r = scenario.restructures().get(k);
    long base = RESTRUCTURES + ((long) k << 24);
    if (r instanceof Restructure.DissolveTeam || r instanceof Restructure.ReleaseAgency) {
      deferred = new ArrayList<>();
    }
    if (r instanceof Restructure.DissolveTeam d) {
      int team = teamIndex.remove(d.teamId());
      for (int p = 0; p < postCount; p++) {
        if (postTeam[p] == team) {
          postRemoved[p] = true;
        }
      }
      for (int w = 0; w < workerCount; w++) {
        if (active[w] && postTeam[workerPost[w]] == team) {
          depart(w);
        }
      }
    } else if (r instanceof Restructure.CreateTeam c) {
      int team = addTeam(c.team());
      int i = 0;
      for (Restructure.Staffing st : c.staffing()) {
        for (int n = 0; n < st.count(); n++) {
          join(newPost(team, st.role(), st.contract(), st.fte()), st.role(), st.contract(), st.fte(), base + i++, false, 0);
        }
      }
      allocateIfOnArrival(teamService[team]);
    } else if (r instanceof Restructure.MoveWorker m) {
      int w = startingWorkers.get(m.workerId());
      if (active[w]) {
        int team = teamIndex.get(m.toTeamId());
        postTeam[workerPost[w]] = team;
        workerService[w] = teamService[team];
        capacity[w] = servicePolicy[workerService[w]].capacity(role[w], fte[w]);
        holds[w] = allowedBits[workerService[w]][role[w].ordinal()];
        reviewBreaches(w);
        for (int s : serviceCovers[workerService[w]]) {
          if (!pools[s].hasStamp(w)) {
            pools[s].stampNext(w);
          }
        }
        refreshPools(w);
        allocateIfOnArrival(workerService[w]);
      }
    } else if (r instanceof Restructure.ReleaseAgency a) {
      Integer team = a.teamId() == null ? null : teamIndex.get(a.teamId());
      int released = 0;
      for (int w = workerCount - 1; w >= 0 && (a.count() < 0 || released < a.count()); w--) {
        if (!active[w] || contract[w] != Contract.AGENCY || (team != null && postTeam[workerPost[w]] != team)) {
          continue;
        }
        int post = workerPost[w];
        if (isCover[w]) {
          postNoCover[post] = true;
        } else if (a.recruitPermanent()) {
          postContract[post] = Contract.PERMANENT;
          postNoCover[post] = true;
        } else {
          postRemoved[post] = true;
        }
        depart(w);
        released++;
      }
    } else if (r instanceof Restructure.Hire h) {
      int team = teamIndex.get(h.teamId());
      Restructure.Staffing st = h.staffing();
      for (int n = 0; n < st.count(); n++) {
        join(newPost(team, st.role(), st.contract(), st.fte()), st.role(), st.contract(), st.fte(), base + n, false, 0);
      }
      allocateIfOnArrival(teamService[team]);
    }
    if (deferred != null) {
      List<SimCase> released = deferred;
      deferred = null;
      placeReleased(released);
    }
  }

  private int addTeam(Team team) {
    int t = teams.size();
    teams.add(team);
    teamIndex.put(team.id(), t);
    teamService = Arrays.copyOf(teamService, t + 1);
    teamService[t] = serviceIndex.get(team.serviceId());
    return t;
  }

  private void allocateIfOnArrival(int workerServiceIndex) {
    if (scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL) {
      allocateWaiting(serviceCovers[workerServiceIndex]);
    }
  }

  /**
   * A leaver's cases go to other workers, or wait for them; siblings stay together. During a
   * restructure that removes several workers, they are placed together once all have gone.
   */
  private void releaseCases(int w) {
    List<SimCase> released = new ArrayList<>(heldBy.get(w));
    for (SimCase c : released) {
      take(c);
      c.waitingSince = now;
    }
    if (deferred != null) {
      deferred.addAll(released);
    } else {
      placeReleased(released);
    }
  }

  /** Places cases that have just lost their worker: as a batch by the scenario's allocator, or one by one. */
  private void placeReleased(List<SimCase> released) {
    if (batchAllocator != null && scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL) {
      List<SimCase> batch = new ArrayList<>(released.size());
      for (SimCase c : released) {
        if (c.open && c.worker < 0 && !c.queued) {
          batch.add(c);
        }
      }
      placeBatch(batch);
      return;
    }
    for (SimCase c : released) {
      if (c.open && c.worker < 0 && !c.queued) {
        placeOrQueue(c);
      }
    }
  }

  /**
   * Places {@code batch} (open cases no worker holds, none queued) with the scenario's allocator,
   * on the organisation as it stands now: the workers at work (in post and not absent) and the
   * cases they hold. A case whose siblings are held by an absent worker waits for them; every
   * case the plan leaves unallocated waits.
   */
  private void placeBatch(List<SimCase> batch) {
    if (batch.isEmpty()) {
      return;
    }
    LocalDate day = org.asOf().plusDays(Math.round(now * 7));
    Organisation.Builder b = Organisation.builder(org.name(), day).capacityPolicy(org.capacityPolicy());
    org.services().forEach(b::add);
    for (Team t : teams) {
      if (teamIndex.containsKey(t.id())) {
        b.add(t);
      }
    }
    boolean[] atWork = new boolean[workerCount];
    for (int w = 0; w < workerCount; w++) {
      if (active[w] && !absent[w]) {
        atWork[w] = true;
        b.add(Worker.of(workerId(w), teams.get(postTeam[workerPost[w]]).id(), role[w], contract[w], fte[w], day));
        for (SimCase c : heldBy.get(w)) {
          b.add(snapshotCase(c, day, List.of(new Allocation(workerId(w), day, null))));
        }
      }
    }
    List<String> ids = new ArrayList<>(batch.size());
    for (SimCase c : batch) {
      List<Allocation> history = c.lastWorker >= 0 ? List.of(new Allocation(workerId(c.lastWorker), day, day)) : List.of();
      b.add(snapshotCase(c, day, history));
      if (!siblingsHeldAway(c, atWork)) {
        ids.add(caseId(c));
      }
    }
    AllocationPlan plan = batchAllocator.allocate(new AllocationRequest(b.build(), ids, day, policy));
    Map<String, String> assigned = plan.assignments();
    List<SimCase> left = new ArrayList<>();
    for (SimCase c : batch) {
      String w = assigned.get(caseId(c));
      if (w != null) {
        give(c, Integer.parseInt(w, 1, w.length(), 10));
      } else {
        left.add(c);
      }
    }
    // The allocators keep every protection; the scenario's practice may not, once the plan is in place.
    for (SimCase c : left) {
      int barred = breachRatherThanWait ? home(c) : -1;
      if (barred >= 0) {
        give(c, barred);
      } else {
        enqueue(c);
      }
    }
  }

  /** Whether an open sibling of {@code c} is held by a worker not at work (so {@code c} must wait for them). */
  private boolean siblingsHeldAway(SimCase c, boolean[] atWork) {
    gatherSiblings(c);
    for (int i = 0; i < holders.size; i++) {
      if (!atWork[holders.items[i]]) {
        return true;
      }
    }
    return false;
  }

  private Case snapshotCase(SimCase c, LocalDate day, List<Allocation> history) {
    return new Case(caseId(c), services.get(c.service), c.stage, c.complexity, c.family >= 0 ? "f" + c.family : null,
        null, c.court, day, null, history, null);
  }

  private static String workerId(int w) {
    return "w" + w;
  }

  private static String caseId(SimCase c) {
    return "c" + c.slot;
  }

  // ---------------------------------------------------------------- cases

  private SimCase newCase(long entity) {
    SimCase c = referredCase(entity);
    open(c);
    return c;
  }

  /** The case of a referral of the child keyed {@code entity}, with its stream, not yet open. */
  private SimCase referredCase(long entity) {
    if (spare.isEmpty()) {
      return new SimCase(entity, caseStreams.stream(entity));
    }
    SimCase c = spare.remove(spare.size() - 1);
    c.reuse(entity, caseStreams.stream(c.rng, entity));
    return c;
  }

  /** Opens a case: its serial number and a slot for its events. */
  private void open(SimCase c) {
    c.serial = caseCount++;
    c.slot = freeSlots.size > 0 ? freeSlots.pop() : cases.size();
    if (c.slot == cases.size()) {
      cases.add(c);
    } else {
      cases.set(c.slot, c);
    }
  }

  /** A case closes: it leaves the open count, and its slot is free (no event of it is pending). */
  private void close(SimCase c) {
    c.open = false;
    openCount[c.service]--;
    cases.set(c.slot, null);
    freeSlots.add(c.slot);
  }

  private void arrive(int index) {
    scheduleArrival(index + 1);
    referral(index);
  }

  /** Schedules the referral numbered {@code index} (from 0) at the next arrival time, if one is left. */
  private void scheduleArrival(int index) {
    double at = arrivals.next();
    if (at != Double.POSITIVE_INFINITY) {
      calendar.schedule(at, ARRIVAL, index);
    }
  }

  /** A referral of the child keyed {@code entity}: closed at the door, or opened at the entry stage. */
  private void referral(long entity) {
    SimCase c = referredCase(entity);
    int entry = pathway.entry().ordinal();
    referrals[stageServiceOf[entry]]++;
    if (c.rng.nextDouble() < pathway.noFurtherAction()) {
      spare.add(c);
      return;
    }
    open(c);
    enterStage(c, pathway.entry());
    opened[c.service]++;
    c.waitingSince = now;
    placeOrQueue(c);
  }

  /** Sets a case's stage and service (counting it open there) and its weight and protection bit. */
  private void setStage(SimCase c, CaseCategory stage, int service) {
    if (c.service >= 0) {
      openCount[c.service]--;
    }
    if (c.service != service) {
      entered[service]++;
    }
    c.stage = stage;
    c.service = service;
    openCount[service]++;
    c.weight = weightOf[service][stage.ordinal()][c.complexity.ordinal()];
    c.holdBit = holdBit(stage, c.court);
  }

  /** The bit of a case of this category and court state among a worker's {@link #holds}. */
  private static long holdBit(CaseCategory category, boolean court) {
    return 1L << (2 * category.ordinal() + (court ? 1 : 0));
  }

  /**
   * Puts {@code c} in the stage of {@code category}: it follows the family's lead there if an open
   * sibling already leads it, and otherwise its own clock starts (or waits for a worker).
   */
  private void enterStage(SimCase c, CaseCategory category) {
    Stage stage = stageOf[category.ordinal()];
    setStage(c, category, stageServiceOf[category.ordinal()]);
    c.follows = c.family >= 0 && leadInStage(c) != null;
    c.clockWaits = !c.follows && stage.startsOnAllocation();
    if (!c.follows && !c.clockWaits) {
      calendar.schedule(now + stage.duration().sample(c.rng), STAGE_END, c.slot);
    }
  }

  /** The open sibling of {@code c} that leads the stage {@code c} is in (whose clock it keeps), or null. */
  private SimCase leadInStage(SimCase c) {
    if (c.family < 0) {
      return null;
    }
    for (SimCase sibling : families.get(c.family)) {
      if (sibling != c && sibling.open && sibling.stage == c.stage && !sibling.follows) {
        return sibling;
      }
    }
    return null;
  }

  /**
   * The stage of {@code c} ends, and with it that of every sibling following it: siblings move
   * through the pathway together, so that they stay with one service and one worker. Each leaves
   * their worker first (so that none is held back by a sibling not yet moved); then each closes,
   * or enters the next stage and keeps their worker (when the worker follows the child and may)
   * or is placed; then the workers freed are offered the waiting cases.
   */
  private void endStage(SimCase c) {
    CaseCategory next = stageOf[c.stage.ordinal()].next(c.rng);
    List<SimCase> group = moving;
    group.clear();
    group.add(c);
    if (c.family >= 0) {
      for (SimCase sibling : families.get(c.family)) {
        if (sibling != c && sibling.open && sibling.stage == c.stage && sibling.follows) {
          group.add(sibling);
        }
      }
    }
    int n = group.size();
    if (movedFrom.length < n) {
      movedFrom = new int[Math.max(n, 2 * movedFrom.length)];
    }
    for (int i = 0; i < n; i++) {
      SimCase m = group.get(i);
      movedFrom[i] = m.worker;
      if (m.worker >= 0) {
        take(m);
      } else {
        dequeue(m);
      }
    }
    for (int i = 0; i < n; i++) {
      SimCase m = group.get(i);
      if (next == null) {
        closeAtStageEnd(m);
      } else {
        enterStage(m, next);
        int keep = movedFrom[i];
        if (keep >= 0 && !scenario.transferAtStageChange() && active[keep] && mayCover[workerService[keep]][m.service]
            && mayHold(keep, m) && fits(keep, m) && siblingsAllow(m, keep)) {
          give(m, keep);
          movedFrom[i] = -1;
        } else {
          m.waitingSince = now;
          placeOrQueue(m);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (movedFrom[i] >= 0) {
        roomAt(movedFrom[i]);
      }
    }
  }

  /** Whether worker {@code w} may take {@code c} as far as siblings go: no open sibling of it is held by another worker. */
  private boolean siblingsAllow(SimCase c, int w) {
    gatherSiblings(c);
    for (int i = 0; i < holders.size; i++) {
      if (holders.items[i] != w) {
        return false;
      }
    }
    return true;
  }

  /**
   * The workers of {@code c}'s open siblings that have one, into {@link #holders}; returns the room
   * {@code c} needs with its open siblings that have none (its weight plus theirs).
   */
  private double gatherSiblings(SimCase c) {
    holders.size = 0;
    double need = c.weight;
    if (c.family >= 0) {
      for (SimCase sibling : families.get(c.family)) {
        if (sibling != c && sibling.open && sibling.worker >= 0) {
          holders.add(sibling.worker);
        } else if (sibling != c && sibling.open) {
          need += sibling.weight;
        }
      }
    }
    return need;
  }

  /** A case whose last stage has ended closes; the child may be referred again later. */
  private void closeAtStageEnd(SimCase c) {
    closed[c.service]++;
    close(c);
    // The last draw of the case's stream: with no re-referral it need not be made (and nothing changes).
    if (pathway.rereferral() > 0 && c.rng.nextDouble() < pathway.rereferral()) {
      // The same child referred again: a new case, keyed from this one.
      calendar.schedule(now + pathway.rereferralDelay().sample(c.rng), REREFERRAL, c.entity * 31 + 17);
    }
    if (c.family < 0 && c.spells < 3) {
      spare.add(c);
    }
  }

  private void placeOrQueue(SimCase c) {
    int w = onArrival ? home(c) : -1;
    if (w >= 0) {
      give(c, w);
    } else {
      enqueue(c);
    }
  }

  /** Allocates waiting cases of these services (all if null), highest priority first, while room lasts. */
  private void allocateWaiting(int[] which) {
    int n = which == null ? services.size() : which.length;
    for (int i = 0; i < n; i++) {
      offer(which == null ? i : which[i], -1);
    }
  }

  /**
   * Worker {@code w} has gained room (or joined, or come back): offers them the waiting cases they
   * may take, highest priority first. Every other worker's room was already offered when it
   * appeared, so only cases {@code w} could take are tried.
   */
  private void roomAt(int w) {
    if (!onArrival || !active[w]) {
      return;
    }
    for (int s : serviceCovers[workerService[w]]) {
      offer(s, w);
    }
  }

  /**
   * Places the waiting cases of service {@code s}, highest priority first, each with its cheapest
   * worker: any worker ({@code w} = -1), or only cases worker {@code w} could take, while {@code w}
   * has room for the lightest case.
   */
  private void offer(int s, int w) {
    WaitingList<SimCase> queue = waiting.get(s);
    if (queue.size() == 0) {
      return;
    }
    queue.sweep();
    while (queue.hasNext() && (w < 0 || capacity[w] - load[w] + 1e-9 >= lightest)) {
      SimCase c = queue.next();
      if (w >= 0 && !available(w, c, c.weight, breachRatherThanWait)) {
        continue;
      }
      int chosen = home(c);
      if (chosen >= 0) {
        queue.dropCurrent();
        c.queued = false;
        give(c, chosen);
      }
    }
    queue.endSweep();
  }

  /**
   * Where {@code c} goes now: the cheapest worker allowed to take it with room for it; failing
   * that, under {@link Scenario.ProtectionPractice#BREACH_RATHER_THAN_WAIT}, the cheapest with
   * room whom only a role protection bars; or -1 (it waits).
   */
  private int home(SimCase c) {
    int w = cheapest(c, false);
    return w < 0 && breachRatherThanWait ? cheapest(c, true) : w;
  }

  /**
   * The cheapest worker allowed to take {@code c} with room for it, or -1; with {@code breach}, the
   * cheapest with room whom a role protection bars from it. Siblings go to one worker: a child
   * whose open siblings have a worker may only join that worker; the first of a waiting family
   * only goes to a worker with room for all of its waiting members.
   */
  private int cheapest(SimCase c, boolean breach) {
    double need = gatherSiblings(c);
    if (holders.size > 0) {
      return cheapestOf(holders, c, c.weight, breach);
    }
    int best = cheapestInPool(c, need, breach);
    if (checking) {
      checkCheapest(c, need, best, breach);
    }
    return best;
  }

  /**
   * The cheapest of {@code candidates} able to take {@code c} with room for {@code need}, or -1;
   * with {@code breach}, barred from it by a role protection and otherwise able.
   */
  private int cheapestOf(IntList candidates, SimCase c, double need, boolean breach) {
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    int[] items = candidates.items;
    for (int i = 0, n = candidates.size; i < n; i++) {
      int w = items[i];
      double cost = cost(w, c, need, breach);
      if (cost < bestCost) {
        bestCost = cost;
        best = w;
      }
    }
    return best;
  }

  /**
   * The cheapest worker of {@code c}'s service able to take it with room for {@code need}, or -1:
   * the least loaded of each group of the service's pool whose protections allow the case (with
   * {@code breach}: bar it), and the case's last worker; among equal costs, the earliest in the
   * service's list.
   */
  private int cheapestInPool(SimCase c, double need, boolean breach) {
    CandidatePool pool = pools[c.service];
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int g = 0, n = pool.groups(); g < n; g++) {
      int w = pool.top(g);
      if (w < 0 || ((pool.holds(g) & c.holdBit) == 0) != breach) {
        continue;
      }
      double cost = cost(w, c, need, breach);
      if (cost < bestCost || (cost == bestCost && best >= 0 && pool.stamp(w) < pool.stamp(best))) {
        bestCost = cost;
        best = w;
      }
    }
    int last = c.lastWorker;
    if (last >= 0 && pool.contains(last)) {
      double cost = cost(last, c, need, breach);
      if (cost < bestCost || (cost == bestCost && best >= 0 && pool.stamp(last) < pool.stamp(best))) {
        best = last;
      }
    }
    return best;
  }

  /**
   * For tests: the pool's choice is as cheap as the cheapest of every worker on the service's
   * list, priced one by one.
   */
  private void checkCheapest(SimCase c, double need, int chosen, boolean breach) {
    double min = Double.POSITIVE_INFINITY;
    for (int w = 0; w < workerCount; w++) {
      if (pools[c.service].hasStamp(w)) {
        min = Math.min(min, cost(w, c, need, breach));
      }
    }
    double got = chosen < 0 ? Double.POSITIVE_INFINITY : cost(chosen, c, need, breach);
    if (got != min && !(Math.abs(got - min) <= 1e-9 * Math.max(1, Math.abs(min)))) {
      throw new IllegalStateException("case " + c.serial + ": chose worker " + chosen + " at cost " + got
          + " but the cheapest costs " + min);
    }
  }

  /**
   * The allocation cost of giving {@code c} to worker {@code w} (balance, less the continuity
   * bonus for the case's last worker), or infinity if {@code w} may not take it with room for
   * {@code need} (with {@code breach}: unless barred by a role protection and otherwise able).
   */
  private double cost(int w, SimCase c, double need, boolean breach) {
    if (!available(w, c, need, breach) || (breach && mayHold(w, c))) {
      return Double.POSITIVE_INFINITY;
    }
    return policy.balanceDelta(load[w], c.weight, capacity[w]) - (w == c.lastWorker ? policy.continuityBonus() : 0);
  }

  /**
   * Worker {@code w} is in post, present, may take {@code c}'s service and has room for
   * {@code need}, and (unless {@code anyRole}) no role protection bars them from it.
   */
  private boolean available(int w, SimCase c, double need, boolean anyRole) {
    // Room first: it is what most often rules a worker out.
    return load[w] + need <= capacity[w] + 1e-9 && (anyRole || (holds[w] & c.holdBit) != 0) && !absent[w] && active[w]
        && mayCover[workerService[w]][c.service];
  }

  private boolean mayHold(int w, SimCase c) {
    return (holds[w] & c.holdBit) != 0;
  }

  private boolean fits(int w, SimCase c) {
    return load[w] + c.weight <= capacity[w] + 1e-9;
  }

  private void give(SimCase c, int w) {
    if (checking && started) {
      check(c, w);
    }
    if (c.lastWorker >= 0 && c.lastWorker != w) {
      transfers[c.service]++;
    }
    if (c.lastWorker != w) {
      addSpell(c, w, now);
    }
    c.worker = w;
    c.lastWorker = w;
    c.waitingSince = Double.NaN;
    markBreach(c, barred(w, c));
    load[w] += c.weight;
    loadChanged(w);
    heldBy.get(w).add(c);
    if (c.clockWaits) {
      c.clockWaits = false;
      calendar.schedule(now + stageOf[c.stage.ordinal()].duration().sample(c.rng), STAGE_END, c.slot);
    }
  }

  /** Records that {@code worker} holds {@code c} from {@code start}; a case's third spell makes it one to watch for churn. */
  private void addSpell(SimCase c, int worker, double start) {
    c.addSpell(worker, start);
    if (c.spells == 3) {
      churned.add(c);
    }
  }

  /** The hard rules, checked from the policies themselves (not the engine's tables) for tests. */
  private void check(SimCase c, int w) {
    // A worker off sick keeps their cases, also across a change of stage when the worker follows
    // the child; nothing new is given to them.
    if (!active[w] || (absent[w] && w != c.lastWorker)) {
      throw new IllegalStateException("case " + c.serial + " given to worker " + w + " who is not at work");
    }
    if (load[w] + c.weight > capacity[w] + 1e-9) {
      throw new IllegalStateException("worker " + w + " over capacity: " + (load[w] + c.weight) + " > " + capacity[w]);
    }
    if (servicePolicy[workerService[w]].breach(role[w], c.stage, c.court, null).isPresent()) {
      // A breach only by the scenario's practice, and only when no worker allowed the case could take it.
      if (!breachRatherThanWait) {
        throw new IllegalStateException("worker " + w + " (" + role[w] + ") may not hold a " + c.stage + " case");
      }
      int allowed = cheapest(c, false);
      if (allowed >= 0) {
        throw new IllegalStateException("case " + c.serial + " given in breach to worker " + w + " (" + role[w]
            + ") while worker " + allowed + " may take it");
      }
    }
    if (!policy.covers(services.get(workerService[w]), services.get(c.service))) {
      throw new IllegalStateException("worker " + w + " of service " + services.get(workerService[w])
          + " may not take cases of " + services.get(c.service));
    }
    if (c.family >= 0) {
      java.util.Set<Integer> siblingsWorkers = new java.util.HashSet<>();
      for (SimCase sibling : families.get(c.family)) {
        if (sibling != c && sibling.open && sibling.worker >= 0) {
          siblingsWorkers.add(sibling.worker);
        }
      }
      if (!siblingsWorkers.isEmpty() && !siblingsWorkers.contains(w)) {
        throw new IllegalStateException("case " + c.serial + " given to " + w + " away from its siblings' " + siblingsWorkers);
      }
    }
  }

  /** Whether worker {@code w}, holding {@code c}, breaks a role protection (see {@link SimCase#jointCover}). */
  private boolean barred(int w, SimCase c) {
    return !mayHold(w, c) && !c.jointCover;
  }

  /** Whether {@code c}'s worker is barred from it by a role protection, counted by service. */
  private void markBreach(SimCase c, boolean barred) {
    if (barred != c.breach) {
      c.breach = barred;
      breaches[c.service] += barred ? 1 : -1;
    }
  }

  /** Worker {@code w}'s role protections changed (they qualified, or moved service): so may their cases' breaches. */
  private void reviewBreaches(int w) {
    for (SimCase c : heldBy.get(w)) {
      markBreach(c, barred(w, c));
    }
  }

  private void take(SimCase c) {
    markBreach(c, false);
    c.jointCover = false;
    removeHeld(heldBy.get(c.worker), c);
    load[c.worker] -= c.weight;
    loadChanged(c.worker);
    c.worker = -1;
  }

  /** Removes {@code c} from a worker's cases by identity, keeping the order of the rest. */
  private static void removeHeld(List<SimCase> held, SimCase c) {
    for (int i = 0, n = held.size(); i < n; i++) {
      if (held.get(i) == c) {
        held.remove(i);
        return;
      }
    }
    throw new IllegalStateException("case " + c.serial + " is not held by its worker");
  }

  private void enqueue(SimCase c) {
    c.queued = true;
    waiting.get(c.service).add(c, waitingRank[c.stage.ordinal()], c.waitingSince, c.serial);
  }

  private void dequeue(SimCase c) {
    if (c.queued) {
      waiting.get(c.service).remove(c, waitingRank[c.stage.ordinal()], c.waitingSince, c.serial);
      c.queued = false;
    }
  }

  // ---------------------------------------------------------------- records

  private void snapshot(int week) {
    if (week < scenario.horizonWeeks()) {
      scheduleWeekly(week + 1, SNAPSHOT);
    }
    if (checking) {
      checkCounts();
    }
    int sCount = services.size();
    int at = week * sCount;
    double[] open = values[Measure.OPEN_CASES.ordinal()];
    double[] unallocated = values[Measure.UNALLOCATED.ordinal()];
    double[] wait = values[Measure.MEAN_WAIT.ordinal()];
    double[] threePlus = values[Measure.THREE_OR_MORE_WORKERS.ordinal()];
    double[] breached = values[Measure.PROTECTION_BREACHES.ordinal()];
    for (int s = 0; s < sCount; s++) {
      open[at + s] = openCount[s];
      breached[at + s] = breaches[s];
      // Between events, the open cases no worker holds are exactly the waiting ones.
      WaitingList<SimCase> queue = waiting.get(s);
      unallocated[at + s] = queue.size();
      for (int i = 0; i < queue.size(); i++) {
        wait[at + s] += now - queue.get(i).waitingSince;
      }
    }
    if (!churned.isEmpty()) {
      churned.removeIf(c -> !c.open);
      for (SimCase c : churned) {
        if (c.workersInYear(now) >= 3) {
          threePlus[at + c.service]++;
        }
      }
    }
    double[] loadBy = values[Measure.WEIGHTED_LOAD.ordinal()];
    double[] fteBy = values[Measure.FTE_IN_POST.ordinal()];
    double[] head = values[Measure.HEADCOUNT.ordinal()];
    double[] agency = values[Measure.AGENCY_FTE.ordinal()];
    double[] nq = values[Measure.NEWLY_QUALIFIED_FTE.ordinal()];
    double[] unqualified = values[Measure.UNQUALIFIED_FTE.ordinal()];
    for (int w = 0; w < workerCount; w++) {
      if (!active[w]) {
        continue;
      }
      int s = workerService[w];
      if (week > 0) {
        // The week just ended, priced at the staffing of its last instant.
        cost[s] += weeklyCost[w];
      }
      loadBy[at + s] += load[w];
      fteBy[at + s] += fte[w];
      head[at + s]++;
      if (contract[w] == Contract.AGENCY) {
        agency[at + s] += fte[w];
      }
      if (role[w] == Role.NEWLY_QUALIFIED) {
        nq[at + s] += fte[w];
      } else if (role[w] == Role.UNQUALIFIED) {
        unqualified[at + s] += fte[w];
      }
    }
    double[] vacant = values[Measure.VACANT_POSTS.ordinal()];
    for (int p = 0; p < postCount; p++) {
      if (postHolder[p] < 0 && !postRemoved[p]) {
        vacant[at + teamService[postTeam[p]]]++;
      }
    }
    for (int s = 0; s < sCount; s++) {
      int i = at + s;
      wait[i] = unallocated[i] == 0 ? Double.NaN : wait[i] / unallocated[i];
      threePlus[i] = open[i] == 0 ? Double.NaN : threePlus[i] / open[i];
      values[Measure.COST.ordinal()][i] = cost[s];
      values[Measure.CASELOAD_PER_FTE.ordinal()][i] = fteBy[i] == 0 ? Double.NaN : loadBy[i] / fteBy[i];
      values[Measure.AGENCY_SHARE.ordinal()][i] = fteBy[i] == 0 ? Double.NaN : agency[i] / fteBy[i];
      values[Measure.TRANSFERS.ordinal()][i] = transfers[s];
      values[Measure.TRANSFERS_PER_CHILD.ordinal()][i] = entered[s] == 0 ? Double.NaN
          : (double) transfers[s] / entered[s];
      values[Measure.REFERRALS.ordinal()][i] = referrals[s];
      values[Measure.OPENED.ordinal()][i] = opened[s];
      values[Measure.CLOSED.ordinal()][i] = closed[s];
    }
  }

  /**
   * For tests: the counts the snapshot trusts, recomputed from every open case — open cases by
   * service, the waiting lists holding exactly the open cases without a worker, every case with
   * three spells or more among those watched for churn.
   */
  private void checkCounts() {
    int[] open = new int[services.size()];
    int[] unheld = new int[services.size()];
    int[] breached = new int[services.size()];
    for (SimCase c : cases) {
      if (c == null) {
        continue;
      }
      if (!c.open) {
        throw new IllegalStateException("closed case " + c.serial + " still holds slot " + c.slot);
      }
      open[c.service]++;
      if (c.worker >= 0 && !c.jointCover
          && servicePolicy[workerService[c.worker]].breach(role[c.worker], c.stage, c.court, null).isPresent()) {
        breached[c.service]++;
      }
      if (c.worker < 0) {
        unheld[c.service]++;
        if (!c.queued) {
          throw new IllegalStateException("case " + c.serial + " has no worker and is not waiting");
        }
      }
      if (c.spells >= 3 && !churned.contains(c)) {
        throw new IllegalStateException("case " + c.serial + " has " + c.spells + " spells but is not watched for churn");
      }
    }
    for (SimCase c : families.stream().flatMap(List::stream).toList()) {
      if (c.open && cases.get(c.slot) != c) {
        throw new IllegalStateException("open case " + c.serial + " lost its slot");
      }
      // Siblings in one stage keep one clock: exactly one leads it, the others follow.
      if (c.open && stageOf[c.stage.ordinal()] != null) {
        long leads = families.get(c.family).stream().filter(s -> s.open && s.stage == c.stage && !s.follows).count();
        if (leads != 1) {
          throw new IllegalStateException("family " + c.family + ": " + leads + " siblings lead the " + c.stage + " stage");
        }
      }
    }
    for (int s = 0; s < services.size(); s++) {
      if (breached[s] != breaches[s]) {
        throw new IllegalStateException("service " + services.get(s) + ": " + breached[s]
            + " cases held in breach of a role protection, but counted " + breaches[s]);
      }
      if (open[s] != openCount[s] || unheld[s] != waiting.get(s).size()) {
        throw new IllegalStateException("service " + services.get(s) + ": " + open[s] + " open and " + unheld[s]
            + " without a worker, but counted " + openCount[s] + " and " + waiting.get(s).size() + " waiting");
      }
    }
  }
}
