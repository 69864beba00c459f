package org.caseload.core.model;

import java.time.LocalDate;
import org.caseload.core.validation.Problems;

/**
 * A social worker or practitioner who holds cases.
 *
 * @param id unique among workers; not blank
 * @param name a name for people, or null
 * @param teamId the team the worker belongs to
 * @param role qualified, newly qualified (first, assessed year) or unqualified
 * @param contract permanent or agency
 * @param fte full-time equivalent, in (0, 1]
 * @param start the date the worker started in the organisation
 */
public record Worker(String id, String name, String teamId, Role role, Contract contract, double fte,
    LocalDate start) {

  public Worker {
    Problems problems = new Problems();
    problems.requiredText(id, "id");
    problems.requiredText(teamId, "team");
    problems.required(role, "role");
    problems.required(contract, "contract");
    problems.check(fte > 0 && fte <= 1, "fte", "must be in (0, 1] but was " + fte);
    problems.required(start, "start");
    problems.throwIfErrors("worker");
  }

  /** A worker with no name. */
  public static Worker of(String id, String teamId, Role role, Contract contract, double fte,
      LocalDate start) {
    return new Worker(id, null, teamId, role, contract, fte, start);
  }

  /** This worker in another team. */
  public Worker inTeam(String newTeamId) {
    return new Worker(id, name, newTeamId, role, contract, fte, start);
  }

  /** This worker with another role (for example newly qualified becoming qualified). */
  public Worker withRole(Role newRole) {
    return new Worker(id, name, teamId, newRole, contract, fte, start);
  }

  /** This worker with another FTE, in (0, 1]. */
  public Worker withFte(double newFte) {
    return new Worker(id, name, teamId, role, contract, newFte, start);
  }

  /** True for agency workers. */
  public boolean isAgency() {
    return contract == Contract.AGENCY;
  }

  @Override
  public String toString() {
    return "Worker[" + id + " " + role.label() + " " + contract.label() + " " + Fmt.number(fte)
        + " FTE, team=" + teamId + "]";
  }
}
