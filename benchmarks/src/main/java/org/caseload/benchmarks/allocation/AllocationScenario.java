package org.caseload.benchmarks.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.allocation.AllocationRequest;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.Worker;
import org.caseload.core.synthetic.InstanceFamily;
import org.caseload.core.synthetic.Mix;
import org.caseload.core.synthetic.SyntheticOrganisations;

/**
 * The allocation scenarios of issue 3, each built from a family and a seed so that every allocator
 * and every peer sees the same request. Every scenario happens on {@link SyntheticOrganisations#AS_OF}
 * with {@link AllocationPolicy#defaults()}, plus cover for services that have no team
 * (see {@link SyntheticOrganisations#allocationPolicy}).
 *
 * <p>Departures and dissolutions happen <em>in each authority</em> (ids prefixed {@code la001-}
 * .. in {@code NATIONAL}; one authority otherwise), so that a {@code NATIONAL} request is 153
 * independent parts, as in DESIGN.md.
 *
 * <p>{@link Weighting#EQUAL} gives the same scenario with every case weighing 1 weighted case
 * (category weights and complexity multipliers all 1) and no sibling groups: the version on which
 * a min-cost flow with convex costs finds the exact optimum, for the comparison with OR-Tools'
 * and JGraphT's min-cost flow. Worker capacities are unchanged (so a 16.2 capacity holds 16 cases).
 */
public enum AllocationScenario {
  /** The family's weekly intake of new referrals on top of the generated allocation. */
  WEEKLY_INTAKE("weekly intake"),
  /** One worker (per authority) who holds cases leaves; their cases are placed. */
  ONE_LEAVES("one worker leaves"),
  /** 5% of the workers (per authority) leave at once; their cases are placed. */
  FIVE_PERCENT_LEAVE("5% leave at once"),
  /** One whole team (per authority) is dissolved; its cases are placed. */
  TEAM_DISSOLVED("team dissolved"),
  /** Every open case, unallocated and without history, placed from scratch. */
  COLD_START("cold start"),
  /** Cold start with cases whose total weight is 90% of the workers' total capacity. */
  DEMAND_90("demand 90%"),
  /** Cold start with cases whose total weight is 100% of the workers' total capacity. */
  DEMAND_100("demand 100%"),
  /** Cold start with cases whose total weight is 110% of the workers' total capacity. */
  DEMAND_110("demand 110%");

  /** Whether cases keep their generated weights and sibling groups, or all weigh 1 and stand alone. */
  public enum Weighting {
    /** Weights and sibling groups as generated: the generalised assignment problem. */
    WEIGHTED,
    /** Every case weighs 1, no sibling groups: exactly solvable by min-cost flow. */
    EQUAL
  }

  /** The day every scenario takes effect. */
  public static final LocalDate ON = SyntheticOrganisations.AS_OF;

  private final String label;

  AllocationScenario(String label) {
    this.label = label;
  }

  /** Words for tables, for example {@code "5% leave at once"}. */
  public String label() {
    return label;
  }

  /** The request of this scenario on the family's instance of {@code seed}, with generated weights. */
  public AllocationRequest request(InstanceFamily family, long seed) {
    return request(family, seed, Weighting.WEIGHTED);
  }

  /** The request of this scenario on the family's instance of {@code seed}. */
  public AllocationRequest request(InstanceFamily family, long seed, Weighting weighting) {
    Organisation org = switch (this) {
      case DEMAND_90 -> demand(family, seed, 0.90);
      case DEMAND_100 -> demand(family, seed, 1.00);
      case DEMAND_110 -> demand(family, seed, 1.10);
      default -> SyntheticOrganisations.generate(family, seed);
    };
    AllocationPolicy policy = SyntheticOrganisations.allocationPolicy(org);
    if (weighting == Weighting.EQUAL) {
      org = equalWeight(org);
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x5CE7A210L);
    return switch (this) {
      case WEEKLY_INTAKE -> {
        // Referrals follow the (possibly re-weighted) organisation's own mix of services and categories.
        List<Case> referrals = SyntheticOrganisations.intake(org, family, seed + 1);
        if (weighting == Weighting.EQUAL) {
          referrals = referrals.stream().map(AllocationScenario::alone).toList();
        }
        yield AllocationRequest.intake(org, referrals, ON, policy);
      }
      case ONE_LEAVES -> AllocationRequest.after(org.leave(pickWorkers(org, r, a -> 1), ON), ON, policy);
      case FIVE_PERCENT_LEAVE -> AllocationRequest.after(
          org.leave(pickWorkers(org, r, a -> Math.max(1, (int) Math.round(0.05 * a))), ON), ON, policy);
      case TEAM_DISSOLVED -> AllocationRequest.after(org.dissolveTeams(pickTeams(org, r), ON), ON, policy);
      case COLD_START, DEMAND_90, DEMAND_100, DEMAND_110 -> AllocationRequest.unallocated(coldStart(org), ON, policy);
    };
  }

  // ---------------------------------------------------------------- organisations

  /**
   * The family's workforce (same seed, so the same workers) with as many cases as make
   * {@code share} of its total capacity, in weighted cases.
   */
  static Organisation demand(InstanceFamily family, long seed, double share) {
    Organisation base = SyntheticOrganisations.generate(family, seed);
    double capacity = 0;
    for (Worker w : base.workers()) {
      capacity += base.capacity(w.id());
    }
    double weight = 0;
    for (Case c : base.openCases()) {
      weight += base.weight(c);
    }
    double meanWeight = weight / base.openCases().size();
    int cases = (int) Math.round(share * capacity / meanWeight);
    // The generator draws the workforce before the cases, so the same seed gives the same workers.
    return SyntheticOrganisations.generate(family.authorities(), family.workers(), cases, Mix.DEFAULT, seed);
  }

  /** Every open case unallocated, with no history and no joint worker: nothing to keep, nobody to return to. */
  static Organisation coldStart(Organisation org) {
    List<Case> changed = new ArrayList<>();
    for (Case c : org.openCases()) {
      changed.add(new Case(c.id(), c.serviceId(), c.category(), c.complexity(), c.familyId(), c.locality(), c.court(),
          c.opened(), null, List.of(), null));
    }
    return org.withCases(changed);
  }

  /** Every case weighs 1 (all category weights and complexity multipliers 1) and none has siblings. */
  static Organisation equalWeight(Organisation org) {
    Organisation.Builder b = Organisation.builder(org.name() + ", equal weights", org.asOf())
        .capacityPolicy(unitWeights(org.capacityPolicy()));
    for (Service s : org.services()) {
      b.add(s.capacityPolicy() == null ? s : s.withCapacityPolicy(unitWeights(s.capacityPolicy())));
    }
    org.teams().forEach(b::add);
    org.workers().forEach(b::add);
    for (Case c : org.cases()) {
      b.add(alone(c));
    }
    return b.build();
  }

  private static CapacityPolicy unitWeights(CapacityPolicy p) {
    for (CaseCategory c : CaseCategory.values()) {
      p = p.withCategoryWeight(c, 1.0);
    }
    for (Complexity c : Complexity.values()) {
      p = p.withComplexityMultiplier(c, 1.0);
    }
    return p;
  }

  private static Case alone(Case c) {
    return c.familyId() == null ? c : new Case(c.id(), c.serviceId(), c.category(), c.complexity(), null,
        c.locality(), c.court(), c.opened(), c.closed(), c.history(), c.jointWorkerId());
  }

  // ---------------------------------------------------------------- choices

  /** The authority of an id: its {@code la001-} prefix, or "" in a single authority. */
  static String authority(String id) {
    return id.startsWith("la") && id.length() > 6 && id.charAt(5) == '-' ? id.substring(0, 6) : "";
  }

  /** In each authority, {@code count(workers of the authority)} workers who hold cases, chosen at random. */
  private static Set<String> pickWorkers(Organisation org, SplittableRandom r,
      java.util.function.IntUnaryOperator count) {
    Map<String, List<String>> byAuthority = new LinkedHashMap<>();
    Map<String, Integer> headcount = new LinkedHashMap<>();
    for (Worker w : org.workers()) {
      headcount.merge(authority(w.id()), 1, Integer::sum);
      if (!org.casesHeldBy(w.id()).isEmpty()) {
        byAuthority.computeIfAbsent(authority(w.id()), a -> new ArrayList<>()).add(w.id());
      }
    }
    Set<String> chosen = new HashSet<>();
    byAuthority.forEach((a, ids) -> {
      int k = Math.min(ids.size(), count.applyAsInt(headcount.get(a)));
      for (int i = 0; i < k; i++) {
        int j = i + r.nextInt(ids.size() - i);
        String t = ids.get(i);
        ids.set(i, ids.get(j));
        ids.set(j, t);
        chosen.add(ids.get(i));
      }
    });
    return chosen;
  }

  /**
   * In each authority, one team chosen at random among those whose service has another team to
   * take its cases (the only team when there is none, as in {@code TEAM}: then every case is left
   * with no worker in its service, which is the right answer).
   */
  private static Set<String> pickTeams(Organisation org, SplittableRandom r) {
    Map<String, List<Team>> byAuthority = new LinkedHashMap<>();
    for (Team t : org.teams()) {
      byAuthority.computeIfAbsent(authority(t.id()), a -> new ArrayList<>()).add(t);
    }
    Set<String> chosen = new HashSet<>();
    byAuthority.forEach((a, teams) -> {
      List<Team> candidates = teams.stream()
          .filter(t -> org.teamsOf(t.serviceId()).size() > 1 && !org.workersOf(t.id()).isEmpty()).toList();
      List<Team> from = candidates.isEmpty() ? teams : candidates;
      chosen.add(from.get(r.nextInt(from.size())).id());
    });
    return chosen;
  }
}
