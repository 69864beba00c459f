package org.caseload.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;

/**
 * Writes an organisation as a stream, in the layout {@link OrganisationReader} reads: workers
 * nested in their team, cases at the top level with their history. Optional fields at their
 * default are left out (a standard-complexity case has no {@code complexity}, a case not in court
 * no {@code court}); a capacity policy is written as its differences from the one it overrides
 * (the defaults for the organisation, the organisation's for a service).
 */
final class OrganisationWriter {
  private final JsonGenerator g;

  private OrganisationWriter(JsonGenerator g) {
    this.g = g;
  }

  static void write(Organisation o, JsonGenerator g) throws IOException {
    new OrganisationWriter(g).organisation(o);
    g.flush();
  }

  private void organisation(Organisation o) throws IOException {
    g.writeStartObject();
    g.writeNumberField("formatVersion", OrganisationFiles.FORMAT_VERSION);
    g.writeStringField("name", o.name());
    date("asOf", o.asOf());
    if (!o.capacityPolicy().equals(CapacityPolicy.defaults())) {
      g.writeFieldName("capacityPolicy");
      policy(o.capacityPolicy(), CapacityPolicy.defaults());
    }
    g.writeArrayFieldStart("services");
    for (Service s : o.services()) {
      service(s, o.capacityPolicy());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("teams");
    for (Team t : o.teams()) {
      team(t, o);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cases");
    for (Case c : o.cases()) {
      caseRecord(c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void service(Service s, CapacityPolicy organisationPolicy) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    if (!s.name().equals(s.id())) {
      g.writeStringField("name", s.name());
    }
    if (s.target() != null) {
      g.writeObjectFieldStart("target");
      g.writeNumberField("maxPerFte", s.target().maxPerFte());
      date("by", s.target().by());
      g.writeEndObject();
    }
    if (s.capacityPolicy() != null) {
      g.writeFieldName("capacityPolicy");
      policy(s.capacityPolicy(), organisationPolicy);
    }
    g.writeEndObject();
  }

  private void policy(CapacityPolicy p, CapacityPolicy base) throws IOException {
    g.writeStartObject();
    doubles("categoryWeights", p.categoryWeights(), base.categoryWeights());
    doubles("complexityMultipliers", p.complexityMultipliers(), base.complexityMultipliers());
    doubles("capacityPerFte", p.capacityPerFte(), base.capacityPerFte());
    categories("newlyQualifiedJointOnly", p.newlyQualifiedJointOnly(), base.newlyQualifiedJointOnly());
    if (p.newlyQualifiedCourtJointOnly() != base.newlyQualifiedCourtJointOnly()) {
      g.writeBooleanField("newlyQualifiedCourtJointOnly", p.newlyQualifiedCourtJointOnly());
    }
    categories("qualifiedOnly", p.qualifiedOnly(), base.qualifiedOnly());
    g.writeEndObject();
  }

  private <E extends Enum<E>> void doubles(String field, Map<E, Double> values, Map<E, Double> base)
      throws IOException {
    if (values.equals(base)) {
      return;
    }
    g.writeObjectFieldStart(field);
    for (Map.Entry<E, Double> e : values.entrySet()) {
      if (!e.getValue().equals(base.get(e.getKey()))) {
        g.writeNumberField(EnumNames.write(e.getKey()), e.getValue());
      }
    }
    g.writeEndObject();
  }

  private void categories(String field, Set<? extends Enum<?>> values, Set<? extends Enum<?>> base)
      throws IOException {
    if (values.equals(base)) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (Enum<?> e : values) {
      g.writeString(EnumNames.write(e));
    }
    g.writeEndArray();
  }

  private void team(Team t, Organisation o) throws IOException {
    g.writeStartObject();
    teamFields(t, g);
    g.writeArrayFieldStart("workers");
    for (Worker w : o.workersOf(t.id())) {
      g.writeStartObject();
      g.writeStringField("id", w.id());
      optional("name", w.name());
      g.writeStringField("role", EnumNames.write(w.role()));
      g.writeStringField("contract", EnumNames.write(w.contract()));
      g.writeNumberField("fte", w.fte());
      date("start", w.start());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A team's own fields (not its workers), leaving out a name equal to the id and a span of 0. */
  static void teamFields(Team t, JsonGenerator g) throws IOException {
    g.writeStringField("id", t.id());
    if (!t.name().equals(t.id())) {
      g.writeStringField("name", t.name());
    }
    g.writeStringField("service", t.serviceId());
    g.writeStringField("kind", EnumNames.write(t.kind()));
    if (t.locality() != null) {
      g.writeStringField("locality", t.locality());
    }
    if (t.manager() != null) {
      g.writeStringField("manager", t.manager());
    }
    if (t.spanOfControl() != 0) {
      g.writeNumberField("spanOfControl", t.spanOfControl());
    }
  }

  private void caseRecord(Case c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("service", c.serviceId());
    g.writeStringField("category", EnumNames.write(c.category()));
    if (c.complexity() != Complexity.STANDARD) {
      g.writeStringField("complexity", EnumNames.write(c.complexity()));
    }
    optional("family", c.familyId());
    optional("locality", c.locality());
    if (c.court()) {
      g.writeBooleanField("court", true);
    }
    date("opened", c.opened());
    if (c.closed() != null) {
      date("closed", c.closed());
    }
    optional("jointWorker", c.jointWorkerId());
    if (!c.history().isEmpty()) {
      g.writeArrayFieldStart("history");
      for (Allocation a : c.history()) {
        g.writeStartObject();
        g.writeStringField("worker", a.workerId());
        date("from", a.from());
        if (a.until() != null) {
          date("until", a.until());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void optional(String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private void date(String field, LocalDate value) throws IOException {
    g.writeStringField(field, value.toString());
  }
}
