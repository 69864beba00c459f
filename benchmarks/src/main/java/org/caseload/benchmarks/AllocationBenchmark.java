package org.caseload.benchmarks;

import java.util.concurrent.TimeUnit;
import org.caseload.benchmarks.allocation.AllocationScenario;
import org.caseload.core.synthetic.InstanceFamily;
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
 * How long our allocators take on the scenarios of issue 3 (weekly intake, departures, a team
 * dissolved, cold start, demand at 90/100/110% of capacity), behind the {@link org.caseload.core.allocation.Allocator}
 * interface, on the generated families up to {@code LA_L}. The time includes compiling the
 * request (eligibility, sibling groups), as a caller pays it. Targets for {@code LA_L}: weekly
 * intake greedy under 1 ms and optimiser under 20 ms; cold start and team dissolved, optimiser
 * under 500 ms. Quality (objective, gap, spread) is printed by {@code QualityReport};
 * {@code NATIONAL} is {@link NationalAllocationBenchmark}; peers are {@link PeerBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class AllocationBenchmark extends AllocatorRun {

  @Param({"TEAM", "LA_S", "LA_M", "LA_L"})
  public InstanceFamily family;

  @Param({"WEEKLY_INTAKE", "ONE_LEAVES", "FIVE_PERCENT_LEAVE", "TEAM_DISSOLVED", "COLD_START", "DEMAND_90",
      "DEMAND_100", "DEMAND_110"})
  public AllocationScenario scenario;

  @Param({"greedy", "optimising"})
  public String allocator;

  @Setup(Level.Trial)
  public void prepare() {
    prepare(family, scenario, allocator);
  }
}
