package org.caseload.core.allocation;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.caseload.core.model.Case;
import org.caseload.core.model.Departure;
import org.caseload.core.model.Organisation;
import org.caseload.core.validation.Problems;

/**
 * Cases to place and where they stand. The cases named may be unallocated (new referrals, the
 * cases of a worker who left or of a dissolved team) or allocated (when re-balancing: each may
 * stay with its worker, or move at a transfer's cost). Every other open case stays where it is,
 * and its load counts against its worker's capacity.
 *
 * @param organisation the organisation as it stands; every case named is open in it
 * @param caseIds the cases to place, each once
 * @param on the day the allocation takes effect (new allocations start, moved ones end, on it)
 * @param policy the costs and cover rules
 */
public record AllocationRequest(Organisation organisation, List<String> caseIds, LocalDate on,
    AllocationPolicy policy) {

  public AllocationRequest {
    Problems p = new Problems();
    p.required(organisation, "organisation");
    p.required(caseIds, "caseIds");
    p.required(on, "on");
    p.required(policy, "policy");
    p.throwIfErrors("allocation request");
    caseIds = ImmutableList.copyOf(caseIds);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < caseIds.size(); i++) {
      String id = caseIds.get(i);
      String path = "caseIds[" + i + "]";
      if (!seen.add(id)) {
        p.error(path, "\"" + id + "\" is named twice");
        continue;
      }
      var c = organisation.findCase(id);
      if (c.isEmpty()) {
        p.error(path, "refers to unknown case \"" + id + "\"");
      } else if (!c.get().isOpen()) {
        p.error(path, "\"" + id + "\" is closed (on " + c.get().closed() + ") and cannot be allocated");
      }
    }
    p.throwIfErrors("allocation request");
  }

  /** Places every open unallocated case of the organisation, with the default policy. */
  public static AllocationRequest unallocated(Organisation organisation, LocalDate on) {
    return unallocated(organisation, on, AllocationPolicy.defaults());
  }

  /** Places every open unallocated case of the organisation. */
  public static AllocationRequest unallocated(Organisation organisation, LocalDate on, AllocationPolicy policy) {
    return new AllocationRequest(organisation, ids(organisation.unallocatedCases()), on, policy);
  }

  /** Places the cases that a departure left unallocated, and nothing else. */
  public static AllocationRequest after(Departure departure, LocalDate on, AllocationPolicy policy) {
    return new AllocationRequest(departure.organisation(), ids(departure.unallocatedCases()), on, policy);
  }

  /** Re-balances: every open case may move (at a transfer's cost) or be placed. */
  public static AllocationRequest rebalance(Organisation organisation, LocalDate on, AllocationPolicy policy) {
    return new AllocationRequest(organisation, ids(organisation.openCases()), on, policy);
  }

  /**
   * New referrals: opens {@code referrals} in the organisation (in one step) and asks to place
   * them. Each must be open, unallocated and have a new id.
   */
  public static AllocationRequest intake(Organisation organisation, Collection<Case> referrals, LocalDate on,
      AllocationPolicy policy) {
    Problems p = new Problems();
    int i = 0;
    for (Case c : referrals) {
      if (organisation.findCase(c.id()).isPresent()) {
        p.error("referrals[" + i + "].id", "\"" + c.id() + "\" is already a case of the organisation");
      }
      if (!c.isUnallocated()) {
        p.error("referrals[" + i + "]", "must be open and unallocated but was " + c);
      }
      i++;
    }
    p.throwIfErrors("intake");
    return new AllocationRequest(organisation.withCases(referrals), ids(referrals), on, policy);
  }

  private static List<String> ids(Collection<Case> cases) {
    return cases.stream().map(Case::id).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return "AllocationRequest[" + caseIds.size() + " cases of " + organisation.name() + " on " + on + "]";
  }
}
