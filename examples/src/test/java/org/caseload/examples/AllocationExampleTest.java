package org.caseload.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.caseload.core.allocation.GreedyAllocator;
import org.junit.jupiter.api.Test;

class AllocationExampleTest {

  @Test
  void dissolvingThePeripateticTeamLeavesChildrenUnallocatedWithReasons() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AllocationExample.run(CapacityReportExample.EXAMPLE, new GreedyAllocator(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("The 37 waiting cases: AllocationPlan[greedy: 26 placed, 11 unallocated "
        + "(11 sibling group too heavy), 0 transfers;"), out);
    assertTrue(out.contains("Dissolving the peripatetic team: Departure[4 workers left, 61 cases unallocated]"), out);
    assertTrue(out.contains("Re-allocating its cases: AllocationPlan[greedy: 39 placed, 22 unallocated "
        + "(20 every eligible worker full, 2 sibling group too heavy), 0 transfers;"), out);
    assertTrue(out.contains("c0164 unallocated: every eligible worker full (0.29 weighted cases short)"), out);
  }
}
