package org.caseload.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseload.core.io.Format;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.io.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** The README's scenario file example is a valid scenario file, read as if it sat beside the example's. */
class ReadmeScenarioTest {
  @Test
  void theReadmeScenarioExampleLoads() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## Scenario files");
    assertTrue(section >= 0, "README has a Scenario files section");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```", start));
    Scenario s = ScenarioFiles.read(new StringReader(yaml), Format.YAML, ExampleBorough.SCENARIO.getParent(),
        "README example").scenario();
    assertEquals("Hub teams", s.name());
    assertEquals(2, s.restructures().size());
    assertEquals(8, s.restructures().get(1).week(), "2020-03-27 is week 8 of a scenario starting 2020-01-31");
  }
}
