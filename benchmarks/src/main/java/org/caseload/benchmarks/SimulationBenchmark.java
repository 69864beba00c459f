package org.caseload.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.model.Organisation;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.caseload.simulation.ReplicationResult;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.Scenarios;
import org.caseload.simulation.Simulation;
import org.caseload.simulation.SimulationResult;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.workforce.WorkforceModel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Sim;

/**
 * The simulation engine's speed. Three questions:
 * <ul>
 *   <li>events per second on the textbook M/M/1 queue (ρ = 0.9), against SSJ 3.3.2 running the
 *       same model in the same JMH run: arrivals at 90 a week, service at 100 a week, one worker
 *       who holds one case at a time, for 2,000 weeks (about 360,000 arrivals and departures; our
 *       engine also records a snapshot each week);
 *   <li>one replication of a generated authority over 3 years (target for LA_M: under 20 ms);
 *   <li>1,000 replications on every core (target for LA_M: under 15 s on 2 cores).
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SimulationBenchmark {
  private static final double LAMBDA = 90;
  private static final double MU = 100;
  private static final int WEEKS = 2000;

  /** Events processed, reported by JMH as a rate beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  /** The M/M/1 scenario for our engine. */
  @State(Scope.Benchmark)
  public static class MM1 {
    /** Not used by this model; present so that one parameter list runs every benchmark. */
    @Param({"LA_M"})
    public InstanceFamily family;

    Scenario scenario;
    long seed;

    @Setup(Level.Trial)
    public void build() {
      String service = "s";
      Organisation org = Organisation.builder("M/M/1", java.time.LocalDate.of(2025, 9, 30))
          .capacityPolicy(CapacityPolicy.defaults().withCapacityPerFte(Role.QUALIFIED, 1))
          .add(Service.of(service, "Service"))
          .add(Team.of("t", service, TeamKind.LOCALITY, null))
          .add(Worker.of("w", "t", Role.QUALIFIED, Contract.PERMANENT, 1, java.time.LocalDate.of(2020, 1, 6)))
          .build();
      Stage stage = new Stage(CaseCategory.CHILD_IN_NEED, service, new DurationDistribution.Exponential(1 / MU),
          List.of(Stage.Exit.close(1)), true);
      DemandModel demand = new DemandModel(new ReferralRate.Constant(LAMBDA), new Pathway(0, CaseCategory.CHILD_IN_NEED,
          Map.of(CaseCategory.CHILD_IN_NEED, stage), 0, new DurationDistribution.Fixed(1)));
      scenario = Scenario.builder(org, demand).workforce(WorkforceModel.staticWorkforce()).horizonWeeks(WEEKS).build();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public ReplicationResult mm1Caseload(MM1 model, Events events) {
    ReplicationResult r = Simulation.run(model.scenario, model.seed++);
    events.events += r.events();
    return r;
  }

  /** The same M/M/1 queue written in SSJ's event style: arrival and departure events, a FIFO queue. */
  @State(Scope.Thread)
  public static class Ssj {
    RandomStream arrivalsStream = new MRG32k3a();
    RandomStream serviceStream = new MRG32k3a();
    ExponentialGen interArrival;
    ExponentialGen service;
    java.util.ArrayDeque<Double> queue = new java.util.ArrayDeque<>();
    boolean busy;
    long count;

    @Setup(Level.Trial)
    public void build() {
      interArrival = new ExponentialGen(arrivalsStream, LAMBDA);
      service = new ExponentialGen(serviceStream, MU);
    }

    long run() {
      Sim.init();
      queue.clear();
      busy = false;
      count = 0;
      new Event() {
        @Override
        public void actions() {
          Sim.stop();
        }
      }.schedule(WEEKS);
      new Arrival().schedule(interArrival.nextDouble());
      Sim.start();
      return count;
    }

    final class Arrival extends Event {
      @Override
      public void actions() {
        count++;
        new Arrival().schedule(interArrival.nextDouble());
        if (busy) {
          queue.addLast(Sim.time());
        } else {
          busy = true;
          new Departure().schedule(service.nextDouble());
        }
      }
    }

    final class Departure extends Event {
      @Override
      public void actions() {
        count++;
        if (queue.isEmpty()) {
          busy = false;
        } else {
          queue.removeFirst();
          new Departure().schedule(service.nextDouble());
        }
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long mm1Ssj(Ssj ssj, Events events) {
    long n = ssj.run();
    events.events += n;
    return n;
  }

  /** A generated authority with demand at its family's weekly intake, 3 years. */
  @State(Scope.Benchmark)
  public static class Authority {
    @Param({"LA_M"})
    public InstanceFamily family;

    @Param({"1000"})
    public int replications;

    Scenario scenario;
    long seed;

    @Setup(Level.Trial)
    public void build() {
      Organisation org = SyntheticOrganisations.generate(family, 1L);
      scenario = Scenario.builder(org, Scenarios.demandFor(org, family.weeklyIntake())).horizonWeeks(156).build();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ReplicationResult oneReplication(Authority a) {
    return Simulation.run(a.scenario, a.seed++);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public SimulationResult manyReplications(Authority a) {
    return Simulation.builder(a.scenario).replications(a.replications).seed(a.seed++).build().run();
  }
}
