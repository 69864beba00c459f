package org.caseload.core.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.caseload.core.model.Organisation;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.SyntheticOrganisations;
import org.junit.jupiter.api.Test;

/** The public view of a compiled request prices and checks plans exactly as the allocators do. */
class CompiledRequestTest {

  private static AllocationRequest departure() {
    Organisation org = SyntheticOrganisations.generate(InstanceFamily.LA_S, 5);
    String leaver = org.workers().get(7).id();
    return AllocationRequest.after(org.leave(leaver, org.asOf()), org.asOf(),
        SyntheticOrganisations.allocationPolicy(org));
  }

  @Test
  void ourPlansReadBackAndPriceToTheirOwnObjective() {
    AllocationRequest request = departure();
    CompiledRequest compiled = CompiledRequest.of(request);
    assertTrue(compiled.groups() > 0 && compiled.groups() <= request.caseIds().size(), compiled.toString());
    for (Allocator allocator : new Allocator[] {new GreedyAllocator(), new OptimisingAllocator()}) {
      AllocationPlan plan = allocator.allocate(request);
      int[] assign = compiled.assignmentOf(plan);
      assertNull(compiled.broken(assign));
      assertEquals(plan.objective(), compiled.evaluate(assign), allocator.name());
      AllocationPlan again = compiled.plan(allocator.name(), assign);
      assertEquals(plan.assignments(), again.assignments());
      assertEquals(plan.unallocated(), again.unallocated(), "the same reasons");
    }
  }

  @Test
  void costsAddUpAndGroupsWithEqualKeysCostTheSame() {
    CompiledRequest compiled = CompiledRequest.of(departure());
    for (int g = 0; g < compiled.groups(); g++) {
      for (int w : compiled.eligible(g)) {
        assertEquals(compiled.transferCost(g, w) + compiled.continuityCost(g, w) + compiled.localityCost(g, w),
            compiled.placementCost(g, w), 1e-9);
        assertTrue(compiled.allows(g, w));
      }
      for (int h = 0; h < g; h++) {
        if (compiled.placementKey(g).equals(compiled.placementKey(h))) {
          for (int w = 0; w < compiled.workers(); w++) {
            assertEquals(compiled.placementCost(g, w), compiled.placementCost(h, w), 1e-9);
          }
        }
      }
    }
  }

  @Test
  void brokenRulesAreNamed() {
    CompiledRequest compiled = CompiledRequest.of(departure());
    int[] none = new int[compiled.groups()];
    Arrays.fill(none, -1);
    assertNull(compiled.broken(none));
    assertEquals(compiled.groups(), compiled.assignmentOf(new GreedyAllocator().allocate(compiled.request())).length);
    int g = 0;
    int notAllowed = 0;
    while (compiled.allows(g, notAllowed)) {
      notAllowed++;
    }
    int[] wrong = none.clone();
    wrong[g] = notAllowed;
    assertTrue(compiled.broken(wrong).contains("may not go to worker " + compiled.workerId(notAllowed)),
        compiled.broken(wrong));
    assertThrows(IllegalArgumentException.class, () -> compiled.evaluate(wrong));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compiled.evaluate(new int[1]));
    assertTrue(e.getMessage().contains("entries for " + compiled.groups() + " groups"), e.getMessage());
    double[] loads = compiled.loads(none);
    for (int w = 0; w < compiled.workers(); w++) {
      assertEquals(compiled.fixedLoad(w), loads[w], 0);
    }
    assertArrayEquals(compiled.eligible(0), compiled.eligible(0).clone());
  }
}
