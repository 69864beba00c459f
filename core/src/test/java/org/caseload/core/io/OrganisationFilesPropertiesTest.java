package org.caseload.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.caseload.core.Generators;
import org.caseload.core.model.Organisation;
import org.junit.jupiter.api.Test;

/**
 * {@code load(save(x))} equals {@code x} for every organisation, in both formats: odd names
 * (quotes, colons, unicode, numbers as text), fractional FTE and weights, service policies,
 * closed cases, joint workers and long histories. Fixed seeds so that a failure replays.
 */
class OrganisationFilesPropertiesTest {
  private static final int EXAMPLES = 300;

  @Test
  void jsonRoundTripIsLossless() {
    qt().withFixedSeed(1L).withExamples(EXAMPLES).forAll(Generators.organisations())
        .checkAssert(o -> assertEquals(o, roundTrip(o, Format.JSON), () -> OrganisationFiles.toJson(o)));
  }

  @Test
  void yamlRoundTripIsLossless() {
    qt().withFixedSeed(2L).withExamples(EXAMPLES).forAll(Generators.organisations())
        .checkAssert(o -> assertEquals(o, roundTrip(o, Format.YAML), () -> OrganisationFiles.toYaml(o)));
  }

  @Test
  void writingIsDeterministicAndStable() {
    qt().withFixedSeed(3L).withExamples(100).forAll(Generators.organisations()).checkAssert(o -> {
      String yaml = OrganisationFiles.toYaml(o);
      assertEquals(yaml, OrganisationFiles.toYaml(OrganisationFiles.fromYaml(yaml)));
      String json = OrganisationFiles.toJson(o);
      assertEquals(json, OrganisationFiles.toJson(OrganisationFiles.fromJson(json)));
    });
  }

  /** Through bytes, as a file would go. */
  private static Organisation roundTrip(Organisation o, Format format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OrganisationFiles.write(o, out, format);
      return OrganisationFiles.read(new InputStreamReader(new ByteArrayInputStream(out.toByteArray()),
          StandardCharsets.UTF_8), format, "round trip").organisation();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
