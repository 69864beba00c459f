package org.caseload.simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.Generators;
import org.caseload.core.Generators.Draw;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.Allocators;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.simulation.demand.DemandModel;
import org.caseload.simulation.demand.DurationDistribution;
import org.caseload.simulation.demand.Pathway;
import org.caseload.simulation.demand.ReferralRate;
import org.caseload.simulation.demand.Stage;
import org.caseload.simulation.restructure.Restructure;
import org.caseload.simulation.workforce.CostModel;
import org.caseload.simulation.workforce.WorkforceModel;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of valid simulation values, up to whole scenarios, over core's
 * generated organisations ({@link Generators#organisations()}). Every choice is drawn from
 * QuickTheories' randomness source, so a failing property replays from its seed.
 *
 * <p>Generated scenarios use every kind of referral rate, duration distribution (the published
 * bands among them) and restructure, stages at any subset of categories with exits that close or
 * lead on, fractional rates with awkward binary fractions, odd names, and restructures that are
 * legal in week order (a dissolved team is not named again; a created team may be).
 */
public final class SimulationGenerators {
  private SimulationGenerators() {}

  /**
   * Valid scenarios over core's generated organisations; one generated without services (and so
   * without teams or cases) is given one, since a pathway needs a service.
   */
  public static Gen<Scenario> scenarios() {
    Gen<Generators.OrganisationParts> parts = Generators.organisationParts();
    Gen<Scenario> generator = in -> {
      Generators.OrganisationParts p = parts.generate(in);
      if (p.services().isEmpty()) {
        p = new Generators.OrganisationParts(p.name(), p.asOf(), p.policy(), List.of(Service.of("only", "Only service")),
            p.teams(), p.workers(), p.cases());
      }
      return scenario(new Draw(in), p.build());
    };
    return generator;
  }

  /** Valid duration distributions of every kind. */
  public static Gen<DurationDistribution> distributions() {
    return in -> distribution(new Draw(in));
  }

  static Scenario scenario(Draw d, Organisation org) {
    Scenario.Builder b = Scenario.builder(org, demand(d, org))
        .name(name(d))
        .horizonWeeks(d.between(1, 200))
        .allocationTiming(d.pick(List.of(Scenario.AllocationTiming.values())))
        .allocator(d.pick(Allocators.NAMES))
        .transferAtStageChange(d.chance(50))
        .protectionPractice(d.pick(List.of(Scenario.ProtectionPractice.values())));
    if (d.chance(70)) {
      b.workforce(workforce(d, org));
    }
    if (d.chance(70)) {
      b.costs(new CostModel(byContractAndRole(d, 0, 2000)));
    }
    if (d.chance(70)) {
      b.allocationPolicy(allocationPolicy(d, org));
    }
    restructures(d, org).forEach(b::restructure);
    return b.build();
  }

  private static String name(Draw d) {
    String odd = d.oddName();
    return d.chance(50) || odd.isBlank() ? "scenario " + d.between(0, 99) : odd;
  }

  static DemandModel demand(Draw d, Organisation org) {
    List<String> services = org.services().stream().map(Service::id).toList();
    List<CaseCategory> all = List.of(CaseCategory.values());
    CaseCategory entry = d.pick(all);
    Set<CaseCategory> categories = new LinkedHashSet<>();
    categories.add(entry);
    for (CaseCategory c : all) {
      if (d.chance(50)) {
        categories.add(c);
      }
    }
    Map<CaseCategory, Stage> stages = new EnumMap<>(CaseCategory.class);
    for (CaseCategory c : categories) {
      List<CaseCategory> others = new ArrayList<>(categories);
      others.remove(c);
      int n = d.between(1, 3);
      List<Stage.Exit> exits = new ArrayList<>();
      for (double p : shares(d, n)) {
        exits.add(new Stage.Exit(others.isEmpty() || d.chance(40) ? null : d.pick(others), p));
      }
      stages.put(c, new Stage(c, d.pick(services), distribution(d), exits, d.chance(50)));
    }
    Pathway pathway = new Pathway(d.fraction(0, 0.99), entry, stages, d.fraction(0, 0.99), distribution(d));
    return new DemandModel(referrals(d), pathway);
  }

  static ReferralRate referrals(Draw d) {
    switch (d.between(0, 3)) {
      case 0:
        return new ReferralRate.Constant(d.fraction(0, 200));
      case 1:
        return new ReferralRate.Trend(d.fraction(0, 200), d.fraction(-0.5, 0.5));
      case 2:
        return new ReferralRate.Seasonal(d.fraction(0, 200), d.fraction(0, 1), d.between(-10, 60));
      default:
        List<Double> weekly = new ArrayList<>();
        int n = d.between(1, 20);
        for (int i = 0; i < n; i++) {
          weekly.add(d.fraction(0, 100));
        }
        return new ReferralRate.Series(weekly);
    }
  }

  static DurationDistribution distribution(Draw d) {
    switch (d.between(0, 5)) {
      case 0:
        return new DurationDistribution.Fixed(d.fraction(0.01, 100));
      case 1:
        return new DurationDistribution.Exponential(d.fraction(0.01, 200));
      case 2:
        return new DurationDistribution.LogNormal(d.fraction(0.01, 200), d.fraction(0.01, 50));
      case 3:
        return new DurationDistribution.Gamma(d.fraction(0.01, 10), d.fraction(0.01, 200));
      case 4:
        return DurationDistribution.Bands.childProtectionPlans2025();
      default:
        List<DurationDistribution.Band> bands = new ArrayList<>();
        for (double share : shares(d, d.between(1, 4))) {
          double from = d.fraction(0, 100);
          bands.add(new DurationDistribution.Band(from, from + d.fraction(0.01, 100), share));
        }
        return new DurationDistribution.Bands(bands);
    }
  }

  /** {@code n} shares in thousandths summing to exactly 1. */
  private static List<Double> shares(Draw d, int n) {
    List<Double> shares = new ArrayList<>();
    int left = 1000;
    for (int i = 0; i < n - 1; i++) {
      int s = d.between(0, left);
      shares.add(s / 1000.0);
      left -= s;
    }
    shares.add(left / 1000.0);
    return shares;
  }

  static WorkforceModel workforce(Draw d, Organisation org) {
    Map<Contract, DurationDistribution> notice = new EnumMap<>(Contract.class);
    Map<Contract, DurationDistribution> recruitment = new EnumMap<>(Contract.class);
    for (Contract c : Contract.values()) {
      notice.put(c, distribution(d));
      recruitment.put(c, distribution(d));
    }
    List<WorkforceModel.Cohort> cohorts = new ArrayList<>();
    if (!org.teams().isEmpty()) {
      int n = d.between(0, 3);
      for (int i = 0; i < n; i++) {
        cohorts.add(new WorkforceModel.Cohort(d.pick(org.teams()).id(), d.pick(List.of(Role.values())),
            d.pick(List.of(Contract.values())), d.fraction(0.01, 1), d.between(0, 10), d.between(0, 100),
            d.between(0, 52)));
      }
    }
    return new WorkforceModel(byContractAndRole(d, 0, 3), d.chance(50) ? null : distribution(d), notice, recruitment, d.chance(50), d.fraction(0, 1),
        d.fraction(0, 20), d.chance(10) ? Integer.MAX_VALUE : d.between(1, 104), d.fraction(0, 5), distribution(d),
        cohorts);
  }

  private static Map<Contract, Map<Role, Double>> byContractAndRole(Draw d, double lo, double hi) {
    Map<Contract, Map<Role, Double>> table = new EnumMap<>(Contract.class);
    for (Contract c : Contract.values()) {
      Map<Role, Double> byRole = new EnumMap<>(Role.class);
      for (Role r : Role.values()) {
        byRole.put(r, d.fraction(lo, hi));
      }
      table.put(c, byRole);
    }
    return table;
  }

  static AllocationPolicy allocationPolicy(Draw d, Organisation org) {
    AllocationPolicy p = AllocationPolicy.defaults().withTransferCost(d.fraction(0, 5000))
        .withBalanceWeight(d.fraction(0, 50)).withLocalityMismatchCost(d.fraction(0, 20));
    if (d.chance(50) && org.services().size() > 1) {
      p = p.withCover(org.services().get(0).id(), org.services().get(1).id());
    }
    return p;
  }

  /** Restructures legal in the order made, with weeks that never go down. */
  static List<Restructure> restructures(Draw d, Organisation org) {
    List<Restructure> list = new ArrayList<>();
    List<String> teams = new ArrayList<>(org.teams().stream().map(Team::id).toList());
    List<String> services = org.services().stream().map(Service::id).toList();
    List<String> workers = org.workers().stream().map(Worker::id).toList();
    int week = 0;
    int n = d.between(0, 6);
    for (int i = 0; i < n; i++) {
      week += d.between(0, 10);
      int kind = d.between(0, 4);
      if (kind == 0 && !teams.isEmpty()) {
        list.add(new Restructure.DissolveTeam(week, teams.remove(d.between(0, teams.size() - 1))));
      } else if (kind == 1 || teams.isEmpty()) {
        String id = "new-" + i + (d.chance(30) ? ":" + d.oddName() : "");
        Team team = new Team(id, d.chance(50) ? d.oddName() : id, d.pick(services), d.pick(List.of(TeamKind.values())),
            d.chance(50) ? d.oddName() : null, d.chance(50) ? d.oddName() : null, d.between(0, 12));
        List<Restructure.Staffing> staffing = new ArrayList<>();
        int s = d.between(0, 3);
        for (int j = 0; j < s; j++) {
          staffing.add(staffing(d));
        }
        list.add(new Restructure.CreateTeam(week, team, staffing));
        teams.add(id);
      } else if (kind == 2 && !workers.isEmpty()) {
        list.add(new Restructure.MoveWorker(week, d.pick(workers), d.pick(teams)));
      } else if (kind == 3) {
        list.add(new Restructure.ReleaseAgency(week, d.chance(30) ? null : d.pick(teams), d.between(-1, 5),
            d.chance(50)));
      } else {
        list.add(new Restructure.Hire(week, d.pick(teams), staffing(d)));
      }
    }
    return list;
  }

  private static Restructure.Staffing staffing(Draw d) {
    return new Restructure.Staffing(d.pick(List.of(Role.values())), d.pick(List.of(Contract.values())),
        d.fraction(0.01, 1), d.between(0, 8));
  }
}
