package org.caseload.core;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.junit.jupiter.api.function.Executable;

/**
 * Small hand-built organisations with readable ids, and helpers to build and inspect them.
 * Shared by the unit tests, the property tests and (through core's test-jar) later modules.
 *
 * <h2>{@link #riverside()}</h2>
 * Riverside Council on {@link #AS_OF} (2020-03-31), default capacity policy:
 * <pre>
 * services  cin "Children in need"; cp "Child protection" (target 18 per FTE by 2021-03-31);
 *           lac "Looked after"
 * teams     cin-north (cin, locality North, manager Ruth, span 4)
 *           cp-hub    (cp, hub, no locality)
 *           lac-peri  (lac, peripatetic, locality City)
 * workers   cin-north: alice (qualified permanent 1.0), bob (newly qualified agency 0.8),
 *                      carol (unqualified permanent 0.5)
 *           cp-hub:    dan (qualified agency 1.0), erin (newly qualified permanent 1.0)
 *           lac-peri:  frank (qualified permanent 0.6)
 * cases     c1, c2  cin, family "smith", held by alice since 2019-10-01 (siblings together)
 *           c3      cin low, held by bob since 2020-01-06; before that by "left-1" (1 transfer)
 *           c4      cin, held by carol since 2020-02-03
 *           c5      cp high, held by erin jointly with dan since 2019-12-02
 *           c6      cp, held by dan; history left-2 then left-3 then dan (2 transfers)
 *           c7      lac high, court, held by frank since 2019-06-03
 *           c8      cin, unallocated since 2020-03-02 (its worker left-4 left)
 *           c9      cp, unallocated since it opened on 2020-03-30
 *           c10     cin, closed on 2020-02-28 (was held by alice)
 * </pre>
 * No role protection is broken, no worker is over capacity, and there are no warnings.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The snapshot date of the fixtures: 31 March 2020, the end of the financial year in the
   *  scrutiny report that motivates the library. */
  public static final LocalDate AS_OF = LocalDate.of(2020, 3, 31);

  /** {@code n} days before {@link #AS_OF}. */
  public static LocalDate daysAgo(int n) {
    return AS_OF.minusDays(n);
  }

  // ------------------------------------------------------------------ riverside

  /** The Riverside organisation described in the class documentation. */
  public static Organisation riverside() {
    return riversideBuilder().build();
  }

  /** A builder holding all of {@link #riverside()}, to add to before building. */
  public static Organisation.Builder riversideBuilder() {
    Organisation.Builder b = Organisation.builder("Riverside Council", AS_OF)
        .add(Service.of("cin", "Children in need"))
        .add(Service.of("cp", "Child protection")
            .withTarget(new CaseloadTarget(18, LocalDate.of(2021, 3, 31))))
        .add(Service.of("lac", "Looked after"))
        .add(new Team("cin-north", "North children in need", "cin", TeamKind.LOCALITY, "North", "Ruth", 4))
        .add(new Team("cp-hub", "Child protection hub", "cp", TeamKind.HUB, null, null, 0))
        .add(Team.of("lac-peri", "lac", TeamKind.PERIPATETIC, "City"))
        .add(new Worker("alice", "Alice Adams", "cin-north", Role.QUALIFIED, Contract.PERMANENT, 1.0,
            LocalDate.of(2015, 9, 1)))
        .add(new Worker("bob", "Bob Brown", "cin-north", Role.NEWLY_QUALIFIED, Contract.AGENCY, 0.8,
            LocalDate.of(2019, 9, 2)))
        .add(new Worker("carol", "Carol Clark", "cin-north", Role.UNQUALIFIED, Contract.PERMANENT, 0.5,
            LocalDate.of(2018, 1, 8)))
        .add(new Worker("dan", "Dan Davies", "cp-hub", Role.QUALIFIED, Contract.AGENCY, 1.0,
            LocalDate.of(2019, 4, 1)))
        .add(new Worker("erin", "Erin Evans", "cp-hub", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1.0,
            LocalDate.of(2019, 9, 2)))
        .add(new Worker("frank", "Frank Foster", "lac-peri", Role.QUALIFIED, Contract.PERMANENT, 0.6,
            LocalDate.of(2010, 5, 4)));
    LocalDate oct1 = LocalDate.of(2019, 10, 1);
    b.add(held("c1", "cin", CaseCategory.CHILD_IN_NEED, "alice", oct1).withFamily("smith").build());
    b.add(held("c2", "cin", CaseCategory.CHILD_IN_NEED, "alice", oct1).withFamily("smith").build());
    b.add(new CaseSpec("c3", "cin", CaseCategory.CHILD_IN_NEED).complexity(Complexity.LOW)
        .opened(LocalDate.of(2019, 11, 4))
        .spell("left-1", LocalDate.of(2019, 11, 4), LocalDate.of(2020, 1, 6))
        .spell("bob", LocalDate.of(2020, 1, 6), null).build());
    b.add(held("c4", "cin", CaseCategory.CHILD_IN_NEED, "carol", LocalDate.of(2020, 2, 3)).build());
    b.add(held("c5", "cp", CaseCategory.CHILD_PROTECTION, "erin", LocalDate.of(2019, 12, 2))
        .complexity(Complexity.HIGH).joint("dan").build());
    b.add(new CaseSpec("c6", "cp", CaseCategory.CHILD_PROTECTION).opened(LocalDate.of(2019, 7, 1))
        .spell("left-2", LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 30))
        .spell("left-3", LocalDate.of(2019, 9, 30), LocalDate.of(2019, 12, 20))
        .spell("dan", LocalDate.of(2019, 12, 20), null).build());
    b.add(held("c7", "lac", CaseCategory.LOOKED_AFTER, "frank", LocalDate.of(2019, 6, 3))
        .complexity(Complexity.HIGH).court().build());
    b.add(new CaseSpec("c8", "cin", CaseCategory.CHILD_IN_NEED).opened(LocalDate.of(2019, 12, 2))
        .spell("left-4", LocalDate.of(2019, 12, 2), LocalDate.of(2020, 3, 2)).build());
    b.add(new CaseSpec("c9", "cp", CaseCategory.CHILD_PROTECTION).opened(LocalDate.of(2020, 3, 30)).build());
    b.add(held("c10", "cin", CaseCategory.CHILD_IN_NEED, "alice", LocalDate.of(2019, 5, 1))
        .closed(LocalDate.of(2020, 2, 28)).build());
    return b;
  }

  /**
   * The smallest useful organisation: one service "cin", one locality team "t1", one qualified
   * full-time worker "w1" holding no case, no cases.
   */
  public static Organisation minimal() {
    return minimalBuilder().build();
  }

  /** A builder holding {@link #minimal()}. */
  public static Organisation.Builder minimalBuilder() {
    return Organisation.builder("Minimal", AS_OF)
        .add(Service.of("cin", "Children in need"))
        .add(Team.of("t1", "cin", TeamKind.LOCALITY, "North"))
        .add(qualified("w1", "t1"));
  }

  // ------------------------------------------------------------------ values

  /** A qualified, permanent, full-time worker who started five years before {@link #AS_OF}. */
  public static Worker qualified(String id, String teamId) {
    return worker(id, teamId, Role.QUALIFIED);
  }

  /** A permanent, full-time worker of {@code role} who started a year before {@link #AS_OF}
   *  (newly qualified: three months before). */
  public static Worker worker(String id, String teamId, Role role) {
    LocalDate start = role == Role.NEWLY_QUALIFIED ? AS_OF.minusMonths(3) : AS_OF.minusYears(5);
    return Worker.of(id, teamId, role, Contract.PERMANENT, 1.0, start);
  }

  /** An open, unallocated case of standard complexity opened a week before {@link #AS_OF}. */
  public static Case openCase(String id, String serviceId, CaseCategory category) {
    return Case.open(id, serviceId, category, daysAgo(7));
  }

  /** A case opened and allocated to {@code workerId} on {@code from}, to adjust and build. */
  public static CaseSpec held(String id, String serviceId, CaseCategory category, String workerId,
      LocalDate from) {
    return new CaseSpec(id, serviceId, category).opened(from).spell(workerId, from, null);
  }

  /** A fluent description of a case, for tests; {@link #build()} runs the record's checks. */
  public static final class CaseSpec {
    private final String id;
    private final String serviceId;
    private final CaseCategory category;
    private Complexity complexity = Complexity.STANDARD;
    private String familyId;
    private String locality;
    private boolean court;
    private LocalDate opened = daysAgo(30);
    private LocalDate closed;
    private final List<Allocation> history = new ArrayList<>();
    private String jointWorkerId;

    public CaseSpec(String id, String serviceId, CaseCategory category) {
      this.id = id;
      this.serviceId = serviceId;
      this.category = category;
    }

    public CaseSpec complexity(Complexity value) {
      complexity = value;
      return this;
    }

    public CaseSpec withFamily(String value) {
      familyId = value;
      return this;
    }

    public CaseSpec locality(String value) {
      locality = value;
      return this;
    }

    public CaseSpec court() {
      court = true;
      return this;
    }

    public CaseSpec opened(LocalDate value) {
      opened = value;
      return this;
    }

    /** Closes the case on {@code value}, ending a current spell that day. */
    public CaseSpec closed(LocalDate value) {
      closed = value;
      if (!history.isEmpty() && history.get(history.size() - 1).isCurrent()) {
        history.set(history.size() - 1, history.get(history.size() - 1).endedOn(value));
      }
      return this;
    }

    /** Adds a spell with a worker ({@code until} null for the current holder). */
    public CaseSpec spell(String workerId, LocalDate from, LocalDate until) {
      history.add(new Allocation(workerId, from, until));
      return this;
    }

    public CaseSpec joint(String workerId) {
      jointWorkerId = workerId;
      return this;
    }

    public Case build() {
      return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, closed, history,
          jointWorkerId);
    }
  }

  // ------------------------------------------------------------------ inspection

  /** The problems of the {@link InvalidInputException} that {@code action} must throw. */
  public static List<Problem> problemsOf(Executable action) {
    return assertThrows(InvalidInputException.class, action).problems();
  }

  /** The problems as {@code "severity: path message"} lines, for compact assertions. */
  public static List<String> describe(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.toList());
  }

  /**
   * Every part of an organisation, one per line: for failure messages and shrunk examples,
   * where {@link Organisation#toString()} (one summary line) says too little.
   */
  public static String dump(Organisation org) {
    StringBuilder sb = new StringBuilder(org.toString()).append('\n');
    sb.append("  policy ").append(org.capacityPolicy()).append('\n');
    org.services().forEach(s -> sb.append("  ").append(s).append('\n'));
    org.teams().forEach(t -> sb.append("  ").append(t).append(" id=").append(t.id()).append('\n'));
    org.workers().forEach(w -> sb.append("  ").append(w).append('\n'));
    org.cases().forEach(c -> sb.append("  ").append(c).append(" history=").append(c.history()).append('\n'));
    return sb.toString();
  }

  /** A copy of {@code org} rebuilt from its parts through a fresh builder (not {@code toBuilder}). */
  public static Organisation rebuild(Organisation org) {
    Organisation.Builder b = Organisation.builder(org.name(), org.asOf()).capacityPolicy(org.capacityPolicy());
    org.services().forEach(b::add);
    org.teams().forEach(b::add);
    org.workers().forEach(b::add);
    org.cases().forEach(b::add);
    return b.build();
  }
}
