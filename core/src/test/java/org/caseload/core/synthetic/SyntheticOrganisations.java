package org.caseload.core.synthetic;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.caseload.core.allocation.AllocationPolicy;
import org.caseload.core.model.Allocation;
import org.caseload.core.model.CapacityPolicy;
import org.caseload.core.model.Case;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.model.CaseloadTarget;
import org.caseload.core.model.Complexity;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Organisation;
import org.caseload.core.model.Role;
import org.caseload.core.model.Service;
import org.caseload.core.model.Team;
import org.caseload.core.model.TeamKind;
import org.caseload.core.model.Worker;

/**
 * Synthetic organisations for benchmarks and tests, generated from a seed: the same seed gives
 * an equal organisation, on any machine and in any thread (one {@link SplittableRandom} per
 * call, split once per authority; no global state).
 *
 * <p>Shape of each authority (ids of {@link InstanceFamily#NATIONAL} carry a prefix
 * {@code la001-} .. {@code la153-}; single authorities have none):
 * <ul>
 *   <li>Services {@code cin} (children in need), {@code cp} (child protection), {@code lac}
 *       (looked after), and {@code assessment} when the mix has assessment cases. Workers are
 *       shared among services in proportion to their cases. A service with fewer than
 *       {@value #MIN_SERVICE_WORKERS} workers gets no team of its own: its workers join, and
 *       its cases are held by, the largest service's teams (so {@link InstanceFamily#TEAM} is one
 *       team of 12 holding every kind of case).
 *   <li>Teams of 8 to 12 workers (fewer only when a service has fewer workers), span of
 *       control 12; the first team of a service is a locality team, others are locality (70%),
 *       hub (15%) or peripatetic (15%); locality teams have a locality, hubs and peripatetic
 *       teams none. Each team's first worker is qualified.
 *   <li>Workers: role, contract and part-time shares as in the {@link Mix} (exact counts over
 *       the whole instance, up to rounding and the qualified first seat of each team);
 *       unqualified workers sit in teams whose service's cases they may hold. Start dates:
 *       newly qualified within the last year, others up to 20 years back (agency up to 3).
 *   <li>Cases: all open, category counts as in the mix, complexity low 35% / standard 45% / high
 *       20% (an assumption), sibling groups of 2 (50%), 3 (30%), 4 (15%) or 5 (5%) sharing a
 *       family id, category, court status, opening date, history and holder.
 *   <li>Allocation respects the default {@link CapacityPolicy}: no worker holds more weighted
 *       cases than their capacity, no unqualified worker holds a statutory case, and a newly
 *       qualified worker holds a child protection or court case only with a qualified joint
 *       worker from their team. Groups are placed largest first on the worker with the most
 *       spare capacity (scaled by a per-worker factor in [0.6, 1.4], so loads vary). The mix's
 *       unallocated share is left waiting on purpose (half of them after a spell with a
 *       leaver), and any group that fits nowhere stays unallocated too.
 *   <li>Histories: an allocated case has 1 to 3 spells (55% / 30% / 15%, and at least 2 when it
 *       opened before its holder started); past holders are leavers ({@code left-n}) or, when
 *       they had started by then, colleagues of the holder. Every date is on or before
 *       {@link #AS_OF}.
 * </ul>
 * The result builds without warnings.
 */
public final class SyntheticOrganisations {
  private SyntheticOrganisations() {}

  /** The snapshot date of every synthetic organisation: the 2025 workforce census date. */
  public static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);

  /** Fewest workers a service needs to have teams of its own. */
  public static final int MIN_SERVICE_WORKERS = 4;

  private static final int MAX_TEAM = 12;
  private static final int MAX_DAYS_BACK = 20 * 366;
  private static final LocalDate[] DAYS = new LocalDate[MAX_DAYS_BACK + 1];

  static {
    for (int i = 0; i <= MAX_DAYS_BACK; i++) {
      DAYS[i] = AS_OF.minusDays(i); // shared instances: 400,000 cases need not hold a million dates
    }
  }

  private static final CaseCategory[] CATEGORIES = {CaseCategory.CHILD_IN_NEED, CaseCategory.CHILD_PROTECTION,
      CaseCategory.LOOKED_AFTER, CaseCategory.ASSESSMENT};
  private static final String[] SERVICE_KEYS = {"cin", "cp", "lac", "assessment"};
  private static final String[] SERVICE_NAMES = {"Children in need", "Child protection", "Looked after",
      "Assessment"};
  /** How far back (days) a case of each category may have opened: about its typical length. */
  private static final int[] OPENED_WITHIN = {365, 540, 2500, 45};
  private static final String[] LOCALITIES = {"North", "South", "East", "West", "Central", "Riverside",
      "Harbour", "Hillside", "Parkway", "Old Town"};
  private static final String[] MANAGERS = {"A. Khan", "B. Okafor", "C. Smith", "D. Jones", "E. Williams",
      "F. Taylor", "G. Brown", "H. Patel", "I. Evans", "J. Walker"};
  private static final Complexity[] COMPLEXITIES = Complexity.values();

  /** An instance of {@code family} with the {@link Mix#DEFAULT default mix}. */
  public static Organisation generate(InstanceFamily family, long seed) {
    return generate(family.authorities(), family.workers(), family.openCases(), Mix.DEFAULT, seed,
        "Synthetic " + family.name() + " (seed " + seed + ")");
  }

  /** One authority with {@code workers} workers and {@code openCases} open cases. */
  public static Organisation generate(int workers, int openCases, Mix mix, long seed) {
    return generate(1, workers, openCases, mix, seed);
  }

  /**
   * {@code authorities} independent authorities sharing {@code workers} and {@code openCases} as
   * evenly as possible.
   */
  public static Organisation generate(int authorities, int workers, int openCases, Mix mix, long seed) {
    return generate(authorities, workers, openCases, mix, seed,
        "Synthetic " + authorities + (authorities == 1 ? " authority" : " authorities") + " (seed " + seed + ")");
  }

  private static Organisation generate(int authorities, int workers, int openCases, Mix mix, long seed,
      String name) {
    if (authorities < 1 || workers < 0 || openCases < 0) {
      throw new IllegalArgumentException("authorities must be at least 1 and counts at least 0 but were "
          + authorities + ", " + workers + ", " + openCases);
    }
    if (workers < authorities && workers > 0) {
      throw new IllegalArgumentException("workers (" + workers + ") must be at least authorities ("
          + authorities + ")");
    }
    SplittableRandom root = new SplittableRandom(seed);
    Organisation.Builder b = Organisation.builder(name, AS_OF);
    for (int a = 0; a < authorities; a++) {
      String prefix = authorities == 1 ? "" : String.format("la%03d-", a + 1);
      Quota q = new Quota(a, authorities, workers, openCases, mix);
      new Authority(root.split(), prefix, q, mix).generateInto(b);
    }
    return b.build();
  }

  /**
   * The default policy, plus cover for every service that has no team of its own by the teams
   * that hold its cases. The generator gives a service with fewer than 4 workers no team and has
   * the largest service's teams hold its cases (so {@code TEAM} is one children-in-need team
   * holding child protection and looked-after cases too); without this cover the default policy
   * would leave every such case with no worker in its service.
   */
  public static AllocationPolicy allocationPolicy(Organisation org) {
    AllocationPolicy policy = AllocationPolicy.defaults();
    Set<String> withTeams = new HashSet<>();
    org.teams().forEach(t -> withTeams.add(t.serviceId()));
    Set<String> added = new HashSet<>();
    for (Case c : org.openCases()) {
      if (!withTeams.contains(c.serviceId()) && c.workerId() != null) {
        String holder = org.team(org.worker(c.workerId()).teamId()).serviceId();
        if (added.add(c.serviceId() + '\u0000' + holder)) {
          policy = policy.withCover(c.serviceId(), holder);
        }
      }
    }
    return policy;
  }

  /**
   * {@code count} new referrals for {@code org}: open, unallocated cases opened on its snapshot
   * date, with ids {@code ref-0}, {@code ref-1}, ... Each group (a child alone or 2-5 siblings,
   * in the proportion of {@code Mix.DEFAULT}) takes the service and category of an open case of
   * {@code org} picked at random, so referrals follow the organisation's own mix and services.
   */
  public static List<Case> intake(Organisation org, int count, long seed) {
    return intake(org, count, Mix.DEFAULT, seed);
  }

  /** The weekly intake of {@code family} for {@code org}: {@link InstanceFamily#weeklyIntake()} referrals. */
  public static List<Case> intake(Organisation org, InstanceFamily family, long seed) {
    return intake(org, family.weeklyIntake(), seed);
  }

  /** As {@link #intake(Organisation, int, long)}, with the sibling and court shares of {@code mix}. */
  public static List<Case> intake(Organisation org, int count, Mix mix, long seed) {
    List<Case> open = org.openCases();
    if (open.isEmpty() && count > 0) {
      throw new IllegalArgumentException("organisation " + org.name() + " has no open case to take a mix from");
    }
    SplittableRandom r = new SplittableRandom(seed);
    int[] sizes = groupSizes(r, count, (int) Math.round(count * mix.siblings()));
    List<Case> out = new ArrayList<>(count);
    int n = 0;
    for (int g = 0; g < sizes.length; g++) {
      Case template = open.get(r.nextInt(open.size()));
      boolean court = isCourtCategory(template.category()) && r.nextDouble() < mix.court();
      String family = sizes[g] > 1 ? "ref-f" + g : null;
      for (int i = 0; i < sizes[g]; i++) {
        String id = "ref-" + n++;
        while (org.findCase(id).isPresent()) {
          id = "ref-" + n++;
        }
        out.add(new Case(id, template.serviceId(), template.category(), complexity(r), family, null, court,
            org.asOf(), null, List.of(), null));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ internals

  /** One authority's share of the instance's counts (cumulative rounding keeps totals exact). */
  private static final class Quota {
    final int workers;
    final int cases;
    final int newlyQualified;
    final int unqualified;
    final int agency;
    final int partTime;

    Quota(int a, int authorities, int totalWorkers, int totalCases, Mix mix) {
      long w0 = (long) totalWorkers * a / authorities;
      long w1 = (long) totalWorkers * (a + 1) / authorities;
      workers = (int) (w1 - w0);
      cases = (int) ((long) totalCases * (a + 1) / authorities - (long) totalCases * a / authorities);
      newlyQualified = part(w0, w1, mix.newlyQualified());
      unqualified = part(w0, w1, mix.unqualified());
      agency = part(w0, w1, mix.agency());
      partTime = part(w0, w1, mix.partTime());
    }

    private static int part(long from, long to, double share) {
      return (int) (Math.round(to * share) - Math.round(from * share));
    }
  }

  private static final class Authority {
    private final SplittableRandom r;
    private final String prefix;
    private final Quota q;
    private final Mix mix;
    private final CapacityPolicy policy = CapacityPolicy.defaults();

    // services (index into CATEGORIES) present, and which service's teams hold each one's cases
    private final List<Integer> services = new ArrayList<>();
    private final int[] holderService = new int[CATEGORIES.length];

    // workers
    private final List<Worker> workers = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();
    private int[] workerTeam;
    private final List<Integer> teamService = new ArrayList<>();
    /** mayHold[role][jointAvailable][category][court][complexity]: 0 unknown, 1 yes, 2 no. */
    private final byte[][][][][] mayHold = new byte[Role.values().length][2][CATEGORIES.length][2][COMPLEXITIES.length];
    private final List<List<Integer>> qualifiedOfTeam = new ArrayList<>();
    private String[] leavers;

    Authority(SplittableRandom r, String prefix, Quota q, Mix mix) {
      this.r = r;
      this.prefix = prefix;
      this.q = q;
      this.mix = mix;
    }

    void generateInto(Organisation.Builder b) {
      double[] shares = {mix.childInNeed(), mix.childProtection(), mix.lookedAfter(), mix.assessment()};
      for (int s = 0; s < CATEGORIES.length; s++) {
        if (shares[s] > 0) {
          services.add(s);
        }
      }
      LocalDate targetBy = LocalDate.of(AS_OF.getYear() + 1, 3, 31);
      for (int s : services) {
        // Targets are illustrative: 18 per FTE (policy ceiling) for children in need and
        // assessment, 15 (Western Australia's child protection cap) for child protection and
        // looked after. An assumption of this generator, not a standard.
        double target = s == 1 || s == 2 ? 15 : 18;
        b.add(new Service(prefix + SERVICE_KEYS[s], SERVICE_NAMES[s], new CaseloadTarget(target, targetBy), null));
      }
      int[] serviceWorkers = apportion(q.workers, services.stream().mapToDouble(s -> shares[s]).toArray());
      buildTeamsAndWorkers(serviceWorkers);
      teams.forEach(b::add);
      workers.forEach(b::add);
      leavers = new String[Math.max(4, q.workers / 2)];
      for (int i = 0; i < leavers.length; i++) {
        leavers[i] = prefix + "left-" + i;
      }
      generateCases(shares, b);
    }

    // ---------------------------------------------------------------- teams and workers

    private void buildTeamsAndWorkers(int[] serviceWorkers) {
      int largest = 0;
      for (int i = 1; i < services.size(); i++) {
        if (serviceWorkers[i] > serviceWorkers[largest]) {
          largest = i;
        }
      }
      Arrays.fill(holderService, -1);
      for (int i = 0; i < services.size(); i++) {
        if (serviceWorkers[i] < MIN_SERVICE_WORKERS && i != largest) {
          serviceWorkers[largest] += serviceWorkers[i];
          serviceWorkers[i] = 0;
          holderService[services.get(i)] = services.get(largest);
        } else {
          holderService[services.get(i)] = services.get(i);
        }
      }
      // Teams: sizes 8-12 where the service is large enough, all at most 12.
      List<int[]> teamSizes = new ArrayList<>(); // {serviceIndex, size}
      for (int i = 0; i < services.size(); i++) {
        int n = serviceWorkers[i];
        if (n == 0) {
          continue;
        }
        int count = Math.max((int) Math.round(n / 10.0), (n + MAX_TEAM - 1) / MAX_TEAM);
        count = Math.max(1, count);
        int[] sizes = new int[count];
        for (int t = 0; t < count; t++) {
          sizes[t] = n / count + (t < n % count ? 1 : 0);
        }
        int low = Math.min(8, sizes[count - 1]);
        for (int t = 0; t + 1 < count; t++) {
          int k = r.nextInt(3);
          if (sizes[t] - k >= low && sizes[t + 1] + k <= MAX_TEAM) {
            sizes[t] -= k;
            sizes[t + 1] += k;
          }
        }
        int s = services.get(i);
        for (int t = 0; t < count; t++) {
          TeamKind kind = t == 0 ? TeamKind.LOCALITY : kind(r.nextInt(100));
          String locality = kind == TeamKind.LOCALITY ? LOCALITIES[t % LOCALITIES.length]
              + (t >= LOCALITIES.length ? " " + (t / LOCALITIES.length + 1) : "") : null;
          String id = prefix + SERVICE_KEYS[s] + "-" + (t + 1);
          String teamName = SERVICE_NAMES[s] + " " + (locality != null ? locality : kind.label() + " team " + (t + 1));
          teams.add(new Team(id, teamName, prefix + SERVICE_KEYS[s], kind, locality,
              MANAGERS[r.nextInt(MANAGERS.length)], MAX_TEAM));
          teamSizes.add(new int[] {s, sizes[t]});
          teamService.add(s);
        }
      }

      // Seats: each team's first seat is qualified; unqualified workers go where they may hold cases.
      int total = q.workers;
      Role[] roles = new Role[total];
      workerTeam = new int[total];
      List<Integer> friendly = new ArrayList<>();
      List<Integer> other = new ArrayList<>();
      int seat = 0;
      for (int t = 0; t < teamSizes.size(); t++) {
        int s = teamSizes.get(t)[0];
        boolean uqMayHold = unqualifiedMayHoldSomething(s);
        for (int k = 0; k < teamSizes.get(t)[1]; k++, seat++) {
          workerTeam[seat] = t;
          if (k == 0) {
            roles[seat] = Role.QUALIFIED;
          } else {
            (uqMayHold ? friendly : other).add(seat);
          }
        }
      }
      shuffle(friendly);
      int uq = Math.min(q.unqualified, friendly.size() + other.size());
      List<Integer> rest = new ArrayList<>(other);
      for (int i = 0; i < friendly.size(); i++) {
        if (uq > 0) {
          roles[friendly.get(i)] = Role.UNQUALIFIED;
          uq--;
        } else {
          rest.add(friendly.get(i));
        }
      }
      shuffle(rest);
      int nq = q.newlyQualified;
      for (int seatIndex : rest) {
        if (uq > 0) {
          roles[seatIndex] = Role.UNQUALIFIED;
          uq--;
        } else if (nq > 0) {
          roles[seatIndex] = Role.NEWLY_QUALIFIED;
          nq--;
        } else {
          roles[seatIndex] = Role.QUALIFIED;
        }
      }
      boolean[] agency = choose(total, q.agency);
      boolean[] partTime = choose(total, q.partTime);
      for (int t = 0; t < teams.size(); t++) {
        qualifiedOfTeam.add(new ArrayList<>());
      }
      for (int i = 0; i < total; i++) {
        Role role = roles[i];
        int daysBack = role == Role.NEWLY_QUALIFIED ? r.nextInt(1, 365)
            : agency[i] ? r.nextInt(14, 3 * 365) : role == Role.UNQUALIFIED ? r.nextInt(30, 10 * 365)
            : r.nextInt(365, 20 * 365);
        double fte = partTime[i] ? 0.5 + 0.05 * r.nextInt(7) : 1.0;
        workers.add(Worker.of(prefix + "w" + i, teams.get(workerTeam[i]).id(), role,
            agency[i] ? Contract.AGENCY : Contract.PERMANENT, fte, DAYS[daysBack]));
        if (role == Role.QUALIFIED) {
          qualifiedOfTeam.get(workerTeam[i]).add(i);
        }
      }
    }

    private boolean unqualifiedMayHoldSomething(int teamService) {
      for (int c = 0; c < CATEGORIES.length; c++) {
        if (holderService[c] == teamService && !policy.qualifiedOnly().contains(CATEGORIES[c])) {
          return true;
        }
      }
      return false;
    }

    // ---------------------------------------------------------------- cases

    private void generateCases(double[] shares, Organisation.Builder b) {
      int n = q.cases;
      int[] sizes = groupSizes(r, n, (int) Math.round(n * mix.siblings()));
      int groups = sizes.length;
      // Category of each group, drawn in proportion to what remains of each category's quota.
      int[] remaining = new int[CATEGORIES.length];
      int[] quota = apportion(n, shares);
      for (int s = 0; s < CATEGORIES.length; s++) {
        remaining[s] = quota[s];
      }
      int[] category = new int[groups];
      boolean[] court = new boolean[groups];
      int[] openedBack = new int[groups];
      Complexity[] complexity = new Complexity[n];
      int[] first = new int[groups];
      double[] weight = new double[groups];
      for (int g = 0, child = 0; g < groups; g++) {
        int left = 0;
        for (int v : remaining) {
          left += Math.max(0, v);
        }
        int c = 0;
        if (left > 0) {
          int x = r.nextInt(left);
          while (x >= Math.max(0, remaining[c])) {
            x -= Math.max(0, remaining[c]);
            c++;
          }
        } else {
          for (int s = 1; s < CATEGORIES.length; s++) {
            if (shares[s] > shares[c]) {
              c = s;
            }
          }
        }
        remaining[c] -= sizes[g];
        category[g] = c;
        court[g] = isCourtCategory(CATEGORIES[c]) && r.nextDouble() < mix.court();
        openedBack[g] = r.nextInt(OPENED_WITHIN[c] + 1);
        first[g] = child;
        for (int i = 0; i < sizes[g]; i++, child++) {
          complexity[child] = complexity(r);
          weight[g] += policy.weight(CATEGORIES[c], complexity[child]);
        }
      }

      // Deliberately unallocated groups, picked at random up to the share.
      boolean[] waiting = new boolean[groups];
      int target = (int) Math.round(n * mix.unallocated());
      int[] byChance = new int[groups];
      for (int g = 0; g < groups; g++) {
        byChance[g] = g;
      }
      for (int i = 0, held = 0; i < groups && held < target; i++) {
        int j = i + r.nextInt(groups - i);
        int g = byChance[j];
        byChance[j] = byChance[i];
        if (held + sizes[g] <= target) {
          waiting[g] = true;
          held += sizes[g];
        }
      }

      int[] holder = allocate(sizes, category, court, complexity, first, weight, waiting);

      Map<String, List<String>> localities = new HashMap<>();
      for (Team t : teams) {
        if (t.locality() != null) {
          localities.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(t.locality());
        }
      }
      for (int g = 0; g < groups; g++) {
        CaseCategory cat = CATEGORIES[category[g]];
        String serviceId = prefix + SERVICE_KEYS[category[g]];
        // Where the family lives: its holder's patch, else one of the service's patches.
        String holderPatch = holder[g] >= 0 ? teams.get(workerTeam[holder[g]]).locality() : null;
        List<String> patches = localities.getOrDefault(serviceId, List.of());
        String locality = holderPatch != null ? holderPatch
            : patches.isEmpty() ? null : patches.get(Math.floorMod(g * 31, patches.size()));
        String family = sizes[g] > 1 ? prefix + "f" + g : null;
        LocalDate opened = DAYS[openedBack[g]];
        List<Allocation> history = holder[g] >= 0 ? heldHistory(openedBack[g], holder[g])
            : waitingHistory(openedBack[g]);
        Worker w = holder[g] >= 0 ? workers.get(holder[g]) : null;
        for (int i = 0; i < sizes[g]; i++) {
          int child = first[g] + i;
          String joint = null;
          if (w != null && !mayHold(w.role(), false, category[g], court[g], complexity[child])) {
            joint = workers.get(jointFor(holder[g])).id(); // allocate() made sure the team has one
          }
          b.add(new Case(prefix + "c" + child, serviceId, cat, complexity[child], family, locality, court[g], opened, null,
              history, joint));
        }
      }
    }

    /**
     * Largest group first onto the eligible worker with the most spare capacity (scaled by a
     * random appetite); -1 for a group left waiting or that fits nowhere.
     */
    private int[] allocate(int[] sizes, int[] category, boolean[] court, Complexity[] complexity, int[] first,
        double[] weight, boolean[] waiting) {
      int groups = sizes.length;
      int[] holder = new int[groups];
      Arrays.fill(holder, -1);
      double[] spare = new double[workers.size()];
      double[] appetite = new double[workers.size()];
      Map<Integer, PriorityQueue<Integer>> pools = new HashMap<>();
      for (int i = 0; i < workers.size(); i++) {
        spare[i] = policy.capacity(workers.get(i));
        appetite[i] = 0.6 + 0.8 * r.nextDouble();
      }
      for (int i = 0; i < workers.size(); i++) {
        int s = serviceIndexOfTeam(workerTeam[i]);
        pools.computeIfAbsent(s, k -> new PriorityQueue<>((x, y) -> {
          int c = Double.compare(spare[y] * appetite[y], spare[x] * appetite[x]);
          return c != 0 ? c : Integer.compare(x, y);
        })).add(i);
      }
      Integer[] order = new Integer[groups];
      for (int g = 0; g < groups; g++) {
        order[g] = g;
      }
      Arrays.sort(order, (x, y) -> {
        int c = Double.compare(weight[y], weight[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      List<Integer> popped = new ArrayList<>();
      for (int g : order) {
        if (waiting[g]) {
          continue;
        }
        PriorityQueue<Integer> pool = pools.get(holderService[category[g]]);
        if (pool == null) {
          continue;
        }
        popped.clear();
        Integer chosen = null;
        while (!pool.isEmpty()) {
          int w = pool.poll();
          popped.add(w);
          if (spare[w] + 1e-9 >= weight[g] && eligible(w, sizes[g], category[g], court[g], complexity, first[g])) {
            chosen = w;
            break;
          }
        }
        if (chosen != null) {
          holder[g] = chosen;
          spare[chosen] -= weight[g];
        }
        pool.addAll(popped);
      }
      return holder;
    }

    private boolean eligible(int w, int size, int category, boolean court, Complexity[] complexity, int first) {
      Role role = workers.get(w).role();
      boolean jointAvailable = jointCandidates(w) > 0;
      for (int i = 0; i < size; i++) {
        if (!mayHold(role, jointAvailable, category, court, complexity[first + i])) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether a worker of {@code role} may hold such a case under the policy: alone, or (when
     * {@code withJoint}) with a qualified joint worker. Memoised: the policy is asked once per kind.
     */
    private boolean mayHold(Role role, boolean withJoint, int category, boolean court, Complexity complexity) {
      byte[] cell = mayHold[role.ordinal()][withJoint ? 1 : 0][category][court ? 1 : 0];
      if (cell[complexity.ordinal()] == 0) {
        Case c = new Case("probe", "probe", CATEGORIES[category], complexity, null, null, court, AS_OF, null, List.of(),
            null);
        boolean ok = policy.mayHoldAlone(role, c)
            || (withJoint && policy.breach(role, c, Role.QUALIFIED).isEmpty());
        cell[complexity.ordinal()] = (byte) (ok ? 1 : 2);
      }
      return cell[complexity.ordinal()] == 1;
    }

    private int jointCandidates(int w) {
      List<Integer> q = qualifiedOfTeam.get(workerTeam[w]);
      return q.size() - (q.contains(w) ? 1 : 0);
    }

    private int jointFor(int w) {
      List<Integer> q = qualifiedOfTeam.get(workerTeam[w]);
      int j;
      do {
        j = q.get(r.nextInt(q.size()));
      } while (j == w);
      return j;
    }

    private int serviceIndexOfTeam(int team) {
      return teamService.get(team);
    }

    /** 1-3 spells ending with the holder; at least 2 if the case opened before the holder started. */
    private List<Allocation> heldHistory(int openedBack, int holderIndex) {
      Worker holder = workers.get(holderIndex);
      int startBack = (int) java.time.temporal.ChronoUnit.DAYS.between(holder.start(), AS_OF);
      int x = r.nextInt(100);
      int spells = x < 55 ? 1 : x < 85 ? 2 : 3;
      int firstBack = openedBack - Math.min(openedBack, r.nextInt(8)); // allocated within a week
      if (firstBack > startBack) {
        spells = Math.max(spells, 2);
      }
      // Cut points between firstBack (earliest) and 0 (asOf), as days back, decreasing.
      int[] cuts = new int[spells - 1];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = r.nextInt(firstBack + 1);
      }
      Arrays.sort(cuts);
      ImmutableList.Builder<Allocation> h = ImmutableList.builderWithExpectedSize(spells);
      int from = firstBack;
      String previous = null;
      for (int i = 0; i < spells - 1; i++) {
        int until = cuts[cuts.length - 1 - i];
        if (i == spells - 2) {
          until = Math.min(until, startBack); // the holder's spell starts once they had started
        }
        String who = pastWorker(from, holderIndex, previous);
        h.add(new Allocation(who, DAYS[from], DAYS[until]));
        previous = who;
        from = until;
      }
      h.add(new Allocation(holder.id(), DAYS[from], null));
      return h.build();
    }

    /** A leaver, or a colleague in the same pool who had started by then, never {@code previous} nor the holder. */
    private String pastWorker(int fromBack, int holderIndex, String previous) {
      if (r.nextInt(100) < 25) {
        int c = r.nextInt(workers.size());
        Worker w = workers.get(c);
        int startBack = (int) java.time.temporal.ChronoUnit.DAYS.between(w.start(), AS_OF);
        if (c != holderIndex && startBack >= fromBack && !w.id().equals(previous)
            && serviceIndexOfTeam(workerTeam[c]) == serviceIndexOfTeam(workerTeam[holderIndex])) {
          return w.id();
        }
      }
      String who;
      do {
        who = leavers[r.nextInt(leavers.length)];
      } while (who.equals(previous));
      return who;
    }

    /** Half the waiting cases had a worker who left; the others have waited since they opened. */
    private List<Allocation> waitingHistory(int openedBack) {
      if (r.nextBoolean()) {
        return ImmutableList.of();
      }
      int until = r.nextInt(openedBack + 1);
      return ImmutableList.of(new Allocation(leavers[r.nextInt(leavers.length)], DAYS[openedBack], DAYS[until]));
    }

    private boolean[] choose(int n, int k) {
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      boolean[] chosen = new boolean[n];
      for (int i = 0; i < Math.min(k, n); i++) {
        int j = i + r.nextInt(n - i);
        int t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        chosen[idx[i]] = true;
      }
      return chosen;
    }

    private void shuffle(List<Integer> list) {
      for (int i = list.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Integer t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
      }
    }
  }

  private static TeamKind kind(int percent) {
    return percent < 70 ? TeamKind.LOCALITY : percent < 85 ? TeamKind.HUB : TeamKind.PERIPATETIC;
  }

  private static boolean isCourtCategory(CaseCategory c) {
    return c == CaseCategory.CHILD_PROTECTION || c == CaseCategory.LOOKED_AFTER;
  }

  private static Complexity complexity(SplittableRandom r) {
    int x = r.nextInt(100);
    return x < 35 ? COMPLEXITIES[0] : x < 80 ? COMPLEXITIES[1] : COMPLEXITIES[2];
  }

  /**
   * Sizes of groups in random order: sibling groups (2: 50%, 3: 30%, 4: 15%, 5: 5%) covering
   * exactly {@code siblings} children (when at least 2), then children alone up to {@code n}.
   */
  static int[] groupSizes(SplittableRandom r, int n, int siblings) {
    siblings = Math.min(siblings, n);
    if (siblings < 2) {
      siblings = 0;
    }
    List<Integer> sizes = new ArrayList<>();
    int left = siblings;
    while (left > 0) {
      int x = r.nextInt(100);
      int size = x < 50 ? 2 : x < 80 ? 3 : x < 95 ? 4 : 5;
      size = Math.min(size, left);
      if (left - size == 1) {
        size = size < 5 ? size + 1 : size - 1;
      }
      sizes.add(size);
      left -= size;
    }
    int[] out = new int[sizes.size() + n - siblings];
    for (int i = 0; i < sizes.size(); i++) {
      out[i] = sizes.get(i);
    }
    Arrays.fill(out, sizes.size(), out.length, 1);
    for (int i = out.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** {@code total} split in proportion to {@code shares} by largest remainder; exact sum. */
  static int[] apportion(int total, double[] shares) {
    double sum = 0;
    for (double s : shares) {
      sum += s;
    }
    int[] out = new int[shares.length];
    if (sum <= 0) {
      return out;
    }
    double[] rem = new double[shares.length];
    int given = 0;
    for (int i = 0; i < shares.length; i++) {
      double exact = total * shares[i] / sum;
      out[i] = (int) Math.floor(exact);
      rem[i] = exact - out[i];
      given += out[i];
    }
    while (given < total) {
      int best = -1;
      for (int i = 0; i < shares.length; i++) {
        if (shares[i] > 0 && (best < 0 || rem[i] > rem[best])) {
          best = i;
        }
      }
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }
}
