package org.caseload.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Team;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;

/**
 * Reads and writes organisation files, in JSON or YAML.
 *
 * <p>The layout (format version {@value #FORMAT_VERSION}), in YAML:
 * <pre>{@code
 * formatVersion: 1
 * name: Example Borough
 * asOf: 2020-01-31
 * capacityPolicy:             # optional: only what differs from CapacityPolicy.defaults()
 *   capacityPerFte: {qualified: 16}
 * services:
 *   - id: cp
 *     name: Child protection
 *     target: {maxPerFte: 18, by: 2021-03-31}   # weighted cases per FTE, and the date
 * teams:
 *   - id: east-1
 *     service: cp
 *     kind: locality          # locality, hub or peripatetic
 *     locality: East
 *     manager: A. Manager
 *     spanOfControl: 8
 *     workers:
 *       - {id: w1, role: qualified, contract: permanent, fte: 1.0, start: 2016-04-01}
 * cases:
 *   - id: c1
 *     service: cp
 *     category: child_protection  # assessment, child_in_need, child_protection, looked_after, care_leaver
 *     complexity: high            # low, standard (the default) or high
 *     family: f1                  # siblings share a family
 *     locality: East              # where the child lives, matched against teams' localities
 *     court: true
 *     opened: 2019-05-02
 *     history:
 *       - {worker: w1, from: 2019-05-02}
 * }</pre>
 *
 * <p>Reading checks the whole file and reports every problem at once in an
 * {@link InvalidInputException}: each names the field path (for example
 * {@code teams[3].workers[2].fte}), the value and the rule, with the line in the file; unknown
 * fields get a "did you mean"; malformed JSON or YAML gives the line and column. Writing never
 * leaves a half-written file: it writes a temporary file beside the target and moves it into
 * place. {@code load(save(x))} equals {@code x} for every organisation.
 *
 * <p>Reading is streamed: a file of 400,000 cases is read without holding its tree in memory.
 * All methods are thread-safe.
 */
public final class OrganisationFiles {
  /** The version of the file layout this library reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private OrganisationFiles() {}

  /**
   * An organisation read from a file, with the warnings found (problems that do not stop it
   * being used, such as a sibling group split across workers).
   *
   * @param organisation the organisation
   * @param warnings the warnings, each with its path and line
   */
  public record Loaded(Organisation organisation, List<Problem> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads an organisation from a {@code .json}, {@code .yaml} or {@code .yml} file.
   *
   * @throws InvalidInputException if the file cannot be read, is malformed or breaks any rule;
   *     it lists every problem
   */
  public static Organisation load(Path file) {
    return read(file).organisation();
  }

  /** Reads an organisation and its warnings from a file; see {@link #load(Path)}. */
  public static Loaded read(Path file) {
    String source = "organisation file " + file;
    Format format = Mappers.formatOf(file, source);
    try (InputStream in = Files.newInputStream(file)) {
      return read(Mappers.of(format).createParser(in), source, format);
    } catch (NoSuchFileException e) {
      throw unreadable(source, "the file does not exist");
    } catch (AccessDeniedException e) {
      throw unreadable(source, "the file cannot be read: permission denied");
    } catch (IOException e) {
      throw unreadable(source, "the file cannot be read: " + e.getMessage());
    }
  }

  /** Reads an organisation and its warnings from text in the given format. */
  public static Loaded read(Reader text, Format format, String sourceName) {
    try {
      return read(Mappers.of(format).createParser(text), sourceName, format);
    } catch (IOException e) {
      throw unreadable(sourceName, "the file cannot be read: " + e.getMessage());
    }
  }

  /** Reads an organisation from JSON text. */
  public static Organisation fromJson(String json) {
    return read(new StringReader(json), Format.JSON, "organisation JSON").organisation();
  }

  /** Reads an organisation from YAML text. */
  public static Organisation fromYaml(String yaml) {
    return read(new StringReader(yaml), Format.YAML, "organisation YAML").organisation();
  }

  private static Loaded read(JsonParser parser, String source, Format format) throws IOException {
    try (parser) {
      return OrganisationReader.read(parser, source, format);
    }
  }

  /**
   * Writes an organisation to a file in the format its extension names. The file appears
   * whole or not at all: the text goes to a temporary file in the same folder, which is then
   * moved into place (replacing any file of that name).
   *
   * @throws InvalidInputException if the extension is not .json, .yaml or .yml, or the folder
   *     does not exist
   * @throws UncheckedIOException if the disk refuses the write (nothing is left behind)
   */
  public static void save(Organisation organisation, Path file) {
    Mappers.save(organisation, file, "organisation file", OrganisationWriter::write);
  }

  /** Writes an organisation to a stream in the given format (UTF-8). The stream is not closed. */
  public static void write(Organisation organisation, OutputStream out, Format format) throws IOException {
    Mappers.write(organisation, out, format, OrganisationWriter::write);
  }

  /** Writes an organisation to a writer in the given format. The writer is not closed. */
  public static void write(Organisation organisation, Writer out, Format format) throws IOException {
    Mappers.write(organisation, out, format, OrganisationWriter::write);
  }

  /** The organisation as JSON text. */
  public static String toJson(Organisation organisation) {
    return toText(organisation, Format.JSON);
  }

  /** The organisation as YAML text. */
  public static String toYaml(Organisation organisation) {
    return toText(organisation, Format.YAML);
  }

  private static String toText(Organisation organisation, Format format) {
    return Mappers.toText(organisation, format, OrganisationWriter::write);
  }

  // ------------------------------------------------------------------ parts, for other file formats

  /**
   * Reads an organisation written as one mapping, in this layout, inside a larger file (a
   * scenario file embeds one this way), starting at the parser's current token. Its problems and
   * warnings go to {@code sink} under {@code path}, at their lines in the larger file.
   *
   * @param parser a parser of the larger file, at the organisation's first token
   * @param path the organisation's field path in the larger file, for example {@code organisation}
   * @return the organisation, or null if it has errors (every one recorded in the sink)
   * @throws JsonProcessingException if the text is malformed (see {@link Mappers#malformed})
   */
  public static Organisation readPart(JsonParser parser, String path, Sink sink) throws IOException {
    return OrganisationReader.readEmbedded(parser, path, sink);
  }

  /**
   * Writes an organisation, in this layout, at the generator's position inside a larger file;
   * {@link #readPart} reads it back.
   */
  public static void writePart(Organisation organisation, JsonGenerator g) throws IOException {
    OrganisationWriter.write(organisation, g);
  }

  /**
   * Reads a team written in this layout without its workers (the fields {@code id}, {@code name},
   * {@code service}, {@code kind}, {@code locality}, {@code manager}, {@code spanOfControl}), as
   * files that create teams (scenario restructures) hold it.
   *
   * @return the team, or null if it has errors (every one recorded in the fields' sink)
   */
  public static Team readTeam(Fields fields) {
    return OrganisationReader.team(fields, OrganisationReader.TEAM_OWN_FIELDS);
  }

  /** Writes a team as one mapping in the layout {@link #readTeam} reads. */
  public static void writeTeam(Team team, JsonGenerator g) throws IOException {
    g.writeStartObject();
    OrganisationWriter.teamFields(team, g);
    g.writeEndObject();
  }

  private static InvalidInputException unreadable(String source, String message) {
    return Mappers.problem(source, message);
  }
}
