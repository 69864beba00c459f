package org.caseload.core.model;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseload.core.validation.Problems;

/**
 * One child's case: what it is, which service it belongs to, and every worker who has held it.
 *
 * <p>The current worker is the last {@link Allocation} if it has no end. A case with no current
 * allocation is <em>unallocated</em> (waiting since its last allocation ended, or since it was
 * opened). Every change of worker is a transfer; the history keeps them all, including spells
 * with workers who have since left.
 *
 * @param id unique among cases; not blank
 * @param serviceId the service responsible for the case
 * @param category the stage of the pathway
 * @param complexity how demanding the case is for its category
 * @param familyId the family, for keeping siblings with one worker; null for a child alone
 * @param locality the area the child lives in, matched against teams' localities; null if not known
 * @param court whether the case is in court (care) proceedings
 * @param opened the day the case was opened
 * @param closed the day it was closed, or null while open; not before {@code opened}
 * @param history the allocations in order: non-overlapping, none before {@code opened}, only the
 *     last without an end, and none open on a closed case
 * @param jointWorkerId a qualified worker holding the case jointly with its holder (as a newly
 *     qualified worker must for child protection and court cases), or null
 */
public record Case(String id, String serviceId, CaseCategory category, Complexity complexity,
    String familyId, String locality, boolean court, LocalDate opened, LocalDate closed, List<Allocation> history,
    String jointWorkerId) {

  public Case {
    history = history == null ? ImmutableList.of() : ImmutableList.copyOf(history);
    Problems problems = new Problems();
    problems.requiredText(id, "id");
    problems.requiredText(serviceId, "service");
    problems.required(category, "category");
    problems.required(complexity, "complexity");
    if (familyId != null && familyId.isBlank()) {
      problems.error("family", "must not be blank (leave it out for a child alone)");
    }
    if (locality != null && locality.isBlank()) {
      problems.error("locality", "must not be blank (leave it out when not known)");
    }
    if (problems.required(opened, "opened") && closed != null && closed.isBefore(opened)) {
      problems.error("closed", "must not be before opened (" + opened + ") but was " + closed);
    }
    LocalDate previousEnd = opened;
    for (int i = 0; i < history.size(); i++) {
      Allocation a = history.get(i);
      String path = "history[" + i + "]";
      if (previousEnd != null && a.from().isBefore(previousEnd)) {
        problems.error(path + ".from", "must not be before " + (i == 0 ? "opened" : "the end of history["
            + (i - 1) + "]") + " (" + previousEnd + ") but was " + a.from());
      }
      if (a.until() == null && i < history.size() - 1) {
        problems.error(path + ".until", "is required: only the last allocation may be current");
      }
      previousEnd = a.until() == null ? a.from() : a.until();
    }
    if (closed != null && !history.isEmpty()) {
      Allocation last = history.get(history.size() - 1);
      if (last.isCurrent()) {
        problems.error("history[" + (history.size() - 1) + "].until",
            "is required: the case closed on " + closed);
      } else if (last.until().isAfter(closed)) {
        problems.error("history[" + (history.size() - 1) + "].until",
            "must not be after closed (" + closed + ") but was " + last.until());
      }
    }
    if (jointWorkerId != null) {
      if (closed != null) {
        problems.error("jointWorker", "must be left out of a closed case (closed " + closed + ") but was \""
            + jointWorkerId + "\"");
      } else if (jointWorkerId.isBlank()) {
        problems.error("jointWorker", "must not be blank (leave it out when the case is not held jointly)");
      } else if (!history.isEmpty() && jointWorkerId.equals(history.get(history.size() - 1).workerId())
          && history.get(history.size() - 1).isCurrent()) {
        problems.error("jointWorker", "must differ from the case's holder but was \"" + jointWorkerId + "\"");
      }
    }
    problems.throwIfErrors("case");
  }

  /** A new, open, unallocated case of standard complexity with no family. */
  public static Case open(String id, String serviceId, CaseCategory category, LocalDate opened) {
    return new Case(id, serviceId, category, Complexity.STANDARD, null, null, false, opened, null, List.of(), null);
  }

  /** The worker holding the case now, or null when it is unallocated or closed. */
  public String workerId() {
    if (history.isEmpty()) {
      return null;
    }
    Allocation last = history.get(history.size() - 1);
    return last.isCurrent() ? last.workerId() : null;
  }

  /** True until the case is closed. */
  public boolean isOpen() {
    return closed == null;
  }

  /** True when the case is open and a worker holds it. */
  public boolean isAllocated() {
    return workerId() != null;
  }

  /** True when the case is open and no worker holds it. */
  public boolean isUnallocated() {
    return isOpen() && workerId() == null;
  }

  /**
   * The day since which an open case has waited for a worker (the end of its last allocation,
   * or the day it opened), or null if it is allocated or closed.
   */
  public LocalDate unallocatedSince() {
    if (!isUnallocated()) {
      return null;
    }
    return history.isEmpty() ? opened : history.get(history.size() - 1).until();
  }

  /** Number of changes of worker: consecutive allocations to different workers. */
  public int transfers() {
    int n = 0;
    for (int i = 1; i < history.size(); i++) {
      if (!history.get(i).workerId().equals(history.get(i - 1).workerId())) {
        n++;
      }
    }
    return n;
  }

  /** Number of different workers who have held the case. */
  public int distinctWorkers() {
    Set<String> seen = new HashSet<>();
    for (Allocation a : history) {
      seen.add(a.workerId());
    }
    return seen.size();
  }

  /**
   * This case held by {@code newWorkerId} from {@code on}: the current allocation, if any, ends on
   * that day. If the worker already holds it, the case is returned unchanged. The joint worker is
   * dropped if they become the holder.
   */
  public Case allocatedTo(String newWorkerId, LocalDate on) {
    if (!isOpen()) {
      throw new IllegalStateException("case " + id + " closed on " + closed + " and cannot be allocated");
    }
    if (newWorkerId.equals(workerId())) {
      return this;
    }
    ImmutableList.Builder<Allocation> h = ImmutableList.builderWithExpectedSize(history.size() + 1);
    h.addAll(endedHistory(on));
    h.add(new Allocation(newWorkerId, on, null));
    String joint = newWorkerId.equals(jointWorkerId) ? null : jointWorkerId;
    return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, closed, h.build(), joint);
  }

  /** This case with no worker from {@code on} (unchanged if already unallocated). */
  public Case unallocatedOn(LocalDate on) {
    if (workerId() == null) {
      return this;
    }
    return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, closed, endedHistory(on),
        jointWorkerId);
  }

  /** This case closed on {@code on}; its current allocation ends that day and the joint worker is dropped. */
  public Case closedOn(LocalDate on) {
    if (!isOpen()) {
      throw new IllegalStateException("case " + id + " is already closed (on " + closed + ")");
    }
    return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, on, endedHistory(on), null);
  }

  /** This case with another joint worker (null for none). */
  public Case withJointWorker(String newJointWorkerId) {
    return new Case(id, serviceId, category, complexity, familyId, locality, court, opened, closed, history,
        newJointWorkerId);
  }

  /** This case moved to another stage of the pathway and service, keeping its worker. */
  public Case inCategory(CaseCategory newCategory, String newServiceId) {
    return new Case(id, newServiceId, newCategory, complexity, familyId, locality, court, opened, closed, history,
        jointWorkerId);
  }

  private List<Allocation> endedHistory(LocalDate on) {
    if (history.isEmpty() || !history.get(history.size() - 1).isCurrent()) {
      if (on.isBefore(opened) || (!history.isEmpty() && on.isBefore(history.get(history.size() - 1).until()))) {
        throw new IllegalArgumentException("case " + id + " cannot change on " + on + ": its history already runs to "
            + (history.isEmpty() ? opened : history.get(history.size() - 1).until()));
      }
      return history;
    }
    Allocation current = history.get(history.size() - 1);
    if (on.isBefore(current.from())) {
      throw new IllegalArgumentException("case " + id + " cannot change on " + on + ": its current allocation to "
          + current.workerId() + " began on " + current.from());
    }
    ImmutableList.Builder<Allocation> h = ImmutableList.builderWithExpectedSize(history.size());
    h.addAll(history.subList(0, history.size() - 1));
    h.add(history.get(history.size() - 1).endedOn(on));
    return h.build();
  }

  @Override
  public String toString() {
    String holder = !isOpen() ? "closed " + closed : isAllocated() ? "worker=" + workerId()
        : "unallocated since " + unallocatedSince();
    return "Case[" + id + " " + category.label() + " " + complexity.label()
        + (court ? " court" : "") + (familyId == null ? "" : " family=" + familyId)
        + (locality == null ? "" : " locality=" + locality)
        + ", service=" + serviceId + ", " + holder
        + (jointWorkerId == null ? "" : ", joint=" + jointWorkerId)
        + (transfers() == 0 ? "" : ", " + transfers() + (transfers() == 1 ? " transfer" : " transfers")) + "]";
  }
}
