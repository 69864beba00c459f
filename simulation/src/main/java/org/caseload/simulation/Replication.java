package org.caseload.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.random.RandomStreams;
import org.caseload.simulation.random.StreamKind;

/**
 * One replication of a scenario: a discrete-event simulation with its own calendar, in weeks
 * from the organisation's {@code asOf}. Its state is private and mutable for speed; what leaves
 * it is an immutable {@link ReplicationResult}.
 *
 * <p>Every case draws its route, stage lengths and re-referral from its own stream, keyed by its
 * number (arrival order for referrals, file order for the starting cases, and a key derived from
 * the first case for a re-referral), so two scenarios with the same seed give each child the same
 * story whatever else differs. Cases are allocated by the rules of the organisation's capacity
 * policies and the scenario's allocation policy (the same rules and costs as the core
 * allocators): a worker of a service covering the case, no role protection broken, within
 * capacity, the cheapest by balance and continuity; a case with no such worker waits, highest
 * risk first then longest waiting, until a worker gains room.
 *
 * <p>Assumptions, stated: a starting case's remaining time in its stage is a fresh draw of the
 * stage's length (exact for exponential lengths); new referrals are of standard complexity and
 * not in court; a starting case whose category has no stage in the pathway stays open, with its
 * worker, to the horizon.
 */
final class Replication {
  private static final int ARRIVAL = 0;
  private static final int STAGE_END = 1;
  private static final int SNAPSHOT = 2;
  private static final int REREFERRAL = 3;
  private static final int MEETING = 4;
  private static final long STARTING_CASES = 1L << 40;

  private final Scenario scenario;
  private final Organisation org;
  private final Pathway pathway;
  private final AllocationPolicy policy;
  private final RandomStreams streams;
  private final int replication;
  private final EventCalendar calendar = new EventCalendar();

  private final List<String> services = new ArrayList<>();
  private final Map<String, Integer> serviceIndex = new HashMap<>();
  private final CapacityPolicy[] servicePolicy;

  // workers
  private final int workerCount;
  private final Role[] role;
  private final double[] capacity;
  private final double[] load;
  private final double[] fte;
  private final int[] workerService;
  /** For each service, the workers who may take its cases (by cover), in organisation order. */
  private final int[][] coveredBy;
  /** For each worker, the services whose cases they may take. */
  private final int[][] covers;

  // cases
  private final List<SimCase> cases = new ArrayList<>();
  private final List<PriorityQueue<SimCase>> waiting = new ArrayList<>();
  private double[] arrivals;
  private int nextArrival;
  private double now;
  private long events;

  // records
  private final double[][][] values;
  private final long[] transfers;
  private final long[] referrals;
  private final long[] opened;
  private final long[] closed;

  /** A case as the engine tracks it. */
  private static final class SimCase {
    final int serial;
    final long entity;
    final RandomGenerator rng;
    CaseCategory stage;
    int service;
    Complexity complexity = Complexity.STANDARD;
    boolean court;
    double weight;
    int worker = -1;
    int lastWorker = -1;
    double waitingSince = Double.NaN;
    boolean open = true;
    boolean queued;
    /** The stage's time waits for a worker (see {@link Stage#startsOnAllocation()}). */
    boolean clockWaits;

    SimCase(int serial, long entity, RandomGenerator rng) {
      this.serial = serial;
      this.entity = entity;
      this.rng = rng;
    }
  }

  Replication(Scenario scenario, RandomStreams streams, int replication) {
    this.scenario = scenario;
    this.org = scenario.organisation();
    this.pathway = scenario.demand().pathway();
    this.policy = scenario.allocationPolicy();
    this.streams = streams;
    this.replication = replication;

    for (Service s : org.services()) {
      serviceIndex.put(s.id(), services.size());
      services.add(s.id());
    }
    int sCount = services.size();
    servicePolicy = new CapacityPolicy[sCount];
    for (int s = 0; s < sCount; s++) {
      servicePolicy[s] = org.policyFor(services.get(s));
      waiting.add(new PriorityQueue<>(Comparator
          .comparingDouble((SimCase c) -> -policy.unallocatedCost(c.stage))
          .thenComparingDouble(c -> c.waitingSince)
          .thenComparingInt(c -> c.serial)));
    }
    List<Worker> ws = org.workers();
    workerCount = ws.size();
    role = new Role[workerCount];
    capacity = new double[workerCount];
    load = new double[workerCount];
    fte = new double[workerCount];
    workerService = new int[workerCount];
    List<List<Integer>> coveredByList = new ArrayList<>();
    for (int s = 0; s < sCount; s++) {
      coveredByList.add(new ArrayList<>());
    }
    covers = new int[workerCount][];
    for (int w = 0; w < workerCount; w++) {
      Worker worker = ws.get(w);
      role[w] = worker.role();
      capacity[w] = org.capacity(worker.id());
      fte[w] = worker.fte();
      workerService[w] = serviceIndex.get(org.serviceOf(worker).id());
      List<Integer> mine = new ArrayList<>();
      for (int s = 0; s < sCount; s++) {
        if (policy.covers(services.get(workerService[w]), services.get(s))) {
          coveredByList.get(s).add(w);
          mine.add(s);
        }
      }
      covers[w] = mine.stream().mapToInt(Integer::intValue).toArray();
    }
    coveredBy = new int[sCount][];
    for (int s = 0; s < sCount; s++) {
      coveredBy[s] = coveredByList.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    int weeks = scenario.horizonWeeks() + 1;
    values = new double[Measure.values().length][weeks][sCount];
    transfers = new long[sCount];
    referrals = new long[sCount];
    opened = new long[sCount];
    closed = new long[sCount];
  }

  ReplicationResult run() {
    Map<String, Integer> workerIndex = new HashMap<>();
    for (int w = 0; w < workerCount; w++) {
      workerIndex.put(org.workers().get(w).id(), w);
    }
    int starting = 0;
    for (Case c : org.cases()) {
      if (!c.isOpen()) {
        continue;
      }
      long entity = STARTING_CASES + starting++;
      SimCase sc = newCase(entity);
      sc.stage = c.category();
      sc.service = serviceIndex.get(c.serviceId());
      sc.complexity = c.complexity();
      sc.court = c.court();
      sc.weight = servicePolicy[sc.service].weight(sc.stage, sc.complexity);
      if (c.isAllocated()) {
        give(sc, workerIndex.get(c.workerId()));
      } else {
        sc.waitingSince = -weeksBefore(c.unallocatedSince());
        enqueue(sc);
      }
      Stage stage = pathway.stages().get(sc.stage);
      if (stage != null) {
        if (stage.startsOnAllocation() && sc.worker < 0) {
          sc.clockWaits = true;
        } else {
          calendar.schedule(stage.duration().sample(sc.rng), STAGE_END, sc.serial);
        }
      }
    }
    arrivals = pathway.noFurtherAction() >= 1 ? new double[0]
        : scenario.demand().referrals().arrivals(scenario.horizonWeeks(), streams.stream(replication, StreamKind.ARRIVALS, 0));
    if (arrivals.length > 0) {
      calendar.schedule(arrivals[0], ARRIVAL, 0);
    }
    for (int w = 0; w <= scenario.horizonWeeks(); w++) {
      calendar.schedule(w, SNAPSHOT, w);
      if (scenario.allocationTiming() == Scenario.AllocationTiming.WEEKLY_MEETING && w < scenario.horizonWeeks()) {
        calendar.schedule(w, MEETING, w);
      }
    }
    if (scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL) {
      allocateWaiting(null);
    }
    while (!calendar.isEmpty() && calendar.nextTime() <= scenario.horizonWeeks()) {
      now = calendar.nextTime();
      int kind = calendar.nextKind();
      int subject = calendar.nextSubject();
      calendar.pop();
      events++;
      switch (kind) {
        case ARRIVAL:
          arrive(subject);
          break;
        case STAGE_END:
          endStage(cases.get(subject));
          break;
        case REREFERRAL:
          referral(cases.get(subject).entity * 31 + 17);
          break;
        case MEETING:
          allocateWaiting(null);
          break;
        case SNAPSHOT:
          snapshot(subject);
          break;
        default:
          throw new IllegalStateException("unknown event kind " + kind);
      }
    }
    return new ReplicationResult(replication, services, scenario.horizonWeeks() + 1, values, events);
  }

  private double weeksBefore(java.time.LocalDate day) {
    return java.time.temporal.ChronoUnit.DAYS.between(day, org.asOf()) / 7.0;
  }

  private SimCase newCase(long entity) {
    SimCase c = new SimCase(cases.size(), entity, streams.stream(replication, StreamKind.PATHWAY, entity));
    cases.add(c);
    return c;
  }

  private void arrive(int index) {
    if (index + 1 < arrivals.length) {
      calendar.schedule(arrivals[index + 1], ARRIVAL, index + 1);
    }
    referral(index);
  }

  /** A referral of the child keyed {@code entity}: closed at the door, or opened at the entry stage. */
  private void referral(long entity) {
    RandomGenerator rng = streams.stream(replication, StreamKind.PATHWAY, entity);
    Stage entry = pathway.stage(pathway.entry());
    referrals[serviceIndex.get(entry.serviceId())]++;
    if (rng.nextDouble() < pathway.noFurtherAction()) {
      return;
    }
    SimCase c = new SimCase(cases.size(), entity, rng);
    cases.add(c);
    enterStage(c, entry);
    opened[c.service]++;
    c.waitingSince = now;
    placeOrQueue(c);
  }

  private void enterStage(SimCase c, Stage stage) {
    c.stage = stage.category();
    c.service = serviceIndex.get(stage.serviceId());
    c.weight = servicePolicy[c.service].weight(c.stage, c.complexity);
    c.clockWaits = stage.startsOnAllocation();
    if (!c.clockWaits) {
      calendar.schedule(now + stage.duration().sample(c.rng), STAGE_END, c.serial);
    }
  }

  private void endStage(SimCase c) {
    CaseCategory next = pathway.stage(c.stage).next(c.rng);
    int freed = c.worker;
    if (next == null) {
      c.open = false;
      closed[c.service]++;
      if (c.worker >= 0) {
        take(c);
      } else {
        dequeue(c);
      }
      if (c.rng.nextDouble() < pathway.rereferral()) {
        calendar.schedule(now + pathway.rereferralDelay().sample(c.rng), REREFERRAL, c.serial);
      }
    } else {
      int keep = c.worker;
      if (keep >= 0) {
        take(c);
      }
      enterStage(c, pathway.stage(next));
      if (keep >= 0 && !scenario.transferAtStageChange() && mayHold(keep, c) && fits(keep, c)) {
        give(c, keep);
        freed = -1;
      } else {
        if (c.queued) {
          dequeue(c);
        }
        c.waitingSince = now;
        placeOrQueue(c);
      }
    }
    if (freed >= 0 && scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL) {
      allocateWaiting(covers[freed]);
    }
  }

  private void placeOrQueue(SimCase c) {
    int w = scenario.allocationTiming() == Scenario.AllocationTiming.ON_ARRIVAL ? cheapest(c) : -1;
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
      int s = which == null ? i : which[i];
      PriorityQueue<SimCase> queue = waiting.get(s);
      List<SimCase> stuck = new ArrayList<>();
      while (!queue.isEmpty()) {
        SimCase c = queue.poll();
        c.queued = false;
        int w = cheapest(c);
        if (w >= 0) {
          give(c, w);
        } else {
          stuck.add(c);
        }
      }
      for (SimCase c : stuck) {
        c.queued = true;
        queue.add(c);
      }
    }
  }

  /** The cheapest worker allowed to take {@code c} with room for it, or -1. */
  private int cheapest(SimCase c) {
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int w : coveredBy[c.service]) {
      if (!mayHold(w, c) || !fits(w, c)) {
        continue;
      }
      double cost = policy.balanceDelta(load[w], c.weight, capacity[w])
          - (w == c.lastWorker ? policy.continuityBonus() : 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = w;
      }
    }
    return best;
  }

  private boolean mayHold(int w, SimCase c) {
    return servicePolicy[workerService[w]].breach(role[w], c.stage, c.court, null).isEmpty();
  }

  private boolean fits(int w, SimCase c) {
    return load[w] + c.weight <= capacity[w] + 1e-9;
  }

  private void give(SimCase c, int w) {
    if (c.lastWorker >= 0 && c.lastWorker != w) {
      transfers[c.service]++;
    }
    c.worker = w;
    c.lastWorker = w;
    c.waitingSince = Double.NaN;
    load[w] += c.weight;
    if (c.clockWaits) {
      c.clockWaits = false;
      calendar.schedule(now + pathway.stage(c.stage).duration().sample(c.rng), STAGE_END, c.serial);
    }
  }

  private void take(SimCase c) {
    load[c.worker] -= c.weight;
    c.worker = -1;
  }

  private void enqueue(SimCase c) {
    c.queued = true;
    waiting.get(c.service).add(c);
  }

  private void dequeue(SimCase c) {
    if (c.queued) {
      waiting.get(c.service).remove(c);
      c.queued = false;
    }
  }

  private void snapshot(int week) {
    int sCount = services.size();
    double[] open = values[Measure.OPEN_CASES.ordinal()][week];
    double[] unallocated = values[Measure.UNALLOCATED.ordinal()][week];
    double[] wait = values[Measure.MEAN_WAIT.ordinal()][week];
    for (SimCase c : cases) {
      if (c.open) {
        open[c.service]++;
        if (c.worker < 0) {
          unallocated[c.service]++;
          wait[c.service] += now - c.waitingSince;
        }
      }
    }
    double[] loadBy = values[Measure.WEIGHTED_LOAD.ordinal()][week];
    double[] fteBy = values[Measure.FTE_IN_POST.ordinal()][week];
    for (int w = 0; w < workerCount; w++) {
      loadBy[workerService[w]] += load[w];
      fteBy[workerService[w]] += fte[w];
    }
    for (int s = 0; s < sCount; s++) {
      wait[s] = unallocated[s] == 0 ? Double.NaN : wait[s] / unallocated[s];
      values[Measure.CASELOAD_PER_FTE.ordinal()][week][s] = fteBy[s] == 0 ? Double.NaN : loadBy[s] / fteBy[s];
      values[Measure.TRANSFERS.ordinal()][week][s] = transfers[s];
      values[Measure.REFERRALS.ordinal()][week][s] = referrals[s];
      values[Measure.OPENED.ordinal()][week][s] = opened[s];
      values[Measure.CLOSED.ordinal()][week][s] = closed[s];
    }
  }
}
