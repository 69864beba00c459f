package org.caseload.simulation.demand;

import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import org.caseload.core.model.CaseCategory;
import org.caseload.core.validation.Problems;

/**
 * The route of a referral through children's social care. A referral is closed at the front
 * door with probability {@code noFurtherAction} and never becomes a case; otherwise it opens as
 * a case at the {@code entry} stage (usually assessment) and moves from stage to stage by each
 * stage's exits — step-up from child in need to child protection, step-down, child protection
 * to looked after, looked after to care leaver — until it closes. A closed case comes back as
 * a new referral of the same child with probability {@code rereferral}, after a delay drawn
 * from {@code rereferralDelay}.
 *
 * @param noFurtherAction share of referrals closed with no further action, in [0, 1)
 * @param entry the stage a case opens at
 * @param stages the stages, by category; every exit leads to a stage here
 * @param rereferral share of closed cases referred again, in [0, 1)
 * @param rereferralDelay weeks from closing to the new referral
 */
public record Pathway(double noFurtherAction, CaseCategory entry, Map<CaseCategory, Stage> stages,
    double rereferral, DurationDistribution rereferralDelay) {

  public Pathway {
    Problems p = new Problems();
    p.check(noFurtherAction >= 0 && noFurtherAction < 1, "noFurtherAction", "must be in [0, 1) but was " + noFurtherAction);
    p.check(rereferral >= 0 && rereferral < 1, "rereferral", "must be in [0, 1) but was " + rereferral);
    p.required(entry, "entry");
    p.required(rereferralDelay, "rereferralDelay");
    if (p.required(stages, "stages")) {
      if (entry != null && !stages.containsKey(entry)) {
        p.error("entry", "names " + entry.name().toLowerCase() + ", which has no stage");
      }
      for (Map.Entry<CaseCategory, Stage> e : stages.entrySet()) {
        String path = "stages." + e.getKey().name().toLowerCase();
        if (e.getValue().category() != e.getKey()) {
          p.error(path + ".category", "must be " + e.getKey().name().toLowerCase() + " but was "
              + e.getValue().category().name().toLowerCase());
        }
        for (int i = 0; i < e.getValue().exits().size(); i++) {
          CaseCategory next = e.getValue().exits().get(i).next();
          if (next != null && !stages.containsKey(next)) {
            p.error(path + ".exits[" + i + "].next", "leads to " + next.name().toLowerCase() + ", which has no stage");
          }
        }
      }
    }
    p.throwIfErrors("pathway");
    stages = Maps.immutableEnumMap(new EnumMap<>(stages));
  }

  /** The stage of {@code category}. */
  public Stage stage(CaseCategory category) {
    Stage s = stages.get(category);
    if (s == null) {
      throw new IllegalArgumentException("the pathway has no " + category.label() + " stage");
    }
    return s;
  }
}
