package org.caseload.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseload.core.validation.Suggestions;

/**
 * Reads the fields of one object (mapping) of a JSON or YAML file, recording into a {@link Sink}
 * every field of the wrong type and every unknown field (with a "did you mean"): the one reader
 * of fields behind every Caseload file format, so that each states a wrong type, a missing field
 * and an unknown one in the same words.
 *
 * <p>Missing optional fields (absent or {@code null}) give null; presence and ranges are checked
 * by the records' own constructors, except for fields the records hold as primitives, which are
 * checked here with {@code required...}. A {@code line} of 0 means "the line the sink recorded
 * for the path" (see {@link Sink#line(String, int)}).
 */
public final class Fields {
  private final JsonNode node;
  private final String path;
  private final int line;
  private final Sink sink;

  Fields(JsonNode node, String path, int line, Sink sink) {
    this.node = node;
    this.path = path;
    this.line = line;
    this.sink = sink;
  }

  /**
   * The fields of {@code node}, the object at {@code path} (empty for the whole file), or null
   * after recording an error if it is not an object.
   */
  public static Fields of(JsonNode node, String path, int line, Sink sink) {
    if (node == null || !node.isObject()) {
      sink.error(path, "must be an object (a mapping of fields) but was " + describe(node), line);
      return null;
    }
    return new Fields(node, path, line, sink);
  }

  /** The path of this object, for example {@code teams[3]}; empty for the whole file. */
  public String path() {
    return path;
  }

  /** The sink this object's problems go to. */
  public Sink sink() {
    return sink;
  }

  /**
   * The fields of a mapping keyed by the constants of {@code type} (for example
   * {@code {permanent: 8, agency: 4}}): each constant with the key that spells it, in the order
   * of the file. A key that names no constant is recorded with the spellings allowed.
   */
  public <E extends Enum<E>> Map<E, String> keys(Class<E> type) {
    Map<E, String> keys = new LinkedHashMap<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      E e = enumOf(key, type, path(key));
      if (e != null) {
        if (keys.containsKey(e)) {
          sink.error(path(key), "names " + EnumNames.write(e) + " again (as \"" + keys.get(e) + "\" before)", line);
        } else {
          keys.put(e, key);
        }
      }
    }
    return keys;
  }

  /** The line given for this object, or 0. */
  public int line() {
    return line;
  }

  /** The path of one of this object's fields: {@code teams[3].kind}. */
  public String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  /** True if the field is present and not null. */
  public boolean has(String field) {
    return value(field) != null;
  }

  /** The field's value as a tree, or null if absent or null. */
  public JsonNode raw(String field) {
    return value(field);
  }

  /** The field as text (a whole number is taken as its digits, so that {@code id: 12} is "12"), or null. */
  public String text(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    wrongType(field, "text", v);
    return null;
  }

  /** The field as a number, or null. */
  public Double number(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    wrongType(field, "a number", v);
    return null;
  }

  /** A number that must be present; NaN when missing or of the wrong type (the error is recorded). */
  public double requiredNumber(String field) {
    if (!has(field)) {
      sink.error(path(field), "is required", line);
      return Double.NaN;
    }
    Double d = number(field);
    return d == null ? Double.NaN : d;
  }

  /** A whole number that must be present; null when missing or of the wrong type (the error is recorded). */
  public Integer requiredInteger(String field) {
    if (!has(field)) {
      sink.error(path(field), "is required", line);
      return null;
    }
    return integer(field);
  }

  /** The field as a whole number that fits an {@code int}, or null. */
  public Integer integer(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    wrongType(field, "a whole number", v);
    return null;
  }

  /** The field as true or false, or null. */
  public Boolean bool(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    wrongType(field, "true or false", v);
    return null;
  }

  /** The field as a date written yyyy-mm-dd, or null. */
  public LocalDate date(String field) {
    JsonNode v = value(field);
    if (v == null) {
      return null;
    }
    if (v.isTextual()) {
      try {
        return LocalDate.parse(v.textValue().trim());
      } catch (DateTimeParseException e) {
        sink.error(path(field), "must be a date written yyyy-mm-dd but was \"" + v.textValue() + "\"", line);
        return null;
      }
    }
    wrongType(field, "a date written yyyy-mm-dd", v);
    return null;
  }

  /** The field as a constant of {@code type}, spelt as {@link EnumNames} reads it, or null. */
  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String t = text(field);
    return t == null ? null : enumOf(t, type, path(field));
  }

  /**
   * The constant of {@code type} spelt {@code text}, or null after recording at {@code at} the
   * spellings allowed and the closest one.
   */
  public <E extends Enum<E>> E enumOf(String text, Class<E> type, String at) {
    E e = EnumNames.read(text, type);
    if (e == null) {
      List<String> names = EnumNames.spellings(type);
      sink.error(at, "must be one of " + String.join(", ", names) + " but was \"" + text + "\""
          + Suggestions.didYouMean(text, names), line);
    }
    return e;
  }

  /**
   * Checks this object's {@code formatVersion}: present, a whole number, and {@code version}
   * (a larger one means the file was written by a newer Caseload).
   */
  public void formatVersion(int version) {
    JsonNode v = value("formatVersion");
    String at = path("formatVersion");
    if (v == null) {
      sink.error(at, "is required (this version of Caseload reads and writes " + version + ")", line);
    } else if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      sink.error(at, "must be a whole number but was " + describe(v), line);
    } else if (v.intValue() != version) {
      sink.error(at, "must be " + version + " but was " + v.intValue()
          + (v.intValue() > version ? ": the file was written by a newer Caseload" : ""), line);
    }
  }

  /** Records every field not in {@code known}, suggesting the closest known name. */
  public void rejectUnknown(List<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = Suggestions.didYouMean(name, known);
        sink.error(path(name), "is not a known field" + (hint.isEmpty()
            ? " (known fields: " + String.join(", ", known) + ")" : hint), line);
      }
    }
  }

  /** Records that {@code field} holds {@code v} where {@code expected} (for example "a number") was due. */
  public void wrongType(String field, String expected, JsonNode v) {
    sink.error(path(field), "must be " + expected + " but was " + describe(v), line);
  }

  /** A value as an error message shows it: text in quotes, "a list", "an object", "nothing", or the number. */
  public static String describe(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "nothing";
    }
    if (v.isTextual()) {
      return "\"" + v.textValue() + "\"";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.toString();
  }
}
