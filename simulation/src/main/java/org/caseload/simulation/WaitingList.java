package org.caseload.simulation;

import java.util.Arrays;

/**
 * The cases of one service waiting for a worker, in the order they are offered: by a first key
 * ascending (the engine passes minus the category's unallocated cost, so the highest risk comes
 * first), then a second key ascending (the time the case started waiting), then a serial number
 * that is unique per item — the order of a sorted set with that comparator (keys compared as by
 * {@link Double#compare}), kept in a sorted array: waiting lists are short, items arrive nearly
 * in order, and the engine walks them from the front far more often than it changes them.
 *
 * <p>A sweep walks the list from the front and may drop the items it visits ({@link #sweep()},
 * {@link #next()}, {@link #dropCurrent()}, {@link #endSweep()}); nothing else may change the
 * list during a sweep. Not thread-safe: engine state of one replication.
 *
 * @param <T> the items
 */
final class WaitingList<T> {
  private Object[] items = new Object[8];
  private double[] first = new double[8];
  private double[] second = new double[8];
  private long[] serial = new long[8];
  /**
   * The list is {@code [head, head + size)} of the arrays: cases are mostly served from the
   * front, and a front that moves costs nothing where shifting every waiting case down would
   * cost the length of the queue at every allocation.
   */
  private int head;
  private int size;

  // sweep state (indices into the arrays): items in [head, write) are kept; `read` is the next to
  // visit; `current` the one visited (or -1)
  private boolean sweeping;
  private int read;
  private int write;
  private int current = -1;

  /** The number of waiting items. */
  int size() {
    return size;
  }

  /** The item at {@code index} in offering order (0 first). */
  @SuppressWarnings("unchecked")
  T get(int index) {
    return (T) items[head + index];
  }

  /** Adds {@code item} with its keys; {@code serialNumber} must not be in the list already. */
  void add(T item, double firstKey, double secondKey, long serialNumber) {
    checkNotSweeping();
    int at = -1 - find(firstKey, secondKey, serialNumber);
    if (at < 0) {
      throw new IllegalStateException("item " + serialNumber + " is already waiting");
    }
    int i;
    if (head > 0 && at < size - at) {
      // Nearer the front, and room before it: shift the front down by one.
      shift(head, head - 1, at);
      head--;
      i = head + at;
    } else {
      roomAtEnd();
      i = head + at;
      shift(i, i + 1, size - at);
    }
    items[i] = item;
    first[i] = firstKey;
    second[i] = secondKey;
    serial[i] = serialNumber;
    size++;
  }

  /** Removes {@code item}, added with these keys. */
  void remove(T item, double firstKey, double secondKey, long serialNumber) {
    checkNotSweeping();
    int at = find(firstKey, secondKey, serialNumber);
    if (at < 0 || items[head + at] != item) {
      throw new IllegalStateException("item " + serialNumber + " is not waiting with these keys");
    }
    int tail = size - at - 1;
    if (at < tail) {
      // Fewer items before it: shift them up by one and move the front.
      shift(head, head + 1, at);
      items[head] = null;
      head++;
    } else {
      shift(head + at + 1, head + at, tail);
      items[head + size - 1] = null;
    }
    size--;
    if (size == 0) {
      head = 0;
    }
  }

  /** Starts a sweep from the front. */
  void sweep() {
    checkNotSweeping();
    sweeping = true;
    read = head;
    write = head;
    current = -1;
  }

  /** Whether the sweep has items left to visit. */
  boolean hasNext() {
    return read < head + size;
  }

  /** The next item of the sweep; the previous one is kept unless it was dropped. */
  @SuppressWarnings("unchecked")
  T next() {
    keepCurrent();
    current = read++;
    return (T) items[current];
  }

  /** Drops the item the sweep is at from the list. */
  void dropCurrent() {
    if (current < 0) {
      throw new IllegalStateException("no current item to drop");
    }
    current = -1;
  }

  /** Ends the sweep: the items not dropped stay, in their order. */
  void endSweep() {
    keepCurrent();
    int dropped = read - write;
    if (dropped > 0) {
      int kept = write - head;
      int tail = head + size - read;
      if (kept <= tail) {
        // Close the gap from the front: the kept items move up, the front moves past the dropped.
        shift(head, head + dropped, kept);
        clear(head, head + dropped);
        head += dropped;
      } else {
        shift(read, write, tail);
        clear(write + tail, head + size);
      }
      size -= dropped;
      if (size == 0) {
        head = 0;
      }
    }
    sweeping = false;
  }

  private void keepCurrent() {
    if (current >= 0) {
      if (write != current) {
        items[write] = items[current];
        first[write] = first[current];
        second[write] = second[current];
        serial[write] = serial[current];
      }
      write++;
      current = -1;
    }
  }

  /** Makes room for one more item after the last: moves the list to the start, or grows the arrays. */
  private void roomAtEnd() {
    if (head + size < items.length) {
      return;
    }
    int n = size < items.length / 2 ? items.length : items.length * 2;
    if (n == items.length) {
      shift(head, 0, size);
      clear(size, head + size);
    } else {
      items = grown(items, n);
      first = grown(first, n);
      second = grown(second, n);
      serial = grown(serial, n);
    }
    head = 0;
  }

  private Object[] grown(Object[] a, int n) {
    Object[] b = new Object[n];
    System.arraycopy(a, head, b, 0, size);
    return b;
  }

  private double[] grown(double[] a, int n) {
    double[] b = new double[n];
    System.arraycopy(a, head, b, 0, size);
    return b;
  }

  private long[] grown(long[] a, int n) {
    long[] b = new long[n];
    System.arraycopy(a, head, b, 0, size);
    return b;
  }

  /** Moves {@code length} items from index {@code from} to index {@code to} of the arrays. */
  private void shift(int from, int to, int length) {
    if (length == 1) {
      items[to] = items[from];
      first[to] = first[from];
      second[to] = second[from];
      serial[to] = serial[from];
    } else if (length > 1) {
      System.arraycopy(items, from, items, to, length);
      System.arraycopy(first, from, first, to, length);
      System.arraycopy(second, from, second, to, length);
      System.arraycopy(serial, from, serial, to, length);
    }
  }

  /** Lets go of the items in {@code [from, to)} of the array (they are no longer in the list). */
  private void clear(int from, int to) {
    for (int i = from; i < to; i++) {
      items[i] = null;
    }
  }

  /** The position of the keys in the list, or {@code -1 - insertion point}; the end is checked first, where most keys land. */
  private int find(double firstKey, double secondKey, long serialNumber) {
    int lo = 0;
    int hi = size - 1;
    // Most additions go to the end: check it before bisecting.
    if (size > 0 && compare(head + size - 1, firstKey, secondKey, serialNumber) < 0) {
      return -1 - size;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(head + mid, firstKey, secondKey, serialNumber);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1 - lo;
  }

  /** Compares the item at {@code i} with the given keys. */
  private int compare(int i, double firstKey, double secondKey, long serialNumber) {
    int c = Double.compare(first[i], firstKey);
    if (c != 0) {
      return c;
    }
    c = Double.compare(second[i], secondKey);
    if (c != 0) {
      return c;
    }
    return Long.compare(serial[i], serialNumber);
  }

  private void checkNotSweeping() {
    if (sweeping) {
      throw new IllegalStateException("the waiting list is being swept");
    }
  }
}
