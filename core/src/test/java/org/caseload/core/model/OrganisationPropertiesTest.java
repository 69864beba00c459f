package org.caseload.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.caseload.core.Fixtures;
import org.caseload.core.Generators;
import org.caseload.core.Generators.Op;
import org.caseload.core.Generators.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Invariants of {@link Organisation} under any sequence of operations (DESIGN.md: no case is
 * ever lost; every case is exactly one of open-allocated, open-unallocated or closed). Fixed
 * seeds: a failure replays exactly and prints the shrunk organisation, the operations, and the
 * trace of what each one did.
 */
class OrganisationPropertiesTest {
  private static final long SEED = 20200331L;
  private static final int EXAMPLES = 300;
  private static final int MAX_OPS = 15;

  @Test
  void noCaseIsEverLostThroughAnySequenceOfOperations() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(Generators.organisations(), Generators.operations(MAX_OPS))
        .checkAssert((org, ops) -> {
          List<String> trace = new ArrayList<>();
          Supplier<String> where = () -> "after " + String.join("; ", trace);
          checkStates(org, where);
          Organisation current = org;
          for (Op op : ops) {
            Outcome outcome = op.apply(current);
            trace.add(outcome.description());
            Organisation next = outcome.organisation();
            assertNotNull(next, where);
            checkConservation(current, next, op, where);
            checkStates(next, where);
            if (outcome.departure() != null) {
              checkDeparture(current, outcome.departure(), where);
            }
            current = next;
          }
        });
  }

  @Test
  void eachWorkersPositionLoadAndCapacityAgreeWithTheCasesAndPolicies() {
    qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES)
        .forAll(Generators.organisations(), Generators.operations(MAX_OPS))
        .checkAssert((org, ops) -> {
          Organisation current = org;
          checkWorkerTable(current);
          for (Op op : ops) {
            current = op.apply(current).organisation();
            checkWorkerTable(current);
          }
        });
  }

  /** Positions, loads and capacities against the workers, open cases held and policies, worked out here. */
  private static void checkWorkerTable(Organisation org) {
    List<Worker> workers = org.workers();
    Map<String, Double> held = new java.util.HashMap<>();
    for (Case c : org.cases()) {
      if (c.isOpen() && c.workerId() != null) {
        held.merge(c.workerId(), org.policyFor(c.serviceId()).weight(c), Double::sum);
      }
    }
    double[] loads = org.loads();
    double[] capacities = org.capacities();
    assertEquals(workers.size(), loads.length);
    assertEquals(workers.size(), capacities.length);
    for (int k = 0; k < workers.size(); k++) {
      Worker w = workers.get(k);
      assertEquals(k, org.indexOf(w.id()), w.id());
      assertEquals(held.getOrDefault(w.id(), 0.0), loads[k], 1e-9, w.id());
      assertEquals(loads[k], org.load(w.id()), w.id());
      CapacityPolicy policy = org.policyFor(org.team(w.teamId()).serviceId());
      assertEquals(policy.capacity(w), capacities[k], w.id());
      assertEquals(capacities[k], org.capacity(w.id()), w.id());
    }
    assertEquals(-1, org.indexOf("no such worker"));
    assertEquals(0.0, org.load("no such worker"));
    if (loads.length > 0) {
      loads[0] = -1; // a copy: the organisation keeps its own
      capacities[0] = -1;
      assertEquals(org.load(workers.get(0).id()), org.loads()[0]);
      assertEquals(org.capacity(workers.get(0).id()), org.capacities()[0]);
      assertTrue(org.loads()[0] >= 0 && org.capacities()[0] >= 0);
    }
  }

  @Test
  void noOperationChangesTheOrganisationItIsAppliedTo() {
    qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES)
        .forAll(Generators.organisations(), Generators.operations(MAX_OPS))
        .checkAssert((org, ops) -> {
          Organisation current = org;
          for (Op op : ops) {
            Organisation copy = Fixtures.rebuild(current);
            assertEquals(copy, current, "a copy rebuilt from the parts is equal");
            String printed = current.toString();
            List<Case> cases = List.copyOf(current.cases());
            List<Worker> workers = List.copyOf(current.workers());
            List<Team> teams = List.copyOf(current.teams());
            List<Case> unallocated = List.copyOf(current.unallocatedCases());

            Organisation next = op.apply(current).organisation();

            String what = op.toString();
            assertEquals(copy, current, what);
            assertEquals(printed, current.toString(), what);
            assertEquals(cases, current.cases(), what);
            assertEquals(workers, current.workers(), what);
            assertEquals(teams, current.teams(), what);
            assertEquals(unallocated, current.unallocatedCases(), what);
            for (Worker w : workers) {
              assertEquals(cases.stream().filter(c -> w.id().equals(c.workerId())).collect(Collectors.toList()),
                  current.casesHeldBy(w.id()), what);
            }
            current = next;
          }
        });
  }

  @Test
  void operationsUsuallyFindSomethingToActOn() {
    Map<String, int[]> counts = new TreeMap<>(); // kind -> {applied, skipped}
    qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES)
        .forAll(Generators.organisations(), Generators.operations(MAX_OPS))
        .checkAssert((org, ops) -> {
          Organisation current = org;
          for (Op op : ops) {
            Outcome outcome = op.apply(current);
            int[] c = counts.computeIfAbsent(op.getClass().getSimpleName(), k -> new int[2]);
            c[outcome.description().endsWith("(skipped)") ? 1 : 0]++;
            current = outcome.organisation();
          }
        });
    assertEquals(10, counts.size(), "every kind of operation is generated: " + counts.keySet());
    int applied = 0;
    int skipped = 0;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      assertTrue(e.getValue()[0] >= 50, e.getKey() + " applied only " + e.getValue()[0] + " times");
      applied += e.getValue()[0];
      skipped += e.getValue()[1];
    }
    StringBuilder table = new StringBuilder();
    counts.forEach((k, v) -> table.append(' ').append(k).append('=').append(v[0]).append('/').append(v[1]));
    assertTrue(skipped < 0.2 * (applied + skipped),
        skipped + " of " + (applied + skipped) + " operations skipped (applied/skipped:" + table + ")");
  }

  // ------------------------------------------------------------------ checks

  /** Case ids never go; open cases only come by openCase and go by closeCase; closed cases stay closed. */
  private static void checkConservation(Organisation before, Organisation after, Op op, Supplier<String> where) {
    Set<String> idsBefore = ids(before.cases());
    Set<String> idsAfter = ids(after.cases());
    assertTrue(idsAfter.containsAll(idsBefore), where);
    Set<String> openBefore = ids(before.openCases());
    Set<String> openAfter = ids(after.openCases());
    if (op instanceof Op.OpenCase && !after.equals(before)) {
      assertEquals(idsBefore.size() + 1, idsAfter.size(), where);
      assertTrue(openAfter.containsAll(openBefore) && openAfter.size() == openBefore.size() + 1, where);
    } else if (op instanceof Op.CloseCase && !after.equals(before)) {
      assertEquals(idsBefore, idsAfter, where);
      assertTrue(openBefore.containsAll(openAfter) && openAfter.size() == openBefore.size() - 1, where);
    } else {
      assertEquals(idsBefore, idsAfter, where);
      assertEquals(openBefore, openAfter, where);
    }
    for (Case c : before.cases()) {
      if (!c.isOpen()) {
        assertEquals(c.withJointWorker(null), after.caseById(c.id()).withJointWorker(null),
            () -> "a closed case does not change: " + c.id() + " " + where.get());
      }
    }
  }

  /** Every case is exactly one of open-allocated, open-unallocated, closed; holders and joint workers exist. */
  private static void checkStates(Organisation org, Supplier<String> where) {
    int allocated = 0;
    for (Case c : org.cases()) {
      boolean openAllocated = c.isOpen() && c.isAllocated();
      boolean openUnallocated = c.isUnallocated();
      boolean closed = !c.isOpen();
      assertEquals(1, (openAllocated ? 1 : 0) + (openUnallocated ? 1 : 0) + (closed ? 1 : 0),
          () -> c + " " + where.get());
      if (c.workerId() != null) {
        allocated++;
        assertTrue(org.findWorker(c.workerId()).isPresent(), () -> c + " held by a worker not in the organisation "
            + where.get());
        assertTrue(org.casesHeldBy(c.workerId()).contains(c), () -> c + " " + where.get());
      }
      if (c.jointWorkerId() != null) {
        assertTrue(org.findWorker(c.jointWorkerId()).isPresent(), () -> c + " " + where.get());
      }
    }
    int held = 0;
    for (Worker w : org.workers()) {
      for (Case c : org.casesHeldBy(w.id())) {
        assertEquals(w.id(), c.workerId(), where);
        assertTrue(c.isOpen(), where);
        held++;
      }
      assertTrue(org.findTeam(w.teamId()).isPresent(), where);
    }
    assertEquals(allocated, held, where);
    assertEquals(org.openCases().size() - org.unallocatedCases().size(), allocated, where);
  }

  /** The unallocated cases of a departure are exactly the leavers' open cases, now waiting. */
  private static void checkDeparture(Organisation before, Departure d, Supplier<String> where) {
    Organisation after = d.organisation();
    List<String> expected = new ArrayList<>();
    Set<String> leavers = d.leavers().stream().map(Worker::id).collect(Collectors.toSet());
    for (Case c : before.cases()) {
      if (c.workerId() != null && leavers.contains(c.workerId())) {
        expected.add(c.id());
      }
    }
    List<String> expectedFromQuery = new ArrayList<>();
    d.leavers().forEach(w -> before.casesHeldBy(w.id()).forEach(c -> expectedFromQuery.add(c.id())));
    assertEquals(Set.copyOf(expected), Set.copyOf(expectedFromQuery), where);
    assertEquals(expected, d.unallocatedCases().stream().map(Case::id).collect(Collectors.toList()), where);
    for (Worker w : d.leavers()) {
      assertEquals(w, before.worker(w.id()), "leavers as they were");
      assertTrue(after.findWorker(w.id()).isEmpty(), where);
    }
    for (Case c : d.unallocatedCases()) {
      assertEquals(c, after.caseById(c.id()), where);
      assertTrue(c.isUnallocated(), where);
      assertEquals(before.asOf(), c.unallocatedSince(), where);
    }
    for (Case c : before.cases()) {
      if (!expected.contains(c.id())) {
        Case now = after.caseById(c.id());
        assertEquals(c.history(), now.history(), () -> "only the leavers' cases change hands " + where.get());
        if (c.jointWorkerId() != null && !leavers.contains(c.jointWorkerId())) {
          assertEquals(c, now, where);
        }
      }
    }
  }

  private static Set<String> ids(List<Case> cases) {
    return cases.stream().map(Case::id).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
