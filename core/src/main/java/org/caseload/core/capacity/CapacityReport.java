package org.caseload.core.capacity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.ProtectionBreach;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.Suggestions;

/**
 * The workforce capacity of an organisation on its snapshot date, per service, per team and
 * in total: who is in post, what they hold, how that compares with each service's caseload
 * target, and what is waiting or held against the rules.
 *
 * <p>Made with {@link #of(Organisation)}. The {@linkplain #rows() rows} are one per service, in
 * the organisation's order, each followed by its teams (in the organisation's order), and last
 * one {@link Level#TOTAL TOTAL} row for the whole organisation. {@link #toString()} prints them
 * as an aligned plain-text table; {@link #toCsv()} writes every column.
 *
 * <h2>Definitions and units</h2>
 * A unit is a service, a team, or the whole organisation; a worker belongs to their team and,
 * through it, to the team's service.
 * <ul>
 *   <li><b>FTE</b> (full-time equivalents) of the workers in post, in total and split by
 *       {@linkplain org.caseload.core.model.Role role} and by {@linkplain Contract contract}.
 *   <li><b>Case holders</b>: workers who hold at least one open case, and their FTE. Joint
 *       working does not make a worker a case holder, and a jointly held case counts (and weighs)
 *       only for its holder, as in {@link Organisation#casesHeldBy(String)}.
 *   <li><b>Cases, load, breaches</b> count the open cases held by the unit's workers, whatever
 *       service the case belongs to (a worker may keep a child whose case has moved to another
 *       service). Each case weighs {@link Organisation#weight(Case)} weighted cases: the weight
 *       set by the policy of the <em>case's</em> service.
 *   <li><b>Capacity</b>: the sum over the unit's workers of {@link Organisation#capacity(String)},
 *       in weighted cases: capacity per FTE of the worker's role, by the policy of the
 *       <em>worker's</em> service, times their FTE.
 *   <li><b>Caseload per FTE</b> = load ÷ FTE of case holders, in weighted cases per FTE. The
 *       Department for Education's workforce census divides cases by the FTE of case holders
 *       (not of all workers in post); with the default weights of 1 this is the census figure.
 *   <li><b>Target</b>: the {@link CaseloadTarget} of the service; teams inherit their service's;
 *       the total has none. <b>Gap</b> = caseload per FTE − target's {@code maxPerFte}, in
 *       weighted cases per FTE: positive means above (worse than) the target.
 *   <li><b>Utilisation</b> = load ÷ capacity, a ratio (1 = full; above 1 = over capacity).
 *   <li><b>Agency share</b> = agency FTE ÷ FTE in post; <b>newly qualified share</b> = newly
 *       qualified FTE ÷ FTE in post; ratios in [0, 1]. Here agency workers are in post, so the
 *       agency share is agency ÷ (agency + permanent): the census's agency rate, which counts
 *       agency workers apart from the (permanent) FTE in post.
 *   <li><b>Workers over capacity</b>: workers whose load exceeds their capacity by more than
 *       1e-9 weighted cases.
 *   <li><b>Unallocated cases</b>: open cases no worker holds, counted against the case's own
 *       service. A team row always shows 0 here, because an unallocated case belongs to a service
 *       but to no team; the total counts every unallocated case. Their waiting time is counted in
 *       whole days from {@link Case#unallocatedSince()} to {@link Organisation#asOf()} (a wait
 *       that starts after the snapshot date counts 0 days); the row gives its median and maximum.
 *   <li><b>Cases in breach</b>: open cases whose holding breaks a role protection
 *       ({@link Organisation#breach(Case)} is present), counted in the unit of the holder, with
 *       the count for each {@link ProtectionBreach}.
 * </ul>
 * A ratio whose denominator is 0 is {@code NaN} (for example caseload per FTE of a service with
 * no case holders); {@code NaN} prints as "-" in the table and as an empty field in CSV.
 *
 * <p>In jshell: {@code CapacityReport.of(organisation).print()} for the table,
 * {@code report.row("cp-east").caseloadPerFte()} for one figure, {@code report.toCsv()} for a
 * spreadsheet.
 *
 * <p>The report is computed with one pass over the cases and one over the workers, using
 * indexes built once (each service's policy is looked up once, not per case); only the waiting
 * times of each service's unallocated cases are sorted, for their median. For an organisation
 * the size of the {@code NATIONAL} family (30,000 workers, 400,000 cases) a test holds it under
 * 2 s; 0.1 to 0.2 s was measured on a shared 2-core machine. Instances are immutable and safe to
 * share between threads.
 */
public final class CapacityReport {

  /** What a {@link Row} describes. */
  public enum Level {
    /** One service: its teams' workers together, plus the service's unallocated cases. */
    SERVICE,
    /** One team of a service. */
    TEAM,
    /** The whole organisation. */
    TOTAL
  }

  /** The {@link Row#id() id} of the {@link Level#TOTAL TOTAL} row. */
  public static final String TOTAL_ID = "TOTAL";

  /** Loads above capacity by no more than this (weighted cases) are not "over capacity". */
  static final double OVER_CAPACITY_TOLERANCE = 1e-9;

  /**
   * One line of the report: a service, a team, or the whole organisation. See
   * {@link CapacityReport} for the definitions. Ratios whose denominator is 0 are {@code NaN}.
   *
   * @param level service, team or total
   * @param id the service's or team's id; {@value CapacityReport#TOTAL_ID} for the total
   * @param name the service's or team's name; the organisation's name for the total
   * @param serviceId the service (the row's own id for a service); null for the total
   * @param qualifiedFte FTE of qualified workers in post
   * @param newlyQualifiedFte FTE of newly qualified workers (assessed first year) in post
   * @param unqualifiedFte FTE of unqualified workers in post
   * @param permanentFte FTE of permanent workers in post
   * @param agencyFte FTE of agency workers in post
   * @param fte FTE of all workers in post
   * @param headcount number of workers in post
   * @param caseHolders number of workers holding at least one open case
   * @param caseHolderFte FTE of those case holders
   * @param cases open cases held by the unit's workers (as holder)
   * @param load weight of those cases, in weighted cases
   * @param capacity capacity of the unit's workers, in weighted cases
   * @param caseloadPerFte load ÷ caseHolderFte, in weighted cases per FTE; NaN with no case holders
   * @param target the service's caseload target (inherited by its teams); null when the service has
   *     none, and for the total
   * @param gap caseloadPerFte − target.maxPerFte, in weighted cases per FTE (positive = above
   *     target); NaN without a target or a caseload
   * @param utilisation load ÷ capacity (1 = full); NaN with no capacity
   * @param agencyShare agencyFte ÷ fte, in [0, 1]; NaN with no one in post
   * @param newlyQualifiedShare newlyQualifiedFte ÷ fte, in [0, 1]; NaN with no one in post
   * @param workersOverCapacity number of workers whose load exceeds their capacity
   * @param unallocatedCases open cases of the service that no worker holds (0 for a team: such cases
   *     belong to no team; all of them for the total)
   * @param medianDaysUnallocated median wait of those cases up to the snapshot date, in days; NaN
   *     when there are none
   * @param maxDaysUnallocated longest such wait, in days; NaN when there are none
   * @param casesInBreach open cases held by the unit's workers in breach of a role protection
   * @param breaches those cases by protection broken; every {@link ProtectionBreach} is a key
   *     (missing keys are filled with 0); the values sum to {@code casesInBreach}
   */
  public record Row(
      Level level,
      String id,
      String name,
      String serviceId,
      double qualifiedFte,
      double newlyQualifiedFte,
      double unqualifiedFte,
      double permanentFte,
      double agencyFte,
      double fte,
      int headcount,
      int caseHolders,
      double caseHolderFte,
      int cases,
      double load,
      double capacity,
      double caseloadPerFte,
      CaseloadTarget target,
      double gap,
      double utilisation,
      double agencyShare,
      double newlyQualifiedShare,
      int workersOverCapacity,
      int unallocatedCases,
      double medianDaysUnallocated,
      double maxDaysUnallocated,
      int casesInBreach,
      Map<ProtectionBreach, Integer> breaches) {

    public Row {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(breaches, "breaches");
      EnumMap<ProtectionBreach, Integer> all = new EnumMap<>(ProtectionBreach.class);
      for (ProtectionBreach b : ProtectionBreach.values()) {
        all.put(b, Objects.requireNonNullElse(breaches.get(b), 0));
      }
      breaches = Maps.immutableEnumMap(all);
    }

    /** Open cases held by the unit's workers in breach of {@code protection}. */
    public int breaches(ProtectionBreach protection) {
      return breaches.get(protection);
    }

    /** The target, if any. */
    public Optional<CaseloadTarget> targetIfAny() {
      return Optional.ofNullable(target);
    }

    /** One line: level, id and the main figures. */
    @Override
    public String toString() {
      return "Row[" + level.name().toLowerCase(Locale.ROOT) + " " + id + ": " + fte1(fte) + " FTE, "
          + cases + " cases, load " + fte1(load) + ", " + fte1(caseloadPerFte) + " per FTE"
          + (target == null ? "" : " (target " + fte1(target.maxPerFte()) + ", gap " + signed1(gap) + ")")
          + ", utilisation " + percent(utilisation) + ", agency " + percent(agencyShare)
          + ", newly qualified " + percent(newlyQualifiedShare) + ", " + workersOverCapacity + " over capacity, "
          + unallocatedCases + " unallocated, " + casesInBreach + " in breach]";
    }
  }

  private final String organisation;
  private final LocalDate asOf;
  private final ImmutableList<Row> rows;
  private final ImmutableMap<String, Row> byId;

  private CapacityReport(String organisation, LocalDate asOf, List<Row> rows) {
    this.organisation = organisation;
    this.asOf = asOf;
    this.rows = ImmutableList.copyOf(rows);
    Map<String, Row> index = new LinkedHashMap<>();
    for (Level level : Level.values()) {
      for (Row r : this.rows) {
        if (r.level() == level) {
          index.putIfAbsent(r.id(), r);
        }
      }
    }
    this.byId = ImmutableMap.copyOf(index);
  }

  /** The capacity report of {@code organisation} on its snapshot date. */
  public static CapacityReport of(Organisation organisation) {
    Objects.requireNonNull(organisation, "organisation");
    return new Computation(organisation).report();
  }

  /** The organisation's name. */
  public String organisation() {
    return organisation;
  }

  /** The snapshot date the report describes (waiting times are counted up to it). */
  public LocalDate asOf() {
    return asOf;
  }

  /** Every row: each service followed by its teams, then the total; immutable. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * The row with this id: a service's if a service has it, else a team's, else the total for
   * {@value #TOTAL_ID}.
   *
   * @throws IllegalArgumentException naming close ids when there is no such row
   */
  public Row row(String id) {
    Row r = byId.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no service or team \"" + id + "\" in the capacity report"
          + Suggestions.didYouMean(String.valueOf(id), byId.keySet()));
    }
    return r;
  }

  /** The row for the whole organisation. */
  public Row total() {
    return rows.get(rows.size() - 1);
  }

  // ---------------------------------------------------------------- output

  /** Writes {@link #toString()} to {@code System.out} (jshell cuts long values it echoes). */
  public void print() {
    System.out.print(toString());
    System.out.flush();
  }

  /** The names of the CSV columns, in order: the {@link Row} components, nested ones dotted. */
  public static List<String> csvColumns() {
    return CSV_COLUMNS;
  }

  private static final ImmutableList<String> CSV_COLUMNS;

  static {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (java.lang.reflect.RecordComponent c : Row.class.getRecordComponents()) {
      switch (c.getName()) {
        case "target":
          b.add("target.maxPerFte", "target.by");
          break;
        case "breaches":
          for (ProtectionBreach p : ProtectionBreach.values()) {
            b.add("breaches." + p.name());
          }
          break;
        default:
          b.add(c.getName());
      }
    }
    CSV_COLUMNS = b.build();
  }

  /**
   * Every row as CSV (RFC 4180 quoting, {@code \n} line ends): a header line of
   * {@link #csvColumns()} — the names of the {@link Row} components, with the target written as
   * {@code target.maxPerFte,target.by} and the breaches as one {@code breaches.<PROTECTION>}
   * column each — then one line per row. Numbers are plain decimals rounded to at most 6 decimal
   * places; NaN and absent values are empty fields; levels and protections are enum names.
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", CSV_COLUMNS)).append('\n');
    for (Row r : rows) {
      List<String> f = new ArrayList<>(CSV_COLUMNS.size());
      f.add(r.level().name());
      f.add(csvText(r.id()));
      f.add(csvText(r.name()));
      f.add(r.serviceId() == null ? "" : csvText(r.serviceId()));
      f.add(csvNumber(r.qualifiedFte()));
      f.add(csvNumber(r.newlyQualifiedFte()));
      f.add(csvNumber(r.unqualifiedFte()));
      f.add(csvNumber(r.permanentFte()));
      f.add(csvNumber(r.agencyFte()));
      f.add(csvNumber(r.fte()));
      f.add(Integer.toString(r.headcount()));
      f.add(Integer.toString(r.caseHolders()));
      f.add(csvNumber(r.caseHolderFte()));
      f.add(Integer.toString(r.cases()));
      f.add(csvNumber(r.load()));
      f.add(csvNumber(r.capacity()));
      f.add(csvNumber(r.caseloadPerFte()));
      f.add(r.target() == null ? "" : csvNumber(r.target().maxPerFte()));
      f.add(r.target() == null ? "" : r.target().by().toString());
      f.add(csvNumber(r.gap()));
      f.add(csvNumber(r.utilisation()));
      f.add(csvNumber(r.agencyShare()));
      f.add(csvNumber(r.newlyQualifiedShare()));
      f.add(Integer.toString(r.workersOverCapacity()));
      f.add(Integer.toString(r.unallocatedCases()));
      f.add(csvNumber(r.medianDaysUnallocated()));
      f.add(csvNumber(r.maxDaysUnallocated()));
      f.add(Integer.toString(r.casesInBreach()));
      for (ProtectionBreach p : ProtectionBreach.values()) {
        f.add(Integer.toString(r.breaches(p)));
      }
      sb.append(String.join(",", f)).append('\n');
    }
    return sb.toString();
  }

  /** A column of the printed table: a group heading over it (or null), its label, and left or right alignment. */
  private record Column(String group, String label, boolean left) {}

  private static final List<Column> COLUMNS = List.of(
      new Column(null, "unit", true),
      new Column("FTE in post", "qual", false),
      new Column("FTE in post", "NQ", false),
      new Column("FTE in post", "unq", false),
      new Column("FTE in post", "perm", false),
      new Column("FTE in post", "agency", false),
      new Column("FTE in post", "total", false),
      new Column(null, "head", false),
      new Column(null, "holders", false),
      new Column(null, "cases", false),
      new Column(null, "load", false),
      new Column(null, "per FTE", false),
      new Column(null, "target", false),
      new Column(null, "gap", false),
      new Column(null, "util", false),
      new Column("share", "agency", false),
      new Column("share", "NQ", false),
      new Column(null, "over", false),
      new Column(null, "unalloc", false),
      new Column("days waiting", "median", false),
      new Column("days waiting", "max", false),
      new Column(null, "breach", false));

  /** Longest unit name printed; longer names are cut with "~". */
  private static final int MAX_NAME = 32;

  /**
   * The report as an aligned plain-text table, one line per row: services with their teams
   * indented under them, then the total; followed by a legend and, when any case is held in
   * breach, the breaches by protection. FTE, loads, caseloads per FTE, targets and gaps have one
   * decimal; utilisation and shares are whole percentages; "-" marks a value that is not defined
   * (NaN) or absent. Lines end with {@code \n}.
   */
  @Override
  public String toString() {
    List<String[]> cells = new ArrayList<>(rows.size());
    for (Row r : rows) {
      cells.add(cells(r));
    }
    int n = COLUMNS.size();
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = COLUMNS.get(i).label().length();
      for (String[] c : cells) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    // Widen the last column of a group whose heading (with a space each side) does not fit over it.
    for (int i = 0; i < n; ) {
      int j = groupEnd(i);
      String group = COLUMNS.get(i).group();
      if (group != null) {
        int span = span(width, i, j);
        if (span < group.length() + 2) {
          width[j - 1] += group.length() + 2 - span;
        }
      }
      i = j;
    }

    StringBuilder sb = new StringBuilder();
    sb.append("Capacity of ").append(organisation).append(" on ").append(asOf).append('\n');
    StringBuilder groups = new StringBuilder();
    for (int i = 0; i < n; ) {
      int j = groupEnd(i);
      String group = COLUMNS.get(i).group();
      if (i > 0) {
        groups.append(' ');
      }
      int span = span(width, i, j);
      if (group == null) {
        groups.append(" ".repeat(span));
      } else {
        String text = " " + group + " ";
        int left = (span - text.length()) / 2;
        groups.append("-".repeat(left)).append(text).append("-".repeat(span - text.length() - left));
      }
      i = j;
    }
    sb.append(stripTrailing(groups)).append('\n');
    String[] labels = COLUMNS.stream().map(Column::label).toArray(String[]::new);
    String header = line(labels, width);
    sb.append(header).append('\n');
    sb.append("-".repeat(header.length())).append('\n');
    for (int k = 0; k < rows.size(); k++) {
      if (rows.get(k).level() == Level.TOTAL) {
        sb.append("-".repeat(header.length())).append('\n');
      }
      sb.append(line(cells.get(k), width)).append('\n');
    }
    sb.append('\n');
    sb.append("FTE of workers in post: qual(ified), NQ = newly qualified, unq(ualified); perm(anent), agency; "
        + "head = headcount.\n");
    sb.append("holders = workers holding an open case; load = weight of their open cases (weighted cases); "
        + "per FTE = load / FTE of holders.\n");
    sb.append("target = service's caseload target per FTE; gap = per FTE - target (+ = above target); "
        + "util = load / capacity.\n");
    sb.append("over = workers over capacity; unalloc = open cases with no worker (by service; never in a team), "
        + "waiting up to " + asOf + ".\n");
    sb.append("breach = cases held in breach of a role protection; \"-\" = not defined.\n");
    StringBuilder targets = new StringBuilder();
    for (Row r : rows) {
      if (r.level() == Level.SERVICE && r.target() != null) {
        targets.append(targets.length() == 0 ? "targets: " : "; ").append(r.name()).append(' ')
            .append(r.target());
      }
    }
    if (targets.length() > 0) {
      sb.append(targets).append(".\n");
    }
    Row total = total();
    if (total.casesInBreach() > 0) {
      StringBuilder b = new StringBuilder("breaches:");
      for (ProtectionBreach p : ProtectionBreach.values()) {
        int count = total.breaches(p);
        if (count > 0) {
          b.append(' ').append(p.description()).append(": ").append(count).append(count == 1 ? " case;" : " cases;");
        }
      }
      b.setLength(b.length() - 1);
      sb.append(b).append(".\n");
    }
    return sb.toString();
  }

  private static int groupEnd(int i) {
    String group = COLUMNS.get(i).group();
    int j = i + 1;
    while (group != null && j < COLUMNS.size() && group.equals(COLUMNS.get(j).group())) {
      j++;
    }
    return j;
  }

  private static int span(int[] width, int from, int to) {
    int span = to - from - 1;
    for (int i = from; i < to; i++) {
      span += width[i];
    }
    return span;
  }

  private static String line(String[] values, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      String pad = " ".repeat(width[i] - values[i].length());
      if (COLUMNS.get(i).left()) {
        sb.append(values[i]).append(pad);
      } else {
        sb.append(pad).append(values[i]);
      }
    }
    return sb.toString();
  }

  private static String stripTrailing(CharSequence s) {
    return s.toString().stripTrailing();
  }

  private static String[] cells(Row r) {
    String name = r.level() == Level.TEAM ? "  " + r.name() : r.level() == Level.TOTAL ? "TOTAL" : r.name();
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME - 1) + "~";
    }
    return new String[] {
        name,
        fte1(r.qualifiedFte()),
        fte1(r.newlyQualifiedFte()),
        fte1(r.unqualifiedFte()),
        fte1(r.permanentFte()),
        fte1(r.agencyFte()),
        fte1(r.fte()),
        Integer.toString(r.headcount()),
        Integer.toString(r.caseHolders()),
        Integer.toString(r.cases()),
        fte1(r.load()),
        fte1(r.caseloadPerFte()),
        r.target() == null ? "-" : fte1(r.target().maxPerFte()),
        signed1(r.gap()),
        percent(r.utilisation()),
        percent(r.agencyShare()),
        percent(r.newlyQualifiedShare()),
        Integer.toString(r.workersOverCapacity()),
        Integer.toString(r.unallocatedCases()),
        days(r.medianDaysUnallocated()),
        days(r.maxDaysUnallocated()),
        Integer.toString(r.casesInBreach()),
    };
  }

  // ---------------------------------------------------------------- number formats

  /** One decimal; "-" for NaN; never "-0.0". */
  static String fte1(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return noNegativeZero(String.format(Locale.ROOT, "%.1f", v));
  }

  /** One decimal with a sign: "+1.5", "-0.3", "0.0"; "-" for NaN. */
  static String signed1(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return noNegativeZero(String.format(Locale.ROOT, "%+.1f", v));
  }

  /** A ratio as a whole percentage: 0.157 is "16%"; "-" for NaN. */
  static String percent(double ratio) {
    if (Double.isNaN(ratio)) {
      return "-";
    }
    return noNegativeZero(String.format(Locale.ROOT, "%.0f", ratio * 100)) + "%";
  }

  /** Days: whole when whole (a median may end in .5); "-" for NaN. */
  static String days(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String noNegativeZero(String s) {
    return s.matches("[+-]0(\\.0+)?") ? s.substring(1) : s;
  }

  static String csvNumber(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    String s = d.signum() == 0 ? "0" : d.toPlainString();
    return s;
  }

  static String csvText(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  // ---------------------------------------------------------------- object

  /** Reports are equal when they describe the same organisation name and date with equal rows. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CapacityReport)) {
      return false;
    }
    CapacityReport other = (CapacityReport) o;
    return organisation.equals(other.organisation) && asOf.equals(other.asOf) && rows.equals(other.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(organisation, asOf, rows);
  }

  // ---------------------------------------------------------------- computation

  /** Sums for one unit while the report is computed. */
  private static final class Acc {
    double qualifiedFte;
    double newlyQualifiedFte;
    double unqualifiedFte;
    double permanentFte;
    double agencyFte;
    double fte;
    int headcount;
    int caseHolders;
    double caseHolderFte;
    int cases;
    double load;
    double capacity;
    int workersOverCapacity;
    int unallocated;
    int[] waits = new int[0];
    final int[] breaches = new int[ProtectionBreach.values().length];

    void addWorker(Worker w, double fte, double workerLoad, int workerCases, double workerCapacity) {
      switch (w.role()) {
        case QUALIFIED:
          qualifiedFte += fte;
          break;
        case NEWLY_QUALIFIED:
          newlyQualifiedFte += fte;
          break;
        case UNQUALIFIED:
          unqualifiedFte += fte;
          break;
        default:
          throw new AssertionError(w.role());
      }
      if (w.contract() == Contract.AGENCY) {
        agencyFte += fte;
      } else {
        permanentFte += fte;
      }
      this.fte += fte;
      headcount++;
      if (workerCases > 0) {
        caseHolders++;
        caseHolderFte += fte;
      }
      cases += workerCases;
      load += workerLoad;
      capacity += workerCapacity;
      if (workerLoad > workerCapacity + OVER_CAPACITY_TOLERANCE) {
        workersOverCapacity++;
      }
    }

    void addWait(int days) {
      if (unallocated == waits.length) {
        waits = Arrays.copyOf(waits, Math.max(8, waits.length * 2));
      }
      waits[unallocated++] = days;
    }

    Row row(Level level, String id, String name, String serviceId, CaseloadTarget target) {
      double perFte = caseHolderFte > 0 ? load / caseHolderFte : Double.NaN;
      double gap = target == null ? Double.NaN : perFte - target.maxPerFte();
      int[] sorted = Arrays.copyOf(waits, unallocated);
      Arrays.sort(sorted);
      double median = Double.NaN;
      double max = Double.NaN;
      int u = sorted.length;
      if (u > 0) {
        median = u % 2 == 1 ? sorted[u / 2] : (sorted[u / 2 - 1] + (double) sorted[u / 2]) / 2;
        max = sorted[u - 1];
      }
      EnumMap<ProtectionBreach, Integer> byProtection = new EnumMap<>(ProtectionBreach.class);
      int inBreach = 0;
      for (ProtectionBreach p : ProtectionBreach.values()) {
        byProtection.put(p, breaches[p.ordinal()]);
        inBreach += breaches[p.ordinal()];
      }
      return new Row(level, id, name, serviceId, qualifiedFte, newlyQualifiedFte, unqualifiedFte, permanentFte,
          agencyFte, fte, headcount, caseHolders, caseHolderFte, cases, load, capacity, perFte, target, gap,
          capacity > 0 ? load / capacity : Double.NaN,
          fte > 0 ? agencyFte / fte : Double.NaN,
          fte > 0 ? newlyQualifiedFte / fte : Double.NaN,
          workersOverCapacity, unallocated, median, max, inBreach, byProtection);
    }
  }

  /** One computation: indexes built once, then one pass over cases and one over workers. */
  private static final class Computation {
    private final Organisation org;
    private final List<Service> services;
    private final List<Team> teams;
    private final Map<String, Integer> serviceIndex;
    private final CapacityPolicy[] servicePolicy;
    private final int[] teamService;
    private final Acc[] serviceAcc;
    private final Acc[] teamAcc;
    private final Acc totalAcc = new Acc();

    Computation(Organisation org) {
      this.org = org;
      this.services = org.services();
      this.teams = org.teams();
      serviceIndex = new HashMap<>(services.size() * 2);
      servicePolicy = new CapacityPolicy[services.size()];
      serviceAcc = new Acc[services.size()];
      for (int s = 0; s < services.size(); s++) {
        Service service = services.get(s);
        serviceIndex.put(service.id(), s);
        servicePolicy[s] = service.capacityPolicy() != null ? service.capacityPolicy() : org.capacityPolicy();
        serviceAcc[s] = new Acc();
      }
      teamService = new int[teams.size()];
      teamAcc = new Acc[teams.size()];
      for (int t = 0; t < teams.size(); t++) {
        teamService[t] = serviceIndex.get(teams.get(t).serviceId());
        teamAcc[t] = new Acc();
      }
    }

    CapacityReport report() {
      List<Worker> workers = org.workers();
      Map<String, Integer> teamIndex = new HashMap<>(teams.size() * 2);
      for (int t = 0; t < teams.size(); t++) {
        teamIndex.put(teams.get(t).id(), t);
      }
      int[] workerTeam = new int[workers.size()];
      for (int k = 0; k < workers.size(); k++) {
        workerTeam[k] = teamIndex.get(workers.get(k).teamId());
      }

      // One pass over the cases: cases per worker, breaches per holder's unit, unallocated waits per service.
      double[] workerLoad = org.loads();
      int[] workerCases = new int[workers.size()];
      LocalDate asOf = org.asOf();
      for (Case c : org.cases()) {
        if (!c.isOpen()) {
          continue;
        }
        int s = serviceIndex.get(c.serviceId());
        String holder = c.workerId();
        if (holder == null) {
          long days = ChronoUnit.DAYS.between(c.unallocatedSince(), asOf);
          int wait = (int) Math.max(0, Math.min(Integer.MAX_VALUE, days));
          serviceAcc[s].addWait(wait);
          totalAcc.addWait(wait);
          continue;
        }
        int k = org.indexOf(holder);
        workerCases[k]++;
        int t = workerTeam[k];
        // The same rule as Organisation.breach(c), with the holder's policy looked up once per team.
        Worker w = workers.get(k);
        String joint = c.jointWorkerId();
        Optional<ProtectionBreach> breach = servicePolicy[teamService[t]].breach(w.role(), c,
            joint == null ? null : workers.get(org.indexOf(joint)).role());
        if (breach.isPresent()) {
          int p = breach.get().ordinal();
          teamAcc[t].breaches[p]++;
          serviceAcc[teamService[t]].breaches[p]++;
          totalAcc.breaches[p]++;
        }
      }

      // One pass over the workers.
      for (int k = 0; k < workers.size(); k++) {
        Worker w = workers.get(k);
        int t = workerTeam[k];
        double capacity = servicePolicy[teamService[t]].capacity(w);
        teamAcc[t].addWorker(w, w.fte(), workerLoad[k], workerCases[k], capacity);
        serviceAcc[teamService[t]].addWorker(w, w.fte(), workerLoad[k], workerCases[k], capacity);
        totalAcc.addWorker(w, w.fte(), workerLoad[k], workerCases[k], capacity);
      }

      List<List<Integer>> teamsOfService = new ArrayList<>(services.size());
      for (int s = 0; s < services.size(); s++) {
        teamsOfService.add(new ArrayList<>());
      }
      for (int t = 0; t < teams.size(); t++) {
        teamsOfService.get(teamService[t]).add(t);
      }
      List<Row> rows = new ArrayList<>(services.size() + teams.size() + 1);
      for (int s = 0; s < services.size(); s++) {
        Service service = services.get(s);
        rows.add(serviceAcc[s].row(Level.SERVICE, service.id(), service.name(), service.id(), service.target()));
        for (int t : teamsOfService.get(s)) {
          Team team = teams.get(t);
          rows.add(teamAcc[t].row(Level.TEAM, team.id(), team.name(), service.id(), service.target()));
        }
      }
      rows.add(totalAcc.row(Level.TOTAL, TOTAL_ID, org.name(), null, null));
      return new CapacityReport(org.name(), asOf, rows);
    }
  }
}
