package org.caseload.simulation.io;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.io.Format;
import org.caseload.core.io.Mappers;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.simulation.Scenario;

/**
 * Reads and writes scenario files, in JSON or YAML, to the same standard as organisation files
 * ({@link org.caseload.core.io.OrganisationFiles}): every problem reported at once, each with its
 * field path, the value, the rule and its line; "did you mean" for unknown fields and misspelt
 * kinds; line and column for malformed text; atomic saving; {@code load(save(x))} equals
 * {@code x}.
 *
 * <p>The layout (format version {@value #FORMAT_VERSION}), in YAML:
 * <pre>{@code
 * formatVersion: 1
 * name: Hub teams                     # optional (default "scenario")
 * organisation: ../organisations/example-borough.yaml   # a path, relative to this file's folder,
 *                                     # or the organisation itself in the organisation file layout
 * horizonWeeks: 61                    # optional (default 52); weeks from the organisation's asOf
 * allocator: optimising              # optional: greedy (default) or optimising, for batches
 * allocationTiming: on_arrival        # optional: on_arrival (default) or weekly_meeting
 * transferAtStageChange: false        # optional (default true)
 * protectionPractice: keep            # optional: keep (default) or breach_rather_than_wait
 * allocationPolicy: policy.yaml       # optional: a path, or the policy itself (AllocationPolicyFiles layout)
 * demand:
 *   referrals: {kind: constant, perWeek: 17}   # or trend (perWeekAtStart, growthPerYear),
 *                                     # seasonal (meanPerWeek, amplitude, peakWeek), series (weekly: [...])
 *   pathway:
 *     noFurtherAction: 0.065          # share of referrals closed at the front door
 *     entry: assessment
 *     rereferral: 0.226               # share of closed cases referred again
 *     rereferralDelay: {kind: bands, bands: [{fromWeeks: 0, toWeeks: 52, share: 1}]}
 *     stages:                         # by case category
 *       assessment:
 *         service: assessment
 *         duration: {kind: exponential, meanWeeks: 4}   # or fixed (weeks), log_normal (meanWeeks,
 *                                     # sdWeeks), gamma (shape, meanWeeks), bands (bands: [...])
 *         startsOnAllocation: true    # optional (default false)
 *         exits:                      # next: a stage's category, or close; probabilities sum to 1
 *           - {next: close, probability: 0.329}
 *           - {next: child_protection, probability: 0.671}
 *       child_protection:
 *         service: protect
 *         duration: child_protection_plans_2025   # a published distribution, by name
 *         exits: [{next: close, probability: 1}]
 * workforce:                          # optional; each field left out keeps WorkforceModel.defaults()
 *   leavingPerYear: {agency: {qualified: 6, newly_qualified: 6, unqualified: 6}}   # per worker-year
 *   agencyAssignmentWeeks: {kind: log_normal, meanWeeks: 26, sdWeeks: 13}   # left out: open-ended
 *   noticeWeeks: {permanent: {kind: fixed, weeks: 8}}
 *   recruitmentWeeks: {agency: {kind: exponential, meanWeeks: 2}}
 *   replaceLeavers: true
 *   agencyCoverShare: 0.736
 *   agencyCoverAfterWeeks: 4
 *   newlyQualifiedWeeks: 52
 *   sicknessSpellsPerYear: 1.82
 *   sicknessSpellWeeks: {kind: exponential, meanWeeks: 1}
 *   cohorts:
 *     - {team: protect-east, role: newly_qualified, contract: permanent, fte: 1, count: 2, firstWeek: 2020-09-04, everyWeeks: 52}
 * costs:                              # optional; pounds per FTE per week, each left out keeps CostModel.defaults()
 *   perFtePerWeek: {agency: {qualified: 1600}}
 * restructures:                       # optional; week: a week from 0, or a date yyyy-mm-dd
 *   - {kind: dissolve_team, week: 8, team: peripatetic}
 *   - kind: create_team
 *     week: 2020-03-27
 *     team: {id: hub-north, service: protect, kind: hub, locality: North}
 *     staffing: [{role: newly_qualified, contract: agency, fte: 1, count: 2}]
 *   - {kind: move_worker, week: 8, worker: w12, toTeam: hub-north}
 *   - {kind: release_agency, week: 8, team: lac-1, count: 1, recruitPermanent: false}  # team left out: everywhere; count: all
 *   - {kind: hire, week: 4, team: lac-2, staffing: {role: qualified, contract: permanent, fte: 1, count: 3}}
 * }</pre>
 *
 * <p>Time is counted as the simulation counts it: in weeks from the organisation's {@code asOf}
 * (week 0 starts that day). Wherever a file names a week (a restructure's {@code week}, a
 * cohort's {@code firstWeek}) it may give a date instead, on or after {@code asOf}; the date
 * becomes the first week that starts on or after it ({@link Scenario#weekOf}), so that nothing
 * happens before its date. Files are written with week numbers. Caseload targets belong to the
 * organisation's services ({@code target: {maxPerFte, by}}); the seed and the number of
 * replications belong to a run, not to a scenario.
 *
 * <p>A referenced organisation or allocation policy file is read with its own checks; its
 * problems are reported at the scenario's {@code organisation} or {@code allocationPolicy} field
 * with their own lines. Writing always embeds the organisation and the policy and writes every
 * section in full, so that the file alone says everything the scenario holds. All methods are
 * thread-safe.
 */
public final class ScenarioFiles {
  /** The version of the scenario file layout this library reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private ScenarioFiles() {}

  /**
   * A scenario read from a file, with the warnings found (in its organisation, for example a
   * sibling group split across workers).
   *
   * @param scenario the scenario
   * @param warnings the warnings, each with its path and line
   */
  public record Loaded(Scenario scenario, List<Problem> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads a scenario from a {@code .json}, {@code .yaml} or {@code .yml} file; the paths it
   * refers to are resolved against the file's folder.
   *
   * @throws InvalidInputException if the file cannot be read, is malformed or breaks any rule;
   *     it lists every problem
   */
  public static Scenario load(Path file) {
    return read(file).scenario();
  }

  /** Reads a scenario and its warnings from a file; see {@link #load(Path)}. */
  public static Loaded read(Path file) {
    String source = "scenario file " + file;
    Format format = Mappers.formatOf(file, source);
    Path folder = file.toAbsolutePath().getParent();
    try (InputStream in = Files.newInputStream(file); JsonParser parser = Mappers.of(format).createParser(in)) {
      return ScenarioReader.read(parser, source, format, folder);
    } catch (NoSuchFileException e) {
      throw Mappers.problem(source, "the file does not exist");
    } catch (AccessDeniedException e) {
      throw Mappers.problem(source, "the file cannot be read: permission denied");
    } catch (IOException e) {
      throw Mappers.problem(source, "the file cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads a scenario and its warnings from text in the given format.
   *
   * @param baseFolder the folder that relative paths to an organisation or policy file start from
   * @param sourceName what the text is, for messages (for example a file name)
   */
  public static Loaded read(Reader text, Format format, Path baseFolder, String sourceName) {
    try (JsonParser parser = Mappers.of(format).createParser(text)) {
      return ScenarioReader.read(parser, sourceName, format, baseFolder);
    } catch (IOException e) {
      throw Mappers.problem(sourceName, "the text cannot be read: " + e.getMessage());
    }
  }

  /** Reads a scenario from YAML text; relative paths start from the working directory. */
  public static Scenario fromYaml(String yaml) {
    return read(new StringReader(yaml), Format.YAML, Path.of(""), "scenario YAML").scenario();
  }

  /** Reads a scenario from JSON text; relative paths start from the working directory. */
  public static Scenario fromJson(String json) {
    return read(new StringReader(json), Format.JSON, Path.of(""), "scenario JSON").scenario();
  }

  /**
   * Writes a scenario to a file in the format its extension names, with its organisation and
   * allocation policy embedded. The file appears whole or not at all: the text goes to a
   * temporary file in the same folder, which is then moved into place.
   *
   * @throws InvalidInputException if the extension is not .json, .yaml or .yml, or the folder
   *     does not exist
   * @throws UncheckedIOException if the disk refuses the write (nothing is left behind)
   */
  public static void save(Scenario scenario, Path file) {
    Mappers.save(scenario, file, "scenario file", ScenarioWriter::write);
  }

  /** Writes a scenario to a stream in the given format (UTF-8). The stream is not closed. */
  public static void write(Scenario scenario, OutputStream out, Format format) throws IOException {
    Mappers.write(scenario, out, format, ScenarioWriter::write);
  }

  /** Writes a scenario to a writer in the given format. The writer is not closed. */
  public static void write(Scenario scenario, Writer out, Format format) throws IOException {
    Mappers.write(scenario, out, format, ScenarioWriter::write);
  }

  /** The scenario as JSON text. */
  public static String toJson(Scenario scenario) {
    return toText(scenario, Format.JSON);
  }

  /** The scenario as YAML text. */
  public static String toYaml(Scenario scenario) {
    return toText(scenario, Format.YAML);
  }

  private static String toText(Scenario scenario, Format format) {
    return Mappers.toText(scenario, format, ScenarioWriter::write);
  }
}
