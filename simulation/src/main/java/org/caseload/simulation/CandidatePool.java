package org.caseload.simulation;

import java.util.Arrays;

/**
 * The workers who may take one service's cases now (in post, not absent), in groups of equal
 * capacity and equal role protections, each group a heap with its least loaded worker on top.
 *
 * <p>Why groups: the balance cost of giving a case of weight {@code a} to a worker with load
 * {@code L} and capacity {@code C} is {@code balanceWeight × ((L + a)² − L²) ÷ C}, which for
 * equal {@code C} grows with {@code L} whatever {@code a} is; and room {@code C − L} shrinks with
 * it. So within a group the least loaded worker is both the cheapest and the one with most room,
 * and the cheapest allowed worker of the service is among the groups' tops (and the case's last
 * worker, who earns the continuity bonus): a handful of workers to price instead of every one.
 *
 * <p>Each worker has a stamp, the order in which they joined the service's list: among equally
 * cheap workers the earliest comes first, as when the list is scanned in order. Loads are keys:
 * {@link #setLoad} must follow every change. Not thread-safe: engine state of one replication.
 */
final class CandidatePool {
  private double[] groupCapacity = new double[4];
  private long[] groupHolds = new long[4];
  private int[][] heap = new int[4][];
  private int[] heapSize = new int[4];
  private int groups;

  // by worker
  private int[] groupOf = new int[0];
  private int[] position = new int[0];
  private double[] load = new double[0];
  private long[] stamp = new long[0];
  private long nextStamp;

  /** Number of groups (groups are never removed; an empty one has no top). */
  int groups() {
    return groups;
  }

  /** The capacity of group {@code g}'s workers, in weighted cases. */
  double capacity(int g) {
    return groupCapacity[g];
  }

  /** The role protections of group {@code g}'s workers, as the engine's bits of allowed cases. */
  long holds(int g) {
    return groupHolds[g];
  }

  /** The least loaded worker of group {@code g} (earliest stamp among equals), or -1 if it is empty. */
  int top(int g) {
    return heapSize[g] == 0 ? -1 : heap[g][0];
  }

  /** Whether worker {@code w} is in the pool. */
  boolean contains(int w) {
    return w < groupOf.length && groupOf[w] >= 0;
  }

  /** Whether worker {@code w} has a place in the service's list (in the pool or not). */
  boolean hasStamp(int w) {
    return w < stamp.length && stamp[w] >= 0;
  }

  /** Worker {@code w}'s place in the service's list. */
  long stamp(int w) {
    return stamp[w];
  }

  /** Gives worker {@code w} the next place in the service's list (they join it, or come back to it). */
  void stampNext(int w) {
    grow(w);
    stamp[w] = nextStamp++;
  }

  /** Takes worker {@code w} off the service's list (and out of the pool). */
  void forget(int w) {
    remove(w);
    if (w < stamp.length) {
      stamp[w] = -1;
    }
  }

  /**
   * Puts worker {@code w}, who has a stamp, in the group of their capacity and protections with
   * their load; moves them if they were in another group.
   */
  void put(int w, double capacity, long holds, double workerLoad) {
    if (!hasStamp(w)) {
      throw new IllegalStateException("worker " + w + " has no place in the list");
    }
    int g = group(capacity, holds);
    if (groupOf[w] == g) {
      setLoad(w, workerLoad);
      return;
    }
    remove(w);
    if (heapSize[g] == heap[g].length) {
      heap[g] = Arrays.copyOf(heap[g], heap[g].length * 2);
    }
    int i = heapSize[g]++;
    heap[g][i] = w;
    position[w] = i;
    groupOf[w] = g;
    load[w] = workerLoad;
    up(g, i);
  }

  /** Takes worker {@code w} out of the pool, if in it (they keep their stamp). */
  void remove(int w) {
    if (!contains(w)) {
      return;
    }
    int g = groupOf[w];
    int i = position[w];
    int last = --heapSize[g];
    groupOf[w] = -1;
    if (i != last) {
      int moved = heap[g][last];
      heap[g][i] = moved;
      position[moved] = i;
      if (!up(g, i)) {
        down(g, i);
      }
    }
  }

  /** Worker {@code w}'s load changed (if they are in the pool). */
  void setLoad(int w, double workerLoad) {
    if (!contains(w)) {
      return;
    }
    double before = load[w];
    load[w] = workerLoad;
    int i = position[w];
    // Only sift when there is somewhere to go: at every allocation, so the common cases (the top
    // getting lighter, a worker without children getting busier, a group of one) cost nothing more.
    if (workerLoad < before) {
      if (i > 0) {
        up(groupOf[w], i);
      }
    } else if (workerLoad > before) {
      int g = groupOf[w];
      if (2 * i + 1 < heapSize[g]) {
        down(g, i);
      }
    }
  }

  private int group(double capacity, long holds) {
    for (int g = 0; g < groups; g++) {
      // Exact equality: a group's workers share one capacity value, so the top's room is the group's best.
      if (groupCapacity[g] == capacity && groupHolds[g] == holds) {
        return g;
      }
    }
    if (groups == groupCapacity.length) {
      int n = groups * 2;
      groupCapacity = Arrays.copyOf(groupCapacity, n);
      groupHolds = Arrays.copyOf(groupHolds, n);
      heap = Arrays.copyOf(heap, n);
      heapSize = Arrays.copyOf(heapSize, n);
    }
    groupCapacity[groups] = capacity;
    groupHolds[groups] = holds;
    heap[groups] = new int[8];
    return groups++;
  }

  private void grow(int w) {
    if (w >= groupOf.length) {
      int n = Math.max(w + 1, groupOf.length * 2);
      int old = groupOf.length;
      groupOf = Arrays.copyOf(groupOf, n);
      position = Arrays.copyOf(position, n);
      load = Arrays.copyOf(load, n);
      stamp = Arrays.copyOf(stamp, n);
      Arrays.fill(groupOf, old, n, -1);
      Arrays.fill(stamp, old, n, -1L);
    }
  }

  /** Whether worker {@code a} comes before worker {@code b}: lighter, or as light and earlier in the list. */
  private boolean before(int a, int b) {
    return load[a] < load[b] || (load[a] == load[b] && stamp[a] < stamp[b]);
  }

  private boolean up(int g, int i) {
    int[] h = heap[g];
    int w = h[i];
    int start = i;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(w, h[parent])) {
        break;
      }
      h[i] = h[parent];
      position[h[i]] = i;
      i = parent;
    }
    h[i] = w;
    position[w] = i;
    return i != start;
  }

  private void down(int g, int i) {
    int[] h = heap[g];
    int n = heapSize[g];
    int w = h[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && before(h[child + 1], h[child])) {
        child++;
      }
      if (!before(h[child], w)) {
        break;
      }
      h[i] = h[child];
      position[h[i]] = i;
      i = child;
    }
    h[i] = w;
    position[w] = i;
  }
}
