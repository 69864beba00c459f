package org.caseload.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.caseload.core.Generators.OrganisationParts;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;
import org.caseload.core.validation.Problem;
import org.junit.jupiter.api.Test;

/** The generators themselves: valid, varied and reproducible. */
class GeneratorsTest {
  static final long SEED = 20200331L;
  static final int EXAMPLES = 300;

  @Test
  void generatedOrganisationsAlwaysBuild() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(Generators.organisationParts()).checkAssert(parts -> {
      List<Problem> errors = parts.builder().check().stream().filter(Problem::isError).toList();
      assertEquals(List.of(), errors);
      Organisation org = parts.build();
      assertEquals(parts.cases().size(), org.cases().size());
      assertEquals(parts.workers().size(), org.workers().size());
      assertEquals(org, org.toBuilder().build());
      assertEquals(org, Fixtures.rebuild(org));
      for (Case c : org.cases()) {
        assertTrue(!c.opened().isAfter(org.asOf()) && (c.closed() == null || !c.closed().isAfter(org.asOf())),
            "every date is on or before asOf, so operations dated asOf are legal: " + c);
        c.history().forEach(a -> assertTrue(!a.from().isAfter(org.asOf())
            && (a.until() == null || !a.until().isAfter(org.asOf())), c.toString()));
      }
    });
  }

  @Test
  void generatedValuesRebuildFromTheirComponents() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(Generators.workers(), Generators.cases(), Generators.capacityPolicies())
        .checkAssert((w, c, p) -> {
          assertEquals(w, new Worker(w.id(), w.name(), w.teamId(), w.role(), w.contract(), w.fte(), w.start()));
          assertEquals(c, new Case(c.id(), c.serviceId(), c.category(), c.complexity(), c.familyId(), c.locality(), c.court(),
              c.opened(), c.closed(), c.history(), c.jointWorkerId()));
          assertEquals(p, new CapacityPolicy(p.categoryWeights(), p.complexityMultipliers(), p.capacityPerFte(),
              p.newlyQualifiedJointOnly(), p.newlyQualifiedCourtJointOnly(), p.qualifiedOnly()));
        });
  }

  @Test
  void generatorsCoverWhatBreaksNaiveCode() {
    Map<String, Integer> seen = new HashMap<>();
    Set<TeamKind> kinds = EnumSet.noneOf(TeamKind.class);
    List<Integer> caseCounts = new ArrayList<>();
    qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(Generators.organisationParts()).checkAssert(parts -> {
      Organisation org = parts.build();
      count(seen, "no service", org.services().isEmpty());
      count(seen, "no case", org.cases().isEmpty());
      count(seen, "4 services", org.services().size() == 4);
      count(seen, "6 teams", org.teams().size() == 6);
      count(seen, "over 20 workers", org.workers().size() > 20);
      count(seen, "over 60 cases", org.cases().size() > 60);
      count(seen, "closed case", any(org.cases(), c -> !c.isOpen()));
      count(seen, "unallocated case", any(org.cases(), Case::isUnallocated));
      count(seen, "allocated case", any(org.cases(), Case::isAllocated));
      count(seen, "joint worker", any(org.cases(), c -> c.jointWorkerId() != null));
      count(seen, "family", any(org.cases(), c -> c.familyId() != null));
      count(seen, "court", any(org.cases(), Case::court));
      count(seen, "leaver in history", any(org.cases(), c -> c.history().stream()
          .anyMatch(a -> a.workerId().startsWith("left-"))));
      count(seen, "3 transfers", any(org.cases(), c -> c.transfers() >= 3));
      count(seen, "fractional FTE", any(org.workers(), w -> w.fte() < 1));
      count(seen, "odd id", any(org.workers(), w -> w.id().contains(":")));
      count(seen, "non-ASCII name", any(org.workers(), w -> w.name() != null && w.name().chars().anyMatch(ch -> ch > 127)));
      count(seen, "quote in a name", org.name().contains("\"") || org.name().contains("'"));
      count(seen, "line break in a name", any(org.services(), s -> s.name().contains("\n")));
      count(seen, "own service policy", any(org.services(), s -> s.capacityPolicy() != null));
      count(seen, "target", any(org.services(), s -> s.target() != null));
      count(seen, "custom policy", !org.capacityPolicy().equals(CapacityPolicy.defaults()));
      count(seen, "warning", !org.warnings().isEmpty());
      org.teams().forEach(t -> kinds.add(t.kind()));
      caseCounts.add(org.cases().size());
    });
    for (String feature : List.of("no service", "no case", "4 services", "6 teams", "over 20 workers", "over 60 cases",
        "closed case", "unallocated case", "allocated case", "joint worker", "family", "court", "leaver in history",
        "3 transfers", "fractional FTE", "odd id", "non-ASCII name", "quote in a name", "line break in a name",
        "own service policy", "target", "custom policy", "warning")) {
      assertTrue(seen.getOrDefault(feature, 0) > 0, "no generated organisation has: " + feature + "; seen " + seen);
    }
    assertEquals(EnumSet.allOf(TeamKind.class), kinds);
  }

  @Test
  void sameSeedGivesTheSameExamples() {
    assertEquals(sample(7), sample(7));
  }

  private static List<String> sample(long seed) {
    List<String> out = new ArrayList<>();
    qt().withFixedSeed(seed).withExamples(20).forAll(Generators.organisationParts(), Generators.operations(5))
        .checkAssert((parts, ops) -> out.add(parts + " " + ops));
    return out;
  }

  private static <T> boolean any(List<T> values, Predicate<T> p) {
    return values.stream().anyMatch(p);
  }

  private static void count(Map<String, Integer> seen, String feature, boolean present) {
    if (present) {
      seen.merge(feature, 1, Integer::sum);
    }
  }
}
