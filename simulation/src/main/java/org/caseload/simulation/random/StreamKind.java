package org.caseload.simulation.random;

/**
 * The stochastic processes of a simulation. Each draws from its own streams, so that a change in
 * one process (a policy, a restructure) does not shift the numbers another sees: two scenarios
 * run with the same seed share every referral, duration and departure that the change does not
 * touch (common random numbers).
 */
public enum StreamKind {
  /** Referral arrival times. */
  ARRIVALS,
  /** A case's route through the pathway and how long each stage lasts; one stream per case. */
  PATHWAY,
  /** When a worker leaves and with how much notice; one stream per worker. */
  LEAVING,
  /** How long a vacancy takes to fill; one stream per post. */
  RECRUITMENT,
  /** Sickness absence spells; one stream per worker. */
  SICKNESS,
  /** How long an agency worker's assignment lasts; one stream per worker. */
  AGENCY_ASSIGNMENT,
  /** Anything an extension adds; keyed by its own entity numbers. */
  OTHER
}
