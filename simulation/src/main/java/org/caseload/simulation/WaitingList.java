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
  private int size;

  // sweep state: items before `write` are kept; `read` is the next to visit; `current` the one visited (or -1)
  private boolean sweeping;
  private int read;
  private int write;
  private int current = -1;

  int size() {
    return size;
  }

  /** The item at {@code index} in offering order (0 first). */
  @SuppressWarnings("unchecked")
  T get(int index) {
    return (T) items[index];
  }

  /** Adds {@code item} with its keys; {@code serialNumber} must not be in the list already. */
  void add(T item, double firstKey, double secondKey, long serialNumber) {
    checkNotSweeping();
    int at = -1 - find(firstKey, secondKey, serialNumber);
    if (at < 0) {
      throw new IllegalStateException("item " + serialNumber + " is already waiting");
    }
    if (size == items.length) {
      int n = size * 2;
      items = Arrays.copyOf(items, n);
      first = Arrays.copyOf(first, n);
      second = Arrays.copyOf(second, n);
      serial = Arrays.copyOf(serial, n);
    }
    int tail = size - at;
    if (tail > 0) {
      System.arraycopy(items, at, items, at + 1, tail);
      System.arraycopy(first, at, first, at + 1, tail);
      System.arraycopy(second, at, second, at + 1, tail);
      System.arraycopy(serial, at, serial, at + 1, tail);
    }
    items[at] = item;
    first[at] = firstKey;
    second[at] = secondKey;
    serial[at] = serialNumber;
    size++;
  }

  /** Removes {@code item}, added with these keys. */
  void remove(T item, double firstKey, double secondKey, long serialNumber) {
    checkNotSweeping();
    int at = find(firstKey, secondKey, serialNumber);
    if (at < 0 || items[at] != item) {
      throw new IllegalStateException("item " + serialNumber + " is not waiting with these keys");
    }
    size--;
    int tail = size - at;
    if (tail > 0) {
      System.arraycopy(items, at + 1, items, at, tail);
      System.arraycopy(first, at + 1, first, at, tail);
      System.arraycopy(second, at + 1, second, at, tail);
      System.arraycopy(serial, at + 1, serial, at, tail);
    }
    items[size] = null;
  }

  /** Starts a sweep from the front. */
  void sweep() {
    checkNotSweeping();
    sweeping = true;
    read = 0;
    write = 0;
    current = -1;
  }

  /** Whether the sweep has items left to visit. */
  boolean hasNext() {
    return read < size;
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
    int tail = size - read;
    if (write != read && tail > 0) {
      System.arraycopy(items, read, items, write, tail);
      System.arraycopy(first, read, first, write, tail);
      System.arraycopy(second, read, second, write, tail);
      System.arraycopy(serial, read, serial, write, tail);
    }
    int newSize = write + tail;
    Arrays.fill(items, newSize, size, null);
    size = newSize;
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

  /** The index of the keys, or {@code -1 - insertion point}; searched from the back, where most keys land. */
  private int find(double firstKey, double secondKey, long serialNumber) {
    int lo = 0;
    int hi = size - 1;
    // Most additions go to the end: check it before bisecting.
    if (size > 0 && compare(size - 1, firstKey, secondKey, serialNumber) < 0) {
      return -1 - size;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(mid, firstKey, secondKey, serialNumber);
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
