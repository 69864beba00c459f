package org.caseload.simulation.restructure;

import java.util.List;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.model.Team;
import org.caseload.core.validation.Problems;

/**
 * A dated change to the organisation's structure, carried out at the start of its week. The
 * cases it leaves without a worker are re-allocated by the scenario's allocation rules, and
 * every change of worker counts as a transfer.
 */
public sealed interface Restructure {

  /** The week (from 0) the change happens, at its first instant. */
  int week();

  /** A team is dissolved: its workers leave, its posts are lost, its cases wait for re-allocation. */
  record DissolveTeam(int week, String teamId) implements Restructure {
    public DissolveTeam {
      Problems p = new Problems();
      checkWeek(p, week);
      p.requiredText(teamId, "team");
      p.throwIfErrors("dissolve team");
    }
  }

  /** A new team is created with posts filled at once by the given staffing. */
  record CreateTeam(int week, Team team, List<Staffing> staffing) implements Restructure {
    public CreateTeam {
      Problems p = new Problems();
      checkWeek(p, week);
      p.required(team, "team");
      p.required(staffing, "staffing");
      p.throwIfErrors("create team");
      staffing = List.copyOf(staffing);
    }
  }

  /** A starting worker moves to another team, keeping their cases (the worker follows the child). */
  record MoveWorker(int week, String workerId, String toTeamId) implements Restructure {
    public MoveWorker {
      Problems p = new Problems();
      checkWeek(p, week);
      p.requiredText(workerId, "worker");
      p.requiredText(toTeamId, "toTeam");
      p.throwIfErrors("move worker");
    }
  }

  /**
   * Agency workers are released: all of them in a team ({@code teamId}), or in the whole
   * organisation (null); {@code count} of them (those who joined last go first), or all (-1).
   * Their posts are recruited to as permanent posts if {@code recruitPermanent}, otherwise lost.
   */
  record ReleaseAgency(int week, String teamId, int count, boolean recruitPermanent) implements Restructure {
    public ReleaseAgency {
      Problems p = new Problems();
      checkWeek(p, week);
      p.check(count >= -1, "count", "must be a number of workers, or -1 for all, but was " + count);
      p.throwIfErrors("release agency workers");
    }
  }

  /** Workers of one kind join a team, in new posts. */
  record Hire(int week, String teamId, Staffing staffing) implements Restructure {
    public Hire {
      Problems p = new Problems();
      checkWeek(p, week);
      p.requiredText(teamId, "team");
      p.required(staffing, "staffing");
      p.throwIfErrors("hire");
    }
  }

  /**
   * {@code count} workers of one role, contract and FTE.
   *
   * @param role qualified, newly qualified or unqualified
   * @param contract permanent or agency
   * @param fte each worker's FTE, in (0, 1]
   * @param count how many, at least 0
   */
  record Staffing(Role role, Contract contract, double fte, int count) {
    public Staffing {
      Problems p = new Problems();
      p.required(role, "role");
      p.required(contract, "contract");
      p.check(fte > 0 && fte <= 1, "fte", "must be in (0, 1] but was " + fte);
      p.check(count >= 0, "count", "must be at least 0 but was " + count);
      p.throwIfErrors("staffing");
    }
  }

  private static void checkWeek(Problems p, int week) {
    p.check(week >= 0, "week", "must be at least 0 but was " + week);
  }
}
