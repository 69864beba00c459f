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
 * Our allocators on {@code NATIONAL} (153 authorities, 30,000 workers, 400,000 cases): single-shot
 * times, since one allocation takes seconds; the optimiser on one thread and on two (its 153
 * independent parts in parallel). Target: under 5 s on 2 cores within a 2 GiB heap —
 * so each fork runs with {@code -Xmx2g}, and a run that needed more would fail with
 * OutOfMemoryError. The generated organisation (about 200 MiB) lives in the same heap.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class NationalAllocationBenchmark extends AllocatorRun {

  @Param({"NATIONAL"})
  public InstanceFamily family;

  @Param({"WEEKLY_INTAKE", "FIVE_PERCENT_LEAVE", "TEAM_DISSOLVED", "COLD_START"})
  public AllocationScenario scenario;

  @Param({"greedy", "optimising", "optimising 2 threads"})
  public String allocator;

  @Setup(Level.Trial)
  public void prepare() {
    prepare(family, scenario, allocator);
  }
}
