package org.caseload.core.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What is left when workers leave (one worker, or a whole team that is dissolved): the new
 * organisation, who left, and the cases they held, now open and unallocated in the new
 * organisation. No case is lost: each case the leavers held is in {@link #unallocatedCases()}.
 *
 * @param organisation the organisation after the departure
 * @param leavers the workers who left, as they were
 * @param unallocatedCases the leavers' open cases, as they now stand in {@code organisation}
 */
public record Departure(Organisation organisation, List<Worker> leavers, List<Case> unallocatedCases) {

  public Departure {
    leavers = ImmutableList.copyOf(leavers);
    unallocatedCases = ImmutableList.copyOf(unallocatedCases);
  }

  @Override
  public String toString() {
    return "Departure[" + leavers.size() + (leavers.size() == 1 ? " worker" : " workers") + " left, "
        + unallocatedCases.size() + (unallocatedCases.size() == 1 ? " case" : " cases") + " unallocated]";
  }
}
