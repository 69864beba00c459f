package org.caseload.benchmarks.allocation.peers;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.caseload.benchmarks.allocation.AllocationModel;
import org.caseload.benchmarks.allocation.Answer;
import org.caseload.benchmarks.allocation.Contender;

/**
 * Google OR-Tools' CP-SAT on the weighted version, for the exact or best-known objective of the
 * small families ({@code TEAM}, {@code LA_S}).
 *
 * <p>The model: a Boolean x[g][w] for each group and each worker allowed to take it, at most one
 * per group (none: unallocated); per worker, an integer load l = K × (fixed load + Σ weight × x)
 * within K × capacity; and a variable s ≥ l², written as the tangents s ≥ 2al − a² at every
 * integer a of l's range (exact at integer l, and linear, so the LP relaxation is tight).
 *
 * <p>Scaling, so that every number is an integer: weights and capacities × K, the smallest
 * K ≤ 1,000 that makes every weight an integer (K = 7 with the default complexity multipliers
 * 4/7, 1 and 10/7; capacities rounded down, which is exact as loads are multiples of 1/K); the
 * objective × {@link #OBJECTIVE_SCALE} with each coefficient rounded, the balance coefficient
 * balanceWeight ÷ (capacity × K²) included — so CP-SAT optimises an objective within about
 * 10⁻⁵ of ours, relative, per term. Its answers are priced by our own formula
 * ({@link AllocationModel#evaluate}); its bound is the bound of the rounded objective, ÷ the scale.
 *
 * <p>Raced against ours, the only hint given is the trivial legal answer (every case unallocated),
 * so that CP-SAT always has a solution to return even with a short limit. Started from our answer
 * (the second constructor), it looks for the best-known objective and proves a bound.
 */
public final class OrToolsCpSat implements Contender {
  /** Objective units × this, rounded per coefficient. */
  public static final double OBJECTIVE_SCALE = 1e6;

  static {
    Loader.loadNativeLibraries();
  }

  private final double seconds;
  private final int threads;
  private final int[] hint;

  /** CP-SAT stopping after {@code seconds}, searching with {@code threads} workers. */
  public OrToolsCpSat(double seconds, int threads) {
    this(seconds, threads, null);
  }

  /**
   * CP-SAT started from {@code hint} (an assignment, group → worker or -1), for the best-known
   * objective and a bound on it rather than for a race: given our answer, it can only improve it.
   */
  public OrToolsCpSat(double seconds, int threads, int[] hint) {
    this.seconds = seconds;
    this.threads = threads;
    this.hint = hint == null ? null : hint.clone();
  }

  @Override
  public String name() {
    return hint == null ? "or-tools cp-sat" : "or-tools cp-sat from ours";
  }

  @Override
  public Answer solve(AllocationModel model) {
    long start = System.nanoTime();
    int k = weightScale(model);
    CpModel cp = new CpModel();
    int n = model.groups();
    int m = model.workers();
    BoolVar[][] x = new BoolVar[n][];
    List<List<BoolVar>> byWorker = new ArrayList<>();
    List<List<Long>> weightsByWorker = new ArrayList<>();
    for (int w = 0; w < m; w++) {
      byWorker.add(new ArrayList<>());
      weightsByWorker.add(new ArrayList<>());
    }
    long[] hintedLoad = new long[m];
    if (hint != null) {
      for (int g = 0; g < n; g++) {
        if (hint[g] >= 0) {
          hintedLoad[hint[g]] += Math.round(model.weight(g) * k);
        }
      }
    }
    LinearExprBuilder objective = LinearExpr.newBuilder();
    long constant = 0;
    for (int g = 0; g < n; g++) {
      int[] eligible = model.eligible(g);
      x[g] = new BoolVar[eligible.length];
      long unallocated = Math.round(model.unallocatedCost(g) * OBJECTIVE_SCALE);
      constant += unallocated; // paid unless placed: unallocated × (1 − Σx)
      for (int i = 0; i < eligible.length; i++) {
        int w = eligible[i];
        x[g][i] = cp.newBoolVar("x" + g + "_" + w);
        // Without a hint of ours, the trivial answer (nothing placed), which is legal: CP-SAT always has one.
        cp.addHint(x[g][i], hint != null && hint[g] == w ? 1 : 0);
        byWorker.get(w).add(x[g][i]);
        weightsByWorker.get(w).add(Math.round(model.weight(g) * k));
        objective.addTerm(x[g][i], Math.round(model.placementCost(g, w) * OBJECTIVE_SCALE) - unallocated);
      }
      if (eligible.length > 1) {
        cp.addAtMostOne(x[g]);
      }
    }
    objective.add(constant);
    long balanceConstant = 0;
    for (int w = 0; w < m; w++) {
      List<BoolVar> vars = byWorker.get(w);
      if (vars.isEmpty()) {
        continue;
      }
      long fixed = Math.round(model.fixedLoad(w) * k);
      long cap = Math.max(fixed, (long) Math.floor(model.capacity(w) * k + 1e-6));
      long[] wts = weightsByWorker.get(w).stream().mapToLong(Long::longValue).toArray();
      LinearExpr added = LinearExpr.weightedSum(vars.toArray(new BoolVar[0]), wts);
      cp.addLessOrEqual(added, cap - fixed);
      long most = Math.min(cap, fixed + Arrays.stream(wts).sum());
      if (model.balanceWeight() == 0 || most == fixed) {
        continue;
      }
      IntVar load = cp.newIntVar(fixed, most, "l" + w);
      cp.addEquality(LinearExpr.affine(added, 1, fixed), load);
      IntVar square = cp.newIntVar(fixed * fixed, most * most, "s" + w);
      long hinted = fixed + hintedLoad[w];
      cp.addHint(load, hinted);
      cp.addHint(square, hinted * hinted);
      for (long a = fixed; a <= most; a++) {
        // square ≥ 2a·load − a²
        cp.addGreaterOrEqual(LinearExpr.newBuilder().add(square).addTerm(load, -2 * a).build(), -a * a);
      }
      long coefficient = Math.round(OBJECTIVE_SCALE * model.balanceWeight() / (model.capacity(w) * k * k));
      objective.addTerm(square, coefficient);
      balanceConstant += coefficient * fixed * fixed;
    }
    objective.add(-balanceConstant);
    cp.minimize(objective.build());

    CpSolver solver = new CpSolver();
    solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(threads).setRandomSeed(1);
    List<Answer.Improvement> progress = new ArrayList<>();
    int[][] best = new int[1][];
    CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
      @Override
      public void onSolutionCallback() {
        int[] assign = read(model, x, this::booleanValue);
        best[0] = assign;
        progress.add(new Answer.Improvement(System.nanoTime() - start, model.evaluate(assign).total()));
      }
    };
    CpSolverStatus status = solver.solve(cp, callback);
    if (best[0] == null) {
      return Answer.none("CP-SAT found no solution in " + seconds + " s (status " + status + ", "
          + solver.wallTime() + " s wall time)");
    }
    double bound = solver.bestObjectiveBound() / OBJECTIVE_SCALE;
    return new Answer(best[0], OptionalDouble.of(bound), status == CpSolverStatus.OPTIMAL, List.copyOf(progress),
        status);
  }

  private static int[] read(AllocationModel model, BoolVar[][] x, java.util.function.Function<BoolVar, Boolean> value) {
    int[] assign = new int[model.groups()];
    Arrays.fill(assign, -1);
    for (int g = 0; g < x.length; g++) {
      for (int i = 0; i < x[g].length; i++) {
        if (value.apply(x[g][i])) {
          assign[g] = model.eligible(g)[i];
        }
      }
    }
    return assign;
  }

  /** The smallest K ≤ 1,000 that makes every group's weight and every fixed load a whole number × 1/K. */
  static int weightScale(AllocationModel model) {
    for (int k = 1; k <= 1000; k++) {
      if (whole(model, k)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no scale up to 1,000 makes every weight an integer in " + model
        + "; CP-SAT needs integer weights");
  }

  private static boolean whole(AllocationModel model, int k) {
    for (int g = 0; g < model.groups(); g++) {
      double v = model.weight(g) * k;
      if (Math.abs(v - Math.rint(v)) > 1e-6) {
        return false;
      }
    }
    for (int w = 0; w < model.workers(); w++) {
      double v = model.fixedLoad(w) * k;
      if (Math.abs(v - Math.rint(v)) > 1e-6) {
        return false;
      }
    }
    return true;
  }
}
