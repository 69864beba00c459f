package org.caseload.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Service;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The replications of a simulation, and their distribution per measure, service and week.
 * Immutable.
 */
public final class SimulationResult {
  private final Scenario scenario;
  private final long seed;
  private final List<ReplicationResult> replications;

  SimulationResult(Scenario scenario, long seed, List<ReplicationResult> replications) {
    this.scenario = scenario;
    this.seed = seed;
    this.replications = List.copyOf(replications);
  }

  /** The scenario simulated. */
  public Scenario scenario() {
    return scenario;
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** The replications, in replication order. */
  public List<ReplicationResult> replications() {
    return replications;
  }

  /** The values of {@code measure} for a service at a week, one per replication (NaN kept). */
  public double[] values(Measure measure, String serviceId, int week) {
    double[] v = new double[replications.size()];
    for (int r = 0; r < v.length; r++) {
      v[r] = replications.get(r).value(measure, serviceId, week);
    }
    return v;
  }

  /** The mean over replications (ignoring NaN), or NaN if every value is NaN. */
  public double mean(Measure measure, String serviceId, int week) {
    double sum = 0;
    int n = 0;
    for (double x : values(measure, serviceId, week)) {
      if (!Double.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * The {@code q}-quantile over replications (ignoring NaN; Commons Math's default estimator),
   * for q in (0, 1].
   */
  public double quantile(Measure measure, String serviceId, int week, double q) {
    double[] v = Arrays.stream(values(measure, serviceId, week)).filter(x -> !Double.isNaN(x)).toArray();
    return v.length == 0 ? Double.NaN : new Percentile().evaluate(v, q * 100);
  }

  /**
   * Half the width of the {@code level} confidence interval of the mean (Student's t over
   * replications, which are independent); NaN with fewer than 2 values.
   */
  public double halfWidth(Measure measure, String serviceId, int week, double level) {
    double[] v = Arrays.stream(values(measure, serviceId, week)).filter(x -> !Double.isNaN(x)).toArray();
    if (v.length < 2) {
      return Double.NaN;
    }
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (v.length - 1));
    double t = new TDistribution(v.length - 1).inverseCumulativeProbability(0.5 + level / 2);
    return t * sd / Math.sqrt(v.length);
  }

  /**
   * The week (from 0) holding {@code day}: whole weeks from the organisation's {@code asOf},
   * rounded up, and 0 for days before it (see {@link Scenario#weekOf(LocalDate, LocalDate)}).
   */
  public int weekOf(LocalDate day) {
    return Math.max(0, Scenario.weekOf(scenario.organisation().asOf(), day));
  }

  /**
   * For a service with a caseload target, the share of replications in which its weighted
   * caseload per FTE is at or below the target in the target's week; NaN if the service has no
   * target or the date is beyond the horizon.
   */
  public double probabilityOfMeetingTarget(String serviceId) {
    Service service = scenario.organisation().service(serviceId);
    CaseloadTarget target = service.target();
    if (target == null) {
      return Double.NaN;
    }
    int week = weekOf(target.by());
    if (week > scenario.horizonWeeks()) {
      return Double.NaN;
    }
    int met = 0;
    for (ReplicationResult r : replications) {
      double v = r.value(Measure.CASELOAD_PER_FTE, serviceId, week);
      if (!Double.isNaN(v) && v <= target.maxPerFte() + 1e-9) {
        met++;
      }
    }
    return met / (double) replications.size();
  }

  /**
   * One row of the tidy table: a measure for a service at a week, summarised over replications.
   *
   * @param week week from 0
   * @param date the first day of the week
   * @param service the service id
   * @param measure the measure
   * @param mean mean over replications (NaN values left out)
   * @param p10 10th percentile
   * @param p50 median
   * @param p90 90th percentile
   * @param halfWidth95 half-width of the 95% confidence interval of the mean
   * @param n replications with a value
   */
  public record Row(int week, LocalDate date, String service, Measure measure, double mean, double p10, double p50,
      double p90, double halfWidth95, int n) {}

  /** Every week × service × measure, summarised: the data behind {@link #toCsv()}. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    int weeks = scenario.horizonWeeks() + 1;
    LocalDate start = scenario.organisation().asOf();
    Percentile percentile = new Percentile();
    for (int w = 0; w < weeks; w++) {
      for (String service : replications.get(0).services()) {
        for (Measure m : Measure.values()) {
          double[] v = Arrays.stream(values(m, service, w)).filter(x -> !Double.isNaN(x)).toArray();
          if (v.length == 0) {
            rows.add(new Row(w, start.plusWeeks(w), service, m, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0));
            continue;
          }
          percentile.setData(v);
          rows.add(new Row(w, start.plusWeeks(w), service, m, Arrays.stream(v).average().orElse(Double.NaN),
              percentile.evaluate(10), percentile.evaluate(50), percentile.evaluate(90),
              halfWidth(m, service, w, 0.95), v.length));
        }
      }
    }
    return rows;
  }

  /** The tidy table as CSV: one row per week × service × measure, with the measure's unit. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("week,date,service,measure,unit,mean,p10,p50,p90,half_width_95,n\n");
    for (Row r : rows()) {
      sb.append(r.week()).append(',').append(r.date()).append(',').append(Csv.quote(r.service())).append(',')
          .append(r.measure().name().toLowerCase(Locale.ROOT)).append(',').append(Csv.quote(r.measure().unit()))
          .append(',').append(Csv.number(r.mean())).append(',').append(Csv.number(r.p10())).append(',')
          .append(Csv.number(r.p50())).append(',').append(Csv.number(r.p90())).append(',')
          .append(Csv.number(r.halfWidth95())).append(',').append(r.n()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The result as JSON: the scenario's name, the seed, the number of replications, the
   * probability of meeting each service's target, and the rows of {@link #rows()} (NaN as null).
   */
  public String toJson() {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("scenario", scenario.name());
      g.writeNumberField("seed", seed);
      g.writeNumberField("replications", replications.size());
      g.writeNumberField("horizonWeeks", scenario.horizonWeeks());
      g.writeObjectFieldStart("probabilityOfMeetingTarget");
      for (String service : replications.get(0).services()) {
        number(g, service, probabilityOfMeetingTarget(service));
      }
      g.writeEndObject();
      g.writeArrayFieldStart("rows");
      for (Row r : rows()) {
        g.writeStartObject();
        g.writeNumberField("week", r.week());
        g.writeStringField("date", r.date().toString());
        g.writeStringField("service", r.service());
        g.writeStringField("measure", r.measure().name().toLowerCase(Locale.ROOT));
        g.writeStringField("unit", r.measure().unit());
        number(g, "mean", r.mean());
        number(g, "p10", r.p10());
        number(g, "p50", r.p50());
        number(g, "p90", r.p90());
        number(g, "halfWidth95", r.halfWidth95());
        g.writeNumberField("n", r.n());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void number(com.fasterxml.jackson.core.JsonGenerator g, String field, double v)
      throws java.io.IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, v);
    }
  }

  /**
   * A table for people: for each service at the horizon, the median and 10th–90th percentile
   * range of the main measures (open cases, caseload per FTE, unallocated, transfers, children
   * held in breach of a role protection), and the probability of meeting its target.
   */
  public String summarize() {
    int end = scenario.horizonWeeks();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s: %d replications, week %d (%s), median [10th-90th percentile]%n",
        scenario.name(), replications.size(), end, scenario.organisation().asOf().plusWeeks(end)));
    sb.append(String.format(Locale.ROOT, "%-24s %-22s %-22s %-22s %-22s %-22s %s%n", "service", "open cases",
        "caseload per FTE", "unallocated", "transfers", "held in breach", "P(target met)"));
    for (String service : replications.get(0).services()) {
      double p = probabilityOfMeetingTarget(service);
      sb.append(String.format(Locale.ROOT, "%-24s %-22s %-22s %-22s %-22s %-22s %s%n", shorten(service),
          range(Measure.OPEN_CASES, service, end), range(Measure.CASELOAD_PER_FTE, service, end),
          range(Measure.UNALLOCATED, service, end), range(Measure.TRANSFERS, service, end),
          range(Measure.PROTECTION_BREACHES, service, end),
          Double.isNaN(p) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * p)));
    }
    return sb.toString();
  }

  private String range(Measure m, String service, int week) {
    return String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", quantile(m, service, week, 0.5),
        quantile(m, service, week, 0.1), quantile(m, service, week, 0.9));
  }

  private static String shorten(String s) {
    return s.length() <= 24 ? s : s.substring(0, 23) + "~";
  }

  @Override
  public String toString() {
    return "SimulationResult[" + scenario.name() + ": " + replications.size() + " replications of "
        + scenario.horizonWeeks() + " weeks, seed " + seed + "]";
  }
}
