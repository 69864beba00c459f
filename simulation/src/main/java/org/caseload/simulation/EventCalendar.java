package org.caseload.simulation;

import java.util.Arrays;

/**
 * The engine's calendar: a 4-ary heap of events ordered by time, then by the order they were
 * scheduled (so that events at the same instant happen in a fixed order and runs repeat
 * exactly). Events are (time, kind, subject) triples held in parallel primitive arrays: no
 * object per event. The kind rides in the low bits of the scheduling order, which it does not
 * change (orders are distinct before the kind is added), so an event is three numbers. A 4-ary
 * heap is half as deep as a binary one, and a node's children lie side by side in memory.
 * Not thread-safe: one calendar per replication.
 *
 * <p>Recurring events that must come first at their instant (the weekly snapshot) are scheduled
 * with {@link #scheduleAhead}, one occurrence at a time: they precede every event scheduled
 * with {@link #schedule} at the same instant, whenever that was scheduled, so the heap need not
 * hold a whole horizon of them in advance to keep that order.
 */
final class EventCalendar {
  /** Bits of the order word that hold the kind. */
  private static final int KIND_BITS = 5;
  private static final long KIND_MASK = (1L << KIND_BITS) - 1;
  /** Kinds are in [0, {@value #KINDS}). */
  static final int KINDS = 1 << KIND_BITS;

  private double[] time = new double[1024];
  /** The scheduling order, shifted left by {@link #KIND_BITS}, with the kind in the low bits. */
  private long[] order = new long[1024];
  private long[] subject = new long[1024];
  private int size;
  private long scheduled;

  /** Schedules event {@code kind} (in [0, {@value #KINDS})) about {@code subject} at {@code at} (weeks). */
  void schedule(double at, int eventKind, long eventSubject) {
    insert(at, (scheduled++ << KIND_BITS) | kind(eventKind), eventSubject);
  }

  /**
   * Schedules an event that comes before every event scheduled with {@link #schedule} at the
   * same instant; among such events, lower {@code rank} first (ranks from 0, each used once).
   */
  void scheduleAhead(double at, int eventKind, long eventSubject, long rank) {
    insert(at, ((Long.MIN_VALUE >> KIND_BITS) + rank << KIND_BITS) | kind(eventKind), eventSubject);
  }

  private static long kind(int eventKind) {
    if (eventKind < 0 || eventKind >= KINDS) {
      throw new IllegalArgumentException("event kind must be in [0, " + KINDS + ") but was " + eventKind);
    }
    return eventKind;
  }

  private void insert(double at, long o, long eventSubject) {
    if (size == time.length) {
      int n = size * 2;
      time = Arrays.copyOf(time, n);
      order = Arrays.copyOf(order, n);
      subject = Arrays.copyOf(subject, n);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!before(at, o, time[parent], order[parent])) {
        break;
      }
      time[i] = time[parent];
      order[i] = order[parent];
      subject[i] = subject[parent];
      i = parent;
    }
    time[i] = at;
    order[i] = o;
    subject[i] = eventSubject;
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
    return (int) (order[0] & KIND_MASK);
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
    long s = subject[last];
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= last) {
        break;
      }
      // The earliest of up to four children.
      int child = first;
      int end = Math.min(first + 4, last);
      for (int c = first + 1; c < end; c++) {
        if (before(time[c], order[c], time[child], order[child])) {
          child = c;
        }
      }
      if (!before(time[child], order[child], t, o)) {
        break;
      }
      time[i] = time[child];
      order[i] = order[child];
      subject[i] = subject[child];
      i = child;
    }
    time[i] = t;
    order[i] = o;
    subject[i] = s;
  }

  int size() {
    return size;
  }

  private static boolean before(double t1, long o1, double t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }
}
