package org.caseload.simulation.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.caseload.core.io.AllocationPolicyFiles;
import org.caseload.core.io.EnumNames;
import org.caseload.core.io.OrganisationFiles;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.simulation.Scenario;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.io.ScenarioReader.DistributionKind;
import org.caseload.simulation.io.ScenarioReader.RateKind;
import org.caseload.simulation.io.ScenarioReader.RestructureKind;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * Writes a scenario in the layout {@link ScenarioReader} reads. Every section is written in full
 * (the workforce, costs and allocation policy too, even at their defaults), so that a saved
 * scenario means the same to a later version of Caseload whose defaults have moved. The
 * organisation is embedded, last, because it is the longest part; restructure weeks are written
 * as week numbers.
 */
final class ScenarioWriter {
  private final JsonGenerator g;

  private ScenarioWriter(JsonGenerator g) {
    this.g = g;
  }

  static void write(Scenario s, JsonGenerator g) throws IOException {
    new ScenarioWriter(g).scenario(s);
    g.flush();
  }

  private void scenario(Scenario s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("formatVersion", ScenarioFiles.FORMAT_VERSION);
    g.writeStringField("name", s.name());
    g.writeNumberField("horizonWeeks", s.horizonWeeks());
    g.writeStringField("allocator", s.allocator());
    g.writeStringField("allocationTiming", EnumNames.write(s.allocationTiming()));
    g.writeBooleanField("transferAtStageChange", s.transferAtStageChange());
    g.writeStringField("protectionPractice", EnumNames.write(s.protectionPractice()));
    g.writeObjectFieldStart("demand");
    g.writeFieldName("referrals");
    referrals(s.demand().referrals());
    g.writeFieldName("pathway");
    pathway(s.demand().pathway());
    g.writeEndObject();
    g.writeFieldName("workforce");
    workforce(s.workforce());
    g.writeObjectFieldStart("costs");
    rates("perFtePerWeek", s.costs().perFtePerWeek());
    g.writeEndObject();
    g.writeFieldName("allocationPolicy");
    AllocationPolicyFiles.write(s.allocationPolicy(), g);
    g.writeArrayFieldStart("restructures");
    for (Restructure r : s.restructures()) {
      restructure(r);
    }
    g.writeEndArray();
    g.writeFieldName("organisation");
    OrganisationFiles.writePart(s.organisation(), g);
    g.writeEndObject();
  }

  private void referrals(ReferralRate r) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", EnumNames.write(RateKind.of(r)));
    if (r instanceof ReferralRate.Constant c) {
      g.writeNumberField("perWeek", c.perWeek());
    } else if (r instanceof ReferralRate.Trend t) {
      g.writeNumberField("perWeekAtStart", t.perWeekAtStart());
      g.writeNumberField("growthPerYear", t.growthPerYear());
    } else if (r instanceof ReferralRate.Seasonal s) {
      g.writeNumberField("meanPerWeek", s.meanPerWeek());
      g.writeNumberField("amplitude", s.amplitude());
      g.writeNumberField("peakWeek", s.peakWeek());
    } else if (r instanceof ReferralRate.Series s) {
      g.writeArrayFieldStart("weekly");
      for (double v : s.weekly()) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void pathway(Pathway p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("noFurtherAction", p.noFurtherAction());
    g.writeStringField("entry", EnumNames.write(p.entry()));
    g.writeNumberField("rereferral", p.rereferral());
    g.writeFieldName("rereferralDelay");
    distribution(p.rereferralDelay());
    g.writeObjectFieldStart("stages");
    for (Stage stage : p.stages().values()) {
      g.writeObjectFieldStart(EnumNames.write(stage.category()));
      g.writeStringField("service", stage.serviceId());
      g.writeFieldName("duration");
      distribution(stage.duration());
      if (stage.startsOnAllocation()) {
        g.writeBooleanField("startsOnAllocation", true);
      }
      g.writeArrayFieldStart("exits");
      for (Stage.Exit e : stage.exits()) {
        g.writeStartObject();
        g.writeStringField("next", e.next() == null ? ScenarioReader.CLOSE : EnumNames.write(e.next()));
        g.writeNumberField("probability", e.probability());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** A distribution: the name of a published one it equals, or a mapping with its kind. */
  private void distribution(DurationDistribution d) throws IOException {
    for (Map.Entry<String, DurationDistribution.Bands> e : DurationDistribution.Bands.published().entrySet()) {
      if (e.getValue().equals(d)) {
        g.writeString(e.getKey());
        return;
      }
    }
    g.writeStartObject();
    g.writeStringField("kind", EnumNames.write(DistributionKind.of(d)));
    if (d instanceof DurationDistribution.Fixed f) {
      g.writeNumberField("weeks", f.weeks());
    } else if (d instanceof DurationDistribution.Exponential x) {
      g.writeNumberField("meanWeeks", x.meanWeeks());
    } else if (d instanceof DurationDistribution.LogNormal l) {
      g.writeNumberField("meanWeeks", l.meanWeeks());
      g.writeNumberField("sdWeeks", l.sdWeeks());
    } else if (d instanceof DurationDistribution.Gamma ga) {
      g.writeNumberField("shape", ga.shape());
      g.writeNumberField("meanWeeks", ga.meanWeeks());
    } else if (d instanceof DurationDistribution.Bands b) {
      g.writeArrayFieldStart("bands");
      for (DurationDistribution.Band band : b.bands()) {
        g.writeStartObject();
        g.writeNumberField("fromWeeks", band.fromWeeks());
        g.writeNumberField("toWeeks", band.toWeeks());
        g.writeNumberField("share", band.share());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void workforce(WorkforceModel w) throws IOException {
    g.writeStartObject();
    rates("leavingPerYear", w.leavingPerYear());
    if (w.agencyAssignmentWeeks() != null) {
      g.writeFieldName("agencyAssignmentWeeks");
      distribution(w.agencyAssignmentWeeks());
    }
    distributions("noticeWeeks", w.noticeWeeks());
    distributions("recruitmentWeeks", w.recruitmentWeeks());
    g.writeBooleanField("replaceLeavers", w.replaceLeavers());
    g.writeNumberField("agencyCoverShare", w.agencyCoverShare());
    g.writeNumberField("agencyCoverAfterWeeks", w.agencyCoverAfterWeeks());
    g.writeNumberField("newlyQualifiedWeeks", w.newlyQualifiedWeeks());
    g.writeNumberField("sicknessSpellsPerYear", w.sicknessSpellsPerYear());
    g.writeFieldName("sicknessSpellWeeks");
    distribution(w.sicknessSpellWeeks());
    g.writeArrayFieldStart("cohorts");
    for (WorkforceModel.Cohort c : w.cohorts()) {
      g.writeStartObject();
      g.writeStringField("team", c.teamId());
      g.writeStringField("role", EnumNames.write(c.role()));
      g.writeStringField("contract", EnumNames.write(c.contract()));
      g.writeNumberField("fte", c.fte());
      g.writeNumberField("count", c.count());
      g.writeNumberField("firstWeek", c.firstWeek());
      g.writeNumberField("everyWeeks", c.everyWeeks());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void rates(String field, Map<Contract, Map<Role, Double>> table) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<Contract, Map<Role, Double>> c : table.entrySet()) {
      g.writeObjectFieldStart(EnumNames.write(c.getKey()));
      for (Map.Entry<Role, Double> r : c.getValue().entrySet()) {
        g.writeNumberField(EnumNames.write(r.getKey()), r.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void distributions(String field, Map<Contract, DurationDistribution> map) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<Contract, DurationDistribution> e : map.entrySet()) {
      g.writeFieldName(EnumNames.write(e.getKey()));
      distribution(e.getValue());
    }
    g.writeEndObject();
  }

  private void restructure(Restructure r) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", EnumNames.write(RestructureKind.of(r)));
    g.writeNumberField("week", r.week());
    if (r instanceof Restructure.DissolveTeam d) {
      g.writeStringField("team", d.teamId());
    } else if (r instanceof Restructure.CreateTeam c) {
      g.writeFieldName("team");
      OrganisationFiles.writeTeam(c.team(), g);
      g.writeArrayFieldStart("staffing");
      for (Restructure.Staffing s : c.staffing()) {
        staffing(s);
      }
      g.writeEndArray();
    } else if (r instanceof Restructure.MoveWorker m) {
      g.writeStringField("worker", m.workerId());
      g.writeStringField("toTeam", m.toTeamId());
    } else if (r instanceof Restructure.ReleaseAgency a) {
      if (a.teamId() != null) {
        g.writeStringField("team", a.teamId());
      }
      if (a.count() == -1) {
        g.writeStringField("count", ScenarioReader.ALL);
      } else {
        g.writeNumberField("count", a.count());
      }
      g.writeBooleanField("recruitPermanent", a.recruitPermanent());
    } else if (r instanceof Restructure.Hire h) {
      g.writeStringField("team", h.teamId());
      g.writeFieldName("staffing");
      staffing(h.staffing());
    }
    g.writeEndObject();
  }

  private void staffing(Restructure.Staffing s) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", EnumNames.write(s.role()));
    g.writeStringField("contract", EnumNames.write(s.contract()));
    g.writeNumberField("fte", s.fte());
    g.writeNumberField("count", s.count());
    g.writeEndObject();
  }
}
