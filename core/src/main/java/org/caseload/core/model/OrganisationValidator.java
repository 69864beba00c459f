package org.caseload.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.validation.Problems;
import org.caseload.core.validation.Suggestions;

/**
 * The rules that span records: unique ids, references between services, teams, workers and
 * cases, dates against the snapshot date, sibling groups and spans of control. Field rules of
 * single records live in the records' constructors. Paths are those of an organisation file
 * (workers nested in their team, in order).
 */
final class OrganisationValidator {
  private OrganisationValidator() {}

  static Problems check(String name, LocalDate asOf, CapacityPolicy policy, List<Service> services,
      List<Team> teams, List<Worker> workers, List<Case> cases) {
    Problems p = new Problems();
    p.requiredText(name, "name");
    p.required(asOf, "asOf");
    p.required(policy, "capacityPolicy");

    Map<String, Integer> serviceIndex = new LinkedHashMap<>();
    for (int i = 0; i < services.size(); i++) {
      Integer first = serviceIndex.putIfAbsent(services.get(i).id(), i);
      if (first != null) {
        p.error("services[" + i + "].id", "\"" + services.get(i).id() + "\" is already used by services[" + first + "]");
      }
    }
    Map<String, Integer> teamIndex = new LinkedHashMap<>();
    for (int i = 0; i < teams.size(); i++) {
      Team t = teams.get(i);
      Integer first = teamIndex.putIfAbsent(t.id(), i);
      if (first != null) {
        p.error("teams[" + i + "].id", "\"" + t.id() + "\" is already used by teams[" + first + "]");
      }
      if (!serviceIndex.containsKey(t.serviceId())) {
        p.error("teams[" + i + "].service", unknown("service", t.serviceId(), serviceIndex.keySet()));
      }
    }

    String[] workerPaths = workerPaths(teams, teamIndex, workers);
    Map<String, Integer> workerIndex = new LinkedHashMap<>();
    int[] headcount = new int[teams.size()];
    for (int i = 0; i < workers.size(); i++) {
      Worker w = workers.get(i);
      Integer first = workerIndex.putIfAbsent(w.id(), i);
      if (first != null) {
        p.error(workerPaths[i] + ".id", "\"" + w.id() + "\" is already used by " + workerPaths[first]);
      }
      Integer team = teamIndex.get(w.teamId());
      if (team == null) {
        p.error(workerPaths[i] + ".team", unknown("team", w.teamId(), teamIndex.keySet()));
      } else {
        headcount[team]++;
      }
      if (asOf != null && w.start().isAfter(asOf)) {
        p.warning(workerPaths[i] + ".start", "is after the snapshot date asOf (" + asOf + ") but was " + w.start());
      }
    }
    for (int i = 0; i < teams.size(); i++) {
      Team t = teams.get(i);
      if (t.spanOfControl() > 0 && headcount[i] > t.spanOfControl()) {
        p.warning("teams[" + i + "].workers", "has " + headcount[i] + " workers, more than the manager's span of control ("
            + t.spanOfControl() + ")");
      }
    }

    Map<String, Integer> caseIndex = new HashMap<>();
    Map<String, Map<String, List<String>>> families = new LinkedHashMap<>();
    Map<String, Integer> familyFirstCase = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String path = "cases[" + i + "]";
      Integer first = caseIndex.putIfAbsent(c.id(), i);
      if (first != null) {
        p.error(path + ".id", "\"" + c.id() + "\" is already used by cases[" + first + "]");
      }
      if (!serviceIndex.containsKey(c.serviceId())) {
        p.error(path + ".service", unknown("service", c.serviceId(), serviceIndex.keySet()));
      }
      if (asOf != null && c.opened().isAfter(asOf)) {
        p.warning(path + ".opened", "is after the snapshot date asOf (" + asOf + ") but was " + c.opened());
      }
      if (asOf != null) {
        LocalDate last = c.closed() != null ? c.closed()
            : c.history().isEmpty() ? null : c.history().get(c.history().size() - 1).until() != null
                ? c.history().get(c.history().size() - 1).until() : c.history().get(c.history().size() - 1).from();
        if (last != null && last.isAfter(asOf) && !c.opened().isAfter(asOf)) {
          p.warning(path + (c.closed() != null ? ".closed" : ".history[" + (c.history().size() - 1) + "]"),
              "runs past the snapshot date asOf (" + asOf + ") to " + last);
        }
      }
      String holder = c.workerId();
      if (holder != null) {
        String holderPath = path + ".history[" + (c.history().size() - 1) + "]";
        Integer w = workerIndex.get(holder);
        if (w == null) {
          p.error(holderPath + ".worker", unknown("worker", holder, workerIndex.keySet())
              + " (the current holder must be a worker of the organisation)");
        } else if (c.history().get(c.history().size() - 1).from().isBefore(workers.get(w).start())) {
          p.warning(holderPath + ".from", "is before the worker " + holder + " started (" + workers.get(w).start()
              + ") but was " + c.history().get(c.history().size() - 1).from());
        }
      }
      if (c.jointWorkerId() != null && !workerIndex.containsKey(c.jointWorkerId())) {
        p.error(path + ".jointWorker", unknown("worker", c.jointWorkerId(), workerIndex.keySet()));
      }
      if (c.familyId() != null && holder != null) {
        families.computeIfAbsent(c.familyId(), f -> new LinkedHashMap<>())
            .computeIfAbsent(holder, h -> new ArrayList<>()).add(c.id());
        familyFirstCase.putIfAbsent(c.familyId(), i);
      }
    }
    for (Map.Entry<String, Map<String, List<String>>> family : families.entrySet()) {
      Map<String, List<String>> byWorker = family.getValue();
      if (byWorker.size() > 1) {
        StringBuilder sb = new StringBuilder("\"" + family.getKey() + "\" is split across " + byWorker.size()
            + " workers:");
        byWorker.forEach((worker, ids) -> sb.append(' ').append(worker).append(" (").append(String.join(", ", ids))
            .append("),"));
        sb.setLength(sb.length() - 1);
        sb.append("; siblings are normally allocated to one worker");
        p.warning("cases[" + familyFirstCase.get(family.getKey()) + "].family", sb.toString());
      }
    }
    return p;
  }

  /** File-shaped paths of the workers: {@code teams[i].workers[j]}, j counting within the team. */
  static String[] workerPaths(List<Team> teams, Map<String, Integer> teamIndex, List<Worker> workers) {
    Map<String, Integer> teamCount = new HashMap<>();
    for (Team t : teams) {
      teamCount.merge(t.id(), 1, Integer::sum);
    }
    String[] paths = new String[workers.size()];
    int[] next = new int[teams.size()];
    for (int i = 0; i < workers.size(); i++) {
      Worker w = workers.get(i);
      Integer t = teamIndex.get(w.teamId());
      // A worker of an unknown team, or of a team id used twice, has no unambiguous place in a file.
      paths[i] = t == null || teamCount.get(w.teamId()) > 1 ? "workers[\"" + w.id() + "\"]"
          : "teams[" + t + "].workers[" + next[t]++ + "]";
    }
    return paths;
  }

  static String unknown(String kind, String id, Set<String> known) {
    String hint = Suggestions.didYouMean(id, known);
    if (hint.isEmpty() && known.size() <= 8) {
      hint = known.isEmpty() ? "; there are no " + kind + "s" : "; known: " + String.join(", ", new LinkedHashSet<>(known));
    }
    return "refers to unknown " + kind + " \"" + id + "\"" + hint;
  }
}
