package org.caseload.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import org.caseload.core.validation.Suggestions;

/**
 * Reads the fields of one object of a file, recording into a {@link Sink} every field of the
 * wrong type and every unknown field (with a "did you mean"). Missing optional fields give null;
 * presence and ranges are checked by the records' own constructors, except for fields the
 * records hold as primitives, which are checked here with {@code required...}.
 */
final class Fields {
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

  /** Fields of {@code node}, or null after recording an error if it is not an object. */
  static Fields of(JsonNode node, String path, int line, Sink sink) {
    if (node == null || !node.isObject()) {
      sink.error(path, "must be an object (a mapping of fields) but was " + describe(node), line);
      return null;
    }
    return new Fields(node, path, line, sink);
  }

  String path() {
    return path;
  }

  int line() {
    return line;
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String field) {
    return value(field) != null;
  }

  JsonNode raw(String field) {
    return value(field);
  }

  String text(String field) {
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

  Double number(String field) {
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
  double requiredNumber(String field) {
    if (!has(field)) {
      sink.error(path(field), "is required", line);
      return Double.NaN;
    }
    Double d = number(field);
    return d == null ? Double.NaN : d;
  }

  Integer integer(String field) {
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

  Boolean bool(String field) {
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

  LocalDate date(String field) {
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

  <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String t = text(field);
    return t == null ? null : enumOf(t, type, path(field));
  }

  <E extends Enum<E>> E enumOf(String text, Class<E> type, String at) {
    E e = EnumNames.read(text, type);
    if (e == null) {
      List<String> names = EnumNames.spellings(type);
      sink.error(at, "must be one of " + String.join(", ", names) + " but was \"" + text + "\""
          + Suggestions.didYouMean(text, names), line);
    }
    return e;
  }

  /** Records every field not in {@code known}, suggesting the closest known name. */
  void rejectUnknown(List<String> known) {
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

  void wrongType(String field, String expected, JsonNode v) {
    sink.error(path(field), "must be " + expected + " but was " + describe(v), line);
  }

  static String describe(JsonNode v) {
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
