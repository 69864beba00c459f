package org.caseload.core.allocation;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a case was left unallocated.
 *
 * @param reason the kind of reason
 * @param shortfall for capacity reasons, how many weighted cases short the best eligible worker
 *     was (the case's or group's weight minus that worker's free capacity); 0 otherwise
 * @param detail a sentence for people, naming the service, protection or workers concerned
 */
public record Unallocated(Reason reason, double shortfall, String detail) {

  /** The kinds of reason a case is left unallocated. */
  public enum Reason {
    /** No team of the case's service (or covering it) has any worker. */
    NO_WORKER_IN_SERVICE,
    /** The service has workers, but a role protection excludes every one of them. */
    EXCLUDED_BY_ROLE_PROTECTION,
    /** Siblings must go together, but no worker may hold every one of them. */
    NO_WORKER_FOR_WHOLE_SIBLING_GROUP,
    /** The siblings' existing worker may not, or cannot, take this child. */
    SIBLINGS_WORKER_CANNOT_TAKE,
    /** Every eligible worker is full: the case is heavier than the largest free capacity. */
    EVERY_ELIGIBLE_WORKER_FULL,
    /** Each sibling alone would fit some worker, but the group together fits none. */
    SIBLING_GROUP_TOO_HEAVY,
    /** An eligible worker had room, but the allocator's search stopped before using it. */
    SEARCH_LIMIT;

    /** Lower-case words, for tables. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public Unallocated {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return reason.label() + (shortfall > 0 ? String.format(Locale.ROOT, " (%.2f weighted cases short)", shortfall) : "")
        + ": " + detail;
  }
}
