package org.caseload.simulation.demand;

import java.util.random.RandomGenerator;
import org.caseload.simulation.random.RandomStreams;

/**
 * The arrival times of a Poisson process with a {@link ReferralRate}, in weeks from the start, up
 * to a horizon, one at a time: exponential gaps at the current week's rate, restarted at each week
 * boundary (exact for a piecewise-constant rate, by the memoryless property). A week with rate 0
 * has no arrivals. The times are increasing and each is before the horizon.
 *
 * <p>An engine takes the next arrival when it needs it, rather than holding every arrival of the
 * horizon in memory; {@link ReferralRate#arrivals} collects them all. Both give the same times
 * from the same stream, since this class is the one place they are drawn.
 *
 * <p>Not thread-safe: it draws from one generator, as the engine of one replication does.
 */
public final class Arrivals {
  private final ReferralRate rate;
  private final double horizonWeeks;
  private final RandomGenerator rng;
  /** The week the last time was drawn in; the next time is drawn in it or a later one. */
  private int week;
  /** Whether {@link #week}'s rate has been read and the time set to its start. */
  private boolean inWeek;
  /** The current week's rate (referrals per week). */
  private double weekRate;
  private double t;

  /**
   * The arrivals of {@code rate} before {@code horizonWeeks}, drawn from {@code rng}.
   *
   * @param rate referrals per week by week
   * @param horizonWeeks the end, in weeks from the start; no arrival at or after it
   * @param rng the arrivals' own stream
   */
  public Arrivals(ReferralRate rate, double horizonWeeks, RandomGenerator rng) {
    this.rate = rate;
    this.horizonWeeks = horizonWeeks;
    this.rng = rng;
  }

  /** The next arrival time (weeks), or {@link Double#POSITIVE_INFINITY} when none is left before the horizon. */
  public double next() {
    while (week < horizonWeeks) {
      if (!inWeek) {
        weekRate = rate.perWeek(week);
        t = week;
        inWeek = true;
      }
      if (weekRate > 0) {
        t += RandomStreams.exponential(rng) / weekRate;
        if (t < Math.min(week + 1, horizonWeeks)) {
          return t;
        }
      }
      week++;
      inWeek = false;
    }
    return Double.POSITIVE_INFINITY;
  }
}
