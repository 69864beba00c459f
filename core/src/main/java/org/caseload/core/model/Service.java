package org.caseload.core.model;

import java.util.Optional;
import org.caseload.core.validation.Problems;

/**
 * A part of the pathway with its own caseload target, for example "child protection" or
 * "looked after". Services are data: authorities divide their work differently.
 *
 * @param id unique among services; not blank
 * @param name a name for people; defaults to the id
 * @param target the caseload target, or null when the service has none
 * @param capacityPolicy this service's own policy, or null to use the organisation's
 */
public record Service(String id, String name, CaseloadTarget target, CapacityPolicy capacityPolicy) {

  public Service {
    Problems problems = new Problems();
    problems.requiredText(id, "id");
    problems.throwIfErrors("service");
    if (name == null || name.isBlank()) {
      name = id;
    }
  }

  /** A service with no target and the organisation's capacity policy. */
  public static Service of(String id, String name) {
    return new Service(id, name, null, null);
  }

  /** This service with a caseload target. */
  public Service withTarget(CaseloadTarget newTarget) {
    return new Service(id, name, newTarget, capacityPolicy);
  }

  /** This service with its own capacity policy (null to use the organisation's). */
  public Service withCapacityPolicy(CapacityPolicy policy) {
    return new Service(id, name, target, policy);
  }

  /** The target, if any. */
  public Optional<CaseloadTarget> targetIfAny() {
    return Optional.ofNullable(target);
  }

  @Override
  public String toString() {
    return "Service[" + id + (name.equals(id) ? "" : " \"" + name + "\"")
        + (target == null ? "" : ", target " + target)
        + (capacityPolicy == null ? "" : ", own capacity policy") + "]";
  }
}
