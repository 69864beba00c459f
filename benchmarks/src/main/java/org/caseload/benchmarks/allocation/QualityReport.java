package org.caseload.benchmarks.allocation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.caseload.benchmarks.allocation.AllocationScenario.Weighting;
import org.caseload.benchmarks.allocation.peers.JGraphTMinCostFlow;
import org.caseload.benchmarks.allocation.peers.OrToolsCpSat;
import org.caseload.benchmarks.allocation.peers.OrToolsMinCostFlow;
import org.caseload.benchmarks.allocation.peers.TimefoldAllocator;
import org.caseload.core.synthetic.InstanceFamily;

/**
 * Time and quality of our allocators and the peers, side by side on the same generated requests:
 * one Markdown table row per family, scenario, weighting and contender. Every answer is checked
 * against the hard rules and priced by one formula ({@link AllocationModel#evaluate}); our plans
 * are also checked to price the same in this model as in core (faithfulness of the peers' model).
 *
 * <p>Times: our allocators and the min-cost flows are timed as the median of repeated runs after
 * warming up until the time per run is steady (see {@link #timed}), ours in JVMs of their own for
 * each row, the median of {@code --our-forks} (3 by default; 0 times them in this JVM; see
 * {@link #forked}; the min-cost flows stay in the report's JVM, so for equal weights
 * {@code EqualWeightCpuTime} is the comparison to read); Timefold and CP-SAT run with their time
 * limits (Timefold again where it reaches our objective, below). CP-SAT runs twice: raced from nothing, and started from our optimiser's
 * answer for the best-known objective and a proven bound.
 * "÷ ours" is a peer's time divided by our optimiser's; for Timefold and CP-SAT, the time at which
 * they first reached our optimiser's objective (or better), read off their progress, while they
 * run their whole limit so that the row shows their best within it. Where Timefold reaches it,
 * it runs again until it does ({@code --timefold-runs} in all, 5 by default) and the ratio is
 * that of the median time to reach it: one run's time varies by more than two to one between
 * runs (5.5 to 13.3 ms for LA_M's one worker leaves), as the median of ours does not.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.caseload.benchmarks.allocation.QualityReport \
 *     [--families TEAM,LA_S,LA_M,LA_L] [--scenarios WEEKLY_INTAKE,...] [--seed 1]
 *     [--timefold-seconds 30] [--cpsat-seconds 30] [--peers-up-to LA_M] [--limited-ms 1000]
 *     [--timefold-runs 5] [--our-forks 3]
 * </pre>
 * With {@code --limited-ms}, weighted rows also show our optimiser given that time limit per
 * allocation (and an unbounded large-neighbourhood search), as {@code "optimising 1 s"}; the ratios
 * of the peers stay those to the optimiser with its default budgets.
 */
public final class QualityReport {
  private final PrintStream out;
  private final long seed;
  private final double timefoldSeconds;
  private final double cpSatSeconds;
  private final InstanceFamily peersUpTo;
  private final InstanceFamily cpSatUpTo;
  /** Time limit of the second run of our optimiser on weighted rows, milliseconds; 0 for none. */
  private final long limitedMillis;
  /** Runs of Timefold whose times to reach our objective give the ratio (the first runs its whole limit). */
  private final int timefoldRuns;
  /** JVMs of their own in which ours are timed for each row, the median taken ({@link #forked}); 0 for none. */
  private final int ourForks;

  QualityReport(PrintStream out, long seed, double timefoldSeconds, double cpSatSeconds, InstanceFamily peersUpTo,
      InstanceFamily cpSatUpTo, long limitedMillis, int timefoldRuns, int ourForks) {
    if (ourForks < 0) {
      throw new IllegalArgumentException("--our-forks must be at least 0 but was " + ourForks);
    }
    this.ourForks = ourForks;
    this.limitedMillis = limitedMillis;
    if (timefoldRuns < 1) {
      throw new IllegalArgumentException("--timefold-runs must be at least 1 but was " + timefoldRuns);
    }
    this.timefoldRuns = timefoldRuns;
    this.out = out;
    this.seed = seed;
    this.timefoldSeconds = timefoldSeconds;
    this.cpSatSeconds = cpSatSeconds;
    this.peersUpTo = peersUpTo;
    this.cpSatUpTo = cpSatUpTo;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(TIME_OURS)) {
      timeOurs(args);
      return;
    }
    List<InstanceFamily> families = List.of(InstanceFamily.TEAM, InstanceFamily.LA_S, InstanceFamily.LA_M,
        InstanceFamily.LA_L);
    List<AllocationScenario> scenarios = List.of(AllocationScenario.values());
    List<Weighting> weightings = List.of(Weighting.values());
    long seed = 1;
    double timefold = 30;
    double cpSat = 30;
    InstanceFamily peersUpTo = InstanceFamily.LA_M;
    long limited = 0;
    int timefoldRuns = 5;
    int ourForks = 3;
    for (int i = 0; i < args.length; i += 2) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--families" -> families = Arrays.stream(v.split(",")).map(InstanceFamily::valueOf).toList();
        case "--scenarios" -> scenarios = Arrays.stream(v.split(",")).map(AllocationScenario::valueOf).toList();
        case "--weightings" -> weightings = Arrays.stream(v.split(",")).map(Weighting::valueOf).toList();
        case "--seed" -> seed = Long.parseLong(v);
        case "--timefold-seconds" -> timefold = Double.parseDouble(v);
        case "--cpsat-seconds" -> cpSat = Double.parseDouble(v);
        case "--peers-up-to" -> peersUpTo = InstanceFamily.valueOf(v);
        case "--limited-ms" -> limited = Long.parseLong(v);
        case "--timefold-runs" -> timefoldRuns = Integer.parseInt(v);
        case "--our-forks" -> ourForks = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --families, "
            + "--scenarios, --weightings, --seed, --timefold-seconds, --cpsat-seconds, --peers-up-to, --limited-ms, "
            + "--timefold-runs, --our-forks");
      }
    }
    QualityReport report = new QualityReport(System.out, seed, timefold, cpSat, peersUpTo, InstanceFamily.LA_S,
        limited, timefoldRuns, ourForks);
    report.header();
    for (InstanceFamily family : families) {
      for (AllocationScenario scenario : scenarios) {
        for (Weighting weighting : weightings) {
          report.run(family, scenario, weighting);
        }
      }
    }
  }

  void header() {
    out.println("| family | scenario | weights | contender | time (ms) | ÷ ours | unalloc. | unalloc. weight "
        + "| transfers | max util. | util. sd | objective | lower bound | gap |");
    out.println("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  }

  void run(InstanceFamily family, AllocationScenario scenario, Weighting weighting) {
    AllocationModel model = new AllocationModel(scenario.request(family, seed, weighting));
    String key = "| " + family + " | " + scenario.label() + " | " + weighting.name().toLowerCase(Locale.ROOT) + " | ";
    List<Contender> contenders = ours(weighting);
    double[] millis = ourForks > 0 ? forked(family, scenario, weighting) : null;
    List<Timed> timed = new ArrayList<>();
    for (int i = 0; i < contenders.size(); i++) {
      Contender c = contenders.get(i);
      Timed t = millis == null ? timed(c, model) : checked(c, c.solve(model), model, millis[i]);
      row(key, t, model, Double.NaN);
      timed.add(t);
    }
    Timed optimising = timed.get(1); // ours(): greedy, then the optimiser with its default budgets
    double ours = optimising.objective;
    double oursMs = optimising.millis;
    if (family.ordinal() > peersUpTo.ordinal()) {
      return;
    }
    if (weighting == Weighting.EQUAL) {
      for (Contender c : List.of(new OrToolsMinCostFlow(), new JGraphTMinCostFlow())) {
        Timed t = timed(c, model);
        row(key, t, model, t.millis / oursMs);
      }
      return;
    }
    // Timefold runs its whole limit, so the row shows its best within it; the ratio is read off its
    // progress, and where it reached our objective, off that of further runs stopped there.
    Duration limit = Duration.ofMillis((long) (timefoldSeconds * 1000));
    Timed timefold = once(new TimefoldAllocator(limit), model);
    long reach = timefold.answer.nanosToReach(ours);
    if (reach < 0) {
      row(key, timefold, model, Double.POSITIVE_INFINITY, Double.NaN);
    } else {
      double[] reaches = new double[timefoldRuns];
      reaches[0] = reach / 1e6;
      for (int r = 1; r < timefoldRuns; r++) {
        long again = new TimefoldAllocator(limit, ours).solve(model).nanosToReach(ours);
        reaches[r] = again < 0 ? Double.POSITIVE_INFINITY : again / 1e6;
      }
      Arrays.sort(reaches);
      double median = reaches[reaches.length / 2];
      row(key, timefold, model, median / oursMs, median, reaches);
    }
    if (family.ordinal() <= cpSatUpTo.ordinal()) {
      Timed cp = once(new OrToolsCpSat(cpSatSeconds, 2), model);
      long cpReach = cp.answer.nanosToReach(ours);
      row(key, cp, model, cpReach < 0 ? Double.POSITIVE_INFINITY : cpReach / 1e6 / oursMs, cpReach / 1e6);
      row(key, once(new OrToolsCpSat(cpSatSeconds, 2, optimising.answer.assign()), model), model, Double.NaN);
    }
  }

  /**
   * Our allocators timed on a row: greedy, the optimiser with its default budgets, and on weighted
   * rows, with {@code --limited-ms}, the optimiser given that time.
   */
  private List<Contender> ours(Weighting weighting) {
    List<Contender> ours = new ArrayList<>(List.of(new OurAllocator(OurAllocators.greedy()),
        new OurAllocator(OurAllocators.optimising())));
    if (limitedMillis > 0 && weighting == Weighting.WEIGHTED) {
      String name = limitedMillis % 1000 == 0 ? "optimising " + limitedMillis / 1000 + " s"
          : "optimising " + limitedMillis + " ms";
      ours.add(new OurAllocator(name, OurAllocators.optimising(Duration.ofMillis(limitedMillis))));
    }
    return ours;
  }

  /**
   * The times of {@link #ours} on a row, each {@linkplain #timed timed} in JVMs of their own started
   * for the row, the median over {@link #ourForks} of them (as JMH forks): in the JVM that has run
   * the peers, profiles of the JDK's code our code shares with theirs (sorting with comparators,
   * hash maps) make ours up to half as fast again, and which rows it hits depends on the order
   * they run in (LA_S weekly intake: 0.190 ms in one run, 0.318 ms in the next); and within one
   * JVM the JIT may settle in a slow state for an allocator (TEAM 5% leave: 0.447 ms for the
   * default, 0.238 ms for the 1 s limit in the same fork, the same work).
   */
  private double[] forked(InstanceFamily family, AllocationScenario scenario, Weighting weighting) {
    double[][] byFork = new double[ourForks][];
    for (int f = 0; f < ourForks; f++) {
      byFork[f] = fork(family, scenario, weighting);
    }
    // Each allocator's median over the forks: a fork's JIT may settle in a slow state for it.
    double[] millis = new double[byFork[0].length];
    for (int i = 0; i < millis.length; i++) {
      double[] times = new double[ourForks];
      for (int f = 0; f < ourForks; f++) {
        times[f] = byFork[f][i];
      }
      Arrays.sort(times);
      millis[i] = times[ourForks / 2];
    }
    return millis;
  }

  /** One JVM of {@link #forked}: the times of {@link #ours} on the row, ms. */
  private double[] fork(InstanceFamily family, AllocationScenario scenario, Weighting weighting) {
    List<String> command = new ArrayList<>();
    command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), QualityReport.class.getName(), TIME_OURS,
        family.name(), scenario.name(), weighting.name(), Long.toString(seed), Long.toString(limitedMillis)));
    try {
      Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int exit = child.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("timing ours on " + family + " " + scenario + " in a JVM of its own failed ("
            + exit + "): " + output);
      }
      return output.lines().mapToDouble(Double::parseDouble).toArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot start a JVM to time ours: " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while timing ours", e);
    }
  }

  /** First argument of the JVM that {@link #forked} starts: it prints the times of {@link #ours}, one per line. */
  static final String TIME_OURS = "--time-ours";

  private static void timeOurs(String[] args) {
    InstanceFamily family = InstanceFamily.valueOf(args[1]);
    AllocationScenario scenario = AllocationScenario.valueOf(args[2]);
    Weighting weighting = Weighting.valueOf(args[3]);
    long seed = Long.parseLong(args[4]);
    QualityReport report = new QualityReport(System.out, seed, 0, 0, family, family, Long.parseLong(args[5]), 1, 0);
    AllocationModel model = new AllocationModel(scenario.request(family, seed, weighting));
    for (Contender c : report.ours(weighting)) {
      System.out.println(report.timed(c, model).millis);
    }
  }

  /** An answer, its objective (by our formula) and its time in milliseconds. */
  record Timed(String name, Answer answer, double objective, double millis) {}

  /**
   * Median time of repeated runs after warming up to a steady state. Warm-up goes in windows of a
   * quarter of a second (at least {@value #WINDOW_RUNS} runs) and ends when the medians of the last
   * {@value #STEADY_WINDOWS} windows are within {@value #STEADY_SPREAD} of each other (the largest
   * over the least, less one), after at least {@value #MIN_WARMUP_SECONDS} s and at most
   * {@value #MAX_WARMUP_SECONDS} s. The JIT takes that long on two cores: the first row of a run,
   * timed after one second of warm-up as before, measured 0.955 ms for a request that runs in
   * 0.066 ms once compiled (about 7 s later, after two recompilations that each cost a few
   * windows ten times the time). Then runs are timed for at least half a second, and on until
   * {@value #MIN_RUNS} runs or two seconds, whichever comes first: a run of a tenth of a
   * millisecond is so timed thousands of times, and a pause of the machine does not move the
   * median.
   */
  Timed timed(Contender c, AllocationModel model) {
    Answer a = null;
    long warmStart = System.nanoTime();
    double[] medians = new double[STEADY_WINDOWS];
    List<Double> window = new ArrayList<>();
    for (int w = 0; ; w++) {
      window.clear();
      a = runs(c, model, window, WINDOW_NANOS, Long.MAX_VALUE, WINDOW_RUNS);
      medians[w % STEADY_WINDOWS] = window.get(window.size() / 2);
      double warm = (System.nanoTime() - warmStart) / 1e9;
      boolean steady = w + 1 >= STEADY_WINDOWS
          && Arrays.stream(medians).max().orElseThrow() <= (1 + STEADY_SPREAD) * Arrays.stream(medians).min().orElseThrow();
      if (warm >= MAX_WARMUP_SECONDS || (warm >= MIN_WARMUP_SECONDS && steady)) {
        break;
      }
    }
    List<Double> times = new ArrayList<>();
    a = runs(c, model, times, 500_000_000L, 2_000_000_000L, MIN_RUNS);
    return checked(c, a, model, times.get(times.size() / 2));
  }

  /**
   * Solves {@code model} again and again for at least {@code leastNanos}, then on until
   * {@code minRuns} runs or {@code mostNanos} (from the start), whichever comes first; adds each
   * run's time (ms) to {@code times}, sorted at the end, and returns the last answer.
   */
  private static Answer runs(Contender c, AllocationModel model, List<Double> times, long leastNanos, long mostNanos,
      int minRuns) {
    long start = System.nanoTime();
    Answer a;
    long now;
    do {
      long t0 = System.nanoTime();
      a = c.solve(model);
      now = System.nanoTime();
      times.add((now - t0) / 1e6);
    } while (now - start < leastNanos || (now - start < mostNanos && times.size() < minRuns));
    times.sort(null);
    return a;
  }

  /** Length of a warm-up window of {@link #timed}, and the fewest runs in one. */
  private static final long WINDOW_NANOS = 250_000_000L;
  static final int WINDOW_RUNS = 3;
  /** The last windows whose medians must agree, and how closely, for the warm-up to end; its least and most time. */
  static final int STEADY_WINDOWS = 4;
  static final double STEADY_SPREAD = 0.05;
  static final int MIN_WARMUP_SECONDS = 2;
  static final int MAX_WARMUP_SECONDS = 15;

  /** Runs {@link #timed} goes on to after its half second, if they fit in two seconds. */
  static final int MIN_RUNS = 21;

  Timed once(Contender c, AllocationModel model) {
    long t0 = System.nanoTime();
    Answer a = c.solve(model);
    return checked(c, a, model, (System.nanoTime() - t0) / 1e6);
  }

  private Timed checked(Contender c, Answer a, AllocationModel model, double millis) {
    if (!a.found()) {
      return new Timed(c.name(), a, Double.NaN, millis);
    }
    String broken = model.broken(a.assign());
    if (broken != null) {
      throw new IllegalStateException(c.name() + " broke a hard rule on " + model + ": " + broken);
    }
    double objective = model.evaluate(a.assign()).total();
    if (a.result() instanceof org.caseload.core.allocation.AllocationPlan plan) {
      double core = plan.objective().total();
      if (Math.abs(core - objective) > 1e-6 * Math.max(1, Math.abs(core))) {
        throw new IllegalStateException("the peers' model prices " + c.name() + "'s plan at " + objective
            + " but core at " + core + ": the model is not faithful");
      }
    }
    return new Timed(c.name(), a, objective, millis);
  }

  private void row(String key, Timed t, AllocationModel model, double ratio) {
    row(key, t, model, ratio, Double.NaN);
  }

  private void row(String key, Timed t, AllocationModel model, double ratio, double reachMs) {
    row(key, t, model, ratio, reachMs, new double[0]);
  }

  /**
   * One row; {@code reachMs} is when a peer first reached our objective, or NaN, and
   * {@code reaches} every run's time to reach it (ms, ascending) when there were several.
   */
  private void row(String key, Timed t, AllocationModel model, double ratio, double reachMs, double[] reaches) {
    if (!t.answer.found()) {
      out.println(key + t.name + " | " + fmt(t.millis) + " | not reached | " + t.answer.result()
          + " | | | | | | | |");
      out.flush();
      return;
    }
    int[] assign = t.answer.assign();
    double[] un = model.unallocated(assign);
    double[] util = model.utilisation(assign);
    double max = Arrays.stream(util).max().orElse(0);
    double mean = Arrays.stream(util).average().orElse(0);
    double sd = Math.sqrt(Arrays.stream(util).map(u -> (u - mean) * (u - mean)).average().orElse(0));
    OptionalDouble bound = t.answer.lowerBound();
    double gap = bound.isEmpty() ? Double.NaN
        : org.caseload.core.allocation.AllocationPlan.gap(t.objective, bound.getAsDouble(), model.request().policy());
    String name = t.name + (t.answer.optimal() ? " (opt.)" : "");
    out.println(key + name + " | " + fmt(t.millis) + " | " + ratio(ratio, reachMs, reaches) + " | " + (int) un[0] + " | "
        + String.format(Locale.ROOT, "%.1f", un[1]) + " | " + model.transfers(assign) + " | "
        + String.format(Locale.ROOT, "%.3f", max) + " | " + String.format(Locale.ROOT, "%.3f", sd) + " | "
        + String.format(Locale.ROOT, "%,.1f", t.objective) + " | "
        + (bound.isEmpty() ? "" : String.format(Locale.ROOT, "%,.1f", bound.getAsDouble())) + " | "
        + (Double.isNaN(gap) ? "" : String.format(Locale.ROOT, "%.3f%%", 100 * gap)) + " |");
    out.flush();
  }

  /**
   * The ratio, and for peers that improve over time the time at which they first reached our
   * objective (the median, and the range, of {@code reaches} when there were several runs).
   */
  private static String ratio(double r, double reachMs, double[] reaches) {
    if (Double.isNaN(r)) {
      return "";
    }
    if (Double.isInfinite(r)) {
      return "not reached";
    }
    String s = r < 0.1 ? String.format(Locale.ROOT, "%.2g×", r) : String.format(Locale.ROOT, "%,.1f×", r);
    if (reaches.length > 1) {
      s += " (median of " + reaches.length + " at " + fmt(reachMs) + " ms; " + fmt(reaches[0]) + "–"
          + (Double.isInfinite(reaches[reaches.length - 1]) ? "not reached" : fmt(reaches[reaches.length - 1])) + ")";
    } else if (!Double.isNaN(reachMs)) {
      s += " (at " + fmt(reachMs) + " ms)";
    }
    return s;
  }

  private static String fmt(double ms) {
    return ms < 1 ? String.format(Locale.ROOT, "%.3f", ms) : ms < 100 ? String.format(Locale.ROOT, "%.2f", ms)
        : String.format(Locale.ROOT, "%,.0f", ms);
  }
}
