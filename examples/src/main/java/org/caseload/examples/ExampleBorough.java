package org.caseload.examples;

import java.nio.file.Path;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Organisation;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.io.ScenarioFiles;

/**
 * The example authority and its default scenario, read from the files that are their one source:
 * {@code examples/organisations/example-borough.yaml} and
 * {@code examples/scenarios/example-borough.yaml}. The scenario file gives the source of every
 * figure of its demand (referrals, the pathway's shares and stage lengths, re-referral), or says
 * that it is an assumption. Paths are relative to the repository root, where the examples run.
 */
public final class ExampleBorough {
  /** The default scenario's file. */
  public static final Path SCENARIO = Path.of("examples/scenarios/example-borough.yaml");

  private ExampleBorough() {}

  /** The example organisation, from {@code examples/organisations/example-borough.yaml}. */
  public static Organisation organisation() {
    return OrganisationFiles.load(CapacityReportExample.EXAMPLE);
  }

  /** Referrals and their route through the example authority's services, from the scenario file. */
  public static DemandModel demand() {
    return ScenarioFiles.load(SCENARIO).demand();
  }

  /**
   * The default scenario, from {@code examples/scenarios/example-borough.yaml}, as a builder to
   * make variants of: the example authority as it is, to 31 March 2021 (61 weeks), the worker
   * following the child from stage to stage where they may hold the new stage and have room.
   */
  public static Scenario.Builder scenario() {
    return ScenarioFiles.load(SCENARIO).toBuilder();
  }
}
