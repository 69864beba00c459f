package org.caseload.benchmarks.allocation.peers;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.caseload.benchmarks.allocation.AllocationModel;
import org.caseload.benchmarks.allocation.Answer;
import org.caseload.benchmarks.allocation.Contender;

/**
 * Timefold Solver (Community Edition, the Java 17 1.x line) on the weighted version, single
 * thread, with its default phases (a construction heuristic, then local search).
 *
 * <p>The model: each group of cases (a child alone, or siblings who go together) is a planning
 * entity with a nullable worker planning variable ({@code allowsUnassigned}) whose values are the
 * workers allowed to take it (service, role protections, siblings' worker: an entity value range,
 * so these hard rules hold by construction). Constraint streams give the rest, on a
 * {@code HardMediumSoftLongScore}:
 * <ul>
 *   <li>hard: load over capacity, per worker (groupBy worker, sum of weights), in weighted cases × K;
 *   <li>medium: unallocated cost by category;
 *   <li>soft: transfers and locality (penalty), continuity (reward), and balance, per worker
 *       balanceWeight × ((F + added)² − F²) ÷ capacity (groupBy worker, sum, then squared).
 * </ul>
 * Medium before soft is lexicographic where our objective is one sum; the two agree on these
 * instances because the cheapest unallocated case (200,000) outweighs every soft term any one
 * placement can change. Weights are × K (as for CP-SAT) and costs × {@link #COST_SCALE}, rounded;
 * answers are priced by our own formula ({@link AllocationModel#evaluate}).
 *
 * <p>Every new best solution is priced as it appears, so the harness can tell when Timefold first
 * reached a target objective; given a target, the solver stops as soon as it reaches it.
 */
public final class TimefoldAllocator implements Contender {
  /** Soft and medium costs are objective units × this, rounded. */
  public static final double COST_SCALE = 1_000;

  private final Duration limit;
  private final double target;

  /** Timefold stopping after {@code limit}. */
  public TimefoldAllocator(Duration limit) {
    this(limit, Double.NaN);
  }

  /** Timefold stopping after {@code limit}, or as soon as its best objective is at most {@code target}. */
  public TimefoldAllocator(Duration limit, double target) {
    this.limit = limit;
    this.target = target;
  }

  @Override
  public String name() {
    return "timefold";
  }

  @Override
  public Answer solve(AllocationModel model) {
    int k = OrToolsCpSat.weightScale(model);
    List<WorkerFact> workers = new ArrayList<>(model.workers());
    for (int w = 0; w < model.workers(); w++) {
      double f = model.fixedLoad(w);
      double coefficient = model.balanceWeight() / model.capacity(w);
      workers.add(new WorkerFact(w, Math.max(0, (long) Math.floor((model.capacity(w) - f) * k + 1e-6)),
          added -> Math.round(COST_SCALE * coefficient * ((f + (double) added / k) * (f + (double) added / k) - f * f))));
    }
    List<GroupEntity> groups = new ArrayList<>(model.groups());
    for (int g = 0; g < model.groups(); g++) {
      int[] eligible = model.eligible(g);
      List<WorkerFact> range = new ArrayList<>(eligible.length);
      long[] penalty = new long[eligible.length];
      long[] reward = new long[eligible.length];
      for (int i = 0; i < eligible.length; i++) {
        int w = eligible[i];
        range.add(workers.get(w));
        penalty[i] = Math.round(COST_SCALE * (model.transferCost(g, w) + model.localityCost(g, w)));
        reward[i] = Math.round(-COST_SCALE * model.continuityCost(g, w));
      }
      groups.add(new GroupEntity(g, Math.round(model.weight(g) * k),
          Math.round(COST_SCALE * model.unallocatedCost(g)), eligible, range, penalty, reward));
    }
    Roster problem = new Roster(workers, groups);

    SolverConfig config = new SolverConfig()
        .withSolutionClass(Roster.class)
        .withEntityClasses(GroupEntity.class)
        .withConstraintProviderClass(Constraints.class)
        .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
        .withRandomSeed(1L)
        .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
    Solver<Roster> solver = SolverFactory.<Roster>create(config).buildSolver();
    List<Answer.Improvement> progress = new ArrayList<>();
    long start = System.nanoTime();
    solver.addEventListener(event -> {
      Roster best = event.getNewBestSolution();
      if (!event.isEveryProblemChangeProcessed() || best.score == null || best.score.hardScore() < 0) {
        return;
      }
      double objective = model.evaluate(best.assignment(model.groups())).total();
      progress.add(new Answer.Improvement(System.nanoTime() - start, objective));
      if (!Double.isNaN(target) && objective <= target + 1e-9 * Math.max(1, Math.abs(target))) {
        solver.terminateEarly();
      }
    });
    Roster solved = solver.solve(problem);
    int[] assign = solved.assignment(model.groups());
    if (solved.score.hardScore() < 0 || model.broken(assign) != null) {
      throw new IllegalStateException("Timefold ended with a score of " + solved.score + " after " + limit
          + ": it breaks a hard rule (" + model.broken(assign) + "); give it longer");
    }
    if (progress.isEmpty() || progress.get(progress.size() - 1).objective() != model.evaluate(assign).total()) {
      progress.add(new Answer.Improvement(System.nanoTime() - start, model.evaluate(assign).total()));
    }
    return new Answer(assign, OptionalDouble.empty(), false, List.copyOf(progress), solved.score);
  }

  // ---------------------------------------------------------------- domain

  /** A worker: free capacity in weighted cases × K, and the balance cost of adding some. */
  public static final class WorkerFact {
    final int index;
    final long free;
    final java.util.function.LongUnaryOperator balance;

    WorkerFact(int index, long free, java.util.function.LongUnaryOperator balance) {
      this.index = index;
      this.free = free;
      this.balance = balance;
    }

    @Override
    public String toString() {
      return "w" + index;
    }
  }

  /** A group of cases that go to one worker; its worker is the planning variable (null: unallocated). */
  @PlanningEntity
  public static final class GroupEntity {
    int index;
    long weight;
    long unallocated;
    int[] eligibleIndex;
    List<WorkerFact> eligible;
    long[] penalty;
    long[] reward;

    @PlanningVariable(valueRangeProviderRefs = "eligible", allowsUnassigned = true)
    WorkerFact worker;

    public GroupEntity() {}

    GroupEntity(int index, long weight, long unallocated, int[] eligibleIndex, List<WorkerFact> eligible,
        long[] penalty, long[] reward) {
      this.index = index;
      this.weight = weight;
      this.unallocated = unallocated;
      this.eligibleIndex = eligibleIndex;
      this.eligible = eligible;
      this.penalty = penalty;
      this.reward = reward;
    }

    @ValueRangeProvider(id = "eligible")
    public List<WorkerFact> eligible() {
      return eligible;
    }

    WorkerFact worker() {
      return worker;
    }

    long weight() {
      return weight;
    }

    long penalty() {
      return penalty[Arrays.binarySearch(eligibleIndex, worker.index)];
    }

    long reward() {
      return reward[Arrays.binarySearch(eligibleIndex, worker.index)];
    }
  }

  /** Workers and groups; the score. */
  @PlanningSolution
  public static final class Roster {
    @ProblemFactCollectionProperty
    List<WorkerFact> workers;

    @PlanningEntityCollectionProperty
    List<GroupEntity> groups;

    @PlanningScore
    HardMediumSoftLongScore score;

    public Roster() {}

    Roster(List<WorkerFact> workers, List<GroupEntity> groups) {
      this.workers = workers;
      this.groups = groups;
    }

    int[] assignment(int n) {
      int[] assign = new int[n];
      for (GroupEntity g : groups) {
        assign[g.index] = g.worker == null ? -1 : g.worker.index;
      }
      return assign;
    }
  }

  /** The hard rules and costs as constraint streams. */
  public static final class Constraints implements ConstraintProvider {
    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
      return new Constraint[] {
          f.forEach(GroupEntity.class)
              .groupBy(GroupEntity::worker, sumLong(GroupEntity::weight))
              .filter((w, added) -> added > w.free)
              .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (w, added) -> added - w.free)
              .asConstraint("capacity"),
          f.forEachIncludingUnassigned(GroupEntity.class)
              .filter(g -> g.worker == null)
              .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, g -> g.unallocated)
              .asConstraint("unallocated"),
          f.forEach(GroupEntity.class)
              .filter(g -> g.penalty() != 0)
              .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, GroupEntity::penalty)
              .asConstraint("transfers and locality"),
          f.forEach(GroupEntity.class)
              .filter(g -> g.reward() != 0)
              .rewardLong(HardMediumSoftLongScore.ONE_SOFT, GroupEntity::reward)
              .asConstraint("continuity"),
          f.forEach(GroupEntity.class)
              .groupBy(GroupEntity::worker, sumLong(GroupEntity::weight))
              .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (w, added) -> w.balance.applyAsLong(added))
              .asConstraint("balance"),
      };
    }
  }
}
