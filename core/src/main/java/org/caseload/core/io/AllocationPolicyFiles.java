package org.caseload.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.TeamKind;
import org.caseload.core.validation.InvalidInputException;

/**
 * Reads and writes an {@link AllocationPolicy} in JSON or YAML, with the same checks as
 * organisation files (every problem at once, field paths, lines, "did you mean"). Every field is
 * optional: what is left out keeps its default. In YAML:
 * <pre>{@code
 * unallocatedCost: {child_protection: 1000000, looked_after: 800000}   # per case, by category
 * transferCost: 1000          # per case moved from its worker
 * continuityBonus: 500        # per case placed with a worker who knew the child or family
 * balanceWeight: 10           # weight of the load-balance term
 * localityMismatchCost: 5     # per case placed outside the child's locality
 * anyLocality: [hub, peripatetic]
 * cover: {cp: [cin]}          # teams of service cin may also take cases of service cp
 * }</pre>
 * The same layout is the {@code allocationPolicy} section of a scenario file.
 */
public final class AllocationPolicyFiles {
  static final List<String> FIELDS = List.of("unallocatedCost", "transferCost", "continuityBonus", "balanceWeight",
      "localityMismatchCost", "anyLocality", "cover");

  private AllocationPolicyFiles() {}

  /** Reads a policy from a {@code .json}, {@code .yaml} or {@code .yml} file. */
  public static AllocationPolicy load(Path file) {
    String what = "allocation policy file " + file;
    Format format = Mappers.formatOf(file, what);
    try {
      return parse(Files.readString(file), format, what);
    } catch (NoSuchFileException e) {
      throw Mappers.problem(what, "the file does not exist");
    } catch (IOException e) {
      throw Mappers.problem(what, "the file cannot be read: " + e.getMessage());
    }
  }

  /** Reads a policy from YAML text. */
  public static AllocationPolicy fromYaml(String yaml) {
    return parse(yaml, Format.YAML, "allocation policy YAML");
  }

  /** Reads a policy from JSON text. */
  public static AllocationPolicy fromJson(String json) {
    return parse(json, Format.JSON, "allocation policy JSON");
  }

  private static AllocationPolicy parse(String text, Format format, String what) {
    Sink sink = new Sink();
    JsonNode root = null;
    try (JsonParser parser = Mappers.of(format).createParser(text)) {
      if (parser.nextToken() != null) {
        root = Mappers.readTree(parser, "", sink);
      }
    } catch (JsonProcessingException e) {
      sink.add(Mappers.malformed(e, format));
      throw new InvalidInputException(what, sink.all());
    } catch (IOException e) {
      throw Mappers.problem(what, "the text cannot be read: " + e.getMessage());
    }
    AllocationPolicy policy = read(root == null || root.isMissingNode() ? null : root, "", 0, sink);
    if (sink.hasErrors()) {
      throw new InvalidInputException(what, sink.all());
    }
    return policy;
  }

  /**
   * Reads a policy from a node of a larger file (a scenario file's {@code allocationPolicy}),
   * recording problems under {@code path}; fields left out keep their defaults. Returns the
   * defaults when {@code node} is null. A {@code line} of 0 places each problem at the line the
   * sink recorded for its path (see {@link Mappers#readTree}).
   */
  public static AllocationPolicy read(JsonNode node, String path, int line, Sink sink) {
    AllocationPolicy d = AllocationPolicy.defaults();
    if (node == null || node.isNull()) {
      return d;
    }
    Fields f = Fields.of(node, path, line, sink);
    if (f == null) {
      return d;
    }
    Map<CaseCategory, Double> unallocated = new EnumMap<>(d.unallocatedCost());
    JsonNode u = f.raw("unallocatedCost");
    if (u != null) {
      Fields uf = Fields.of(u, f.path("unallocatedCost"), line, sink);
      if (uf != null) {
        var names = u.fieldNames();
        while (names.hasNext()) {
          String key = names.next();
          CaseCategory c = uf.enumOf(key, CaseCategory.class, uf.path(key));
          Double v = uf.number(key);
          if (c != null && v != null) {
            unallocated.put(c, v);
          }
        }
      }
    }
    Double transfer = f.number("transferCost");
    Double continuity = f.number("continuityBonus");
    Double balance = f.number("balanceWeight");
    Double locality = f.number("localityMismatchCost");
    Set<TeamKind> anyLocality = d.anyLocality();
    JsonNode a = f.raw("anyLocality");
    if (a != null) {
      if (!a.isArray()) {
        f.wrongType("anyLocality", "a list of team kinds", a);
      } else {
        anyLocality = EnumSet.noneOf(TeamKind.class);
        for (int i = 0; i < a.size(); i++) {
          TeamKind k = a.get(i).isTextual() ? f.enumOf(a.get(i).textValue(), TeamKind.class,
              f.path("anyLocality") + "[" + i + "]") : null;
          if (k != null) {
            anyLocality.add(k);
          } else if (!a.get(i).isTextual()) {
            sink.error(f.path("anyLocality") + "[" + i + "]", "must be a team kind but was "
                + Fields.describe(a.get(i)), line);
          }
        }
      }
    }
    Map<String, Set<String>> cover = d.cover();
    JsonNode c = f.raw("cover");
    if (c != null) {
      Fields cf = Fields.of(c, f.path("cover"), line, sink);
      if (cf != null) {
        cover = new LinkedHashMap<>();
        var names = c.fieldNames();
        while (names.hasNext()) {
          String service = names.next();
          JsonNode list = c.get(service);
          if (!list.isArray()) {
            cf.wrongType(service, "a list of service ids", list);
            continue;
          }
          Set<String> by = new LinkedHashSet<>();
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
              by.add(list.get(i).textValue());
            } else {
              sink.error(cf.path(service) + "[" + i + "]", "must be a service id but was "
                  + Fields.describe(list.get(i)), line);
            }
          }
          cover.put(service, by);
        }
      }
    }
    f.rejectUnknown(FIELDS);
    try {
      return new AllocationPolicy(unallocated, or(transfer, d.transferCost()), or(continuity, d.continuityBonus()),
          or(balance, d.balanceWeight()), or(locality, d.localityMismatchCost()), anyLocality, cover);
    } catch (InvalidInputException e) {
      sink.addAll(e, path, line);
      return d;
    }
  }

  private static double or(Double v, double otherwise) {
    return v == null ? otherwise : v;
  }

  /** The policy as YAML text (every field written). */
  public static String toYaml(AllocationPolicy policy) {
    return toText(policy, Format.YAML);
  }

  /** The policy as JSON text (every field written). */
  public static String toJson(AllocationPolicy policy) {
    return toText(policy, Format.JSON);
  }

  /** Writes the policy to a file whole or not at all, in the format its extension names. */
  public static void save(AllocationPolicy policy, Path file) {
    Mappers.save(policy, file, "allocation policy file", AllocationPolicyFiles::write);
  }

  /** Writes the policy to a stream (UTF-8), which is not closed. */
  public static void write(AllocationPolicy policy, OutputStream out, Format format) throws IOException {
    Mappers.write(policy, out, format, AllocationPolicyFiles::write);
  }

  private static String toText(AllocationPolicy policy, Format format) {
    return Mappers.toText(policy, format, AllocationPolicyFiles::write);
  }

  /** Writes the policy as one object at the generator's position (also used inside scenario files). */
  public static void write(AllocationPolicy p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("unallocatedCost");
    for (Map.Entry<CaseCategory, Double> e : p.unallocatedCost().entrySet()) {
      g.writeNumberField(EnumNames.write(e.getKey()), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("transferCost", p.transferCost());
    g.writeNumberField("continuityBonus", p.continuityBonus());
    g.writeNumberField("balanceWeight", p.balanceWeight());
    g.writeNumberField("localityMismatchCost", p.localityMismatchCost());
    g.writeArrayFieldStart("anyLocality");
    for (TeamKind k : p.anyLocality()) {
      g.writeString(EnumNames.write(k));
    }
    g.writeEndArray();
    g.writeObjectFieldStart("cover");
    for (Map.Entry<String, Set<String>> e : p.cover().entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (String s : e.getValue()) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.flush();
  }
}
