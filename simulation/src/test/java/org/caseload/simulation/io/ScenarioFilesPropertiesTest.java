package org.caseload.simulation.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.caseload.core.io.Format;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.SimulationGenerators;
import org.junit.jupiter.api.Test;

/**
 * {@code read(write(x))} equals {@code x} for every scenario, in both formats: every kind of
 * referral rate, distribution and restructure, odd names, fractional rates, and the embedded
 * organisation. Fixed seeds so that a failure replays.
 */
class ScenarioFilesPropertiesTest {
  private static final int EXAMPLES = 200;

  @Test
  void jsonRoundTripIsLossless() {
    qt().withFixedSeed(11L).withExamples(EXAMPLES).forAll(SimulationGenerators.scenarios())
        .checkAssert(s -> assertEquals(s, roundTrip(s, Format.JSON), () -> ScenarioFiles.toJson(s)));
  }

  @Test
  void yamlRoundTripIsLossless() {
    qt().withFixedSeed(12L).withExamples(EXAMPLES).forAll(SimulationGenerators.scenarios())
        .checkAssert(s -> assertEquals(s, roundTrip(s, Format.YAML), () -> ScenarioFiles.toYaml(s)));
  }

  @Test
  void writingIsStable() {
    qt().withFixedSeed(13L).withExamples(50).forAll(SimulationGenerators.scenarios()).checkAssert(s -> {
      String yaml = ScenarioFiles.toYaml(s);
      assertEquals(yaml, ScenarioFiles.toYaml(ScenarioFiles.fromYaml(yaml)));
    });
  }

  /** Through bytes, as a file would go. */
  private static Scenario roundTrip(Scenario s, Format format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ScenarioFiles.write(s, out, format);
      return ScenarioFiles.read(new InputStreamReader(new ByteArrayInputStream(out.toByteArray()),
          StandardCharsets.UTF_8), format, Path.of(""), "round trip").scenario();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
