package org.caseload.benchmarks;

import org.caseload.benchmarks.allocation.AllocationScenario;
import org.caseload.benchmarks.allocation.OurAllocators;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.Allocator;
import org.caseload.core.synthetic.InstanceFamily;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One of our allocators on one scenario's request: the benchmark shared by
 * {@link AllocationBenchmark} and {@link NationalAllocationBenchmark}, which choose the families,
 * scenarios, allocators and timing mode. The request is built once per trial, outside the time.
 */
public abstract class AllocatorRun {
  AllocationRequest request;
  Allocator strategy;

  /** Builds the request (seed 1) and the allocator. */
  void prepare(InstanceFamily family, AllocationScenario scenario, String allocator) {
    request = scenario.request(family, 1L);
    strategy = OurAllocators.named(allocator);
  }

  /** One allocation; the plan is returned so the JIT keeps the work. */
  @Benchmark
  public AllocationPlan allocate() {
    return strategy.allocate(request);
  }
}
