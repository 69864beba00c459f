package org.caseload.core.model;

import org.caseload.core.validation.Problems;

/**
 * A team of workers within one service.
 *
 * @param id unique among teams; not blank
 * @param name a name for people; defaults to the id
 * @param serviceId the service the team belongs to
 * @param kind locality (patch), hub or peripatetic
 * @param locality the area the team serves, or null (a hub or peripatetic team may have none)
 * @param manager the team manager's name, or null
 * @param spanOfControl how many workers the manager is meant to supervise (headcount), or 0
 *     when not set; a team larger than this is reported as a warning
 */
public record Team(String id, String name, String serviceId, TeamKind kind, String locality,
    String manager, int spanOfControl) {

  public Team {
    Problems problems = new Problems();
    problems.requiredText(id, "id");
    problems.requiredText(serviceId, "service");
    problems.required(kind, "kind");
    problems.check(spanOfControl >= 0, "spanOfControl",
        "must be a whole number of workers, at least 0 (0 = not set), but was " + spanOfControl);
    problems.throwIfErrors("team");
    if (name == null || name.isBlank()) {
      name = id;
    }
  }

  /** A team with no manager or span of control set. */
  public static Team of(String id, String serviceId, TeamKind kind, String locality) {
    return new Team(id, id, serviceId, kind, locality, null, 0);
  }

  /** This team moved to another service. */
  public Team inService(String newServiceId) {
    return new Team(id, name, newServiceId, kind, locality, manager, spanOfControl);
  }

  @Override
  public String toString() {
    return "Team[" + name + " " + kind.label() + (locality == null ? "" : " " + locality)
        + ", service=" + serviceId + (manager == null ? "" : ", manager=" + manager) + "]";
  }
}
