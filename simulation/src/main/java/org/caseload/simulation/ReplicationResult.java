package org.caseload.simulation;

import java.util.List;

/**
 * One replication's weekly record: for each {@link Measure}, service and week (0 = the first
 * day, then the start of each following week, up to the horizon), one value. Immutable.
 */
public final class ReplicationResult {
  private final int replication;
  private final List<String> services;
  private final int weeks;
  /** By measure, week {@code w} and service {@code s} at {@code w × services + s}. */
  private final double[][] values;
  private final long events;

  ReplicationResult(int replication, List<String> services, int weeks, double[][] values, long events) {
    this.replication = replication;
    this.services = List.copyOf(services);
    this.weeks = weeks;
    this.values = values;
    this.events = events;
  }

  /** The replication number, from 0. */
  public int replication() {
    return replication;
  }

  /** The service ids, in the organisation's order. */
  public List<String> services() {
    return services;
  }

  /** Number of recorded weeks (horizon + 1: week 0 is the starting state). */
  public int weeks() {
    return weeks;
  }

  /** Number of events the engine processed. */
  public long events() {
    return events;
  }

  /** The value of {@code measure} for {@code serviceId} at the start of {@code week}. */
  public double value(Measure measure, String serviceId, int week) {
    checkWeek(week);
    return values[measure.ordinal()][week * services.size() + serviceIndex(serviceId)];
  }

  /** The weekly series of {@code measure} for {@code serviceId} (a copy). */
  public double[] series(Measure measure, String serviceId) {
    int s = serviceIndex(serviceId);
    double[] out = new double[weeks];
    for (int w = 0; w < weeks; w++) {
      out[w] = values[measure.ordinal()][w * services.size() + s];
    }
    return out;
  }

  /** The value of {@code measure} summed over services at the start of {@code week} (not for ratios). */
  public double total(Measure measure, int week) {
    double sum = 0;
    checkWeek(week);
    double[] all = values[measure.ordinal()];
    for (int s = week * services.size(), end = s + services.size(); s < end; s++) {
      sum += all[s];
    }
    return sum;
  }

  /** A week out of range fails as an index would have in a table by week. */
  private void checkWeek(int week) {
    if (week < 0 || week >= weeks) {
      throw new ArrayIndexOutOfBoundsException("week " + week + " is not in 0 to " + (weeks - 1));
    }
  }

  private int serviceIndex(String serviceId) {
    int s = services.indexOf(serviceId);
    if (s < 0) {
      throw new IllegalArgumentException("no service \"" + serviceId + "\" in this result; services: " + services);
    }
    return s;
  }

  @Override
  public String toString() {
    return "ReplicationResult[replication " + replication + ", " + services.size() + " services, " + weeks
        + " weeks, " + events + " events]";
  }
}
