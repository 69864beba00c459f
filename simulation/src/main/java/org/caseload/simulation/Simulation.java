package org.caseload.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.caseload.core.validation.Problems;
import org.caseload.simulation.random.RandomStreams;

/**
 * Runs a scenario: one replication with {@link #run(Scenario, long)}, or many in parallel with
 * {@link #builder(Scenario)}. Replication {@code r} always draws from the streams keyed by
 * (seed, r, ...), and results are gathered in replication order, so the result is the same
 * whatever the number of threads.
 */
public final class Simulation {
  private final Scenario scenario;
  private final long seed;
  private final int replications;
  private final int threads;
  private final IntConsumer progress;
  private final Precision precision;

  private Simulation(Builder b) {
    this.scenario = b.scenario;
    this.seed = b.seed;
    this.replications = b.replications;
    this.threads = b.threads;
    this.progress = b.progress;
    this.precision = b.precision;
  }

  /** One replication of {@code scenario} with streams from {@code seed}. */
  public static ReplicationResult run(Scenario scenario, long seed) {
    return new Replication(scenario, new RandomStreams(seed), 0).run();
  }

  /** A configurable run of many replications. */
  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** Runs every replication and gathers them; with a precision goal, adds batches until it is met. */
  public SimulationResult run() {
    if (precision == null) {
      return new SimulationResult(scenario, seed, List.of(replicate(0, replications)));
    }
    List<ReplicationResult> all = new ArrayList<>(List.of(replicate(0, replications)));
    while (true) {
      SimulationResult sofar = new SimulationResult(scenario, seed, all);
      double half = sofar.halfWidth(precision.measure(), precision.serviceId(), precision.week(), 0.95);
      if ((!Double.isNaN(half) && half <= precision.halfWidth()) || all.size() >= precision.maxReplications()) {
        return sofar;
      }
      int next = Math.min(all.size(), precision.maxReplications() - all.size());
      all.addAll(List.of(replicate(all.size(), next)));
    }
  }

  /**
   * A goal for {@link Builder#untilPrecision}: stop when the 95% interval of the mean of
   * {@code measure} for {@code serviceId} at {@code week} is at most {@code halfWidth} either
   * side, or at {@code maxReplications}.
   */
  public record Precision(Measure measure, String serviceId, int week, double halfWidth, int maxReplications) {
    public Precision {
      Problems p = new Problems();
      p.required(measure, "measure");
      p.requiredText(serviceId, "service");
      p.check(week >= 0, "week", "must be at least 0 but was " + week);
      p.check(halfWidth > 0, "halfWidth", "must be positive but was " + halfWidth);
      p.check(maxReplications >= 2, "maxReplications", "must be at least 2 but was " + maxReplications);
      p.throwIfErrors("precision goal");
    }
  }

  /** Replications {@code first} to {@code first + count - 1}, in order. */
  private ReplicationResult[] replicate(int first, int count) {
    RandomStreams streams = new RandomStreams(seed);
    ReplicationResult[] results = new ReplicationResult[count];
    AtomicInteger done = new AtomicInteger();
    if (threads == 1) {
      for (int r = 0; r < count; r++) {
        results[r] = new Replication(scenario, streams, first + r).run();
        progress.accept(first + done.incrementAndGet());
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
        Thread t = new Thread(task, "caseload-replication");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int r = 0; r < count; r++) {
          int rep = r;
          futures.add(pool.submit(() -> {
            results[rep] = new Replication(scenario, streams, first + rep).run();
            progress.accept(first + done.incrementAndGet());
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("simulation interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IllegalStateException("a replication failed: " + cause, cause);
      } finally {
        pool.shutdownNow();
      }
    }
    return results;
  }

  /** Configures a {@link Simulation}; not thread-safe. */
  public static final class Builder {
    private final Scenario scenario;
    private long seed = 1;
    private int replications = 100;
    private int threads = Runtime.getRuntime().availableProcessors();
    private IntConsumer progress = done -> { };
    private Precision precision;

    private Builder(Scenario scenario) {
      this.scenario = scenario;
    }

    /** The master seed (default 1). */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Number of replications, at least 1 (default 100). */
    public Builder replications(int value) {
      replications = value;
      return this;
    }

    /** Worker threads, at least 1 (default: the number of processors). Does not change results. */
    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** Called with the number of replications finished, from the thread that finished one. */
    public Builder progress(IntConsumer callback) {
      progress = callback;
      return this;
    }

    /**
     * Runs the {@link #replications(int)} first, then more in batches (doubling) until the goal
     * is met or its maximum reached. Results stay independent of the number of threads.
     */
    public Builder untilPrecision(Precision goal) {
      precision = goal;
      return this;
    }

    public Simulation build() {
      Problems p = new Problems();
      p.required(scenario, "scenario");
      p.check(replications >= 1, "replications", "must be at least 1 but was " + replications);
      p.check(threads >= 1, "threads", "must be at least 1 but was " + threads);
      p.required(progress, "progress");
      p.throwIfErrors("simulation");
      return new Simulation(this);
    }
  }
}
