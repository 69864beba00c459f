package org.caseload.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;

/**
 * Reads one organisation file as a stream: each service, team, worker and case is read as a
 * small tree and turned into its record at once, so that a national file of hundreds of
 * thousands of cases never sits in memory as a tree. Every problem is collected; where a record
 * is invalid a stand-in with the same ids takes its place, so that the cross-record checks still
 * run over the whole file and report at the file's own paths.
 */
final class OrganisationReader {
  static final List<String> ROOT_FIELDS =
      List.of("formatVersion", "name", "asOf", "capacityPolicy", "services", "teams", "cases");
  static final List<String> POLICY_FIELDS = List.of("categoryWeights", "complexityMultipliers",
      "capacityPerFte", "newlyQualifiedJointOnly", "newlyQualifiedCourtJointOnly", "qualifiedOnly");
  static final List<String> SERVICE_FIELDS = List.of("id", "name", "target", "capacityPolicy");
  static final List<String> TARGET_FIELDS = List.of("maxPerFte", "by");
  /** A team's own fields; {@link #TEAM_FIELDS} adds its workers. */
  static final List<String> TEAM_OWN_FIELDS =
      List.of("id", "name", "service", "kind", "locality", "manager", "spanOfControl");
  static final List<String> TEAM_FIELDS = concat(TEAM_OWN_FIELDS, "workers");
  static final List<String> WORKER_FIELDS = List.of("id", "name", "role", "contract", "fte", "start");
  static final List<String> CASE_FIELDS = List.of("id", "service", "category", "complexity", "family",
      "locality", "court", "opened", "closed", "jointWorker", "history");
  static final List<String> ALLOCATION_FIELDS = List.of("worker", "from", "until");

  private static List<String> concat(List<String> fields, String more) {
    List<String> all = new ArrayList<>(fields);
    all.add(more);
    return List.copyOf(all);
  }

  private static final LocalDate STAND_IN_DATE = LocalDate.of(1, 1, 1);

  private final JsonParser parser;
  private final String source;
  private final Sink sink = new Sink();

  private JsonNode formatVersion;
  private JsonNode nameNode;
  private JsonNode asOfNode;
  private JsonNode policyNode;
  private int policyLine;
  private final List<JsonNode> serviceNodes = new ArrayList<>();
  private final List<Team> teams = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();
  private int standIns;

  private OrganisationReader(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /**
   * Reads the organisation and its warnings.
   *
   * @throws InvalidInputException with every problem found, if the file is malformed or invalid
   */
  static OrganisationFiles.Loaded read(JsonParser parser, String source, Format format) {
    OrganisationReader r = new OrganisationReader(parser, source);
    Mappers.readDocument(source, format, r.sink, r::readRoot);
    return r.finish();
  }

  /**
   * Reads an organisation written as one mapping inside a larger file, starting at the parser's
   * current token, and records its problems and warnings in {@code outer} under {@code path}.
   * Returns null when the organisation has errors (they are recorded).
   *
   * @throws JsonProcessingException if the text is malformed; the caller reports it
   */
  static Organisation readEmbedded(JsonParser parser, String path, Sink outer) throws IOException {
    OrganisationReader r = new OrganisationReader(parser, path);
    outer.line(path, r.line());
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      outer.error(path, "must be an organisation (a mapping with formatVersion, name, asOf, ...) or the path of an"
          + " organisation file, but was " + Fields.describe(parser.readValueAsTree()), r.line());
      return null;
    }
    r.readFields();
    Organisation organisation = r.build();
    for (Problem p : r.sink.all()) {
      outer.add(p.under(path));
    }
    if (organisation != null) {
      for (Problem p : organisation.warnings()) {
        outer.add(p.atLine(r.sink.lineOf(p.path())).under(path));
      }
    }
    return organisation;
  }

  private int line() {
    return Mappers.line(parser);
  }

  /** Reads the top level; false if the file does not hold one mapping (nothing else is worth checking). */
  private boolean readRoot() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      sink.error("", "the file is empty: an organisation file holds one mapping with formatVersion, name, asOf, ...", 0);
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      sink.error("", "the file must hold one mapping (with formatVersion, name, asOf, ...) but starts with "
          + parser.getText(), line());
      return false;
    }
    readFields();
    if (parser.nextToken() != null) {
      sink.error("", "the file must hold one mapping, but more follows it", line());
    }
    return true;
  }

  /** Reads the fields of the organisation's mapping, up to its end. */
  private void readFields() throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      int fieldLine = line();
      sink.line(field, fieldLine);
      JsonToken value = parser.nextToken();
      switch (field) {
        case "formatVersion":
          formatVersion = parser.readValueAsTree();
          break;
        case "name":
          nameNode = parser.readValueAsTree();
          break;
        case "asOf":
          asOfNode = parser.readValueAsTree();
          break;
        case "capacityPolicy":
          policyLine = line();
          policyNode = parser.readValueAsTree();
          break;
        case "services":
          readArray("services", value, (path, ln) -> {
            JsonNode node = parser.readValueAsTree();
            sink.line(path, ln);
            serviceNodes.add(node);
          });
          break;
        case "teams":
          readArray("teams", value, this::readTeam);
          break;
        case "cases":
          readArray("cases", value, (path, ln) -> {
            JsonNode node = parser.readValueAsTree();
            sink.line(path, ln);
            cases.add(toCase(node, path, ln));
          });
          break;
        default:
          parser.skipChildren();
          String hint = org.caseload.core.validation.Suggestions.didYouMean(field, ROOT_FIELDS);
          sink.error(field, "is not a known field" + (hint.isEmpty()
              ? " (known fields: " + String.join(", ", ROOT_FIELDS) + ")" : hint), fieldLine);
      }
    }
  }

  private interface ElementReader {
    void read(String path, int line) throws IOException;
  }

  private void readArray(String path, JsonToken start, ElementReader element) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      return;
    }
    if (start != JsonToken.START_ARRAY) {
      sink.error(path, "must be a list but was " + Fields.describe(parser.readValueAsTree()), line());
      return;
    }
    int i = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      element.read(path + "[" + i++ + "]", line());
    }
  }

  private void readTeam(String path, int ln) throws IOException {
    sink.line(path, ln);
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      sink.error(path, "must be an object (a mapping of fields) but was " + Fields.describe(parser.readValueAsTree()), ln);
      return;
    }
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    List<JsonNode> workerNodes = new ArrayList<>();
    List<Integer> workerLines = new ArrayList<>();
    boolean workersOk = true;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("workers") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          workerLines.add(line());
          workerNodes.add(parser.readValueAsTree());
        }
        header.putNull("workers");
      } else {
        JsonNode node = parser.readValueAsTree();
        if (field.equals("workers") && !node.isNull()) {
          sink.error(path + ".workers", "must be a list but was " + Fields.describe(node), ln);
          workersOk = false;
        }
        header.set(field, node);
      }
    }
    Fields f = new Fields(header, path, ln, sink);
    Team team = toTeam(f);
    teams.add(team);
    if (!workersOk) {
      return;
    }
    for (int j = 0; j < workerNodes.size(); j++) {
      String wp = path + ".workers[" + j + "]";
      sink.line(wp, workerLines.get(j));
      Worker w = toWorker(workerNodes.get(j), wp, workerLines.get(j), team.id());
      if (w != null) {
        workers.add(w);
      }
    }
  }

  private String standInId(String id) {
    return id != null && !id.isBlank() ? id : "\u0000stand-in-" + standIns++;
  }

  private Team toTeam(Fields f) {
    Team team = team(f, TEAM_FIELDS);
    if (team == null) {
      return new Team(standInId(f.text("id")), null, standInId(f.text("service")), TeamKind.LOCALITY, null, null, 0);
    }
    return team;
  }

  /**
   * A team from its fields in the layout of organisation files, or null after recording every
   * problem (fields not in {@code known} among them).
   */
  static Team team(Fields f, List<String> known) {
    String id = f.text("id");
    String name = f.text("name");
    String service = f.text("service");
    TeamKind kind = f.enumValue("kind", TeamKind.class);
    String locality = f.text("locality");
    String manager = f.text("manager");
    Integer span = f.integer("spanOfControl");
    f.rejectUnknown(known);
    try {
      return new Team(id, name, service, kind, locality, manager, span == null ? 0 : span);
    } catch (InvalidInputException e) {
      f.sink().addAll(e, f.path(), f.line());
      return null;
    }
  }

  private Worker toWorker(JsonNode node, String path, int ln, String teamId) {
    Fields f = Fields.of(node, path, ln, sink);
    if (f == null) {
      return null;
    }
    String id = f.text("id");
    String name = f.text("name");
    Role role = f.enumValue("role", Role.class);
    Contract contract = f.enumValue("contract", Contract.class);
    double fte = f.requiredNumber("fte");
    LocalDate start = f.date("start");
    f.rejectUnknown(WORKER_FIELDS);
    try {
      return new Worker(id, name, teamId, role, contract, fte, start);
    } catch (InvalidInputException e) {
      sink.addAll(e, path, ln);
      return new Worker(standInId(id), null, teamId, Role.QUALIFIED, Contract.PERMANENT, 1.0, STAND_IN_DATE);
    }
  }

  private Case toCase(JsonNode node, String path, int ln) {
    Fields f = Fields.of(node, path, ln, sink);
    if (f == null) {
      return new Case(standInId(null), standInId(null), CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null,
          false, STAND_IN_DATE, null, List.of(), null);
    }
    String id = f.text("id");
    String service = f.text("service");
    CaseCategory category = f.enumValue("category", CaseCategory.class);
    Complexity complexity = f.has("complexity") ? f.enumValue("complexity", Complexity.class) : Complexity.STANDARD;
    String family = f.text("family");
    String locality = f.text("locality");
    Boolean court = f.bool("court");
    LocalDate opened = f.date("opened");
    LocalDate closed = f.date("closed");
    String joint = f.text("jointWorker");
    List<Allocation> history = new ArrayList<>();
    boolean historyOk = readHistory(f, history);
    f.rejectUnknown(CASE_FIELDS);
    try {
      if (!historyOk) {
        throw new InvalidInputException("case", List.of());
      }
      return new Case(id, service, category, complexity, family, locality, court != null && court, opened, closed, history,
          joint);
    } catch (InvalidInputException e) {
      sink.addAll(e, path, ln);
      String standInService = standInId(service);
      try {
        return new Case(standInId(id), standInService, CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false,
            STAND_IN_DATE, null, history, null);
      } catch (InvalidInputException again) {
        return new Case(standInId(id), standInService, CaseCategory.CHILD_IN_NEED, Complexity.STANDARD, null, null, false,
            STAND_IN_DATE, null, List.of(), null);
      }
    }
  }

  private boolean readHistory(Fields f, List<Allocation> history) {
    JsonNode h = f.raw("history");
    if (h == null) {
      return true;
    }
    if (!h.isArray()) {
      f.wrongType("history", "a list", h);
      return false;
    }
    boolean ok = true;
    for (int i = 0; i < h.size(); i++) {
      String ap = f.path("history") + "[" + i + "]";
      Fields a = Fields.of(h.get(i), ap, f.line(), sink);
      if (a == null) {
        ok = false;
        continue;
      }
      String worker = a.text("worker");
      LocalDate from = a.date("from");
      LocalDate until = a.date("until");
      a.rejectUnknown(ALLOCATION_FIELDS);
      try {
        history.add(new Allocation(worker, from, until));
      } catch (InvalidInputException e) {
        sink.addAll(e, ap, f.line());
        ok = false;
      }
    }
    return ok;
  }

  private CapacityPolicy toPolicy(JsonNode node, String path, int ln, CapacityPolicy base) {
    Fields f = Fields.of(node, path, ln, sink);
    if (f == null) {
      return base;
    }
    Map<CaseCategory, Double> weights = enumDoubles(f, "categoryWeights", CaseCategory.class, base.categoryWeights());
    Map<Complexity, Double> multipliers =
        enumDoubles(f, "complexityMultipliers", Complexity.class, base.complexityMultipliers());
    Map<Role, Double> capacity = enumDoubles(f, "capacityPerFte", Role.class, base.capacityPerFte());
    Set<CaseCategory> jointOnly = categories(f, "newlyQualifiedJointOnly", base.newlyQualifiedJointOnly());
    Boolean court = f.bool("newlyQualifiedCourtJointOnly");
    Set<CaseCategory> qualifiedOnly = categories(f, "qualifiedOnly", base.qualifiedOnly());
    f.rejectUnknown(POLICY_FIELDS);
    try {
      return new CapacityPolicy(weights, multipliers, capacity, jointOnly,
          court == null ? base.newlyQualifiedCourtJointOnly() : court, qualifiedOnly);
    } catch (InvalidInputException e) {
      sink.addAll(e, path, ln);
      return base;
    }
  }

  private <E extends Enum<E>> Map<E, Double> enumDoubles(Fields f, String field, Class<E> type, Map<E, Double> base) {
    EnumMap<E, Double> map = new EnumMap<>(type);
    map.putAll(base);
    JsonNode node = f.raw(field);
    if (node == null) {
      return map;
    }
    Fields m = Fields.of(node, f.path(field), f.line(), sink);
    if (m == null) {
      return map;
    }
    var names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      E e = m.enumOf(key, type, m.path(key));
      Double v = m.number(key);
      if (e != null && v != null) {
        map.put(e, v);
      }
    }
    return map;
  }

  private Set<CaseCategory> categories(Fields f, String field, Set<CaseCategory> base) {
    JsonNode node = f.raw(field);
    if (node == null) {
      return base;
    }
    if (!node.isArray()) {
      f.wrongType(field, "a list of case categories", node);
      return base;
    }
    EnumSet<CaseCategory> set = EnumSet.noneOf(CaseCategory.class);
    for (int i = 0; i < node.size(); i++) {
      String at = f.path(field) + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        sink.error(at, "must be a case category but was " + Fields.describe(item), f.line());
        continue;
      }
      CaseCategory c = f.enumOf(item.textValue(), CaseCategory.class, at);
      if (c != null) {
        set.add(c);
      }
    }
    return set;
  }

  private Service toService(JsonNode node, String path, int ln, CapacityPolicy organisationPolicy) {
    Fields f = Fields.of(node, path, ln, sink);
    if (f == null) {
      return Service.of(standInId(null), null);
    }
    String id = f.text("id");
    String name = f.text("name");
    CaseloadTarget target = null;
    JsonNode t = f.raw("target");
    if (t != null) {
      Fields tf = Fields.of(t, f.path("target"), ln, sink);
      if (tf != null) {
        double max = tf.requiredNumber("maxPerFte");
        LocalDate by = tf.date("by");
        tf.rejectUnknown(TARGET_FIELDS);
        try {
          target = new CaseloadTarget(max, by);
        } catch (InvalidInputException e) {
          sink.addAll(e, tf.path(), ln);
        }
      }
    }
    CapacityPolicy policy = f.has("capacityPolicy")
        ? toPolicy(f.raw("capacityPolicy"), f.path("capacityPolicy"), ln, organisationPolicy) : null;
    f.rejectUnknown(SERVICE_FIELDS);
    try {
      return new Service(id, name, target, policy);
    } catch (InvalidInputException e) {
      sink.addAll(e, path, ln);
      return Service.of(standInId(id), null);
    }
  }

  private OrganisationFiles.Loaded finish() {
    Organisation organisation = build();
    if (organisation == null) {
      throw new InvalidInputException(source, sink.all());
    }
    List<Problem> warnings = new ArrayList<>(sink.all());
    for (Problem p : organisation.warnings()) {
      warnings.add(p.atLine(sink.lineOf(p.path())));
    }
    return new OrganisationFiles.Loaded(organisation, warnings);
  }

  /** The organisation, or null when any error was found (every one is in the sink). */
  private Organisation build() {
    ObjectNode rootValues = JsonNodeFactory.instance.objectNode();
    if (formatVersion != null) {
      rootValues.set("formatVersion", formatVersion);
    }
    if (nameNode != null) {
      rootValues.set("name", nameNode);
    }
    if (asOfNode != null) {
      rootValues.set("asOf", asOfNode);
    }
    Fields values = new Fields(rootValues, "", 0, sink);
    values.formatVersion(OrganisationFiles.FORMAT_VERSION);
    String name = values.text("name");
    LocalDate asOf = values.date("asOf");
    CapacityPolicy policy = policyNode == null || policyNode.isNull() ? CapacityPolicy.defaults()
        : toPolicy(policyNode, "capacityPolicy", policyLine, CapacityPolicy.defaults());
    Organisation.Builder builder = Organisation.builder(name, asOf).capacityPolicy(policy);
    for (int i = 0; i < serviceNodes.size(); i++) {
      String path = "services[" + i + "]";
      builder.add(toService(serviceNodes.get(i), path, sink.lineOf(path), policy));
    }
    teams.forEach(builder::add);
    workers.forEach(builder::add);
    cases.forEach(builder::add);
    Organisation organisation = null;
    try {
      organisation = builder.build();
    } catch (InvalidInputException e) {
      for (Problem p : e.problems()) {
        sink.add(p);
      }
    }
    return sink.hasErrors() ? null : organisation;
  }
}
