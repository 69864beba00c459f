package org.caseload.core;

import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Departure;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid model values, whole organisations and sequences of
 * organisation operations, shared by the property tests of every module.
 *
 * <p>Each generator draws every choice from QuickTheories' randomness source (no
 * {@code java.util.Random}), so a failing property replays from its printed seed and shrinks:
 * sizes shrink toward 0 and picks toward the first candidate. Use them with a fixed seed:
 * <pre>{@code
 * qt().withFixedSeed(20200331L).withExamples(300)
 *     .forAll(Generators.organisations(), Generators.operations(12))
 *     .checkAssert((org, ops) -> ...);
 * }</pre>
 *
 * <p>Generated organisations are valid (they build; they may carry warnings such as a sibling
 * group split across workers) and mix in what breaks naive code: empty services, teams or
 * case lists, unallocated and closed cases, joint workers, families, leavers in histories,
 * fractional FTE and weights, and names and ids with unicode, quotes, colons, backslashes and
 * line breaks (for file round trips). Every date is on or before the snapshot date, so that
 * operations dated {@code asOf} are always legal.
 */
public final class Generators {
  private Generators() {}

  /** The earliest snapshot date generated. */
  static final LocalDate EARLIEST_AS_OF = LocalDate.of(2018, 1, 1);

  private static final List<String> ODD = List.of(
      "Ærøskøbing", "O'Brien", "\"Quoted\" team", "Team: East", "a:b:c", "北区チーム", "Zoë — Łódź",
      "back\\slash", "line\nbreak", "tab\there", "  padded  ", "-", "#1", "null", "{\"json\": true}",
      "- yaml: item", "&amp; <b>", "100%", "ünïcödé", "🧒 child", "' OR 1=1 --", "?", "~", "x,y");

  private static final List<String> LOCALITIES = List.of("North", "South", "East", "West", "Central",
      "Portswood", "Shirley", "Bitterne", "City");

  // ------------------------------------------------------------------ strings

  /** Names for people and places: usually odd (unicode, quotes, colons, line breaks), never null. */
  public static Gen<String> oddNames() {
    Gen<String> random = strings().betweenCodePoints(0x20, 0x24FF).ofLengthBetween(0, 12);
    return in -> {
      Draw d = new Draw(in);
      return d.chance(70) ? d.pick(ODD) : random.generate(in);
    };
  }

  // ------------------------------------------------------------------ values

  /** Valid capacity policies: usually random fractional weights, sometimes zero, sometimes the defaults. */
  public static Gen<CapacityPolicy> capacityPolicies() {
    return in -> capacityPolicy(new Draw(in));
  }

  /** Valid workers with odd ids, names and team ids, fractional FTE and any start date. */
  public static Gen<Worker> workers() {
    return in -> {
      Draw d = new Draw(in);
      LocalDate asOf = d.asOf();
      return worker(d, d.id("w", d.between(0, 999)), d.id("t", d.between(0, 9)), asOf);
    };
  }

  /**
   * Valid cases with histories of 0 to 4 spells (past workers named "left-n" or "w0".."w4"),
   * open (allocated or not) or closed, sometimes with a family, a joint worker or in court.
   */
  public static Gen<Case> cases() {
    return in -> {
      Draw d = new Draw(in);
      LocalDate asOf = d.asOf();
      List<String> workerIds = List.of("w0", "w1", "w2", "w3", "w4");
      return aCase(d, d.id("c", d.between(0, 999)), d.id("s", d.between(0, 3)), asOf, workerIds,
          new LinkedHashMap<>());
    };
  }

  // ------------------------------------------------------------------ organisations

  /**
   * The parts of a valid organisation, before it is built: 0-4 services, 0-6 teams, 0-25
   * workers, 0-80 cases. Building them never fails (that is a property under test).
   */
  public static Gen<OrganisationParts> organisationParts() {
    return Generators::parts;
  }

  /** Valid organisations (see {@link #organisationParts()}), printed in full when a property fails. */
  public static Gen<Organisation> organisations() {
    return organisationParts().map(OrganisationParts::build).describedAs(Fixtures::dump);
  }

  /**
   * The parts of an organisation, in builder order.
   *
   * @param name not blank
   * @param asOf the snapshot date; every generated date is on or before it
   */
  public record OrganisationParts(String name, LocalDate asOf, CapacityPolicy policy, List<Service> services,
      List<Team> teams, List<Worker> workers, List<Case> cases) {

    /** A builder holding the parts. */
    public Organisation.Builder builder() {
      Organisation.Builder b = Organisation.builder(name, asOf).capacityPolicy(policy);
      services.forEach(b::add);
      teams.forEach(b::add);
      workers.forEach(b::add);
      cases.forEach(b::add);
      return b;
    }

    /** The organisation. */
    public Organisation build() {
      return builder().build();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("OrganisationParts[").append(name).append(" as of ").append(asOf)
          .append("]\n  policy ").append(policy).append('\n');
      services.forEach(s -> sb.append("  ").append(s).append('\n'));
      teams.forEach(t -> sb.append("  ").append(t).append(" id=").append(t.id()).append('\n'));
      workers.forEach(w -> sb.append("  ").append(w).append('\n'));
      cases.forEach(c -> sb.append("  ").append(c).append(" history=").append(c.history()).append('\n'));
      return sb.toString();
    }
  }

  private static OrganisationParts parts(RandomnessSource in) {
    Draw d = new Draw(in);
    String name = "Org " + d.pick(ODD);
    LocalDate asOf = d.asOf();
    CapacityPolicy policy = d.chance(50) ? CapacityPolicy.defaults() : capacityPolicy(d);

    List<Service> services = new ArrayList<>();
    int nServices = d.size(4);
    for (int i = 0; i < nServices; i++) {
      CaseloadTarget target = d.chance(50) ? null
          : new CaseloadTarget(d.fraction(1, 30), asOf.plusDays(d.between(-400, 800)));
      CapacityPolicy own = d.chance(20) ? capacityPolicy(d) : null;
      services.add(new Service(d.id("s", i), d.chance(70) ? d.pick(ODD) : null, target, own));
    }

    List<Team> teams = new ArrayList<>();
    int nTeams = services.isEmpty() ? 0 : d.size(6);
    for (int i = 0; i < nTeams; i++) {
      TeamKind kind = d.pick(List.of(TeamKind.values()));
      String locality = d.chance(20) ? null : d.chance(60) ? d.pick(LOCALITIES) : d.pick(ODD);
      teams.add(new Team(d.id("t", i), d.chance(50) ? d.pick(ODD) : null, d.pick(services).id(), kind, locality,
          d.chance(50) ? d.pick(ODD) : null, d.chance(60) ? 0 : d.between(1, 12)));
    }

    List<Worker> workers = new ArrayList<>();
    int nWorkers = teams.isEmpty() ? 0 : d.size(25);
    for (int i = 0; i < nWorkers; i++) {
      workers.add(worker(d, d.id("w", i), d.pick(teams).id(), asOf));
    }
    List<String> workerIds = workers.stream().map(Worker::id).collect(Collectors.toList());

    List<Case> cases = new ArrayList<>();
    int nCases = services.isEmpty() ? 0 : d.size(80);
    Map<String, String> familyHolders = new LinkedHashMap<>();
    for (int i = 0; i < nCases; i++) {
      cases.add(aCase(d, d.id("c", i), d.pick(services).id(), asOf, workerIds, familyHolders));
    }
    return new OrganisationParts(name, asOf, policy, services, teams, workers, cases);
  }

  private static CapacityPolicy capacityPolicy(Draw d) {
    if (d.chance(15)) {
      return CapacityPolicy.defaults();
    }
    Map<CaseCategory, Double> weights = new EnumMap<>(CaseCategory.class);
    for (CaseCategory c : CaseCategory.values()) {
      weights.put(c, d.chance(10) ? 0.0 : d.fraction(0.1, 10));
    }
    Map<Complexity, Double> multipliers = new EnumMap<>(Complexity.class);
    for (Complexity c : Complexity.values()) {
      multipliers.put(c, d.chance(10) ? 0.0 : d.fraction(0.1, 3));
    }
    Map<Role, Double> capacity = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      capacity.put(r, d.fraction(0.5, 40));
    }
    return new CapacityPolicy(weights, multipliers, capacity, d.subset(), d.chance(50), d.subset());
  }

  private static Worker worker(Draw d, String id, String teamId, LocalDate asOf) {
    Role role = d.pick(List.of(Role.values()));
    double fte = d.chance(50) ? 1.0 : d.chance(50) ? d.between(1, 100) / 100.0 : d.fraction(0.001, 1);
    // Mostly started before the snapshot; occasionally after it (a warning, not an error).
    LocalDate start = d.chance(95) ? asOf.minusDays(d.between(0, 5000)) : asOf.plusDays(d.between(1, 60));
    return new Worker(id, d.chance(60) ? d.pick(ODD) : null, teamId, role,
        d.chance(25) ? Contract.AGENCY : Contract.PERMANENT, fte, start);
  }

  /**
   * A case of {@code serviceId}: opened up to 1000 days before asOf, a history of spells with
   * leavers ("left-n") and current workers, then one of closed (15%), unallocated (15%) or
   * held by a current worker. Siblings usually share their family's holder.
   */
  private static Case aCase(Draw d, String id, String serviceId, LocalDate asOf, List<String> workerIds,
      Map<String, String> familyHolders) {
    CaseCategory category = d.pick(List.of(CaseCategory.values()));
    Complexity complexity = d.pick(List.of(Complexity.values()));
    String familyId = d.chance(30) ? "fam-" + d.between(0, 5) : null;
    boolean court = d.chance(15);
    LocalDate opened = asOf.minusDays(d.between(0, 1000));

    int state = d.between(0, 99); // < 15 closed, < 30 unallocated, else held (if there is a worker)
    boolean closed = state < 15;
    boolean held = state >= 30 && !workerIds.isEmpty();
    int pastSpells = d.between(0, 3);
    List<Allocation> history = new ArrayList<>();
    LocalDate day = opened;
    String previous = null;
    for (int s = 0; s < pastSpells; s++) {
      String w = d.chance(50) || workerIds.isEmpty() ? "left-" + d.between(0, 9) : d.pick(workerIds);
      LocalDate from = day.plusDays(d.between(0, 30));
      LocalDate until = from.plusDays(d.between(0, 200));
      if (until.isAfter(asOf)) {
        break;
      }
      history.add(new Allocation(w, from, until));
      day = until;
      previous = w;
    }
    String holder = null;
    if (held) {
      String familyHolder = familyId == null ? null : familyHolders.get(familyId);
      holder = familyHolder != null && d.chance(80) ? familyHolder : d.pick(workerIds);
      if (holder.equals(previous) && d.chance(50)) {
        holder = d.pick(workerIds); // a worker may take a case back; mostly it is a transfer
      }
      LocalDate from = day.plusDays(d.between(0, 30));
      history.add(new Allocation(holder, from.isAfter(asOf) ? asOf : from, null));
      if (familyId != null) {
        familyHolders.putIfAbsent(familyId, holder);
      }
    }
    LocalDate closedOn = null;
    if (closed) {
      closedOn = day.plusDays(d.between(0, 30));
      if (closedOn.isAfter(asOf)) {
        closedOn = asOf;
      }
    }
    String joint = null;
    if (!closed && !workerIds.isEmpty() && d.chance(15)) {
      String j = d.pick(workerIds);
      joint = j.equals(holder) ? null : j;
    }
    String locality = d.chance(40) ? d.pick(ODD) : null;
    return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, closedOn, history, joint);
  }

  // ------------------------------------------------------------------ operations

  /** Sequences of 0 to {@code maxLength} operations. */
  public static Gen<List<Op>> operations(int maxLength) {
    Gen<Op> op = operation();
    return in -> {
      int n = Generate.range(0, maxLength).generate(in);
      List<Op> ops = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ops.add(op.generate(in));
      }
      return ops;
    };
  }

  /** One operation of any kind, with its arguments still to be picked from an organisation. */
  public static Gen<Op> operation() {
    return in -> {
      Draw d = new Draw(in);
      switch (d.between(0, 9)) {
        case 0:
          return new Op.Hire(d.between(0, 99), d.pick(List.of(Role.values())),
              d.chance(30) ? Contract.AGENCY : Contract.PERMANENT, d.chance(60) ? 1.0 : d.between(1, 99) / 100.0,
              d.pick(ODD));
        case 1:
          return new Op.Leave(d.between(0, 99));
        case 2:
          return new Op.MoveWorker(d.between(0, 99), d.between(0, 99));
        case 3:
          return new Op.TransferCase(d.between(0, 99), d.between(0, 99));
        case 4:
          return new Op.UnallocateCase(d.between(0, 99));
        case 5:
          return new Op.WithJointWorker(d.between(0, 99), d.chance(20) ? -1 : d.between(0, 99));
        case 6:
          return new Op.CreateTeam(d.between(0, 99), d.pick(List.of(TeamKind.values())), d.pick(LOCALITIES));
        case 7:
          return new Op.DissolveTeam(d.between(0, 99));
        case 8:
          return new Op.OpenCase(d.between(0, 99), d.pick(List.of(CaseCategory.values())),
              d.pick(List.of(Complexity.values())), d.chance(30) ? d.between(0, 5) : -1, d.chance(15),
              d.chance(50) ? d.between(0, 99) : -1);
        default:
          return new Op.CloseCase(d.between(0, 99));
      }
    };
  }

  /** What applying an {@link Op} did. */
  public record Outcome(Organisation organisation, Departure departure, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  /**
   * An operation on an organisation whose arguments are picks ({@code pick % candidates}),
   * resolved against the organisation it is applied to, so that it is valid whatever came
   * before. An operation with nothing to act on (no worker to leave, say) returns the
   * organisation unchanged. Every operation is dated {@code asOf}.
   */
  public sealed interface Op {

    /** Applies this operation to {@code org}, which is not changed. */
    Outcome apply(Organisation org);

    /** Hires a worker into a picked team, with a new id "hire-n". */
    record Hire(int team, Role role, Contract contract, double fte, String name) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.teams().isEmpty()) {
          return skipped(org, "hire: no team");
        }
        String teamId = pick(org.teams(), team).id();
        String id = freshId(org.workers().stream().map(Worker::id).collect(Collectors.toSet()), "hire-");
        Worker w = new Worker(id, name, teamId, role, contract, fte, org.asOf().minusDays(1));
        return new Outcome(org.hire(w), null, "hire " + w);
      }
    }

    /** A picked worker leaves. */
    record Leave(int worker) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.workers().isEmpty()) {
          return skipped(org, "leave: no worker");
        }
        String id = pick(org.workers(), worker).id();
        Departure dep = org.leave(id, org.asOf());
        return new Outcome(dep.organisation(), dep, "leave " + id + ": " + dep);
      }
    }

    /** A picked worker moves to a picked team (possibly their own). */
    record MoveWorker(int worker, int team) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.workers().isEmpty()) {
          return skipped(org, "moveWorker: no worker");
        }
        String w = pick(org.workers(), worker).id();
        String t = pick(org.teams(), team).id();
        return new Outcome(org.moveWorker(w, t), null, "moveWorker " + w + " to " + t);
      }
    }

    /** A picked open case goes to a picked worker (a transfer, or an allocation if it waited). */
    record TransferCase(int theCase, int worker) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        List<Case> open = org.openCases();
        if (open.isEmpty() || org.workers().isEmpty()) {
          return skipped(org, "transferCase: no open case or no worker");
        }
        String c = pick(open, theCase).id();
        String w = pick(org.workers(), worker).id();
        return new Outcome(org.transferCase(c, w, org.asOf()), null, "transferCase " + c + " to " + w);
      }
    }

    /** A picked allocated case loses its worker. */
    record UnallocateCase(int theCase) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        List<Case> held = org.cases().stream().filter(Case::isAllocated).collect(Collectors.toList());
        if (held.isEmpty()) {
          return skipped(org, "unallocateCase: no allocated case");
        }
        String c = pick(held, theCase).id();
        return new Outcome(org.unallocateCase(c, org.asOf()), null, "unallocateCase " + c);
      }
    }

    /** A picked open case gets a picked joint worker other than its holder, or loses its joint worker ({@code worker < 0}). */
    record WithJointWorker(int theCase, int worker) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        List<Case> open = org.openCases();
        if (open.isEmpty()) {
          return skipped(org, "withJointWorker: no open case");
        }
        Case c = pick(open, theCase);
        List<Worker> others = org.workers().stream().filter(w -> !w.id().equals(c.workerId()))
            .collect(Collectors.toList());
        String joint = worker < 0 || others.isEmpty() ? null : pick(others, worker).id();
        return new Outcome(org.withJointWorker(c.id(), joint), null, "withJointWorker " + c.id() + " " + joint);
      }
    }

    /** A new team "new-team-n" in a picked service. */
    record CreateTeam(int service, TeamKind kind, String locality) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.services().isEmpty()) {
          return skipped(org, "createTeam: no service");
        }
        String id = freshId(org.teams().stream().map(Team::id).collect(Collectors.toSet()), "new-team-");
        Team t = Team.of(id, pick(org.services(), service).id(), kind, locality);
        return new Outcome(org.createTeam(t), null, "createTeam " + t);
      }
    }

    /** A picked team is dissolved; its workers leave. */
    record DissolveTeam(int team) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.teams().isEmpty()) {
          return skipped(org, "dissolveTeam: no team");
        }
        String id = pick(org.teams(), team).id();
        Departure dep = org.dissolveTeam(id, org.asOf());
        return new Outcome(dep.organisation(), dep, "dissolveTeam " + id + ": " + dep);
      }
    }

    /**
     * A new case "new-case-n" in a picked service, opened on asOf; in family "fam-{family}"
     * unless {@code family < 0}; allocated to a picked worker unless {@code worker < 0}.
     */
    record OpenCase(int service, CaseCategory category, Complexity complexity, int family, boolean court,
        int worker) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        if (org.services().isEmpty()) {
          return skipped(org, "openCase: no service");
        }
        String id = freshId(org.cases().stream().map(Case::id).collect(Collectors.toSet()), "new-case-");
        List<Allocation> history = worker < 0 || org.workers().isEmpty() ? List.of()
            : List.of(new Allocation(pick(org.workers(), worker).id(), org.asOf(), null));
        Case c = new Case(id, pick(org.services(), service).id(), category, complexity,
            family < 0 ? null : "fam-" + family, null, court, org.asOf(), null, history, null);
        return new Outcome(org.openCase(c), null, "openCase " + c);
      }
    }

    /** A picked open case closes. */
    record CloseCase(int theCase) implements Op {
      @Override
      public Outcome apply(Organisation org) {
        List<Case> open = org.openCases();
        if (open.isEmpty()) {
          return skipped(org, "closeCase: no open case");
        }
        String c = pick(open, theCase).id();
        return new Outcome(org.closeCase(c, org.asOf()), null, "closeCase " + c);
      }
    }

    private static Outcome skipped(Organisation org, String why) {
      return new Outcome(org, null, why + " (skipped)");
    }

    private static <T> T pick(List<T> list, int pick) {
      return list.get(Math.floorMod(pick, list.size()));
    }

    private static String freshId(Set<String> taken, String prefix) {
      for (int i = taken.size(); ; i++) {
        if (!taken.contains(prefix + i)) {
          return prefix + i;
        }
      }
    }
  }

  // ------------------------------------------------------------------ drawing

  /**
   * Draws from QuickTheories' randomness source, so that every choice replays and shrinks: for
   * the generators here and those of other modules' tests.
   */
  public static final class Draw {
    private final RandomnessSource in;

    public Draw(RandomnessSource in) {
      this.in = in;
    }

    /** A whole number in [lo, hi], shrinking toward the one nearest 0. */
    public int between(int lo, int hi) {
      return Generate.range(lo, hi).generate(in);
    }

    /** A count in [0, max]: 0 one time in twenty (and when shrinking), otherwise uniform in [1, max]. */
    int size(int max) {
      return chance(5) ? 0 : between(1, max);
    }

    /** True with probability {@code percent}/100; shrinks toward true for {@code percent} above 0. */
    public boolean chance(int percent) {
      return between(0, 99) < percent;
    }

    /** One of {@code list}, shrinking toward the first. */
    public <T> T pick(List<T> list) {
      return list.get(between(0, list.size() - 1));
    }

    /** A name with spaces, accents or other scripts, for ids and names that must survive files. */
    public String oddName() {
      return oddNames().generate(in);
    }

    /** A number in [lo, hi] with up to 4 decimals, sometimes an awkward binary fraction. */
    public double fraction(double lo, double hi) {
      double v = lo + (hi - lo) * between(0, 10_000) / 10_000.0;
      return chance(20) ? Math.min(hi, v + 1.0 / 3.0 * (hi - lo) / 10_000.0) : v;
    }

    LocalDate asOf() {
      return EARLIEST_AS_OF.plusDays(between(0, 4000));
    }

    /** {@code prefix + i}, or (one time in four) an odd name with the index after a colon. */
    String id(String prefix, int i) {
      return chance(75) ? prefix + i : pick(ODD) + ":" + prefix + i;
    }

    Set<CaseCategory> subset() {
      Set<CaseCategory> s = EnumSet.noneOf(CaseCategory.class);
      for (CaseCategory c : CaseCategory.values()) {
        if (chance(40)) {
          s.add(c);
        }
      }
      return s;
    }
  }
}
