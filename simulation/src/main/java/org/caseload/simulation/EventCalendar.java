package org.caseload.simulation;

import java.util.Arrays;

/**
 * The engine's calendar: a binary heap of events ordered by time, then by the order they were
 * scheduled (so that events at the same instant happen in a fixed order and runs repeat
 * exactly). Events are (time, kind, subject) triples held in parallel primitive arrays: no
 * object per event. Not thread-safe: one calendar per replication.
 *
 * <p>Recurring events that must come first at their instant (the weekly snapshot) are scheduled
 * with {@link #scheduleAhead}, one occurrence at a time: they precede every event scheduled
 * with {@link #schedule} at the same instant, whenever that was scheduled, so the heap need not
 * hold a whole horizon of them in advance to keep that order.
 */
final class EventCalendar {
  private double[] time = new double[1024];
  private long[] order = new long[1024];
  private int[] kind = new int[1024];
  private long[] subject = new long[1024];
  private int size;
  private long scheduled;

  /** Schedules event {@code kind} about {@code subject} at {@code at} (weeks). */
  void schedule(double at, int eventKind, long eventSubject) {
    insert(at, scheduled++, eventKind, eventSubject);
  }

  /**
   * Schedules an event that comes before every event scheduled with {@link #schedule} at the
   * same instant; among such events, lower {@code rank} first (ranks from 0, each used once).
   */
  void scheduleAhead(double at, int eventKind, long eventSubject, long rank) {
    insert(at, Long.MIN_VALUE + rank, eventKind, eventSubject);
  }

  private void insert(double at, long o, int eventKind, long eventSubject) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      kind = Arrays.copyOf(kind, n);
      subject = Arrays.copyOf(subject, n);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(at, o, time[parent], order[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, at, o, eventKind, eventSubject);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Time of the next event; only when not empty. */
  double nextTime() {
    return time[0];
  }

  /** Kind of the next event; only when not empty. */
  int nextKind() {
    return kind[0];
  }

  /** Subject of the next event; only when not empty. */
  long nextSubject() {
    return subject[0];
  }

  /** Removes the next event. */
  void pop() {
    int last = --size;
    if (last == 0) {
      return;
    }
    double t = time[last];
    long o = order[last];
    int k = kind[last];
    long s = subject[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && before(time[child + 1], order[child + 1], time[child], order[child])) {
        child++;
      }
      if (!before(time[child], order[child], t, o)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, t, o, k, s);
  }

  int size() {
    return size;
  }

  private static boolean before(double t1, long o1, double t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  private void move(int from, int to) {
    time[to] = time[from];
    order[to] = order[from];
    kind[to] = kind[from];
    subject[to] = subject[from];
  }

  private void set(int i, double t, long o, int k, long s) {
    time[i] = t;
    order[i] = o;
    kind[i] = k;
    subject[i] = s;
  }
}
