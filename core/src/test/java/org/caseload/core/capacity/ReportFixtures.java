package org.caseload.core.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
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

/**
 * Organisations for the capacity report tests: one small one whose every figure is worked out
 * by hand, and seeded random ones for properties and timing. (To move into the module's shared
 * fixtures once those exist.)
 */
final class ReportFixtures {
  private ReportFixtures() {}

  static final LocalDate AS_OF = LocalDate.of(2020, 3, 31);
  static final LocalDate START = LocalDate.of(2019, 1, 1);
  static final LocalDate OPENED = LocalDate.of(2019, 6, 1);
  static final CaseloadTarget CP_TARGET = new CaseloadTarget(18, LocalDate.of(2021, 3, 31));
  static final CaseloadTarget LA_TARGET = new CaseloadTarget(15, LocalDate.of(2021, 3, 31));

  /**
   * Looked-after service's own policy: a looked-after case weighs 1.5, high complexity doubles
   * the weight, a qualified worker holds 20 weighted cases per FTE.
   */
  static final CapacityPolicy LA_POLICY = CapacityPolicy.defaults()
      .withCategoryWeight(CaseCategory.LOOKED_AFTER, 1.5)
      .withComplexityMultiplier(Complexity.HIGH, 2.0)
      .withCapacityPerFte(Role.QUALIFIED, 20);

  /**
   * Southby, on 2020-03-31. Default policy unless said (weights 1, capacity per FTE: qualified 18,
   * newly qualified 16.2, unqualified 18).
   *
   * <pre>
   * cp  Child protection (target 18 by 2021-03-31)
   *   cp-east  q1  qualified perm 1.0     19 CP                         load 19  cap 18    over
   *            q2  qualified agency 0.5   6 CIN + 1 LA high of la (3)   load 9   cap 9     not over (equal)
   *            nq1 NQ perm 1.0            9 CIN, CP joint q1, CP alone*, CIN court alone*, CIN court joint q1
   *                                                                     load 13  cap 16.2
   *   cp-hub   nq2 NQ agency 0.8          5 CIN, CP joint nq2→nq1*       load 6   cap 12.96
   *            u1  unqualified agency 1.0 4 CIN, CP*, assessment*        load 6   cap 18
   *            q3  qualified perm 0.6     nothing                                cap 10.8
   *   unallocated: opened 2020-03-01 (30 days), opened 2020-03-21 (10 days), left a worker on
   *   2020-01-31 (60 days); one closed case (ignored)
   * la  Looked after (target 15 by 2021-03-31, own policy LA_POLICY)
   *   la-1     q4  qualified perm 1.0     10 LA (1.5) + 2 CIN (1)        load 17  cap 20
   *            q5  qualified agency 1.0   8 LA high (3)                  load 24  cap 20    over
   *   unallocated: 4 days and 7 days
   * cl  Care leavers: no team, no worker, no case
   * (* = breach)
   * </pre>
   */
  static Organisation southby() {
    Organisation.Builder b = Organisation.builder("Southby", AS_OF)
        .add(new Service("cp", "Child protection", CP_TARGET, null))
        .add(new Service("la", "Looked after", LA_TARGET, LA_POLICY))
        .add(Service.of("cl", "Care leavers"))
        .add(new Team("cp-east", "CP East", "cp", TeamKind.LOCALITY, "East", "Ann", 8))
        .add(new Team("cp-hub", "CP Hub", "cp", TeamKind.HUB, null, null, 0))
        .add(new Team("la-1", "LA One", "la", TeamKind.LOCALITY, "North", null, 0))
        .add(Worker.of("q1", "cp-east", Role.QUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(Worker.of("q2", "cp-east", Role.QUALIFIED, Contract.AGENCY, 0.5, START))
        .add(Worker.of("nq1", "cp-east", Role.NEWLY_QUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(Worker.of("nq2", "cp-hub", Role.NEWLY_QUALIFIED, Contract.AGENCY, 0.8, START))
        .add(Worker.of("u1", "cp-hub", Role.UNQUALIFIED, Contract.AGENCY, 1.0, START))
        .add(Worker.of("q3", "cp-hub", Role.QUALIFIED, Contract.PERMANENT, 0.6, START))
        .add(Worker.of("q4", "la-1", Role.QUALIFIED, Contract.PERMANENT, 1.0, START))
        .add(Worker.of("q5", "la-1", Role.QUALIFIED, Contract.AGENCY, 1.0, START));
    Counter n = new Counter();
    held(b, n, 19, "cp", CaseCategory.CHILD_PROTECTION, "q1");
    held(b, n, 6, "cp", CaseCategory.CHILD_IN_NEED, "q2");
    b.add(held(n.next(), "la", CaseCategory.LOOKED_AFTER, Complexity.HIGH, false, "q2", null));
    held(b, n, 9, "cp", CaseCategory.CHILD_IN_NEED, "nq1");
    b.add(held(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "nq1", "q1"));
    b.add(held(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "nq1", null));
    b.add(held(n.next(), "cp", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, true, "nq1", null));
    b.add(held(n.next(), "cp", CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, true, "nq1", "q1"));
    held(b, n, 5, "cp", CaseCategory.CHILD_IN_NEED, "nq2");
    b.add(held(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "nq2", "nq1"));
    held(b, n, 4, "cp", CaseCategory.CHILD_IN_NEED, "u1");
    b.add(held(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, false, "u1", null));
    b.add(held(n.next(), "cp", CaseCategory.ASSESSMENT, Complexity.STANDARD, false, "u1", null));
    b.add(Case.open(n.next(), "cp", CaseCategory.ASSESSMENT, LocalDate.of(2020, 3, 1)));
    b.add(Case.open(n.next(), "cp", CaseCategory.CHILD_IN_NEED, LocalDate.of(2020, 3, 21)));
    b.add(new Case(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, null, null, false, OPENED, null,
        List.of(new Allocation("gone", OPENED, LocalDate.of(2020, 1, 31))), null));
    b.add(new Case(n.next(), "cp", CaseCategory.CHILD_PROTECTION, Complexity.STANDARD, null, null, false, OPENED,
        LocalDate.of(2020, 2, 1), List.of(new Allocation("q1", OPENED, LocalDate.of(2020, 2, 1))), null));
    held(b, n, 10, "la", CaseCategory.LOOKED_AFTER, "q4");
    held(b, n, 2, "la", CaseCategory.CHILD_IN_NEED, "q4");
    for (int i = 0; i < 8; i++) {
      b.add(held(n.next(), "la", CaseCategory.LOOKED_AFTER, Complexity.HIGH, false, "q5", null));
    }
    b.add(Case.open(n.next(), "la", CaseCategory.LOOKED_AFTER, LocalDate.of(2020, 3, 27)));
    b.add(Case.open(n.next(), "la", CaseCategory.LOOKED_AFTER, LocalDate.of(2020, 3, 24)));
    return b.build();
  }

  private static final class Counter {
    int next;

    String next() {
      return "c" + (++next);
    }
  }

  private static void held(Organisation.Builder b, Counter n, int count, String service, CaseCategory category,
      String worker) {
    for (int i = 0; i < count; i++) {
      b.add(held(n.next(), service, category, Complexity.STANDARD, false, worker, null));
    }
  }

  /** An open case held by {@code worker} since it opened on 2019-06-01. */
  static Case held(String id, String service, CaseCategory category, Complexity complexity, boolean court,
      String worker, String joint) {
    return new Case(id, service, category, complexity, null, null, court, OPENED, null,
        List.of(new Allocation(worker, OPENED, null)), joint);
  }
}
