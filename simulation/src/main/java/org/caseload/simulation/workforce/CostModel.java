package org.caseload.simulation.workforce;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import org.caseload.core.model.Contract;
import org.caseload.core.model.Role;
import org.caseload.core.validation.Problems;

/**
 * What a worker costs, in pounds per FTE per week, by contract and role: salary and on-costs for
 * employed staff, the invoiced rate for agency staff.
 *
 * <p>The defaults: Sheffield City Council paid about £350 a day per social worker for a managed
 * agency team in 2021-22, "double" the cost of an employed social worker (so about £175 a day
 * employed, salary and on-costs). A year of 227 working days (260 weekdays less 25 days' leave and
 * 8 bank holidays) gives £764 a week per FTE employed and £1,528 agency. The same for every role:
 * no published figures by role were found (an assumption); London's 2016 agency price caps ran
 * from £25 an hour (under 2 years after qualifying) to £35 (senior), so a user may well set lower
 * rates for newly qualified staff.
 *
 * @param perFtePerWeek pounds per FTE per week, for every contract and role; at least 0
 */
public record CostModel(Map<Contract, Map<Role, Double>> perFtePerWeek) {
  /** Working days in a full-time year: 260 weekdays, less 25 days' leave and 8 bank holidays. */
  public static final double WORKING_DAYS_PER_YEAR = 227;
  /** Employed social worker, salary and on-costs, pounds a day (half the agency rate: Sheffield 2021-22). */
  public static final double EMPLOYED_PER_DAY = 175;
  /** Managed-team agency social worker, pounds a day (Sheffield 2021-22). */
  public static final double AGENCY_PER_DAY = 350;

  public CostModel {
    Problems p = new Problems();
    if (p.required(perFtePerWeek, "perFtePerWeek")) {
      for (Contract c : Contract.values()) {
        for (Role r : Role.values()) {
          Map<Role, Double> m = perFtePerWeek.get(c);
          Double v = m == null ? null : m.get(r);
          String path = "perFtePerWeek." + c.name().toLowerCase() + "." + r.name().toLowerCase();
          if (v == null) {
            p.error(path, "is required");
          } else if (!(Double.isFinite(v) && v >= 0)) {
            p.error(path, "must be pounds per FTE per week, at least 0, but was " + v);
          }
        }
      }
    }
    p.throwIfErrors("cost model");
    EnumMap<Contract, Map<Role, Double>> copy = new EnumMap<>(Contract.class);
    perFtePerWeek.forEach((c, m) -> copy.put(c, ImmutableMap.copyOf(new EnumMap<>(m))));
    perFtePerWeek = ImmutableMap.copyOf(copy);
  }

  /** The documented defaults (see the class documentation). */
  public static CostModel defaults() {
    Map<Role, Double> employed = new EnumMap<>(Role.class);
    Map<Role, Double> agency = new EnumMap<>(Role.class);
    for (Role r : Role.values()) {
      employed.put(r, EMPLOYED_PER_DAY * WORKING_DAYS_PER_YEAR / 52);
      agency.put(r, AGENCY_PER_DAY * WORKING_DAYS_PER_YEAR / 52);
    }
    return new CostModel(Map.of(Contract.PERMANENT, employed, Contract.AGENCY, agency));
  }

  /** Pounds per week for a worker of this contract and role at this FTE. */
  public double perWeek(Contract contract, Role role, double fte) {
    return perFtePerWeek.get(contract).get(role) * fte;
  }
}
