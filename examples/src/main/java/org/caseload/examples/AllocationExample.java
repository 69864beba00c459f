package org.caseload.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.caseload.core.allocation.AllocationPlan;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.allocation.Allocator;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.Unallocated;
import org.caseload.core.capacity.CapacityReport;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Departure;
import org.caseload.core.model.Organisation;

/**
 * Allocation on the example authority: first this week's waiting cases, then the cases left by
 * dissolving the peripatetic team, each with who takes what, what stays unallocated and why.
 *
 * <p>Run: {@code java -cp examples/target/caseload.jar org.caseload.examples.AllocationExample}.
 */
public final class AllocationExample {
  private AllocationExample() {}

  public static void main(String[] args) {
    run(args.length > 0 ? Path.of(args[0]) : CapacityReportExample.EXAMPLE, new GreedyAllocator(), System.out);
  }

  /** Prints both allocations for the organisation in {@code file}, made by {@code allocator}. */
  public static void run(Path file, Allocator allocator, PrintStream out) {
    Organisation org = OrganisationFiles.load(file);
    LocalDate day = org.asOf();
    AllocationPolicy policy = AllocationPolicy.defaults();

    AllocationPlan waiting = allocator.allocate(AllocationRequest.unallocated(org, day, policy));
    out.println("The " + org.unallocatedCases().size() + " waiting cases: " + waiting);
    printReasons(waiting, out);
    Organisation afterWaiting = waiting.apply(org);

    Departure dissolved = afterWaiting.dissolveTeam("peripatetic", day);
    AllocationPlan replan = allocator.allocate(AllocationRequest.after(dissolved, day, policy));
    out.println();
    out.println("Dissolving the peripatetic team: " + dissolved);
    out.println("Re-allocating its cases: " + replan);
    printReasons(replan, out);
    out.println();
    out.println(CapacityReport.of(replan.apply(dissolved.organisation())));
  }

  private static void printReasons(AllocationPlan plan, PrintStream out) {
    Map<String, Unallocated> sorted = new TreeMap<>(plan.unallocated());
    sorted.forEach((id, why) -> out.println("  " + id + " unallocated: " + why));
  }
}
