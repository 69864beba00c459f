package org.caseload.simulation;

/** What the engine records for each service at the start of each week. */
public enum Measure {
  /** Open cases the service is responsible for (allocated or not). */
  OPEN_CASES("cases"),
  /** Open cases of the service with no worker. */
  UNALLOCATED("cases"),
  /** Weighted load held by the service's workers. */
  WEIGHTED_LOAD("weighted cases"),
  /** FTE of the service's workers in post (agency included). */
  FTE_IN_POST("FTE"),
  /** Headcount of the service's workers in post. */
  HEADCOUNT("workers"),
  /** FTE of the service's agency workers. */
  AGENCY_FTE("FTE"),
  /** FTE of the service's newly qualified workers. */
  NEWLY_QUALIFIED_FTE("FTE"),
  /**
   * FTE of the service's unqualified workers. With {@link #NEWLY_QUALIFIED_FTE} and
   * {@link #AGENCY_FTE} it gives FTE in post by role and by contract (qualified = in post − newly
   * qualified − unqualified; permanent = in post − agency).
   */
  UNQUALIFIED_FTE("FTE"),
  /** Posts of the service with no worker of their own (covered by agency or not). */
  VACANT_POSTS("posts"),
  /** Weighted load ÷ FTE in post (NaN with no FTE). */
  CASELOAD_PER_FTE("weighted cases per FTE"),
  /**
   * Agency FTE ÷ FTE in post (NaN with no FTE). The Department's agency rate divides by agency
   * plus employed FTE in post, which is the same quantity: 13.0% in England in 2025.
   */
  AGENCY_SHARE("share of FTE"),
  /**
   * Open cases of the service held by a worker whom a role protection bars from them (a newly
   * qualified worker holding a child protection case alone, an unqualified worker a statutory
   * case): those the starting organisation has, and, under
   * {@link Scenario.ProtectionPractice#BREACH_RATHER_THAN_WAIT}, those given rather than left waiting.
   */
  PROTECTION_BREACHES("cases"),
  /** Mean time the service's unallocated cases have waited so far (NaN with none waiting). */
  MEAN_WAIT("weeks"),
  /**
   * Share of the service's open cases that have had 3 or more different workers in the last 52
   * weeks (the Department for Education publishes this for looked-after children: 27% in England
   * in 2024). Histories from before the start count.
   */
  THREE_OR_MORE_WORKERS("share of cases"),
  /** Cost of the service's workers since the start (cumulative), by the scenario's cost model. */
  COST("pounds"),
  /** Changes of worker of the service's cases since the start (cumulative). */
  TRANSFERS("changes of worker"),
  /**
   * {@link #TRANSFERS} ÷ the cases the service has had since the start (those open at the start
   * and each case's every entry into the service since): changes of worker per child's spell with
   * the service, cumulative (NaN before any case).
   */
  TRANSFERS_PER_CHILD("changes of worker per child"),
  /** Referrals received since the start (cumulative; counted against the entry stage's service). */
  REFERRALS("referrals"),
  /** Cases opened since the start (cumulative; by the entry stage's service). */
  OPENED("cases"),
  /** Cases closed since the start (cumulative; by the service that held them last). */
  CLOSED("cases");

  private final String unit;

  Measure(String unit) {
    this.unit = unit;
  }

  /** The unit of the measure, for tables and CSV. */
  public String unit() {
    return unit;
  }
}
