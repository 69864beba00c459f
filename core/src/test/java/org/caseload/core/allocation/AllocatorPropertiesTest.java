package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.Fixtures;
import org.caseload.core.Generators;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Worker;
import org.junit.jupiter.api.Test;

/**
 * What every allocator must do, checked over random organisations and requests (fresh
 * arrivals, a departure, a full re-balance), independently of the allocators' own rule code:
 * no hard rule broken, every case placed or unallocated with a reason and never both, no case
 * lost or changed outside the request, the same request giving the same plan.
 */
class AllocatorPropertiesTest {
  static final List<Allocator> ALLOCATORS = List.of(new GreedyAllocator(), new OptimisingAllocator());
  private static final int EXAMPLES = 300;

  @Test
  void everyAllocatorKeepsTheRules() {
    for (Allocator allocator : ALLOCATORS) {
      qt().withFixedSeed(31L).withExamples(EXAMPLES)
          .forAll(Generators.organisations(), integers().between(0, 2), integers().between(0, 1000))
          .checkAssert((org, kind, pick) -> {
            AllocationRequest request = request(org, kind, pick);
            AllocationPlan plan = allocator.allocate(request);
            String where = allocator.name() + " on " + request + "\n" + Fixtures.dump(request.organisation());
            checkPlan(request, plan, where);
            assertEquals(plan.assignments(), allocator.allocate(request).assignments(), "determinism: " + where);
          });
    }
  }

  static AllocationRequest request(Organisation org, int kind, int pick) {
    AllocationPolicy policy = AllocationPolicy.defaults();
    if (kind == 1 && !org.workers().isEmpty()) {
      Worker leaver = org.workers().get(pick % org.workers().size());
      return AllocationRequest.after(org.leave(leaver.id(), org.asOf()), org.asOf(), policy);
    }
    if (kind == 2) {
      return AllocationRequest.rebalance(org, org.asOf(), policy);
    }
    return AllocationRequest.unallocated(org, org.asOf(), policy);
  }

  /** Checks a plan against the rules from first principles, on the organisation it produces. */
  static void checkPlan(AllocationRequest request, AllocationPlan plan, String where) {
    Organisation before = request.organisation();
    Set<String> requested = new HashSet<>(request.caseIds());
    Set<String> placed = plan.assignments().keySet();
    Set<String> waiting = plan.unallocated().keySet();
    Set<String> both = new HashSet<>(placed);
    both.retainAll(waiting);
    assertEquals(Set.of(), both, "placed and unallocated: " + where);
    Set<String> union = new HashSet<>(placed);
    union.addAll(waiting);
    assertEquals(requested, union, "every requested case once: " + where);
    plan.unallocated().values().forEach(u -> assertTrue(!u.detail().isEmpty(), where));

    Organisation after = plan.apply(before);
    assertEquals(before.cases().size(), after.cases().size(), "no case lost: " + where);
    Map<String, Double> fixed = new HashMap<>();
    for (Case c : before.cases()) {
      if (!requested.contains(c.id())) {
        assertEquals(c, after.caseById(c.id()), "cases outside the request are untouched: " + where);
        if (c.isAllocated()) {
          fixed.merge(c.workerId(), before.weight(c), Double::sum);
        }
      }
    }
    for (String id : placed) {
      Case c = after.caseById(id);
      Worker w = after.worker(c.workerId());
      assertEquals(plan.assignments().get(id), w.id(), where);
      String workerService = after.team(w.teamId()).serviceId();
      assertTrue(request.policy().covers(workerService, c.serviceId()), "service " + id + ": " + where);
      assertTrue(after.breach(c).isEmpty(), "role protection " + id + " -> " + w + ": " + where);
    }
    for (Worker w : after.workers()) {
      double load = after.load(w.id());
      double base = fixed.getOrDefault(w.id(), 0.0);
      assertTrue(load <= after.capacity(w.id()) + 1e-9 || load <= base + 1e-9,
          "capacity of " + w + ": " + load + " > " + after.capacity(w.id()) + ": " + where);
      assertEquals(load, plan.loadAfter().get(w.id()), 1e-9, "loadAfter " + w.id() + ": " + where);
    }
    Map<String, Set<String>> familyWorkers = new HashMap<>();
    for (Case c : after.openCases()) {
      if (c.familyId() != null && c.isAllocated()) {
        familyWorkers.computeIfAbsent(c.familyId(), f -> new HashSet<>()).add(c.workerId());
      }
    }
    for (String id : placed) {
      Case c = after.caseById(id);
      if (c.familyId() != null) {
        Set<String> beforeWorkers = new HashSet<>();
        for (Case s : before.openCases()) {
          if (c.familyId().equals(s.familyId()) && s.isAllocated() && !requested.contains(s.id())) {
            beforeWorkers.add(s.workerId());
          }
        }
        if (beforeWorkers.size() <= 1) {
          assertEquals(1, familyWorkers.get(c.familyId()).size(), "siblings together, family " + c.familyId() + ": "
              + where);
        } else {
          assertTrue(beforeWorkers.contains(c.workerId()), "a split family's child joins one of its workers: " + where);
        }
      }
    }
    assertEquals(plan.objective().transfers(), plan.transfers() * request.policy().transferCost(), 1e-6, where);
  }
}
