package org.caseload.simulation;

import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.model.Organisation;
import org.caseload.core.validation.Problems;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * What to simulate: a starting organisation, where work comes from, how it is allocated, and for
 * how long. Immutable; build with {@link #builder(Organisation, DemandModel)}.
 *
 * @param name a name for reports
 * @param organisation the organisation on the first day (its {@code asOf})
 * @param demand referrals and their pathway
 * @param workforce leaving, recruitment, agency cover, progression, sickness and cohorts
 * @param horizonWeeks how many weeks to simulate, at least 1
 * @param allocationPolicy the costs and cover rules allocation follows
 * @param allocationTiming when new and waiting cases are allocated
 * @param transferAtStageChange whether a case changes worker when it changes stage (true), or the
 *     worker follows the child while they may hold the new stage and have room (false)
 */
public record Scenario(String name, Organisation organisation, DemandModel demand, WorkforceModel workforce,
    int horizonWeeks,
    AllocationPolicy allocationPolicy, AllocationTiming allocationTiming, boolean transferAtStageChange) {

  /** When allocation happens. */
  public enum AllocationTiming {
    /** As soon as a case arrives or loses its worker, and whenever a worker gains room. */
    ON_ARRIVAL,
    /** At a weekly allocation meeting, on the first day of each week. */
    WEEKLY_MEETING
  }

  public Scenario {
    Problems p = new Problems();
    p.requiredText(name, "name");
    p.required(organisation, "organisation");
    p.required(demand, "demand");
    p.required(workforce, "workforce");
    p.check(horizonWeeks >= 1, "horizonWeeks", "must be at least 1 week but was " + horizonWeeks);
    p.required(allocationPolicy, "allocationPolicy");
    p.required(allocationTiming, "allocationTiming");
    p.throwIfErrors("scenario");
    for (int i = 0; i < workforce.cohorts().size(); i++) {
      String team = workforce.cohorts().get(i).teamId();
      if (organisation.findTeam(team).isEmpty()) {
        p.error("workforce.cohorts[" + i + "].team", "refers to unknown team \"" + team + "\"");
      }
    }
    if (demand != null && organisation != null) {
      demand.pathway().stages().forEach((category, stage) -> {
        if (organisation.findService(stage.serviceId()).isEmpty()) {
          p.error("demand.pathway.stages." + category.name().toLowerCase() + ".service",
              "refers to unknown service \"" + stage.serviceId() + "\""
                  + org.caseload.core.validation.Suggestions.didYouMean(stage.serviceId(),
                      organisation.services().stream().map(s -> s.id()).toList()));
        }
      });
      p.throwIfErrors("scenario");
    }
  }

  /** A builder starting from the organisation and demand, with default allocation settings. */
  public static Builder builder(Organisation organisation, DemandModel demand) {
    return new Builder(organisation, demand);
  }

  /** Builds a {@link Scenario}; not thread-safe. */
  public static final class Builder {
    private final Organisation organisation;
    private final DemandModel demand;
    private WorkforceModel workforce = WorkforceModel.defaults();
    private String name = "scenario";
    private int horizonWeeks = 52;
    private AllocationPolicy allocationPolicy = AllocationPolicy.defaults();
    private AllocationTiming allocationTiming = AllocationTiming.ON_ARRIVAL;
    private boolean transferAtStageChange = true;

    private Builder(Organisation organisation, DemandModel demand) {
      this.organisation = organisation;
      this.demand = demand;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    /** How the workforce changes (default {@link WorkforceModel#defaults()}). */
    public Builder workforce(WorkforceModel model) {
      workforce = model;
      return this;
    }

    /** Weeks to simulate (default 52). */
    public Builder horizonWeeks(int weeks) {
      horizonWeeks = weeks;
      return this;
    }

    public Builder allocationPolicy(AllocationPolicy policy) {
      allocationPolicy = policy;
      return this;
    }

    public Builder allocationTiming(AllocationTiming timing) {
      allocationTiming = timing;
      return this;
    }

    /** Whether a case changes worker when it changes stage (default true). */
    public Builder transferAtStageChange(boolean transfer) {
      transferAtStageChange = transfer;
      return this;
    }

    public Scenario build() {
      return new Scenario(name, organisation, demand, workforce, horizonWeeks, allocationPolicy, allocationTiming,
          transferAtStageChange);
    }
  }
}
