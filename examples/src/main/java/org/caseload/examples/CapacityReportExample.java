package org.caseload.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.caseload.core.capacity.CapacityReport;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Departure;
import org.caseload.core.model.Organisation;
import org.caseload.core.validation.InvalidInputException;

/**
 * Loads an organisation file, prints its capacity report, then shows what dissolving the
 * peripatetic team would leave behind: the story of the 2020 Southampton learning report, where
 * removing the peripatetic teams left some of the most vulnerable children unallocated.
 *
 * <p>Run it with {@code java -jar examples/target/caseload.jar [organisation file]}; without an
 * argument it reads {@code examples/organisations/example-borough.yaml}.
 */
public final class CapacityReportExample {
  /** The bundled example organisation, relative to the repository root. */
  public static final Path EXAMPLE = Path.of("examples/organisations/example-borough.yaml");

  private CapacityReportExample() {}

  public static void main(String[] args) {
    Path file = args.length > 0 ? Path.of(args[0]) : EXAMPLE;
    try {
      run(file, System.out);
    } catch (InvalidInputException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /** Prints the report for {@code file} to {@code out}; throws {@link InvalidInputException} for a bad file. */
  public static void run(Path file, PrintStream out) {
    OrganisationFiles.Loaded loaded = OrganisationFiles.read(file);
    Organisation organisation = loaded.organisation();
    out.println(organisation);
    loaded.warnings().forEach(w -> out.println("  " + w));
    out.println();
    out.println(CapacityReport.of(organisation));

    if (organisation.findTeam("peripatetic").isPresent()) {
      LocalDate day = organisation.asOf();
      Departure departure = organisation.dissolveTeam("peripatetic", day);
      out.println("If the peripatetic team is dissolved on " + day + ": " + departure);
      out.println();
      out.println(CapacityReport.of(departure.organisation()));
    }
  }
}
