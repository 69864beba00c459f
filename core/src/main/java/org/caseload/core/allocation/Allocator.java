package org.caseload.core.allocation;

/**
 * Places cases on workers without breaking a hard rule: capacity, role protections, the case's
 * service (or a service the policy lets cover it), siblings with one worker. A case that has no
 * legal home is left unallocated with a reason. Implementations are stateless and thread-safe,
 * and give the same plan for the same request.
 */
public interface Allocator {

  /** The plan for {@code request}; it does not change the organisation (see {@link AllocationPlan#apply}). */
  AllocationPlan allocate(AllocationRequest request);

  /** The name a scenario file uses for this strategy, for example {@code "greedy"}. */
  String name();
}
