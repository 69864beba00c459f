package org.caseload.simulation.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.io.AllocationPolicyFiles;
import org.caseload.core.io.EnumNames;
import org.caseload.core.io.Fields;
import org.caseload.core.io.Format;
import org.caseload.core.io.Mappers;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.io.Sink;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.core.validation.Suggestions;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * Reads one scenario file. The top level is streamed: an embedded organisation is read by the
 * organisation file reader straight from the parser (so it may be large), every other section is
 * read as a small tree with the line of each of its fields. Every problem is collected; a
 * section that cannot be read leaves the others to be checked all the same, and the scenario's
 * own cross-checks (restructures naming teams, stages naming services) run when every part was
 * read.
 */
final class ScenarioReader {
  static final List<String> ROOT_FIELDS = List.of("formatVersion", "name", "organisation", "horizonWeeks",
      "allocationPolicy", "allocator", "allocationTiming", "transferAtStageChange", "protectionPractice", "demand",
      "workforce", "costs", "restructures");
  static final List<String> DEMAND_FIELDS = List.of("referrals", "pathway");
  static final List<String> PATHWAY_FIELDS =
      List.of("noFurtherAction", "entry", "rereferral", "rereferralDelay", "stages");
  static final List<String> STAGE_FIELDS = List.of("service", "duration", "exits", "startsOnAllocation");
  static final List<String> EXIT_FIELDS = List.of("next", "probability");
  static final List<String> WORKFORCE_FIELDS = List.of("leavingPerYear", "agencyAssignmentWeeks", "noticeWeeks", "recruitmentWeeks",
      "replaceLeavers", "agencyCoverShare", "agencyCoverAfterWeeks", "newlyQualifiedWeeks", "sicknessSpellsPerYear",
      "sicknessSpellWeeks", "cohorts");
  static final List<String> COHORT_FIELDS =
      List.of("team", "role", "contract", "fte", "count", "firstWeek", "everyWeeks");
  static final List<String> COST_FIELDS = List.of("perFtePerWeek");
  static final List<String> STAFFING_FIELDS = List.of("role", "contract", "fte", "count");
  static final List<String> BAND_FIELDS = List.of("fromWeeks", "toWeeks", "share");

  private static final String ORGANISATION = "the organisation itself (a mapping in the organisation file layout) or"
      + " the path of an organisation file, relative to this file's folder";

  /** The word for an exit that closes the case. */
  static final String CLOSE = "close";
  /** The word for a release of every agency worker. */
  static final String ALL = "all";

  /** The kinds of referral rate, with the fields of each besides {@code kind}. */
  enum RateKind {
    CONSTANT("perWeek"), TREND("perWeekAtStart", "growthPerYear"), SEASONAL("meanPerWeek", "amplitude", "peakWeek"),
    SERIES("weekly");

    final List<String> fields;

    RateKind(String... fields) {
      this.fields = withKind(fields);
    }

    static RateKind of(ReferralRate r) {
      if (r instanceof ReferralRate.Constant) {
        return CONSTANT;
      }
      if (r instanceof ReferralRate.Trend) {
        return TREND;
      }
      return r instanceof ReferralRate.Seasonal ? SEASONAL : SERIES;
    }
  }

  /** The kinds of duration distribution, with the fields of each besides {@code kind}. */
  enum DistributionKind {
    FIXED("weeks"), EXPONENTIAL("meanWeeks"), LOG_NORMAL("meanWeeks", "sdWeeks"), GAMMA("shape", "meanWeeks"),
    BANDS("bands");

    final List<String> fields;

    DistributionKind(String... fields) {
      this.fields = withKind(fields);
    }

    static DistributionKind of(DurationDistribution d) {
      if (d instanceof DurationDistribution.Fixed) {
        return FIXED;
      }
      if (d instanceof DurationDistribution.Exponential) {
        return EXPONENTIAL;
      }
      if (d instanceof DurationDistribution.LogNormal) {
        return LOG_NORMAL;
      }
      return d instanceof DurationDistribution.Gamma ? GAMMA : BANDS;
    }
  }

  /** The kinds of restructure, with the fields of each besides {@code kind}. */
  enum RestructureKind {
    DISSOLVE_TEAM("week", "team"), CREATE_TEAM("week", "team", "staffing"), MOVE_WORKER("week", "worker", "toTeam"),
    RELEASE_AGENCY("week", "team", "count", "recruitPermanent"), HIRE("week", "team", "staffing");

    final List<String> fields;

    RestructureKind(String... fields) {
      this.fields = withKind(fields);
    }

    static RestructureKind of(Restructure r) {
      if (r instanceof Restructure.DissolveTeam) {
        return DISSOLVE_TEAM;
      }
      if (r instanceof Restructure.CreateTeam) {
        return CREATE_TEAM;
      }
      if (r instanceof Restructure.MoveWorker) {
        return MOVE_WORKER;
      }
      return r instanceof Restructure.ReleaseAgency ? RELEASE_AGENCY : HIRE;
    }
  }

  private static List<String> withKind(String... fields) {
    List<String> all = new ArrayList<>();
    all.add("kind");
    all.addAll(List.of(fields));
    return List.copyOf(all);
  }

  private final JsonParser parser;
  private final Path baseFolder;
  private final Sink sink = new Sink();
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private Organisation organisation;
  /** Whether the organisation section was present (embedded or referenced); it may still have failed. */
  private boolean organisationGiven;

  private ScenarioReader(JsonParser parser, Path baseFolder) {
    this.parser = parser;
    this.baseFolder = baseFolder;
  }

  /**
   * Reads the scenario and its warnings; references to other files are resolved against
   * {@code baseFolder}.
   *
   * @throws InvalidInputException with every problem found
   */
  static ScenarioFiles.Loaded read(JsonParser parser, String source, Format format, Path baseFolder) {
    ScenarioReader r = new ScenarioReader(parser, baseFolder);
    Mappers.readDocument(source, format, r.sink, r::readRoot);
    Scenario scenario = r.scenario();
    if (scenario == null && !r.sink.hasErrors()) {
      r.sink.error("", "could not be read as a scenario", 0);
    }
    r.sink.throwIfErrors(source);
    return new ScenarioFiles.Loaded(scenario, r.sink.all());
  }

  /** Reads the top level; false if the file does not hold one mapping. */
  private boolean readRoot() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      sink.error("", "the file is empty: a scenario file holds one mapping with formatVersion, organisation, demand, ...",
          0);
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      sink.error("", "the file must hold one mapping (with formatVersion, organisation, demand, ...) but starts with "
          + parser.getText(), Mappers.line(parser));
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      int line = Mappers.line(parser);
      JsonToken value = parser.nextToken();
      if (field.equals("organisation") && value == JsonToken.START_OBJECT) {
        organisationGiven = true;
        organisation = OrganisationFiles.readPart(parser, field, sink);
        root.putNull(field);
      } else {
        root.set(field, Mappers.readTree(parser, field, sink));
      }
      sink.line(field, line);
    }
    if (parser.nextToken() != null) {
      sink.error("", "the file must hold one mapping, but more follows it", Mappers.line(parser));
    }
    return true;
  }

  /** The scenario, or null when any error was found (every one is in the sink). */
  private Scenario scenario() {
    Fields f = Fields.of(root, "", 0, sink);
    f.formatVersion(ScenarioFiles.FORMAT_VERSION);
    String name = f.text("name");
    if (!organisationGiven) {
      JsonNode reference = f.raw("organisation");
      if (reference == null) {
        sink.error("organisation", "is required: " + ORGANISATION, 0);
      } else if (!reference.isTextual()) {
        f.wrongType("organisation", ORGANISATION, reference);
      } else {
        organisation = referencedOrganisation(reference.textValue());
      }
    }
    Integer horizon = f.integer("horizonWeeks");
    AllocationPolicy policy = allocationPolicy(f);
    String allocator = f.text("allocator");
    Scenario.AllocationTiming timing = f.enumValue("allocationTiming", Scenario.AllocationTiming.class);
    Boolean transfer = f.bool("transferAtStageChange");
    Scenario.ProtectionPractice practice = f.enumValue("protectionPractice", Scenario.ProtectionPractice.class);
    DemandModel demand = null;
    if (!f.has("demand")) {
      sink.error("demand", "is required: referrals and their pathway", 0);
    } else {
      demand = demand(Fields.of(f.raw("demand"), "demand", 0, sink));
    }
    WorkforceModel workforce = f.has("workforce") ? workforce(Fields.of(f.raw("workforce"), "workforce", 0, sink)) : null;
    CostModel costs = f.has("costs") ? costs(Fields.of(f.raw("costs"), "costs", 0, sink)) : null;
    List<Restructure> restructures = restructures(f);
    f.rejectUnknown(ROOT_FIELDS);
    if (organisation == null) {
      return null;
    }
    // Where a part could not be read (its problems are recorded), a stand-in takes its place so
    // that the scenario's own checks still run over the rest: every problem is reported at once.
    DemandModel checkedDemand = demand != null ? demand : standInDemand(organisation);
    if (checkedDemand == null) {
      return null;
    }
    Scenario.Builder b = Scenario.builder(organisation, checkedDemand);
    if (name != null) {
      b.name(name);
    }
    if (horizon != null) {
      b.horizonWeeks(horizon);
    }
    if (policy != null) {
      b.allocationPolicy(policy);
    }
    if (allocator != null) {
      b.allocator(allocator);
    }
    if (timing != null) {
      b.allocationTiming(timing);
    }
    if (transfer != null) {
      b.transferAtStageChange(transfer);
    }
    if (practice != null) {
      b.protectionPractice(practice);
    }
    if (workforce != null) {
      b.workforce(workforce);
    }
    if (costs != null) {
      b.costs(costs);
    }
    restructures.forEach(b::restructure);
    try {
      Scenario scenario = b.build();
      return sink.hasErrors() ? null : scenario;
    } catch (InvalidInputException e) {
      sink.addAll(e, "", 0);
      return null;
    }
  }

  /**
   * Demand that passes every check against {@code organisation}, standing in for demand that
   * could not be read; null if the organisation has no service for it.
   */
  private static DemandModel standInDemand(Organisation organisation) {
    if (organisation.services().isEmpty()) {
      return null;
    }
    DurationDistribution week = new DurationDistribution.Fixed(1);
    Stage stage = Stage.of(CaseCategory.CHILD_IN_NEED, organisation.services().get(0).id(), week,
        List.of(Stage.Exit.close(1)));
    return new DemandModel(new ReferralRate.Constant(0),
        new Pathway(0, CaseCategory.CHILD_IN_NEED, Map.of(CaseCategory.CHILD_IN_NEED, stage), 0, week));
  }

  // ------------------------------------------------------------------ references to other files

  private Path resolve(String reference, String path) {
    try {
      Path file = baseFolder.resolve(reference).normalize();
      if (!Files.isRegularFile(file)) {
        sink.error(path, "refers to \"" + reference + "\", but there is no file " + file.toAbsolutePath()
            + " (a relative path is resolved against the scenario file's folder)", 0);
        return null;
      }
      return file;
    } catch (InvalidPathException e) {
      sink.error(path, "refers to \"" + reference + "\", which is not a valid path: " + e.getReason(), 0);
      return null;
    }
  }

  private Organisation referencedOrganisation(String reference) {
    Path file = resolve(reference, "organisation");
    if (file == null) {
      return null;
    }
    try {
      OrganisationFiles.Loaded loaded = OrganisationFiles.read(file);
      for (Problem w : loaded.warnings()) {
        sink.add(Problem.warning("organisation", "in " + reference + where(w) + ": " + w.describe()));
      }
      return loaded.organisation();
    } catch (InvalidInputException e) {
      sink.error("organisation", referenceInvalid(reference, e), 0);
      return null;
    }
  }

  private AllocationPolicy allocationPolicy(Fields f) {
    JsonNode node = f.raw("allocationPolicy");
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      Path file = resolve(node.textValue(), "allocationPolicy");
      if (file == null) {
        return null;
      }
      try {
        return AllocationPolicyFiles.load(file);
      } catch (InvalidInputException e) {
        sink.error("allocationPolicy", referenceInvalid(node.textValue(), e), 0);
        return null;
      }
    }
    if (!node.isObject()) {
      f.wrongType("allocationPolicy", "an allocation policy (a mapping) or the path of an allocation policy file", node);
      return null;
    }
    return AllocationPolicyFiles.read(node, "allocationPolicy", 0, sink);
  }

  /** "refers to x.yaml, which is invalid:" and the other file's problems, one a line. */
  private static String referenceInvalid(String reference, InvalidInputException e) {
    StringBuilder sb = new StringBuilder("refers to \"" + reference + "\", which is invalid:");
    for (Problem p : e.problems()) {
      sb.append("\n    ").append(p.severity()).append(where(p)).append(": ").append(p.describe());
    }
    return sb.toString();
  }

  private static String where(Problem p) {
    return p.line() > 0 ? " (line " + p.line() + ")" : "";
  }

  // ------------------------------------------------------------------ demand

  private DemandModel demand(Fields f) {
    if (f == null) {
      return null;
    }
    ReferralRate referrals = required(f, "referrals", "referrals per week",
        n -> referralRate(Fields.of(n, f.path("referrals"), 0, sink)));
    Pathway pathway = required(f, "pathway", "the pathway of a referral",
        n -> pathway(Fields.of(n, f.path("pathway"), 0, sink)));
    f.rejectUnknown(DEMAND_FIELDS);
    if (referrals == null || pathway == null) {
      return null;
    }
    return construct(f.path(), () -> new DemandModel(referrals, pathway));
  }

  private ReferralRate referralRate(Fields f) {
    if (f == null) {
      return null;
    }
    RateKind kind = kind(f, RateKind.class);
    if (kind == null) {
      return null;
    }
    f.rejectUnknown(kind.fields);
    switch (kind) {
      case CONSTANT: {
        double perWeek = f.requiredNumber("perWeek");
        return construct(f.path(), () -> new ReferralRate.Constant(perWeek));
      }
      case TREND: {
        double start = f.requiredNumber("perWeekAtStart");
        double growth = f.requiredNumber("growthPerYear");
        return construct(f.path(), () -> new ReferralRate.Trend(start, growth));
      }
      case SEASONAL: {
        double mean = f.requiredNumber("meanPerWeek");
        double amplitude = f.requiredNumber("amplitude");
        Integer peak = f.requiredInteger("peakWeek");
        return peak == null ? null : construct(f.path(), () -> new ReferralRate.Seasonal(mean, amplitude, peak));
      }
      default: {
        List<Double> weekly = list(f, "weekly", "a list of referrals per week", (item, at) -> {
          if (!item.isNumber()) {
            sink.error(at, "must be a number of referrals but was " + Fields.describe(item), 0);
            return null;
          }
          return item.doubleValue();
        });
        return weekly == null ? null : construct(f.path(), () -> new ReferralRate.Series(weekly));
      }
    }
  }

  private Pathway pathway(Fields f) {
    if (f == null) {
      return null;
    }
    double noFurtherAction = f.requiredNumber("noFurtherAction");
    CaseCategory entry = f.enumValue("entry", CaseCategory.class);
    double rereferral = f.requiredNumber("rereferral");
    DurationDistribution delay = required(f, "rereferralDelay", "weeks from closing to a new referral",
        n -> distribution(n, f.path("rereferralDelay")));
    Map<CaseCategory, Stage> stages = new EnumMap<>(CaseCategory.class);
    boolean stagesOk = true;
    JsonNode stagesNode = f.raw("stages");
    if (stagesNode == null) {
      sink.error(f.path("stages"), "is required: a stage for each category a case can be in", 0);
      stagesOk = false;
    } else {
      Fields sf = Fields.of(stagesNode, f.path("stages"), 0, sink);
      if (sf == null) {
        stagesOk = false;
      } else {
        for (Map.Entry<CaseCategory, String> e : sf.keys(CaseCategory.class).entrySet()) {
          Stage stage = stage(e.getKey(), Fields.of(sf.raw(e.getValue()), sf.path(e.getValue()), 0, sink));
          if (stage == null) {
            stagesOk = false;
          } else {
            stages.put(e.getKey(), stage);
          }
        }
      }
    }
    f.rejectUnknown(PATHWAY_FIELDS);
    if ((f.has("entry") && entry == null) || delay == null || !stagesOk) {
      return null;
    }
    return construct(f.path(), () -> new Pathway(noFurtherAction, entry, stages, rereferral, delay));
  }

  private Stage stage(CaseCategory category, Fields f) {
    if (f == null) {
      return null;
    }
    String service = f.text("service");
    DurationDistribution duration = required(f, "duration", "how long a case stays at this stage",
        n -> distribution(n, f.path("duration")));
    Boolean startsOnAllocation = f.bool("startsOnAllocation");
    List<Stage.Exit> exits = list(f, "exits", "a list of exits", (item, at) -> {
      Fields ef = Fields.of(item, at, 0, sink);
      if (ef == null) {
        return null;
      }
      String next = ef.text("next");
      CaseCategory to = null;
      if (next == null) {
        if (!ef.has("next")) {
          sink.error(ef.path("next"), "is required: the next stage's category, or " + CLOSE, 0);
        }
        return null;
      }
      if (!next.trim().equalsIgnoreCase(CLOSE)) {
        to = EnumNames.read(next, CaseCategory.class);
        if (to == null) {
          List<String> allowed = new ArrayList<>(EnumNames.spellings(CaseCategory.class));
          allowed.add(CLOSE);
          sink.error(ef.path("next"), "must be one of " + String.join(", ", allowed) + " but was \"" + next + "\""
              + Suggestions.didYouMean(next, allowed), 0);
          return null;
        }
      }
      double probability = ef.requiredNumber("probability");
      ef.rejectUnknown(EXIT_FIELDS);
      CaseCategory target = to;
      return construct(at, () -> new Stage.Exit(target, probability));
    });
    f.rejectUnknown(STAGE_FIELDS);
    if (duration == null || exits == null) {
      return null;
    }
    return construct(f.path(), () -> new Stage(category, service, duration, exits,
        startsOnAllocation != null && startsOnAllocation));
  }

  /** A duration distribution: a mapping with its {@code kind}, or the name of a published one. */
  DurationDistribution distribution(JsonNode node, String path) {
    Map<String, DurationDistribution.Bands> published = DurationDistribution.Bands.published();
    if (node.isTextual()) {
      String name = node.textValue();
      DurationDistribution.Bands bands = published.get(EnumNames.key(name));
      if (bands == null) {
        sink.error(path, "must be the name of a published distribution (" + String.join(", ", published.keySet())
            + ") or a mapping with a kind (" + String.join(", ", EnumNames.spellings(DistributionKind.class))
            + ") but was \"" + name + "\"" + Suggestions.didYouMean(name, published.keySet()), 0);
      }
      return bands;
    }
    Fields f = Fields.of(node, path, 0, sink);
    if (f == null) {
      return null;
    }
    DistributionKind kind = kind(f, DistributionKind.class);
    if (kind == null) {
      return null;
    }
    f.rejectUnknown(kind.fields);
    switch (kind) {
      case FIXED: {
        double weeks = f.requiredNumber("weeks");
        return construct(path, () -> new DurationDistribution.Fixed(weeks));
      }
      case EXPONENTIAL: {
        double mean = f.requiredNumber("meanWeeks");
        return construct(path, () -> new DurationDistribution.Exponential(mean));
      }
      case LOG_NORMAL: {
        double mean = f.requiredNumber("meanWeeks");
        double sd = f.requiredNumber("sdWeeks");
        return construct(path, () -> new DurationDistribution.LogNormal(mean, sd));
      }
      case GAMMA: {
        double shape = f.requiredNumber("shape");
        double mean = f.requiredNumber("meanWeeks");
        return construct(path, () -> new DurationDistribution.Gamma(shape, mean));
      }
      default: {
        List<DurationDistribution.Band> bands = list(f, "bands", "a list of bands", (item, at) -> {
          Fields bf = Fields.of(item, at, 0, sink);
          if (bf == null) {
            return null;
          }
          double from = bf.requiredNumber("fromWeeks");
          double to = bf.requiredNumber("toWeeks");
          double share = bf.requiredNumber("share");
          bf.rejectUnknown(BAND_FIELDS);
          return construct(at, () -> new DurationDistribution.Band(from, to, share));
        });
        return bands == null ? null : construct(path, () -> new DurationDistribution.Bands(bands));
      }
    }
  }

  // ------------------------------------------------------------------ workforce and costs

  private WorkforceModel workforce(Fields f) {
    if (f == null) {
      return null;
    }
    WorkforceModel d = WorkforceModel.defaults();
    Map<Contract, Map<Role, Double>> leaving = rates(f, "leavingPerYear", d.leavingPerYear());
    DurationDistribution assignment = f.has("agencyAssignmentWeeks")
        ? distribution(f.raw("agencyAssignmentWeeks"), f.path("agencyAssignmentWeeks")) : d.agencyAssignmentWeeks();
    Map<Contract, DurationDistribution> notice = distributions(f, "noticeWeeks", d.noticeWeeks());
    Map<Contract, DurationDistribution> recruitment = distributions(f, "recruitmentWeeks", d.recruitmentWeeks());
    Boolean replace = f.bool("replaceLeavers");
    Double coverShare = f.number("agencyCoverShare");
    Double coverAfter = f.number("agencyCoverAfterWeeks");
    Integer newlyQualified = f.integer("newlyQualifiedWeeks");
    Double spells = f.number("sicknessSpellsPerYear");
    DurationDistribution spellWeeks = f.has("sicknessSpellWeeks")
        ? distribution(f.raw("sicknessSpellWeeks"), f.path("sicknessSpellWeeks")) : d.sicknessSpellWeeks();
    List<WorkforceModel.Cohort> cohorts = f.has("cohorts") ? list(f, "cohorts", "a list of cohorts", this::cohort)
        : d.cohorts();
    f.rejectUnknown(WORKFORCE_FIELDS);
    if (leaving == null || notice == null || recruitment == null || spellWeeks == null || cohorts == null
        || (assignment == null && f.has("agencyAssignmentWeeks"))) {
      return null;
    }
    return construct(f.path(), () -> new WorkforceModel(leaving, assignment, notice, recruitment, or(replace, d.replaceLeavers()),
        or(coverShare, d.agencyCoverShare()), or(coverAfter, d.agencyCoverAfterWeeks()),
        or(newlyQualified, d.newlyQualifiedWeeks()), or(spells, d.sicknessSpellsPerYear()), spellWeeks, cohorts));
  }

  private WorkforceModel.Cohort cohort(JsonNode node, String path) {
    Fields f = Fields.of(node, path, 0, sink);
    if (f == null) {
      return null;
    }
    String team = f.text("team");
    Role role = f.enumValue("role", Role.class);
    Contract contract = f.enumValue("contract", Contract.class);
    double fte = f.requiredNumber("fte");
    Integer count = f.requiredInteger("count");
    Integer first = week(f, "firstWeek");
    Integer every = f.integer("everyWeeks");
    f.rejectUnknown(COHORT_FIELDS);
    if (count == null || first == null) {
      return null;
    }
    return construct(path, () -> new WorkforceModel.Cohort(team, role, contract, fte, count, first,
        every == null ? 0 : every));
  }

  private CostModel costs(Fields f) {
    if (f == null) {
      return null;
    }
    Map<Contract, Map<Role, Double>> perFte = rates(f, "perFtePerWeek", CostModel.defaults().perFtePerWeek());
    f.rejectUnknown(COST_FIELDS);
    return perFte == null ? null : construct(f.path(), () -> new CostModel(perFte));
  }

  /** A table of numbers by contract then role, each left out keeping its value in {@code base}. */
  private Map<Contract, Map<Role, Double>> rates(Fields f, String field, Map<Contract, Map<Role, Double>> base) {
    Map<Contract, Map<Role, Double>> table = new EnumMap<>(Contract.class);
    base.forEach((c, m) -> table.put(c, new EnumMap<>(m)));
    JsonNode node = f.raw(field);
    if (node == null) {
      return table;
    }
    Fields byContract = Fields.of(node, f.path(field), 0, sink);
    if (byContract == null) {
      return null;
    }
    boolean ok = true;
    for (Map.Entry<Contract, String> c : byContract.keys(Contract.class).entrySet()) {
      Fields byRole = Fields.of(byContract.raw(c.getValue()), byContract.path(c.getValue()), 0, sink);
      if (byRole == null) {
        ok = false;
        continue;
      }
      for (Map.Entry<Role, String> r : byRole.keys(Role.class).entrySet()) {
        Double v = byRole.number(r.getValue());
        if (v == null) {
          ok = false;
        } else {
          table.computeIfAbsent(c.getKey(), k -> new EnumMap<>(Role.class)).put(r.getKey(), v);
        }
      }
    }
    return ok ? table : null;
  }

  /** Distributions by contract, each left out keeping its value in {@code base}. */
  private Map<Contract, DurationDistribution> distributions(Fields f, String field,
      Map<Contract, DurationDistribution> base) {
    Map<Contract, DurationDistribution> map = new EnumMap<>(base);
    JsonNode node = f.raw(field);
    if (node == null) {
      return map;
    }
    Fields byContract = Fields.of(node, f.path(field), 0, sink);
    if (byContract == null) {
      return null;
    }
    boolean ok = true;
    for (Map.Entry<Contract, String> c : byContract.keys(Contract.class).entrySet()) {
      DurationDistribution d = byContract.has(c.getValue())
          ? distribution(byContract.raw(c.getValue()), byContract.path(c.getValue())) : null;
      if (d == null) {
        ok = false;
        if (!byContract.has(c.getValue())) {
          sink.error(byContract.path(c.getValue()), "must be a duration distribution but was nothing", 0);
        }
      } else {
        map.put(c.getKey(), d);
      }
    }
    return ok ? map : null;
  }

  // ------------------------------------------------------------------ restructures

  /**
   * The restructures, one for each in the file and at the same index (so that the scenario's
   * checks name the file's own paths): one that cannot be read is stood in for by a release of
   * no agency workers, which changes nothing and names no team.
   */
  private List<Restructure> restructures(Fields f) {
    JsonNode node = f.raw("restructures");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      f.wrongType("restructures", "a list of restructures", node);
      return List.of();
    }
    List<Restructure> list = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      Restructure r = restructure(node.get(i), f.path("restructures") + "[" + i + "]");
      list.add(r != null ? r : new Restructure.ReleaseAgency(0, null, 0, false));
    }
    return list;
  }

  private Restructure restructure(JsonNode node, String path) {
    Fields f = Fields.of(node, path, 0, sink);
    if (f == null) {
      return null;
    }
    RestructureKind kind = kind(f, RestructureKind.class);
    if (kind == null) {
      return null;
    }
    f.rejectUnknown(kind.fields);
    Integer week = week(f, "week");
    switch (kind) {
      case DISSOLVE_TEAM: {
        String team = f.text("team");
        return week == null ? null : construct(path, () -> new Restructure.DissolveTeam(week, team));
      }
      case CREATE_TEAM: {
        Team team = required(f, "team", "the new team (id, service, kind, ...)", n -> {
          Fields tf = Fields.of(n, f.path("team"), 0, sink);
          return tf == null ? null : OrganisationFiles.readTeam(tf);
        });
        List<Restructure.Staffing> staffing = f.has("staffing")
            ? list(f, "staffing", "a list of staffing (role, contract, fte, count)", this::staffing) : List.of();
        if (week == null || team == null || staffing == null) {
          return null;
        }
        return construct(path, () -> new Restructure.CreateTeam(week, team, staffing));
      }
      case MOVE_WORKER: {
        String worker = f.text("worker");
        String toTeam = f.text("toTeam");
        return week == null ? null : construct(path, () -> new Restructure.MoveWorker(week, worker, toTeam));
      }
      case RELEASE_AGENCY: {
        String team = f.text("team");
        Integer count = -1;
        JsonNode c = f.raw("count");
        if (c != null && !(c.isTextual() && c.textValue().trim().equalsIgnoreCase(ALL))) {
          if (c.isIntegralNumber() && c.canConvertToInt()) {
            count = c.intValue();
          } else {
            f.wrongType("count", "a whole number of workers or " + ALL, c);
            count = null;
          }
        }
        Boolean permanent = f.bool("recruitPermanent");
        if (week == null || count == null) {
          return null;
        }
        int n = count;
        return construct(path, () -> new Restructure.ReleaseAgency(week, team, n, permanent != null && permanent));
      }
      default: {
        String team = f.text("team");
        Restructure.Staffing staffing = required(f, "staffing", "the workers hired (role, contract, fte, count)",
            n -> staffing(n, f.path("staffing")));
        if (week == null || staffing == null) {
          return null;
        }
        return construct(path, () -> new Restructure.Hire(week, team, staffing));
      }
    }
  }

  private Restructure.Staffing staffing(JsonNode node, String path) {
    Fields f = Fields.of(node, path, 0, sink);
    if (f == null) {
      return null;
    }
    Role role = f.enumValue("role", Role.class);
    Contract contract = f.enumValue("contract", Contract.class);
    double fte = f.requiredNumber("fte");
    Integer count = f.requiredInteger("count");
    f.rejectUnknown(STAFFING_FIELDS);
    return count == null ? null : construct(path, () -> new Restructure.Staffing(role, contract, fte, count));
  }

  /**
   * A week of the simulation: a whole number of weeks from the organisation's {@code asOf}, or a
   * date yyyy-mm-dd on or after it, taken as the first week starting on or after that day
   * ({@link Scenario#weekOf}). Null when missing or wrong (the error is recorded); 0 for a date
   * when the organisation could not be read (its own errors say why).
   */
  private Integer week(Fields f, String field) {
    JsonNode v = f.raw(field);
    if (v == null) {
      sink.error(f.path(field), "is required: a week from 0 (the organisation's asOf) or a date yyyy-mm-dd", 0);
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      LocalDate day;
      try {
        day = LocalDate.parse(v.textValue().trim());
      } catch (DateTimeParseException e) {
        sink.error(f.path(field), "must be a week from 0 or a date yyyy-mm-dd but was \"" + v.textValue() + "\"", 0);
        return null;
      }
      if (organisation == null) {
        return 0;
      }
      LocalDate asOf = organisation.asOf();
      if (day.isBefore(asOf)) {
        sink.error(f.path(field), "must be on or after the organisation's asOf (" + asOf + ") but was " + day, 0);
        return null;
      }
      return Scenario.weekOf(asOf, day);
    }
    f.wrongType(field, "a week from 0 or a date yyyy-mm-dd", v);
    return null;
  }

  // ------------------------------------------------------------------ shared

  /** The constant named by the object's {@code kind}, or null after recording what is wrong. */
  private <E extends Enum<E>> E kind(Fields f, Class<E> type) {
    if (!f.has("kind")) {
      sink.error(f.path("kind"), "is required: one of " + String.join(", ", EnumNames.spellings(type)), 0);
      return null;
    }
    return f.enumValue("kind", type);
  }

  /** A value that must be present, read by {@code reader}; null when missing or invalid (recorded). */
  private <T> T required(Fields f, String field, String what, Function<JsonNode, T> reader) {
    JsonNode node = f.raw(field);
    if (node == null) {
      sink.error(f.path(field), "is required: " + what, 0);
      return null;
    }
    return reader.apply(node);
  }

  private interface ItemReader<T> {
    T read(JsonNode item, String path);
  }

  /** A list whose every item reads; null (with every problem recorded) when the field is missing or any item fails. */
  private <T> List<T> list(Fields f, String field, String what, ItemReader<T> reader) {
    JsonNode node = f.raw(field);
    if (node == null) {
      sink.error(f.path(field), "is required: " + what, 0);
      return null;
    }
    if (!node.isArray()) {
      f.wrongType(field, what, node);
      return null;
    }
    List<T> items = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      T item = reader.read(node.get(i), f.path(field) + "[" + i + "]");
      if (item == null) {
        ok = false;
      } else {
        items.add(item);
      }
    }
    return ok ? items : null;
  }

  private interface Constructor<T> {
    T get();
  }

  /** The record {@code c} builds, or null after recording its problems under {@code path}. */
  private <T> T construct(String path, Constructor<T> c) {
    try {
      return c.get();
    } catch (InvalidInputException e) {
      sink.addAll(e, path, 0);
      return null;
    }
  }

  private static <T> T or(T v, T otherwise) {
    return v == null ? otherwise : v;
  }
}
