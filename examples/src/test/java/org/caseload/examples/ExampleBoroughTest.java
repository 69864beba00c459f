package org.caseload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.CaseCategory;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.io.ScenarioFiles;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;
import org.junit.jupiter.api.Test;

/** The default scenario file loads, says what its documentation says, and survives a save. */
class ExampleBoroughTest {
  @Test
  void theScenarioFileLoadsOverTheOrganisationFile() {
    ScenarioFiles.Loaded loaded = ScenarioFiles.read(ExampleBorough.SCENARIO);
    Scenario s = loaded.scenario();
    assertEquals(OrganisationFiles.load(CapacityReportExample.EXAMPLE), s.organisation());
    assertEquals("Example Borough as it is", s.name());
    assertEquals(new ReferralRate.Constant(17), s.demand().referrals());
    assertEquals(DurationDistribution.Bands.childProtectionPlans2025(),
        s.demand().pathway().stage(CaseCategory.CHILD_PROTECTION).duration());
    assertEquals(13, s.demand().pathway().stage(CaseCategory.CHILD_IN_NEED).duration().mean() * Math.log(2), 1e-12,
        "child in need: a median of 13 weeks");
    assertTrue(s.demand().pathway().stage(CaseCategory.ASSESSMENT).startsOnAllocation());
    assertFalse(s.transferAtStageChange());
    assertEquals(WorkforceModel.defaults(), s.workforce());
    assertEquals(CostModel.defaults(), s.costs());
    assertTrue(s.restructures().isEmpty());
  }

  @Test
  void theHorizonReachesTheTargetsDate() {
    Scenario s = ExampleBorough.scenario().build();
    LocalDate targets = LocalDate.of(2021, 3, 31);
    s.organisation().services().forEach(service -> assertEquals(targets, service.target().by()));
    assertEquals(61, Scenario.weekOf(s.organisation().asOf(), targets));
    assertEquals(61, s.horizonWeeks());
  }

  @Test
  void savedAndLoadedItIsTheSameScenario() {
    Scenario s = ExampleBorough.scenario().build();
    assertEquals(s, ScenarioFiles.fromYaml(ScenarioFiles.toYaml(s)));
    assertEquals(s, ScenarioFiles.fromJson(ScenarioFiles.toJson(s)));
  }
}
