package org.caseload.core.allocation;

import java.util.Locale;

/**
 * A plan's cost, term by term (see {@link AllocationPolicy}); lower is better.
 *
 * @param unallocated cost of the cases left unallocated
 * @param transfers cost of the cases moved from their worker
 * @param continuity the continuity bonus earned, as a cost of 0 or less
 * @param balance balance weight × Σ (load² − load before²) ÷ capacity over workers, with load
 *     before being the load of the cases not in the request
 * @param locality cost of cases placed outside their locality
 */
public record Objective(double unallocated, double transfers, double continuity, double balance,
    double locality) {

  /** The sum of the terms. */
  public double total() {
    return unallocated + transfers + continuity + balance + locality;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.3f = unallocated %.0f + transfers %.0f + continuity %.0f + balance %.3f"
        + " + locality %.1f", total(), unallocated, transfers, continuity, balance, locality);
  }
}
