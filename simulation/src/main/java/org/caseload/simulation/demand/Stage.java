package org.caseload.simulation.demand;

import java.util.List;
import java.util.random.RandomGenerator;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.validation.Problems;

/**
 * One stage of the pathway: which service holds a case at this stage, how long it stays, and
 * where it goes next.
 *
 * @param category the stage
 * @param serviceId the service that holds cases at this stage
 * @param duration time spent at this stage, weeks
 * @param exits where cases go when the stage ends; probabilities sum to 1 (within 0.001)
 * @param startsOnAllocation whether the stage's time only starts when a worker takes the case
 *     (work that cannot progress without a worker, such as an assessment); otherwise it runs from
 *     the day the case enters the stage, worker or not (a plan's length)
 */
public record Stage(CaseCategory category, String serviceId, DurationDistribution duration, List<Exit> exits,
    boolean startsOnAllocation) {

  /**
   * A way out of a stage.
   *
   * @param next the next stage, or null when the case closes
   * @param probability the share of cases leaving this way, in [0, 1]
   */
  public record Exit(CaseCategory next, double probability) {
    public Exit {
      Problems p = new Problems();
      p.check(probability >= 0 && probability <= 1, "probability", "must be in [0, 1] but was " + probability);
      p.throwIfErrors("exit");
    }

    /** The case closes with this probability. */
    public static Exit close(double probability) {
      return new Exit(null, probability);
    }

    /** The case moves to {@code next} with this probability. */
    public static Exit to(CaseCategory next, double probability) {
      return new Exit(next, probability);
    }
  }

  public Stage {
    Problems p = new Problems();
    p.required(category, "category");
    p.requiredText(serviceId, "service");
    p.required(duration, "duration");
    if (p.required(exits, "exits")) {
      double sum = exits.stream().mapToDouble(Exit::probability).sum();
      Shares.checkSumToOne(p, "exits", "probabilities", sum);
      for (int i = 0; i < exits.size(); i++) {
        if (category != null && category == exits.get(i).next()) {
          p.error("exits[" + i + "].next", "must differ from the stage itself (" + category.name().toLowerCase()
              + "): a longer stay is a longer duration");
        }
      }
    }
    p.throwIfErrors("stage");
    exits = List.copyOf(exits);
  }

  /** A stage whose time runs from the day a case enters it, worker or not. */
  public static Stage of(CaseCategory category, String serviceId, DurationDistribution duration, List<Exit> exits) {
    return new Stage(category, serviceId, duration, exits, false);
  }

  /** Where a case goes when this stage ends: the next stage, or null when it closes. */
  public CaseCategory next(RandomGenerator rng) {
    // Indexed loops: this runs at every stage end, and an iterator per call is measurable there.
    double u = rng.nextDouble();
    double total = 0;
    int n = exits.size();
    for (int i = 0; i < n; i++) {
      total += exits.get(i).probability();
    }
    u *= total;
    for (int i = 0; i < n; i++) {
      Exit e = exits.get(i);
      if (u < e.probability()) {
        return e.next();
      }
      u -= e.probability();
    }
    return exits.get(n - 1).next();
  }
}
