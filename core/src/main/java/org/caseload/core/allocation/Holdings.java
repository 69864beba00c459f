package org.caseload.core.allocation;

import java.util.Arrays;

/**
 * A part's assignment as a search changes it: each group's worker ({@code at}, -1 when
 * unallocated), each worker's weighted load, and each worker's groups in a list with each
 * group's place in it, so that moving a group costs a constant. The searches keep these arrays as
 * their own fields (the same arrays) and move groups only with {@link #move}. Not thread-safe: one
 * per search.
 */
final class Holdings {
  private final Part part;
  /** Each group's worker (local index), or -1. */
  final int[] at;
  /** Each worker's load, in weighted cases. */
  final double[] load;
  /**
   * Each worker's groups, the first {@code count[w]} of {@code members[w]}; a worker who never
   * held one has {@link #NONE} (most workers of a large part take no group of a small request).
   */
  final int[][] members;
  final int[] count;
  /** Each allocated group's place in its worker's list. */
  final int[] pos;

  /** The holdings of {@code start} (copied). */
  Holdings(Part part, int[] start) {
    this.part = part;
    int n = part.size();
    int m = part.workerCount();
    at = start.clone();
    load = part.loads(at);
    members = new int[m][];
    Arrays.fill(members, NONE);
    count = new int[m];
    pos = new int[n];
    for (int g = 0; g < n; g++) {
      if (at[g] >= 0) {
        add(g, at[g]);
      }
    }
  }

  /** Moves group {@code g} to worker {@code w} (-1: unallocated), loads and lists following. */
  void move(int g, int w) {
    int cur = at[g];
    if (cur >= 0) {
      load[cur] -= part.weight[g];
      int i = pos[g];
      int last = members[cur][--count[cur]];
      members[cur][i] = last;
      pos[last] = i;
    }
    at[g] = w;
    if (w >= 0) {
      load[w] += part.weight[g];
      add(g, w);
    }
  }

  /** The groups of a worker who never held one: shared and never written, as its length is 0. */
  private static final int[] NONE = new int[0];

  private void add(int g, int w) {
    if (count[w] == members[w].length) {
      members[w] = Arrays.copyOf(members[w], Math.max(4, 2 * count[w]));
    }
    pos[g] = count[w];
    members[w][count[w]++] = g;
  }
}
