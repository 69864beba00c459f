package org.caseload.core.synthetic;

/**
 * The benchmark instance families of DESIGN.md, generated from a seed by
 * {@link SyntheticOrganisations#generate(InstanceFamily, long)} so that every benchmark and
 * every peer solver sees the same data.
 *
 * <p>Sizes: England had about 36,000 FTE children and family social workers over 153
 * authorities in 2025 (DfE workforce census), so a median authority has about 220 workers.
 */
public enum InstanceFamily {
  /** One team: small enough for an exact optimum by exhaustive or constraint search. */
  TEAM(1, 12, 200, 5),
  /** A small authority. */
  LA_S(1, 50, 800, 20),
  /** A median authority. */
  LA_M(1, 220, 3_500, 80),
  /** One of the largest authorities. */
  LA_L(1, 500, 8_000, 200),
  /** 153 authorities, solved as independent parts in parallel; each authority has its own
   *  services, teams and workers (ids prefixed {@code la001-} to {@code la153-}). */
  NATIONAL(153, 30_000, 400_000, 12_000);

  private final int authorities;
  private final int workers;
  private final int openCases;
  private final int weeklyIntake;

  InstanceFamily(int authorities, int workers, int openCases, int weeklyIntake) {
    this.authorities = authorities;
    this.workers = workers;
    this.openCases = openCases;
    this.weeklyIntake = weeklyIntake;
  }

  /** Number of independent authorities in the instance. */
  public int authorities() {
    return authorities;
  }

  /** Number of workers (headcount, not FTE). */
  public int workers() {
    return workers;
  }

  /** Number of open cases (children) on the snapshot date. */
  public int openCases() {
    return openCases;
  }

  /** Number of new referrals a week, as placed by {@link SyntheticOrganisations#intake}. */
  public int weeklyIntake() {
    return weeklyIntake;
  }
}
