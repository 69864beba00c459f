package org.caseload.simulation.workforce;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.validation.Problems;
import org.caseload.simulation.demand.DurationDistribution;

/**
 * How the workforce changes: workers leave (after notice), their posts fall vacant and are
 * recruited to after a lead time, vacancies may be covered by agency workers meanwhile, newly
 * qualified workers become qualified after their assessed year, sickness absence takes capacity
 * away for a spell, and planned cohorts join.
 *
 * <p>Every worker's leaving, every vacancy's recruitment and every worker's sickness draw from
 * their own random streams, so a restructure in one team does not change when workers elsewhere
 * leave.
 *
 * <p>The defaults ({@link #defaults()}) and their sources:
 * <ul>
 *   <li>Leaving, permanent workers: 0.118 a year, the FTE turnover rate of children and family
 *       social workers in England at 30 September 2025 (leavers 4,276 ÷ FTE in post 36,186;
 *       Department for Education, children's social work workforce). The same for every role: no
 *       published rate by role was found (an assumption).
 *   <li>Leaving, agency workers: 2 a year, a mean time in post of 26 weeks. The typical length of
 *       an agency assignment is not published anywhere we found: an assumption, to be set.
 *   <li>Agency assignment length: open-ended by default (an agency worker leaves only by the
 *       leaving rate above); set {@code agencyAssignmentWeeks} to give every agency worker an
 *       assignment of that length from when they join, at whose end they go (having given notice
 *       before it), unless they left sooner.
 *   <li>Notice: 4 weeks for agency workers (statutory guidance on agency social workers, from
 *       31 October 2024); 8 weeks for permanent workers (an assumption: contracts vary).
 *   <li>Recruitment lead time: permanent 12 weeks, agency 2 weeks, each exponential (an
 *       assumption: no published figure found).
 *   <li>Agency cover: 73.6% of vacancies are covered by agency workers (vacancy agency cover
 *       rate, England 2025, same source), after 4 weeks of vacancy (an assumption).
 *   <li>Newly qualified workers become qualified 52 weeks after they start (the assessed and
 *       supported year in employment).
 *   <li>Sickness: 3.5% of working days lost (absence rate 2025, same source), in spells of a
 *       week on average (spell length not published: an assumption), so 1.82 spells per FTE a year.
 * </ul>
 *
 * @param leavingPerYear leaving hazard per worker-year by contract and role, at least 0; every
 *     combination present
 * @param agencyAssignmentWeeks length of each agency worker's assignment, drawn when they join (for
 *     workers in post at the start, when the simulation starts); {@code null} for open-ended
 *     assignments
 * @param noticeWeeks notice period by contract
 * @param recruitmentWeeks time to fill a vacant post, by the post's contract
 * @param replaceLeavers whether a leaver's post is recruited to (and covered meanwhile); if not,
 *     the post is lost
 * @param agencyCoverShare share of vacancies covered by an agency worker until filled, in [0, 1]
 * @param agencyCoverAfterWeeks weeks a post stays vacant before agency cover starts, at least 0
 * @param newlyQualifiedWeeks weeks after which a newly qualified worker becomes qualified, at least 1
 * @param sicknessSpellsPerYear sickness spells per FTE a year, at least 0
 * @param sicknessSpellWeeks length of a spell
 * @param cohorts planned joiners (for example a cohort of newly qualified workers each September)
 */
public record WorkforceModel(Map<Contract, Map<Role, Double>> leavingPerYear,
    DurationDistribution agencyAssignmentWeeks, Map<Contract, DurationDistribution> noticeWeeks,
    Map<Contract, DurationDistribution> recruitmentWeeks, boolean replaceLeavers, double agencyCoverShare, double agencyCoverAfterWeeks,
    int newlyQualifiedWeeks, double sicknessSpellsPerYear, DurationDistribution sicknessSpellWeeks,
    List<Cohort> cohorts) {

  /** Permanent FTE turnover, England, year to 30 September 2025 (see class doc). */
  public static final double PERMANENT_TURNOVER_2025 = 0.118;
  /** Share of vacancies covered by agency workers, England 2025 (see class doc). */
  public static final double AGENCY_COVER_2025 = 0.736;
  /** Share of working days lost to sickness, England 2025 (see class doc). */
  public static final double ABSENCE_RATE_2025 = 0.035;

  /**
   * Workers who join on a given week: {@code count} workers of this role and contract and FTE,
   * into {@code teamId}, every {@code everyWeeks} weeks from {@code firstWeek} (0 = once).
   */
  public record Cohort(String teamId, Role role, Contract contract, double fte, int count, int firstWeek,
      int everyWeeks) {
    public Cohort {
      Problems p = new Problems();
      p.requiredText(teamId, "team");
      p.required(role, "role");
      p.required(contract, "contract");
      p.check(fte > 0 && fte <= 1, "fte", "must be in (0, 1] but was " + fte);
      p.check(count >= 0, "count", "must be at least 0 but was " + count);
      p.check(firstWeek >= 0, "firstWeek", "must be at least 0 but was " + firstWeek);
      p.check(everyWeeks >= 0, "everyWeeks", "must be at least 0 (0 = once) but was " + everyWeeks);
      p.throwIfErrors("cohort");
    }
  }

  public WorkforceModel {
    Problems p = new Problems();
    if (p.required(leavingPerYear, "leavingPerYear")) {
      for (Contract c : Contract.values()) {
        Map<Role, Double> byRole = leavingPerYear.get(c);
        for (Role r : Role.values()) {
          Double v = byRole == null ? null : byRole.get(r);
          String path = "leavingPerYear." + c.name().toLowerCase() + "." + r.name().toLowerCase();
          if (v == null) {
            p.error(path, "is required");
          } else if (!(Double.isFinite(v) && v >= 0)) {
            p.error(path, "must be a rate per year at least 0 but was " + v);
          }
        }
      }
    }
    for (Contract c : Contract.values()) {
      if (noticeWeeks == null || noticeWeeks.get(c) == null) {
        p.error("noticeWeeks." + c.name().toLowerCase(), "is required");
      }
      if (recruitmentWeeks == null || recruitmentWeeks.get(c) == null) {
        p.error("recruitmentWeeks." + c.name().toLowerCase(), "is required");
      }
    }
    p.check(agencyCoverShare >= 0 && agencyCoverShare <= 1, "agencyCoverShare",
        "must be in [0, 1] but was " + agencyCoverShare);
    p.check(Double.isFinite(agencyCoverAfterWeeks) && agencyCoverAfterWeeks >= 0, "agencyCoverAfterWeeks",
        "must be a number of weeks at least 0 but was " + agencyCoverAfterWeeks);
    p.check(newlyQualifiedWeeks >= 1, "newlyQualifiedWeeks", "must be at least 1 but was " + newlyQualifiedWeeks);
    p.check(Double.isFinite(sicknessSpellsPerYear) && sicknessSpellsPerYear >= 0, "sicknessSpellsPerYear",
        "must be a number of spells per year at least 0 but was " + sicknessSpellsPerYear);
    p.required(sicknessSpellWeeks, "sicknessSpellWeeks");
    p.required(cohorts, "cohorts");
    p.throwIfErrors("workforce model");
    EnumMap<Contract, Map<Role, Double>> leaving = new EnumMap<>(Contract.class);
    leavingPerYear.forEach((c, m) -> leaving.put(c, ImmutableMap.copyOf(new EnumMap<>(m))));
    leavingPerYear = ImmutableMap.copyOf(leaving);
    noticeWeeks = ImmutableMap.copyOf(new EnumMap<>(noticeWeeks));
    recruitmentWeeks = ImmutableMap.copyOf(new EnumMap<>(recruitmentWeeks));
    cohorts = List.copyOf(cohorts);
  }

  /** The documented defaults (see the class documentation for their sources). */
  public static WorkforceModel defaults() {
    Map<Role, Double> permanent = new EnumMap<>(Role.class);
    Map<Role, Double> agency = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      permanent.put(r, PERMANENT_TURNOVER_2025);
      agency.put(r, 2.0);
    }
    double spellWeeks = 1;
    return new WorkforceModel(Map.of(Contract.PERMANENT, permanent, Contract.AGENCY, agency), null,
        Map.of(Contract.PERMANENT, new DurationDistribution.Fixed(8), Contract.AGENCY, new DurationDistribution.Fixed(4)),
        Map.of(Contract.PERMANENT, new DurationDistribution.Exponential(12),
            Contract.AGENCY, new DurationDistribution.Exponential(2)),
        true, AGENCY_COVER_2025, 4, 52, ABSENCE_RATE_2025 * 52 / spellWeeks,
        new DurationDistribution.Exponential(spellWeeks), List.of());
  }

  /**
   * A workforce that never changes: nobody leaves, no vacancy, no sickness, no progression
   * within any horizon of interest, no cohorts. For separating demand effects from workforce ones.
   */
  public static WorkforceModel staticWorkforce() {
    Map<Role, Double> none = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      none.put(r, 0.0);
    }
    DurationDistribution week = new DurationDistribution.Fixed(1);
    return new WorkforceModel(Map.of(Contract.PERMANENT, none, Contract.AGENCY, none), null,
        Map.of(Contract.PERMANENT, week, Contract.AGENCY, week), Map.of(Contract.PERMANENT, week, Contract.AGENCY, week),
        false, 0, 0, Integer.MAX_VALUE, 0, week, List.of());
  }

  /** Leaving hazard per week for a worker of this contract and role. */
  public double leavingPerWeek(Contract contract, Role role) {
    return leavingPerYear.get(contract).get(role) / 52.0;
  }

  /** This model with other leaving rates per year for one contract (every role). */
  public WorkforceModel withLeavingPerYear(Contract contract, double perYear) {
    Map<Contract, Map<Role, Double>> l = new EnumMap<>(leavingPerYear);
    Map<Role, Double> byRole = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      byRole.put(r, perYear);
    }
    l.put(contract, byRole);
    return new WorkforceModel(l, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, replaceLeavers, agencyCoverShare, agencyCoverAfterWeeks,
        newlyQualifiedWeeks, sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /** This model with planned cohorts of joiners. */
  public WorkforceModel withCohorts(List<Cohort> newCohorts) {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, replaceLeavers, agencyCoverShare,
        agencyCoverAfterWeeks, newlyQualifiedWeeks, sicknessSpellsPerYear, sicknessSpellWeeks, newCohorts);
  }

  /** This model with another agency cover rule. */
  public WorkforceModel withAgencyCover(double share, double afterWeeks) {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, replaceLeavers, share, afterWeeks,
        newlyQualifiedWeeks, sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /** This model with no replacement of leavers: a leaver's post is lost (no recruitment, no cover). */
  public WorkforceModel withoutRecruitment() {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, false, agencyCoverShare,
        agencyCoverAfterWeeks, newlyQualifiedWeeks, sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /** This model with other notice periods. */
  public WorkforceModel withNotice(DurationDistribution permanent, DurationDistribution agency) {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks,
        Map.of(Contract.PERMANENT, permanent, Contract.AGENCY, agency),
        recruitmentWeeks, replaceLeavers, agencyCoverShare, agencyCoverAfterWeeks, newlyQualifiedWeeks,
        sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /** This model with newly qualified workers qualifying after {@code weeks} weeks in post. */
  public WorkforceModel withNewlyQualifiedWeeks(int weeks) {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, replaceLeavers, agencyCoverShare,
        agencyCoverAfterWeeks, weeks, sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /**
   * This model with agency assignments of the given length ({@code null}: open-ended): each
   * agency worker goes at the end of their assignment, unless they left sooner.
   */
  public WorkforceModel withAgencyAssignmentWeeks(DurationDistribution weeks) {
    return new WorkforceModel(leavingPerYear, weeks, noticeWeeks, recruitmentWeeks, replaceLeavers, agencyCoverShare,
        agencyCoverAfterWeeks, newlyQualifiedWeeks, sicknessSpellsPerYear, sicknessSpellWeeks, cohorts);
  }

  /** This model without sickness absence. */
  public WorkforceModel withoutSickness() {
    return new WorkforceModel(leavingPerYear, agencyAssignmentWeeks, noticeWeeks, recruitmentWeeks, replaceLeavers, agencyCoverShare,
        agencyCoverAfterWeeks, newlyQualifiedWeeks, 0, sicknessSpellWeeks, cohorts);
  }
}
