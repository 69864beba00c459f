// Caseload quickstart for jshell. Run from the repository root after building:
//   jshell --class-path examples/target/caseload.jar examples/jshell/quickstart.jsh
import java.nio.file.Path
import org.caseload.core.capacity.CapacityReport
import org.caseload.core.io.OrganisationFiles
import org.caseload.core.model.*
import org.caseload.simulation.*
import org.caseload.simulation.io.ScenarioFiles

// An organisation file: services, teams, workers, and every case with its history of workers.
var org = OrganisationFiles.load(Path.of("examples/organisations/example-borough.yaml"))
System.out.println(org)

// Per service and team: FTE by role and contract, weighted caseload per FTE against target,
// utilisation, agency and newly qualified shares, unallocated cases, role-protection breaches.
CapacityReport.of(org).print()

// One worker: their cases and load in weighted cases, against their capacity.
var w = org.worker("w36")
System.out.printf("%s holds %d cases, load %.1f of capacity %.1f weighted cases%n",
    w, org.casesHeldBy(w.id()).size(), org.load(w.id()), org.capacity(w.id()))

// Operations return a new organisation; none loses a case. Dissolve the peripatetic team:
var departure = org.dissolveTeam("peripatetic", org.asOf())
System.out.println(departure)
CapacityReport.of(departure.organisation()).print()

// The default scenario, a scenario file over the organisation file: the example authority as it
// is, simulated to 31 March 2021 (61 weeks), 200 replications. Medians with 10th-90th
// percentiles, and the chance of meeting each target.
var scenario = ScenarioFiles.load(Path.of("examples/scenarios/example-borough.yaml"))
var result = Simulation.builder(scenario).replications(200).seed(1).build().run()
System.out.println(result.summarize())
/exit
