package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * Improves an assignment of a part by moves evaluated from the change they make (delta
 * evaluation), accepting only moves that lower the objective, until none does
 * (a local optimum) or the budget of evaluated moves is spent.
 *
 * <p>Rounds of three phases, over the groups in a fixed order (highest cost of leaving
 * unallocated first), until a round changes nothing:
 * <ol>
 *   <li><b>relocate</b> each group to its best other worker with room, or out (unallocated), or
 *       in from unallocated, until no relocation gains;
 *   <li><b>ejection chains</b> for each group left unallocated: it takes the place of a group of
 *       a full worker, which moves to another worker with room (depth 2), or to a full worker
 *       whose group in turn moves to one with room (depth 3), or is left unallocated when that
 *       costs less; failing that, <b>gathering room</b> at one worker from the scraps of room
 *       of many (see {@link #consolidate});

 *   <li><b>swap</b> each group with a group of one of the few workers it would most like to
 *       move to, when both fit after.
 * </ol>
 * When a round changes nothing, <b>gathering room</b> is tried for each placed group at a full
 * worker where it would cost less, balance apart (one who held the child before, or of its
 * locality), and the rounds go on if that gained; then, on small parts, a few more rounds swap
 * into more workers per group (see {@link #WIDE_SWAP_TARGETS}) to polish the balance.
 * Scans go in a fixed order and ties keep the first move found, so the result depends only on
 * the part, the start and the budget (and on the deadline, when one is given).
 */
final class LocalSearch {
  /** A move must lower the objective by more than this to be taken. */
  static final double MIN_GAIN = 1e-9;
  /** Moves evaluated between two looks at the clock. */
  private static final int CLOCK_EVERY = 4096;

  /** How many of its most attractive workers a group tries to swap into. */
  static final int SWAP_TARGETS = 3;
  /**
   * In the last rounds, on parts of at most {@value #WIDE_MAX_GROUPS} groups (a team's cold
   * start), swaps try this many targets, for at most {@value #WIDE_ROUNDS} rounds: polishing the
   * balance. On larger parts it cost more time than it gained (twice the time of an LA_L cold
   * start for 0.0007% of its objective).
   */
  static final int WIDE_SWAP_TARGETS = 12;
  static final int WIDE_ROUNDS = 2;
  static final int WIDE_MAX_GROUPS = 200;
  /** The number of targets swaps use now, and the rounds of wide swaps started. */
  private int swapTargets = SWAP_TARGETS;
  private int wideRounds;
  /**
   * Workers with most room at which room is gathered for an unallocated group, how many steps at
   * most, and among how many workers with most room a group moved out looks for one to swap with.
   */
  static final int CONSOLIDATE_TARGETS = 3;
  static final int CONSOLIDATE_STEPS = 12;
  static final int GATHER_FROM = 40;
  /**
   * For a placed group, room is gathered at its {@value #PLACED_TARGETS} cheapest full workers in
   * at most {@value #PLACED_STEPS} steps: it gains a placement cost, not a case placed, so it is
   * worth fewer steps (returning siblings to a previous worker took 2 steps on the TEAM family).
   * Many targets: where a peripatetic team takes a dissolved team's children, its workers all cost
   * the same and each has a scrap of room, less than a group; which of them can be made room at
   * in a step or two shows only by trying (LA_M team dissolved: 2 targets 3,200,101.7, 8 targets
   * 096.1, 16 targets 079.6, 32 targets 079.1).
   */
  static final int PLACED_TARGETS = 16;
  static final int PLACED_STEPS = 4;
  /**
   * Rounds in which an unallocated group is tried for ejection chains and gathering room before
   * it is given up: later rounds mostly move load for balance, which seldom makes room for it.
   */
  static final int MAX_FAILURES = 3;

  private final Part part;
  private final int n;
  /** The assignment being improved, with loads and each worker's groups (its arrays are the fields below). */
  private final Holdings holdings;
  private final int[] at;
  /** Position of each group's worker among its options (-1 when unallocated). */
  private final int[] atK;
  private final double[] load;
  private final int[][] members;
  private final int[] count;
  private final int[] pos;
  private final int[] order;
  /** Per group: the least cost of any option, the option giving it, and the least of any other. */
  private final double[] least;
  private final int[] leastAt;
  private final double[] second;
  /** Balance weight, for the bound on what a swap can gain in balance. */
  private final double beta;
  private long budget;
  private final long deadline;
  private long sinceClock;
  private boolean stopped;
  /** The least {@link #leaveFloor} of any placed group at the start of the swap phase, and the heaviest group. */
  private double minFloor;
  private final double maxWeight;
  private int[] byFree;
  private int byFreeCount;
  /** Keeps {@link #byFree} in order as groups move; made at the first sort. */
  private RoomOrder rooms;
  /** Per group: rounds in which no ejection chain nor gathering of room placed it. */
  private final int[] failures;
  /** Per group: the worker it was at when room was last gathered for it elsewhere, or −1. */
  private final int[] gatheredFrom;

  /**
   * @param budget most moves to evaluate
   * @param deadline {@link System#nanoTime()} after which to stop, or {@link Long#MAX_VALUE}
   */
  private LocalSearch(Part part, int[] start, long budget, long deadline) {
    this.part = part;
    this.n = part.size();
    this.holdings = new Holdings(part, start);
    this.at = holdings.at;
    this.atK = new int[n];
    for (int g = 0; g < n; g++) {
      atK[g] = at[g] < 0 ? -1 : part.optionIndex(g, at[g]);
    }
    this.load = holdings.load;
    this.failures = new int[n];
    this.gatheredFrom = new int[n];
    Arrays.fill(gatheredFrom, -1);
    members = holdings.members;
    count = holdings.count;
    pos = holdings.pos;
    order = part.byPriority();
    least = new double[n];
    leastAt = new int[n];
    second = new double[n];
    for (int g = 0; g < n; g++) {
      least[g] = Double.POSITIVE_INFINITY;
      second[g] = Double.POSITIVE_INFINITY;
      leastAt[g] = -1;
      double[] c = part.cost[g];
      for (int k = 0; k < c.length; k++) {
        if (c[k] < least[g]) {
          second[g] = least[g];
          least[g] = c[k];
          leastAt[g] = part.options[g][k];
        } else if (c[k] < second[g]) {
          second[g] = c[k];
        }
      }
    }
    beta = part.problem.policy.balanceWeight();
    double heaviest = 0;
    for (double x : part.weight) {
      heaviest = Math.max(heaviest, x);
    }
    maxWeight = heaviest;
    this.budget = budget;
    this.deadline = deadline;
  }

  /**
   * How much more than its current cost group g would pay at the cheapest other worker, costs
   * apart from balance (≤ 0 for an unallocated group, which any worker may suit).
   */
  private double leaveFloor(int g) {
    int w = at[g];
    if (w < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double other = leastAt[g] == w ? second[g] : least[g];
    return other - current(g);
  }

  /** The improved local assignment; {@code start} must be feasible. */
  static int[] improve(Part part, int[] start, long budget, long deadline) {
    LocalSearch ls = new LocalSearch(part, start, budget, deadline);
    ls.run();
    return ls.at.clone();
  }

  private void run() {
    while (!stopped) {
      boolean changed = false;
      // Relocations to a local optimum: cheap, and they do most of the work.
      boolean improved = true;
      while (improved && !stopped) {
        improved = false;
        for (int i = 0; i < n && !stopped; i++) {
          improved |= relocate(order[i]);
        }
        changed |= improved;
      }
      double failedWeight = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n && !stopped; i++) {
        int g = order[i];
        if (at[g] < 0 && part.options[g].length > 0 && failures[g] < MAX_FAILURES) {
          if (eject(g)) {
            changed = true;
          } else if (part.weight[g] < failedWeight) {
            if (consolidate(g)) {
              changed = true;
            } else {
              failedWeight = part.weight[g]; // a heavier group would fail too
              failures[g]++;
            }
          } else {
            failures[g]++;
          }
        }
      }
      minFloor = Double.POSITIVE_INFINITY;
      for (int g = 0; g < n; g++) {
        if (at[g] >= 0) {
          minFloor = Math.min(minFloor, leaveFloor(g));
        }
      }
      for (int i = 0; i < n && !stopped; i++) {
        int g = order[i];
        if (at[g] >= 0) {
          changed |= swap(g);
        }
      }
      if (!changed) {
        // At a local optimum of the moves above: last, placed groups kept from a cheaper worker
        // (one who held the child before, or of its locality) only because that worker is full
        // gather room there. Each is tried once from each worker it is at: a gathering that
        // failed seldom succeeds later.
        for (int i = 0; i < n && !stopped; i++) {
          int g = order[i];
          if (at[g] >= 0 && gatheredFrom[g] != at[g] && leaveFloor(g) < -MIN_GAIN) {
            gatheredFrom[g] = at[g];
            changed |= consolidate(g);
          }
        }
        if (!changed && wideRounds < WIDE_ROUNDS && n <= WIDE_MAX_GROUPS) {
          wideRounds++;
          swapTargets = WIDE_SWAP_TARGETS;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
  }

  /** Counts one evaluated move; false when the budget or the time is spent. */
  private boolean spend() {
    if (stopped) {
      return false;
    }
    if (--budget < 0) {
      stopped = true;
      return false;
    }
    if (deadline != Long.MAX_VALUE && ++sinceClock >= CLOCK_EVERY) {
      sinceClock = 0;
      if (System.nanoTime() - deadline > 0) {
        stopped = true;
        return false;
      }
    }
    return true;
  }

  /** Cost of taking group {@code g} off its worker (or out of unallocated): its cost and balance change. */
  private double leaving(int g) {
    int w = at[g];
    return w < 0 ? -part.unallocatedCost[g] : -current(g) + part.balanceDelta(w, load[w], -part.weight[g]);
  }

  private boolean relocate(int g) {
    double a = part.weight[g];
    int cur = at[g];
    double out = leaving(g);
    if (cur >= 0) {
      // Taking load on never lowers a worker's balance cost, so no other worker can do better
      // than the cheapest other option's cost, and leaving it unallocated costs its cost.
      double floor = Math.min(leaveFloor(g), part.unallocatedCost[g] - current(g));
      if (floor + (out + current(g)) >= -MIN_GAIN) {
        spend();
        return false;
      }
    }
    int best = Integer.MIN_VALUE;
    double bestDelta = -MIN_GAIN;
    if (cur >= 0 && spend()) {
      double d = out + part.unallocatedCost[g];
      if (d < bestDelta) {
        bestDelta = d;
        best = -1;
      }
    }
    int[] opts = part.options[g];
    for (int k = 0; k < opts.length; k++) {
      int w = opts[k];
      if (w == cur || !spend()) {
        continue;
      }
      if (part.fits(w, load[w], a)) {
        double d = out + part.cost[g][k] + part.balanceDelta(w, load[w], a);
        if (d < bestDelta) {
          bestDelta = d;
          best = w;
        }
      }
    }
    if (best == Integer.MIN_VALUE) {
      return false;
    }
    move(g, best);
    return true;
  }

  /**
   * Keeps the {@code most} cheapest items offered, ascending by key (an equal key after those
   * already kept): offers {@code item} at {@code key} to the {@code size} kept so far in
   * {@code items} and {@code keys} (each at least {@code most} long), and returns how many are kept
   * now. O(size) per offer, for choosing a few of many.
   */
  static int keepCheapest(int[] items, double[] keys, int size, int most, int item, double key) {
    return keepCheapest(items, keys, null, size, most, item, key, 0);
  }

  /**
   * As {@link #keepCheapest(int[], double[], int, int, int, double)}, items of equal key ascending
   * by a second key {@code tie} (kept in {@code ties}; none when it is null).
   */
  static int keepCheapest(int[] items, double[] keys, double[] ties, int size, int most, int item, double key,
      double tie) {
    int i = size < most ? size++ : most;
    while (i > 0 && (keys[i - 1] > key || (keys[i - 1] == key && ties != null && ties[i - 1] > tie))) {
      if (i < most) {
        items[i] = items[i - 1];
        keys[i] = keys[i - 1];
        if (ties != null) {
          ties[i] = ties[i - 1];
        }
      }
      i--;
    }
    if (i < most) {
      items[i] = item;
      keys[i] = key;
      if (ties != null) {
        ties[i] = tie;
      }
    }
    return size;
  }

  /**
   * Swaps group {@code g} with a group of one of the {@link #swapTargets} workers it would most
   * like to move to (room apart), when both fit after and the swap gains. Only workers holding a
   * group of the part are targets: one holding none has no group to swap with (and one with room
   * was a relocation), and in a sparse part, a departure's few cases among hundreds of workers,
   * they were most of the targets.
   */
  private boolean swap(int g) {
    int w1 = at[g];
    double a = part.weight[g];
    double floorG = leaveFloor(g);
    // A swap changes balance by at least -2 x balance weight x |a - b| x utilisation, and
    // utilisation is at most 1 on workers who take groups: skip g when no partner can pay for it.
    if (floorG + minFloor - 2 * beta * (a + maxWeight) * (1 + 1e-6) >= -MIN_GAIN) {
      spend();
      return false;
    }
    double cg1 = current(g);
    int[] opts = part.options[g];
    // The most attractive other workers for g, by what moving there would cost if they had room.
    int most = swapTargets;
    int[] target = new int[most];
    double[] targetCost = new double[most];
    int targets = 0;
    for (int k = 0; k < opts.length; k++) {
      int w2 = opts[k];
      if (w2 == w1 || count[w2] == 0 || !spend()) {
        continue;
      }
      targets = keepCheapest(target, targetCost, targets, most, k, part.cost[g][k] + part.balanceDelta(w2, load[w2], a));
    }
    int bestH = -1;
    double bestDelta = -MIN_GAIN;
    for (int t = 0; t < targets && !stopped; t++) {
      int k = target[t];
      int w2 = opts[k];
      double cg2 = part.cost[g][k];
      int[] mem = members[w2];
      for (int i = 0; i < count[w2]; i++) {
        int h = mem[i];
        if (!spend()) {
          break;
        }
        double b = part.weight[h];
        if (floorG + leaveFloor(h) - 2 * beta * Math.abs(a - b) * (1 + 1e-6) >= -MIN_GAIN) {
          continue;
        }
        int j = part.optionIndex(h, w1);
        if (j < 0) {
          continue;
        }
        if (!part.fits(w1, load[w1] - a, b) || !part.fits(w2, load[w2] - b, a)) {
          continue;
        }
        double d = cg2 - cg1 + part.cost[h][j] - current(h)
            + part.balanceDelta(w1, load[w1], b - a) + part.balanceDelta(w2, load[w2], a - b);
        if (d < bestDelta) {
          bestDelta = d;
          bestH = h;
        }
      }
    }
    if (bestH < 0) {
      return false;
    }
    int w2 = at[bestH];
    move(g, -1);
    move(bestH, w1);
    move(g, w2);
    return true;
  }

  /**
   * For an unallocated group {@code g}: the best ejection chain of depth 2, else the first
   * improving one of depth 3. A chain only goes through workers with enough free room for it to
   * end somewhere: with f the most free room of any worker, a group h ejected for g from w
   * weighs at least a_g − free_w, and at most free_w2 + f if it is to make room at w2 in turn.
   */
  private boolean eject(int g) {
    sortByFreeRoom();
    double a = part.weight[g];
    int[] opts = part.options[g];
    double gain = -part.unallocatedCost[g];
    double most = byFreeCount > 0 ? free(byFree[0]) : 0;
    int bestW = -1;
    int bestH = -1;
    int bestTo = Integer.MIN_VALUE;
    double bestDelta = -MIN_GAIN;
    // depth 2: g -> w, h out of w -> a worker with room, or unallocated
    for (int k = 0; k < opts.length && !stopped; k++) {
      int w = opts[k];
      double in = gain + part.cost[g][k];
      int[] mem = members[w];
      for (int i = 0; i < count[w] && !stopped; i++) {
        int h = mem[i];
        double b = part.weight[h];
        if (!spend() || !part.fits(w, load[w] - b, a)) {
          continue;
        }
        double base = in - current(h) + part.balanceDelta(w, load[w], a - b);
        double d = base + part.unallocatedCost[h];
        if (d < bestDelta) {
          bestDelta = d;
          bestW = w;
          bestH = h;
          bestTo = -1;
        }
        for (int r = 0; r < byFreeCount && free(byFree[r]) + AllocationProblem.EPS >= b; r++) {
          int w2 = byFree[r];
          if (w2 == w || !spend()) {
            continue;
          }
          int j = part.optionIndex(h, w2);
          if (j >= 0 && part.fits(w2, load[w2], b)) {
            d = base + part.cost[h][j] + part.balanceDelta(w2, load[w2], b);
            if (d < bestDelta) {
              bestDelta = d;
              bestW = w;
              bestH = h;
              bestTo = w2;
            }
          }
        }
      }
    }
    if (bestH >= 0) {
      move(bestH, bestTo);
      move(g, bestW);
      return true;
    }
    // depth 3: g -> w (h out), h -> w2 (k out), k -> a worker with room, or unallocated
    for (int kk = 0; kk < opts.length && !stopped; kk++) {
      int w = opts[kk];
      double in = gain + part.cost[g][kk];
      int[] mem = members[w];
      for (int i = 0; i < count[w] && !stopped; i++) {
        int h = mem[i];
        double b = part.weight[h];
        if (!spend() || !part.fits(w, load[w] - b, a)) {
          continue;
        }
        double base = in - current(h) + part.balanceDelta(w, load[w], a - b);
        for (int r = 0; r < byFreeCount && free(byFree[r]) + most + AllocationProblem.EPS >= b && !stopped; r++) {
          int w2 = byFree[r];
          if (w2 == w || !spend()) {
            continue;
          }
          int j = part.optionIndex(h, w2);
          if (j < 0) {
            continue;
          }
          double base2 = base + part.cost[h][j];
          int[] mem2 = members[w2];
          for (int i2 = 0; i2 < count[w2] && !stopped; i2++) {
            int k2 = mem2[i2];
            double c = part.weight[k2];
            if (!spend() || !part.fits(w2, load[w2] - c, b)) {
              continue;
            }
            double base3 = base2 - current(k2) + part.balanceDelta(w2, load[w2], b - c);
            if (base3 + part.unallocatedCost[k2] < -MIN_GAIN) {
              move(k2, -1);
              move(h, w2);
              move(g, w);
              return true;
            }
            for (int r3 = 0; r3 < byFreeCount && free(byFree[r3]) + AllocationProblem.EPS >= c; r3++) {
              int w3 = byFree[r3];
              if (w3 == w || w3 == w2 || !spend()) {
                continue;
              }
              int l = part.optionIndex(k2, w3);
              if (l >= 0 && part.fits(w3, load[w3], c)
                  && base3 + part.cost[k2][l] + part.balanceDelta(w3, load[w3], c) < -MIN_GAIN) {
                move(k2, w3);
                move(h, w2);
                move(g, w);
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- gathering room

  /**
   * Gathers room for group g at one of its workers T, from the scraps of room of many: T's groups
   * are moved out one step at a time, each step the one that frees most of the room T still lacks
   * for g (room beyond that counts for nothing), the cheapest of those: a group of T relocated to
   * any of its workers with room for it, or swapped for a lighter group of one of the
   * {@value #GATHER_FROM} workers with most room that has room for the difference. When T has room
   * for g, g goes there; the whole sequence is kept if it lowers the objective, and undone
   * otherwise.
   *
   * <p>For an unallocated group that no short ejection chain places, T is tried among its workers
   * with most room (the sequence costs some balance and gains the cost of leaving g unallocated).
   * For a placed group, T is tried among the full workers where g would cost less, balance apart
   * (a worker who held the child before, or one of its locality): such a move needs room made by
   * moving two or more groups, which no relocation, swap or ejection chain of one group does.
   */
  private boolean consolidate(int g) {
    double a = part.weight[g];
    int from = at[g];
    sortByFreeRoom();
    int tries = 0;
    int[] targets = new int[Math.max(CONSOLIDATE_TARGETS, PLACED_TARGETS)];
    if (from < 0) {
      for (int r = 0; r < byFreeCount && tries < CONSOLIDATE_TARGETS; r++) {
        if (part.optionIndex(g, byFree[r]) >= 0) {
          targets[tries++] = byFree[r];
        }
      }
    } else {
      tries = cheaperFullWorkers(g, targets, PLACED_TARGETS);
      if (tries == 0) {
        return false;
      }
    }
    // Taking g out of where it is: the base of every sequence below.
    double base = from < 0 ? -part.unallocatedCost[g] : leaving(g);
    if (from >= 0) {
      move(g, -1);
    }
    int steps = from < 0 ? CONSOLIDATE_STEPS : PLACED_STEPS;
    // undo log of each target's sequence: group, worker it came from
    int[] logGroup = new int[2 * steps];
    int[] logFrom = new int[2 * steps];
    for (int t = 0; t < tries && !stopped; t++) {
      int target = targets[t];
      int logged = 0;
      double delta = 0;
      for (int step = 0; step < steps && !part.fits(target, load[target], a) && !stopped; step++) {
        sortByFreeRoom();
        int bestX = -1;
        int bestO = -1;
        int bestY = -1;
        double bestFreed = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        // Room freed beyond what g still needs is worth nothing: of the steps that free enough, the cheapest.
        double need = a - free(target);
        int[] mem = members[target];
        for (int i = 0; i < count[target]; i++) {
          int x = mem[i];
          double ax = part.weight[x];
          double outX = -current(x);
          // x to any of its workers with room for it
          double usefulOut = Math.min(ax, need);
          double outOfTarget = part.balanceDelta(target, load[target], -ax);
          int[] optsX = part.options[x];
          for (int kx = 0; kx < optsX.length; kx++) {
            int o = optsX[kx];
            if (o == target || !spend() || !part.fits(o, load[o], ax)) {
              continue;
            }
            double cost = outX + part.cost[x][kx] + outOfTarget + part.balanceDelta(o, load[o], ax);
            if (usefulOut > bestFreed + 1e-12 || (usefulOut >= bestFreed - 1e-12 && cost < bestCost)) {
              bestFreed = usefulOut;
              bestCost = cost;
              bestX = x;
              bestO = o;
              bestY = -1;
            }
          }
          // x swapped for a lighter group of one of the workers with most room
          for (int r = 0; r < Math.min(byFreeCount, GATHER_FROM); r++) {
            int o = byFree[r];
            double freeO = free(o);
            if (o == target || freeO <= 0 || part.fits(o, load[o], ax) || !spend()) {
              continue;
            }
            int kx = part.optionIndex(x, o);
            if (kx < 0) {
              continue;
            }
            int[] memO = members[o];
            for (int j = 0; j < count[o]; j++) {
              int y = memO[j];
              double ay = part.weight[y];
              double freed = ax - ay;
              double useful = Math.min(freed, need);
              if (freed <= 0 || useful < bestFreed - 1e-12 || !part.fits(o, load[o] - ay, ax)) {
                continue;
              }
              int ky = part.optionIndex(y, target);
              if (ky < 0) {
                continue;
              }
              double cost = outX + part.cost[x][kx] - current(y) + part.cost[y][ky]
                  + part.balanceDelta(target, load[target], -freed) + part.balanceDelta(o, load[o], freed);
              if (useful > bestFreed + 1e-12 || cost < bestCost) {
                bestFreed = useful;
                bestCost = cost;
                bestX = x;
                bestO = o;
                bestY = y;
              }
            }
          }
        }
        if (bestX < 0) {
          break;
        }
        delta += bestCost;
        logGroup[logged] = bestX;
        logFrom[logged++] = target;
        if (bestY >= 0) {
          logGroup[logged] = bestY;
          logFrom[logged++] = bestO;
          move(bestY, -1);
          move(bestX, bestO);
          move(bestY, target);
        } else {
          move(bestX, bestO);
        }
      }
      if (part.fits(target, load[target], a)) {
        int k = part.optionIndex(g, target);
        double insert = base + part.cost[g][k] + part.balanceDelta(target, load[target], a);
        if (delta + insert < -MIN_GAIN) {
          move(g, target);
          return true;
        }
      }
      // Undo: take every moved group out, then put each back where it first was (a group may
      // have moved twice: into the target in a swap, then out again).
      for (int i = logged - 1; i >= 0; i--) {
        move(logGroup[i], -1);
      }
      for (int i = 0; i < logged; i++) {
        if (at[logGroup[i]] < 0) {
          move(logGroup[i], logFrom[i]);
        }
      }
    }
    if (from >= 0) {
      move(g, from);
    }
    return false;
  }

  /**
   * The workers (at most {@code most}) where placed group g would cost less than where it is,
   * balance apart, and that have no room for it: cheapest first, then those with most room (least
   * to gather: workers of one kind, a peripatetic team's, often cost the same), then by index.
   * Their count; {@code targets} holds them.
   */
  private int cheaperFullWorkers(int g, int[] targets, int most) {
    double now = current(g);
    double[] cost = part.cost[g];
    int[] opts = part.options[g];
    double[] targetCost = new double[targets.length];
    double[] targetRoom = new double[targets.length];
    int found = 0;
    for (int k = 0; k < opts.length; k++) {
      int w = opts[k];
      if (!(cost[k] < now - MIN_GAIN) || w == at[g] || part.fits(w, load[w], part.weight[g])) {
        continue;
      }
      found = keepCheapest(targets, targetCost, targetRoom, found, most, w, cost[k], -free(w));
    }
    return found;
  }

  /** Cost of group g where it is now. */
  private double current(int g) {
    return atK[g] < 0 ? part.unallocatedCost[g] : part.cost[g][atK[g]];
  }

  private double free(int w) {
    return part.capacity(w) - load[w];
  }

  /** Sets {@link #byFree}: workers by free room, most first (ties by index). */
  private void sortByFreeRoom() {
    if (rooms == null) {
      double[] capacity = new double[load.length];
      for (int w = 0; w < capacity.length; w++) {
        capacity[w] = part.capacity(w);
      }
      rooms = new RoomOrder(capacity, load);
    }
    byFree = rooms.sorted();
    byFreeCount = byFree.length;
  }

  private void move(int g, int w) {
    if (rooms != null) {
      rooms.changed(at[g]);
      rooms.changed(w);
    }
    holdings.move(g, w);
    atK[g] = w < 0 ? -1 : part.optionIndex(g, w);
  }
}
