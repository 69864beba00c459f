package org.caseload.benchmarks.allocation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseload.benchmarks.allocation.AllocationScenario.Weighting;
import org.caseload.benchmarks.allocation.peers.OrToolsMinCostFlow;
import org.caseload.core.synthetic.InstanceFamily;

/**
 * Our optimiser against OR-Tools' min-cost flow on the equal-weight requests, in thread CPU time,
 * the two called alternately on the same request: on a machine shared with other work, wall time
 * (what JMH and {@link QualityReport} measure) is partly other people's, CPU time is not. Warm-up:
 * every request in turn for the given seconds; then each request for the given seconds; the
 * median per call, as a Markdown table row (family, scenario, calls, ours ms, OR-Tools ms, OR-Tools ÷ ours,
 * then OR-Tools ms and OR-Tools ÷ ours again with the request compiled inside the call).
 *
 * <p>What each side pays for: ours is {@link org.caseload.core.allocation.Allocator#allocate} on the
 * request (compiling it: eligibility, sibling groups, loads and costs; solving; writing the plan with a
 * reason per unallocated case) and reading the plan back as an assignment. OR-Tools, in the first
 * column, starts from the request already compiled ({@link AllocationModel}) and pays for building its
 * network from it, solving and reading the flow back; in the second column it also pays for
 * compiling the request ({@code new AllocationModel(request)}), as any user of OR-Tools would
 * have to work out who may take each case before building a network.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.caseload.benchmarks.allocation.EqualWeightCpuTime \
 *     [--warm-up 30] [--seconds 2] [--families TEAM,LA_S,LA_M,LA_L] [--scenarios COLD_START,...]
 * </pre>
 */
public final class EqualWeightCpuTime {
  private EqualWeightCpuTime() {}

  public static void main(String[] args) {
    double warmUp = 30;
    double seconds = 2;
    List<InstanceFamily> families = List.of(InstanceFamily.TEAM, InstanceFamily.LA_S, InstanceFamily.LA_M,
        InstanceFamily.LA_L);
    List<AllocationScenario> scenarios = List.of(AllocationScenario.values());
    for (int i = 0; i < args.length; i += 2) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--warm-up" -> warmUp = Double.parseDouble(v);
        case "--seconds" -> seconds = Double.parseDouble(v);
        case "--families" -> families = Arrays.stream(v.split(",")).map(InstanceFamily::valueOf).toList();
        case "--scenarios" -> scenarios = Arrays.stream(v.split(",")).map(AllocationScenario::valueOf).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --warm-up, --seconds, --families, --scenarios");
      }
    }
    List<String> names = new ArrayList<>();
    List<AllocationModel> models = new ArrayList<>();
    for (InstanceFamily f : families) {
      for (AllocationScenario s : scenarios) {
        names.add("| " + f + " | " + s.label() + " | ");
        models.add(new AllocationModel(s.request(f, 1, Weighting.EQUAL)));
      }
    }
    Contender[] contenders = {new OurAllocator(OurAllocators.optimising()), new OrToolsMinCostFlow()};
    long warmEnd = System.nanoTime() + (long) (warmUp * 1e9);
    while (System.nanoTime() < warmEnd) {
      for (AllocationModel m : models) {
        for (Contender c : contenders) {
          c.solve(m);
        }
        contenders[1].solve(new AllocationModel(m.request()));
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.println("| family | scenario | calls | ours (ms CPU) | OR-Tools mcf (ms CPU) | OR-Tools ÷ ours "
        + "| OR-Tools mcf with compiling (ms CPU) | ÷ ours |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < models.size(); i++) {
      AllocationModel model = models.get(i);
      long[][] times = new long[3][100_000];
      int calls = 0;
      long end = System.nanoTime() + (long) (seconds * 1e9);
      while ((System.nanoTime() < end || calls < 5) && calls < times[0].length) {
        for (int c = 0; c < 3; c++) {
          long t0 = mx.getCurrentThreadCpuTime();
          Answer answer = c < 2 ? contenders[c].solve(model) : contenders[1].solve(new AllocationModel(model.request()));
          times[c][calls] = mx.getCurrentThreadCpuTime() - t0;
          String broken = model.broken(answer.assign());
          if (broken != null) {
            throw new IllegalStateException(contenders[Math.min(c, 1)].name() + ": " + broken);
          }
        }
        calls++;
      }
      double[] median = new double[3];
      for (int c = 0; c < 3; c++) {
        Arrays.sort(times[c], 0, calls);
        median[c] = times[c][calls / 2] / 1e6;
      }
      System.out.println(names.get(i) + String.format(Locale.ROOT, "%d | %.3f | %.3f | %.2f× | %.3f | %.2f× |", calls,
          median[0], median[1], median[1] / median[0], median[2], median[2] / median[0]));
    }
  }
}
