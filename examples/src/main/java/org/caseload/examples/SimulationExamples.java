package org.caseload.examples;

import java.io.PrintStream;
import java.util.List;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.allocation.OptimisingAllocator;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.simulation.Comparison;
import org.caseload.simulation.Measure;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.Simulation;
import org.caseload.simulation.SimulationResult;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.restructure.Restructure.Staffing;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * The three questions of the story in the 2020 Southampton learning report, asked of the example
 * authority: will targets be met with a recruitment plan; how agency churn drives changes of
 * worker; and what replacing the peripatetic team by hub teams of newly qualified and unqualified
 * agency staff does, against keeping it. A fourth example compares the two allocators at weekly
 * allocation meetings.
 *
 * <p>Run: {@code java -cp examples/target/caseload.jar org.caseload.examples.SimulationExamples [replications]}.
 */
public final class SimulationExamples {
  private SimulationExamples() {}

  public static void main(String[] args) {
    int replications = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    PrintStream out = System.out;
    targets(replications, out);
    agencyChurn(replications, out);
    hubTeams(replications, Scenario.ProtectionPractice.KEEP, out);
    hubTeams(replications, Scenario.ProtectionPractice.BREACH_RATHER_THAN_WAIT, out);
    allocators(replications, out);
  }

  /** 1. Targets by 31 March 2021 as things are, and with 6 permanent recruits replacing 4 agency workers. */
  public static Comparison targets(int replications, PrintStream out) {
    SimulationResult asIs = Simulation.builder(ExampleBorough.scenario().build()).replications(replications).build().run();
    SimulationResult plan = Simulation.builder(ExampleBorough.scenario().name("recruit 6, release 4 agency")
        .restructure(new Restructure.Hire(4, "protect-central", new Staffing(Role.QUALIFIED, Contract.PERMANENT, 1, 3)))
        .restructure(new Restructure.Hire(4, "lac-2", new Staffing(Role.QUALIFIED, Contract.PERMANENT, 1, 3)))
        .restructure(new Restructure.ReleaseAgency(8, "peripatetic", 2, false))
        .restructure(new Restructure.ReleaseAgency(8, "lac-1", 1, false))
        .restructure(new Restructure.ReleaseAgency(8, "lac-2", 1, false))
        .build()).replications(replications).build().run();
    out.println(asIs.summarize());
    out.println(plan.summarize());
    Comparison c = Comparison.of(asIs, plan);
    out.println(c.summarize(asIs.scenario().horizonWeeks()));
    return c;
  }

  /** 2. Agency workers staying 6 months on average (the default) against 2 months. */
  public static Comparison agencyChurn(int replications, PrintStream out) {
    SimulationResult base = Simulation.builder(ExampleBorough.scenario().name("agency stay 6 months").build())
        .replications(replications).build().run();
    SimulationResult churn = Simulation.builder(ExampleBorough.scenario().name("agency stay 2 months")
        .workforce(WorkforceModel.defaults().withLeavingPerYear(Contract.AGENCY, 6)).build())
        .replications(replications).build().run();
    Comparison c = Comparison.of(base, churn);
    int end = base.scenario().horizonWeeks();
    out.println(c.summarize(end));
    for (String service : List.of("protect", "looked-after")) {
      out.printf("%s: share of children with 3 or more workers in a year %.0f%% -> %.0f%% (difference %s)%n", service,
          100 * base.mean(Measure.THREE_OR_MORE_WORKERS, service, end),
          100 * churn.mean(Measure.THREE_OR_MORE_WORKERS, service, end),
          c.difference(Measure.THREE_OR_MORE_WORKERS, service, end));
    }
    out.println();
    return c;
  }

  /**
   * 3. The peripatetic team (four qualified workers) replaced in week 8 by two hub teams of as many
   * agency newly qualified and unqualified workers, against keeping it, under a protection
   * practice: with the role protections kept, the cases the hub staff may not hold wait for an
   * allowed worker; breaching rather than waiting (as the report found happened), the hub staff
   * take them and the breaches are counted — and a breach lasts as long as the plan, where the
   * wait it replaced was short.
   */
  public static Comparison hubTeams(int replications, Scenario.ProtectionPractice practice, PrintStream out) {
    String how = practice == Scenario.ProtectionPractice.KEEP ? ", protections kept" : ", breaching rather than waiting";
    SimulationResult keep = Simulation.builder(ExampleBorough.scenario().name("keep peripatetic team" + how)
        .protectionPractice(practice).build()).replications(replications).build().run();
    // The four qualified workers of the peripatetic team replaced by as many, less qualified.
    List<Staffing> hubStaff = List.of(new Staffing(Role.NEWLY_QUALIFIED, Contract.AGENCY, 1, 1),
        new Staffing(Role.UNQUALIFIED, Contract.AGENCY, 1, 1));
    SimulationResult hubs = Simulation.builder(ExampleBorough.scenario().name("hub teams" + how)
        .protectionPractice(practice)
        .restructure(new Restructure.DissolveTeam(8, "peripatetic"))
        .restructure(new Restructure.CreateTeam(8, Team.of("hub-north", "protect", TeamKind.HUB, "North"), hubStaff))
        .restructure(new Restructure.CreateTeam(8, Team.of("hub-south", "protect", TeamKind.HUB, "South"), hubStaff))
        .build()).replications(replications).build().run();
    Comparison c = Comparison.of(keep, hubs);
    out.println(c.summarize(keep.scenario().horizonWeeks()));
    int end = keep.scenario().horizonWeeks();
    out.printf("children held in breach of a role protection, protection and court (mean): %.1f -> %.1f%n",
        keep.mean(Measure.PROTECTION_BREACHES, "protect", end), hubs.mean(Measure.PROTECTION_BREACHES, "protect", end));
    out.printf("cost to 31 March 2021, protection and court: %s pounds%n", c.difference(Measure.COST, "protect", end));
    out.println();
    return c;
  }

  /**
   * 4. Weekly allocation meetings where each waiting case in turn goes to its cheapest worker (the
   * greedy rule), against the optimiser placing each meeting's cases together: it leaves fewer
   * children waiting, packing the cases into the room there is, at the price of a few more
   * changes of worker.
   */
  public static Comparison allocators(int replications, PrintStream out) {
    SimulationResult greedy = Simulation.builder(ExampleBorough.scenario().name("meetings, greedy")
        .allocationTiming(Scenario.AllocationTiming.WEEKLY_MEETING).allocator(GreedyAllocator.NAME).build())
        .replications(replications).build().run();
    SimulationResult optimising = Simulation.builder(ExampleBorough.scenario().name("meetings, optimising")
        .allocationTiming(Scenario.AllocationTiming.WEEKLY_MEETING).allocator(OptimisingAllocator.NAME).build())
        .replications(replications).build().run();
    Comparison c = Comparison.of(greedy, optimising);
    out.println(c.summarize(greedy.scenario().horizonWeeks()));
    return c;
  }
}
