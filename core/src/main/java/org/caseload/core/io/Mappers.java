package org.caseload.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.UncheckedIOException;
import java.util.List;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;

/**
 * How every Caseload file is parsed and written: one JSON and one YAML configuration (duplicate
 * keys refused; YAML in block style with only the quotes needed), the parser's errors turned into
 * problems with line and column, trees read with the line of every field, and atomic saving. The
 * file formats of other modules (scenario files) use it so that all files behave alike.
 */
public final class Mappers {
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .stringQuotingChecker(new NextLineQuoted())
      .build());

  private Mappers() {}

  /**
   * Jackson's choice of when a YAML string needs quotes, and also when it holds a next-line
   * character (U+0085): YAML counts it as a line break, and written plain or in single quotes it
   * reads back as a space. In double quotes it is written as the escape {@code \N}.
   */
  private static final class NextLineQuoted extends com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || value.indexOf(0x85) >= 0;
    }
  }

  /** The mapper for {@code format}. */
  public static ObjectMapper of(Format format) {
    return format == Format.JSON ? JSON : YAML;
  }

  /** A generator for {@code out}: pretty JSON with \n line ends, or block YAML; never closes {@code out}. */
  public static JsonGenerator generator(Format format, OutputStream out) throws IOException {
    return configure(format, of(format).getFactory().createGenerator(out));
  }

  /** A generator for {@code out}; see {@link #generator(Format, OutputStream)}. */
  public static JsonGenerator generator(Format format, Writer out) throws IOException {
    return configure(format, of(format).getFactory().createGenerator(out));
  }

  private static JsonGenerator configure(Format format, JsonGenerator g) {
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (format == Format.JSON) {
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
    }
    return g;
  }

  /** The problem for text the parser could not read: line, column and the parser's own words. */
  public static Problem malformed(JsonProcessingException e, Format format) {
    int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
    String where = line > 0 ? " at line " + line + ", column " + column : "";
    return Problem.error("", "not valid " + format.name() + where + ": " + parserMessage(e.getOriginalMessage()))
        .atLine(line);
  }

  /** The parser's message without its quoted snippets and positions (the line is reported apart). */
  private static String parserMessage(String message) {
    if (message == null) {
      return "unreadable input";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : message.split("\\R")) {
      if (part.isBlank() || Character.isWhitespace(part.charAt(0))) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : ": ").append(part.trim());
    }
    return sb.length() == 0 ? message.trim() : sb.toString();
  }

  /** The format a file's name gives, or an {@link InvalidInputException} about {@code what}. */
  public static Format formatOf(Path file, String what) {
    try {
      return Format.of(file);
    } catch (IllegalArgumentException e) {
      throw problem(what, "the file has an unknown format: its name must end in .json, .yaml or .yml");
    }
  }

  /** An {@link InvalidInputException} about {@code what} with one error about the whole input. */
  public static InvalidInputException problem(String what, String message) {
    return new InvalidInputException(what, List.of(Problem.error("", message)));
  }

  /**
   * Reads the value at the parser's current token as a tree, recording in {@code sink} the line
   * where every field and list element starts, under {@code path} (for example
   * {@code demand.pathway.stages.assessment.duration}), so that a problem found anywhere in it is
   * reported at its own line. The parser is left on the value's last token.
   *
   * @throws JsonProcessingException if the text is malformed (see {@link #malformed})
   */
  public static JsonNode readTree(JsonParser parser, String path, Sink sink) throws IOException {
    JsonToken t = parser.currentToken();
    sink.line(path, line(parser));
    if (t == JsonToken.START_OBJECT) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        String fieldPath = path.isEmpty() ? field : path + "." + field;
        int fieldLine = line(parser);
        parser.nextToken();
        JsonNode value = readTree(parser, fieldPath, sink);
        sink.line(fieldPath, fieldLine);
        node.set(field, value);
      }
      return node;
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode node = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        node.add(readTree(parser, path + "[" + i++ + "]", sink));
      }
      return node;
    }
    JsonNode scalar = parser.readValueAsTree();
    return scalar == null ? JsonNodeFactory.instance.nullNode() : scalar;
  }

  /** The line (1-based) of the parser's current token, or 0. */
  public static int line(JsonParser parser) {
    return Math.max(parser.currentTokenLocation().getLineNr(), 0);
  }

  /** Reads a document's top level, recording its problems; false if reading cannot go on. */
  @FunctionalInterface
  public interface DocumentReader {
    /** Reads the document; false if it stopped (its reasons recorded). */
    boolean read() throws IOException;
  }

  /**
   * Runs {@code reader} over a whole document and turns whatever stops it into one
   * {@link InvalidInputException} for {@code source}: a top level the reader refused (with the
   * problems in {@code sink}), malformed text (with its line and column, after those problems),
   * or a read that failed. Problems that do not stop the reading stay in {@code sink}.
   */
  public static void readDocument(String source, Format format, Sink sink, DocumentReader reader) {
    try {
      if (!reader.read()) {
        throw new InvalidInputException(source, sink.all());
      }
    } catch (JsonProcessingException e) {
      sink.add(malformed(e, format));
      throw new InvalidInputException(source, sink.all());
    } catch (IOException e) {
      throw problem(source, "the file cannot be read: " + e.getMessage());
    }
  }

  /** Writes one value of a file format at a generator's position: the format's writer. */
  @FunctionalInterface
  public interface ValueWriter<T> {
    /** Writes {@code value} to {@code g}. */
    void write(T value, JsonGenerator g) throws IOException;
  }

  /**
   * Writes {@code value} to {@code file} in the format its extension names, whole or not at all
   * (see {@link #saveAtomically}).
   *
   * @param kind the kind of file, for messages, for example {@code "organisation file"}
   * @throws InvalidInputException if the extension is not .json, .yaml or .yml, or the folder
   *     does not exist
   * @throws UncheckedIOException if the disk refuses the write (nothing is left behind)
   */
  public static <T> void save(T value, Path file, String kind, ValueWriter<T> writer) {
    String what = kind + " " + file;
    Format format = formatOf(file, what);
    saveAtomically(file, what, out -> write(value, out, format, writer));
  }

  /** Writes {@code value} to a stream in the given format (UTF-8). The stream is not closed. */
  public static <T> void write(T value, OutputStream out, Format format, ValueWriter<T> writer) throws IOException {
    try (JsonGenerator g = generator(format, out)) {
      writer.write(value, g);
    }
  }

  /** Writes {@code value} to a writer in the given format. The writer is not closed. */
  public static <T> void write(T value, Writer out, Format format, ValueWriter<T> writer) throws IOException {
    try (JsonGenerator g = generator(format, out)) {
      writer.write(value, g);
    }
  }

  /** {@code value} as text in the given format. */
  public static <T> String toText(T value, Format format, ValueWriter<T> writer) {
    StringWriter w = new StringWriter();
    try {
      write(value, w, format, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** What {@link #saveAtomically} writes. */
  public interface Content {
    /** Writes the whole content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a file whole or not at all: to a temporary file in the same folder, then moved into
   * place (replacing any file of that name).
   */
  public static void saveAtomically(Path file, String what, Content content) {
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw problem(what, "the file cannot be written: folder " + folder + " does not exist");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; that failure is the one to report
        }
      }
    }
  }
}
