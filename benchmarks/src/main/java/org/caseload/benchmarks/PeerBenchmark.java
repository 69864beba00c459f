package org.caseload.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.caseload.benchmarks.allocation.AllocationModel;
import org.caseload.benchmarks.allocation.AllocationScenario;
import org.caseload.benchmarks.allocation.AllocationScenario.Weighting;
import org.caseload.benchmarks.allocation.Answer;
import org.caseload.benchmarks.allocation.Contender;
import org.caseload.benchmarks.allocation.OurAllocator;
import org.caseload.benchmarks.allocation.OurAllocators;
import org.caseload.benchmarks.allocation.peers.JGraphTMinCostFlow;
import org.caseload.benchmarks.allocation.peers.OrToolsCpSat;
import org.caseload.benchmarks.allocation.peers.OrToolsMinCostFlow;
import org.caseload.benchmarks.allocation.peers.TimefoldAllocator;
import org.caseload.core.synthetic.InstanceFamily;
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

/**
 * Our allocators and the peers behind one interface ({@link Contender}) on the same request.
 *
 * <ul>
 *   <li>{@link #equalWeight}: the equal-weight version (every case weighs 1, no siblings), where a
 *       min-cost flow is exact: our optimiser against OR-Tools' and JGraphT's min-cost flow, each
 *       timed from the request to an assignment (building the network included).
 *   <li>{@link #weighted}: the weighted version, with Timefold and CP-SAT stopped after
 *       {@link #seconds} (so this measures nothing but that they run within their limit; the
 *       time each needs to reach our objective is measured by {@code QualityReport}).
 * </ul>
 * Every answer is checked against the hard rules in the benchmark itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PeerBenchmark {

  /** The equal-weight request and a min-cost flow contender. */
  @State(Scope.Benchmark)
  public static class EqualWeight {
    @Param({"TEAM", "LA_S", "LA_M", "LA_L"})
    public InstanceFamily family;

    @Param({"COLD_START", "TEAM_DISSOLVED", "DEMAND_110"})
    public AllocationScenario scenario;

    @Param({"optimising", "or-tools mcf", "jgrapht mcf"})
    public String contender;

    AllocationModel model;
    Contender solver;

    @Setup(Level.Trial)
    public void prepare() {
      model = new AllocationModel(scenario.request(family, 1L, Weighting.EQUAL));
      solver = switch (contender) {
        case "or-tools mcf" -> new OrToolsMinCostFlow();
        case "jgrapht mcf" -> new JGraphTMinCostFlow();
        default -> new OurAllocator(OurAllocators.named(contender));
      };
    }
  }

  /** The weighted request and a time-limited peer. */
  @State(Scope.Benchmark)
  public static class Weighted {
    @Param({"TEAM", "LA_S"})
    public InstanceFamily family;

    @Param({"COLD_START", "TEAM_DISSOLVED"})
    public AllocationScenario scenario;

    @Param({"timefold", "or-tools cp-sat"})
    public String contender;

    /** The peer's time limit, seconds. */
    @Param({"1"})
    public double seconds;

    AllocationModel model;
    Contender solver;

    @Setup(Level.Trial)
    public void prepare() {
      model = new AllocationModel(scenario.request(family, 1L));
      solver = switch (contender) {
        case "timefold" -> new TimefoldAllocator(Duration.ofMillis((long) (seconds * 1000)));
        case "or-tools cp-sat" -> new OrToolsCpSat(seconds, 1);
        default -> throw new IllegalArgumentException("unknown peer " + contender);
      };
    }
  }

  @Benchmark
  public Answer equalWeight(EqualWeight s) {
    return checked(s.model, s.solver.solve(s.model));
  }

  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @BenchmarkMode(Mode.SingleShotTime)
  public Answer weighted(Weighted s) {
    return checked(s.model, s.solver.solve(s.model));
  }

  private static Answer checked(AllocationModel model, Answer a) {
    if (!a.found()) {
      return a; // nothing found within the limit (CP-SAT on LA_S in 1 s, say): a result, not an error
    }
    String broken = model.broken(a.assign());
    if (broken != null) {
      throw new IllegalStateException(broken);
    }
    return a;
  }
}
