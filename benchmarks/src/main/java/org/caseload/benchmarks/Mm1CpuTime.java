package org.caseload.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.caseload.simulation.Simulation;

/**
 * Our engine against SSJ 3.3.2 on the M/M/1 model of {@link SimulationBenchmark}, in thread CPU
 * time, the two run alternately, one replication each, in one JVM: on a machine shared with other
 * work the load moves by more between two JMH benchmarks than the engines differ, while
 * alternating gives both the same load, and CPU time leaves out the time other work takes. Each
 * pair gives our events per CPU second over SSJ's; the report is the median and the quartiles of
 * the second half of the pairs (the first half is warm-up), with each engine's median rate.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar org.caseload.benchmarks.Mm1CpuTime [pairs, default 400]
 * </pre>
 */
public final class Mm1CpuTime {
  private Mm1CpuTime() {}

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    if (pairs < 2) {
      throw new IllegalArgumentException("pairs must be at least 2 but was " + pairs);
    }
    SimulationBenchmark.MM1 ours = new SimulationBenchmark.MM1();
    ours.build();
    SimulationBenchmark.Ssj ssj = new SimulationBenchmark.Ssj();
    ssj.build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ratio = new double[pairs];
    double[] ourRate = new double[pairs];
    double[] ssjRate = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      long ourEvents = Simulation.run(ours.scenario, i).events();
      long t1 = threads.getCurrentThreadCpuTime();
      long ssjEvents = ssj.run();
      long t2 = threads.getCurrentThreadCpuTime();
      ourRate[i] = ourEvents * 1e9 / (t1 - t0);
      ssjRate[i] = ssjEvents * 1e9 / (t2 - t1);
      ratio[i] = ourRate[i] / ssjRate[i];
    }
    int from = pairs / 2;
    System.out.printf(Locale.ROOT,
        "%d pairs, second half: ours / SSJ events per CPU second, median %.3f (quartiles %.3f-%.3f); "
            + "ours %.2f, SSJ %.2f million events per CPU second (medians)%n",
        pairs, quantile(ratio, from, 0.5), quantile(ratio, from, 0.25), quantile(ratio, from, 0.75),
        quantile(ourRate, from, 0.5) / 1e6, quantile(ssjRate, from, 0.5) / 1e6);
  }

  /** The {@code q} quantile (nearest rank) of {@code values} from index {@code from}. */
  private static double quantile(double[] values, int from, double q) {
    double[] v = Arrays.copyOfRange(values, from, values.length);
    Arrays.sort(v);
    return v[(int) Math.min(v.length - 1, Math.round(q * (v.length - 1)))];
  }
}
