package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * Workers by free room (capacity − load, weighted cases), most first, ties by index, kept in
 * order as a search moves groups: the search says whose load changed, and {@link #sorted} mends
 * the last order (the changed workers taken out and put back each in its place by binary search)
 * or, after many changes, sorts again. The order is a total one, so the result does not depend on
 * how it is reached. Reads the search's own load array. Not thread-safe: one per search.
 */
final class RoomOrder {
  /** Most changed workers mended by insertion; past this, {@link #sorted} sorts them all. */
  static final int MAX_MENDED = 16;

  private final double[] capacity;
  private final double[] load;
  private final int[] order;
  /** The workers whose load changed since the last {@link #sorted}, marked, and how many (more than {@code changed} holds: sort all). */
  private final int[] changed = new int[MAX_MENDED];
  private final boolean[] marked;
  private int changedCount = Integer.MAX_VALUE;

  /**
   * @param capacity each worker's capacity, weighted cases (copied)
   * @param load each worker's load, weighted cases: the caller's array, read at each {@link #sorted}
   */
  RoomOrder(double[] capacity, double[] load) {
    this.capacity = capacity.clone();
    this.load = load;
    int m = capacity.length;
    order = new int[m];
    for (int w = 0; w < m; w++) {
      order[w] = w;
    }
    marked = new boolean[m];
  }

  /** Notes that worker {@code w}'s load changed (nothing for −1, no worker). */
  void changed(int w) {
    if (w < 0 || changedCount > changed.length || marked[w]) {
      return; // no worker, already too many (at first, before any sort, always), or noted
    }
    if (changedCount == changed.length) {
      changedCount++; // too many: the next sort is a full one
      return;
    }
    marked[w] = true;
    changed[changedCount++] = w;
  }

  /** The workers by free room now, most first, ties by index (this object's array: read it only). */
  int[] sorted() {
    int m = order.length;
    if (changedCount > changed.length) {
      Integer[] boxed = new Integer[m];
      for (int i = 0; i < m; i++) {
        boxed[i] = order[i];
      }
      Arrays.sort(boxed, (x, y) -> before(x, y) ? -1 : before(y, x) ? 1 : 0);
      for (int i = 0; i < m; i++) {
        order[i] = boxed[i];
      }
      Arrays.fill(marked, false);
    } else if (changedCount > 0) {
      // the others keep their room, so they stay in order once the changed ones are out
      int kept = 0;
      for (int i = 0; i < m; i++) {
        int w = order[i];
        if (!marked[w]) {
          order[kept++] = w;
        }
      }
      for (int c = 0; c < changedCount; c++) {
        int w = changed[c];
        marked[w] = false;
        int lo = 0;
        int hi = kept;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (before(order[mid], w)) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        System.arraycopy(order, lo, order, lo + 1, kept - lo);
        order[lo] = w;
        kept++;
      }
    }
    changedCount = 0;
    return order;
  }

  /** True if worker x comes before worker y: more free room, or as much and a lower index. */
  private boolean before(int x, int y) {
    int c = Double.compare(capacity[x] - load[x], capacity[y] - load[y]);
    return c > 0 || (c == 0 && x < y);
  }
}
