package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The waiting list keeps the order of a sorted set with the engine's comparator, through adds, removals and sweeps. */
class WaitingListTest {

  /** An item with its keys, as the engine keeps a waiting case. */
  private record Item(double first, double second, long serial) {}

  private static final Comparator<Item> ORDER = Comparator.comparingDouble(Item::first)
      .thenComparingDouble(Item::second).thenComparingLong(Item::serial);

  @Test
  void keepsTheOrderOfASortedSet() {
    qt().withFixedSeed(2026L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rng = new SplittableRandom(seed);
      WaitingList<Item> list = new WaitingList<>();
      TreeSet<Item> expected = new TreeSet<>(ORDER);
      // Few distinct priorities and times, both signs of zero: ties are the point.
      double[] priorities = {-1_000_000, -800_000, -400_000, -400_000};
      double[] times = {-0.0, 0.0, 1, 2.5, 3};
      long serial = 0;
      for (int step = 0; step < 300; step++) {
        int op = rng.nextInt(10);
        if (op < 5) {
          Item item = new Item(priorities[rng.nextInt(priorities.length)],
              rng.nextInt(4) == 0 ? times[rng.nextInt(times.length)] : step / 10.0, rng.nextLong(0, 1000) * 1000 + serial++);
          list.add(item, item.first(), item.second(), item.serial());
          expected.add(item);
        } else if (op < 7 && !expected.isEmpty()) {
          Item item = new ArrayList<>(expected).get(rng.nextInt(expected.size()));
          list.remove(item, item.first(), item.second(), item.serial());
          expected.remove(item);
        } else {
          // A sweep that drops some items and may stop early, as the engine's offers do.
          int stopAfter = rng.nextInt(expected.size() + 2);
          Iterator<Item> it = expected.iterator();
          list.sweep();
          int visited = 0;
          while (list.hasNext() && visited < stopAfter) {
            Item item = list.next();
            assertEquals(it.next(), item, "sweep visits in order, seed " + seed);
            visited++;
            if (rng.nextInt(3) == 0) {
              list.dropCurrent();
              it.remove();
            }
          }
          list.endSweep();
        }
        List<Item> actual = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          actual.add(list.get(i));
        }
        assertEquals(new ArrayList<>(expected), actual, "seed " + seed + ", step " + step);
      }
    });
  }

  @Test
  void aQueueServedFromTheFrontAndFedAtTheBackKeepsItsOrder() {
    // As in a single-server queue: most cases join at the back and leave from the front, so the
    // list's front moves along its arrays, which must be reused and grown without losing order.
    qt().withFixedSeed(7L).withExamples(50).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rng = new SplittableRandom(seed);
      WaitingList<Item> list = new WaitingList<>();
      TreeSet<Item> expected = new TreeSet<>(ORDER);
      long serial = 0;
      for (int step = 0; step < 3000; step++) {
        int op = rng.nextInt(20);
        if (op < 10 || expected.isEmpty()) {
          // A late arrival now and then, and sometimes a higher priority that goes to the front.
          double priority = rng.nextInt(10) == 0 ? -1_000_000 : -400_000;
          Item item = new Item(priority, step - (rng.nextInt(8) == 0 ? rng.nextInt(50) : 0), serial++);
          list.add(item, item.first(), item.second(), item.serial());
          expected.add(item);
        } else if (op < 18) {
          list.sweep();
          Item item = list.next();
          assertEquals(expected.first(), item, "seed " + seed + ", step " + step);
          list.dropCurrent();
          list.endSweep();
          expected.remove(item);
        } else {
          Item item = new ArrayList<>(expected).get(rng.nextInt(expected.size()));
          list.remove(item, item.first(), item.second(), item.serial());
          expected.remove(item);
        }
        assertEquals(expected.size(), list.size(), "seed " + seed + ", step " + step);
        if (step % 50 == 0) {
          List<Item> actual = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            actual.add(list.get(i));
          }
          assertEquals(new ArrayList<>(expected), actual, "seed " + seed + ", step " + step);
        }
      }
    });
  }

  @Test
  void refusesChangesDuringASweepAndUnknownItems() {
    WaitingList<String> list = new WaitingList<>();
    list.add("a", 0, 0, 1);
    assertThrows(IllegalStateException.class, () -> list.add("a", 0, 0, 1));
    assertThrows(IllegalStateException.class, () -> list.remove("b", 0, 0, 2));
    list.sweep();
    assertThrows(IllegalStateException.class, () -> list.add("c", 0, 0, 3));
    list.endSweep();
    assertEquals(1, list.size());
  }
}
