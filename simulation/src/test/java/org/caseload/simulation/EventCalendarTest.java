package org.caseload.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar gives events in time order, ties in scheduling order with the weekly events ahead. */
class EventCalendarTest {

  /** An event as the reference keeps it: ahead events sort before the others at their instant. */
  private record Event(double time, boolean ahead, long order, int kind, long subject) {}

  private static final Comparator<Event> ORDER = Comparator.comparingDouble(Event::time)
      .thenComparing(e -> !e.ahead()).thenComparingLong(Event::order);

  @Test
  void givesEventsInTimeThenSchedulingOrder() {
    qt().withFixedSeed(11L).withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rng = new SplittableRandom(seed);
      EventCalendar calendar = new EventCalendar();
      List<Event> expected = new ArrayList<>();
      long scheduled = 0;
      long rank = 0;
      double now = 0;
      for (int step = 0; step < 3000; step++) {
        int op = rng.nextInt(10);
        if (op < 5 || expected.isEmpty()) {
          // Few distinct times, so that ties are common; subjects of any size.
          double at = now + (rng.nextBoolean() ? rng.nextInt(4) : rng.nextDouble() * 3);
          int kind = rng.nextInt(EventCalendar.KINDS);
          long subject = rng.nextLong();
          if (op == 0) {
            calendar.scheduleAhead(at, kind, subject, rank);
            expected.add(new Event(at, true, rank++, kind, subject));
          } else {
            calendar.schedule(at, kind, subject);
            expected.add(new Event(at, false, scheduled++, kind, subject));
          }
        } else {
          expected.sort(ORDER);
          Event next = expected.remove(0);
          assertEquals(next.time(), calendar.nextTime(), "seed " + seed + ", step " + step);
          assertEquals(next.kind(), calendar.nextKind(), "seed " + seed + ", step " + step);
          assertEquals(next.subject(), calendar.nextSubject(), "seed " + seed + ", step " + step);
          calendar.pop();
          now = next.time();
        }
        assertEquals(expected.size(), calendar.size());
      }
      assertTrue(expected.isEmpty() == calendar.isEmpty());
    });
  }

  @Test
  void refusesKindsOutOfRange() {
    EventCalendar calendar = new EventCalendar();
    assertThrows(IllegalArgumentException.class, () -> calendar.schedule(0, EventCalendar.KINDS, 0));
    assertThrows(IllegalArgumentException.class, () -> calendar.schedule(0, -1, 0));
  }
}
