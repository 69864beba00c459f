package org.caseload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Organisation;
import org.junit.jupiter.api.Test;

class CapacityReportExampleTest {

  @Test
  void exampleOrganisationLoadsCleanly() {
    OrganisationFiles.Loaded loaded = OrganisationFiles.read(CapacityReportExample.EXAMPLE);
    assertEquals(java.util.List.of(), loaded.warnings());
    Organisation o = loaded.organisation();
    assertEquals(5, o.services().size());
    assertEquals(12, o.teams().size());
    assertEquals(55, o.workers().size());
    assertEquals(840, o.openCases().size());
    assertEquals(37, o.unallocatedCases().size());
    assertEquals(o, OrganisationFiles.fromYaml(OrganisationFiles.toYaml(o)));
  }

  @Test
  void examplePrintsReportAndTheDissolution() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CapacityReportExample.run(CapacityReportExample.EXAMPLE, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("Organisation[Example Borough as of 2020-01-31: 5 services, 12 teams, 55 workers"), out);
    assertTrue(out.contains("If the peripatetic team is dissolved on 2020-01-31: Departure[4 workers left, "), out);
  }
}
