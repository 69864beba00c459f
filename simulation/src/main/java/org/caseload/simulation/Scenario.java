package org.caseload.simulation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.Allocators;
import org.caseload.core.allocation.GreedyAllocator;
import org.caseload.core.model.Organisation;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problems;
import org.caseload.core.validation.Suggestions;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;

/**
 * What to simulate: a starting organisation, where work comes from, how it is allocated, and for
 * how long. Immutable; build with {@link #builder(Organisation, DemandModel)}.
 *
 * @param name a name for reports
 * @param organisation the organisation on the first day (its {@code asOf})
 * @param demand referrals and their pathway
 * @param workforce leaving, recruitment, agency cover, progression, sickness and cohorts
 * @param costs what workers cost, by contract and role
 * @param horizonWeeks how many weeks to simulate, at least 1
 * @param allocationPolicy the costs and cover rules allocation follows
 * @param allocator the name of the allocator (one of {@link Allocators#NAMES}) that places cases
 *     in batches: at each weekly allocation meeting, and when a worker leaves or a team is
 *     dissolved. A single case arriving is placed the same way by every allocator (with the
 *     cheapest worker allowed to take it, without moving other cases), so {@code greedy} runs
 *     incrementally inside the engine and other allocators are asked only for batches
 * @param allocationTiming when new and waiting cases are allocated
 * @param transferAtStageChange whether a case changes worker when it changes stage (true), or the
 *     worker follows the child (false) while their service may take the new stage's cases, no role
 *     protection forbids it and they have room
 * @param protectionPractice what happens to a case that only workers barred by a role protection
 *     have room for: it waits ({@link ProtectionPractice#KEEP}, the default: protections are hard
 *     rules, as for every allocator), or one of them takes it and it counts as a breach
 * @param restructures dated changes to teams and staffing, in any order (carried out by week,
 *     then in the order given; held here in that order)
 */
public record Scenario(String name, Organisation organisation, DemandModel demand, WorkforceModel workforce,
    CostModel costs, int horizonWeeks,
    AllocationPolicy allocationPolicy, String allocator, AllocationTiming allocationTiming, boolean transferAtStageChange,
    ProtectionPractice protectionPractice, List<Restructure> restructures) {

  /** When allocation happens. */
  public enum AllocationTiming {
    /** As soon as a case arrives or loses its worker, and whenever a worker gains room. */
    ON_ARRIVAL,
    /** At a weekly allocation meeting, on the first day of each week. */
    WEEKLY_MEETING
  }

  /**
   * What happens to a case that no worker may take within the role protections, when a worker who
   * is barred from it only by a protection (a newly qualified worker and a child protection case,
   * an unqualified worker and a statutory case) has room for it.
   */
  public enum ProtectionPractice {
    /** The protections hold: the case waits for a worker allowed to take it. */
    KEEP,
    /**
     * Rather than leave the case waiting, the cheapest such worker takes it, and while they hold
     * it the case counts as a breach ({@link Measure#PROTECTION_BREACHES}). This is what the
     * authority of the 2020 Southampton report did when hub teams of newly qualified and
     * unqualified agency staff took work "usually undertaken by qualified experienced staff", and
     * what surveys found for half of the newly qualified workers promised a protected caseload
     * (Community Care, 2018). The case stays with that worker until its stage ends or the worker
     * goes, as a case does with any worker.
     */
    BREACH_RATHER_THAN_WAIT
  }

  public Scenario {
    Problems p = new Problems();
    p.requiredText(name, "name");
    p.check(horizonWeeks >= 1, "horizonWeeks", "must be at least 1 week but was " + horizonWeeks);
    p.required(allocationPolicy, "allocationPolicy");
    if (p.required(allocator, "allocator")) {
      try {
        Allocators.named(allocator);
      } catch (InvalidInputException e) {
        p.addAll(e.problems());
      }
    }
    p.required(allocationTiming, "allocationTiming");
    p.required(protectionPractice, "protectionPractice");
    p.required(costs, "costs");
    boolean parts = p.required(organisation, "organisation") & p.required(demand, "demand")
        & p.required(workforce, "workforce") & p.required(restructures, "restructures");
    if (parts) {
      checkRestructures(organisation, restructures, p);
      for (int i = 0; i < workforce.cohorts().size(); i++) {
        String team = workforce.cohorts().get(i).teamId();
        if (organisation.findTeam(team).isEmpty()) {
          p.error("workforce.cohorts[" + i + "].team", "refers to unknown team \"" + team + "\"");
        }
      }
      demand.pathway().stages().forEach((category, stage) -> {
        if (organisation.findService(stage.serviceId()).isEmpty()) {
          p.error("demand.pathway.stages." + category.name().toLowerCase(Locale.ROOT) + ".service",
              "refers to unknown service \"" + stage.serviceId() + "\""
                  + Suggestions.didYouMean(stage.serviceId(),
                      organisation.services().stream().map(s -> s.id()).toList()));
        }
      });
    }
    p.throwIfErrors("scenario");
    restructures = ordered(restructures);
  }

  /** The restructures by week, keeping the given order within a week. */
  private static List<Restructure> ordered(List<Restructure> restructures) {
    List<Restructure> sorted = new ArrayList<>(restructures);
    sorted.sort(Comparator.comparingInt(Restructure::week));
    return List.copyOf(sorted);
  }

  /** Every team and worker a restructure names must exist when it happens; problems go to {@code p}. */
  private static void checkRestructures(Organisation organisation, List<Restructure> restructures, Problems p) {
    Set<String> teams = new HashSet<>();
    organisation.teams().forEach(t -> teams.add(t.id()));
    List<Integer> byWeek = new ArrayList<>();
    for (int i = 0; i < restructures.size(); i++) {
      byWeek.add(i);
    }
    byWeek.sort(Comparator.comparingInt(i -> restructures.get(i).week()));
    for (int i : byWeek) {
      Restructure r = restructures.get(i);
      String path = "restructures[" + i + "]";
      if (r instanceof Restructure.DissolveTeam d) {
        if (!teams.remove(d.teamId())) {
          p.error(path + ".team", "refers to team \"" + d.teamId() + "\", which does not exist in week " + d.week()
              + Suggestions.didYouMean(d.teamId(), teams));
        }
      } else if (r instanceof Restructure.CreateTeam c) {
        if (!teams.add(c.team().id())) {
          p.error(path + ".team.id", "\"" + c.team().id() + "\" is already a team in week " + c.week());
        }
        if (organisation.findService(c.team().serviceId()).isEmpty()) {
          p.error(path + ".team.service", "refers to unknown service \"" + c.team().serviceId() + "\"");
        }
      } else if (r instanceof Restructure.MoveWorker m) {
        if (organisation.findWorker(m.workerId()).isEmpty()) {
          p.error(path + ".worker", "refers to unknown worker \"" + m.workerId() + "\"");
        }
        if (!teams.contains(m.toTeamId())) {
          p.error(path + ".toTeam", "refers to team \"" + m.toTeamId() + "\", which does not exist in week " + m.week());
        }
      } else if (r instanceof Restructure.ReleaseAgency a) {
        if (a.teamId() != null && !teams.contains(a.teamId())) {
          p.error(path + ".team", "refers to team \"" + a.teamId() + "\", which does not exist in week " + a.week());
        }
      } else if (r instanceof Restructure.Hire h) {
        if (!teams.contains(h.teamId())) {
          p.error(path + ".team", "refers to team \"" + h.teamId() + "\", which does not exist in week " + h.week());
        }
      }
    }
  }

  /**
   * The week (from 0) whose first instant is the first at or after the start of {@code day}:
   * whole weeks from {@code asOf} to {@code day}, rounded up. Week {@code w} starts
   * {@code 7 w} days after {@code asOf}, so a restructure dated {@code day} happens on that day
   * when it is a week's first day and otherwise at the start of the next week, never before it;
   * a target dated {@code day} is judged at that week's snapshot. Negative for days more than a
   * week before {@code asOf}.
   *
   * @param asOf the first day of the simulation (the organisation's {@code asOf})
   * @param day any day
   */
  public static int weekOf(LocalDate asOf, LocalDate day) {
    return Math.toIntExact(Math.floorDiv(ChronoUnit.DAYS.between(asOf, day) + 6, 7));
  }

  /** A builder holding every part of this scenario, to make a variant of it. */
  public Builder toBuilder() {
    Builder b = new Builder(organisation, demand).name(name).workforce(workforce).costs(costs).horizonWeeks(horizonWeeks)
        .allocationPolicy(allocationPolicy).allocator(allocator).allocationTiming(allocationTiming).transferAtStageChange(transferAtStageChange)
        .protectionPractice(protectionPractice);
    restructures.forEach(b::restructure);
    return b;
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
    private CostModel costs = CostModel.defaults();
    private String name = "scenario";
    private int horizonWeeks = 52;
    private AllocationPolicy allocationPolicy = AllocationPolicy.defaults();
    private String allocator = GreedyAllocator.NAME;
    private AllocationTiming allocationTiming = AllocationTiming.ON_ARRIVAL;
    private boolean transferAtStageChange = true;
    private ProtectionPractice protectionPractice = ProtectionPractice.KEEP;
    private final List<Restructure> restructures = new ArrayList<>();

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

    /** What workers cost (default {@link CostModel#defaults()}). */
    public Builder costs(CostModel model) {
      costs = model;
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

    /** The allocator for batches, by name (default {@code greedy}; see {@link Scenario#allocator()}). */
    public Builder allocator(String name) {
      allocator = name;
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

    /** What happens to a case only workers barred by a role protection have room for (default {@link ProtectionPractice#KEEP}). */
    public Builder protectionPractice(ProtectionPractice practice) {
      protectionPractice = practice;
      return this;
    }

    /** Adds a dated restructure. */
    public Builder restructure(Restructure r) {
      restructures.add(r);
      return this;
    }

    public Scenario build() {
      return new Scenario(name, organisation, demand, workforce, costs, horizonWeeks, allocationPolicy, allocator, allocationTiming,
          transferAtStageChange, protectionPractice, restructures);
    }
  }
}
