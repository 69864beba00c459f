package org.caseload.core.allocation;

import java.util.List;
import org.caseload.core.validation.InvalidInputException;
import org.caseload.core.validation.Problem;
import org.caseload.core.validation.Suggestions;

/** The allocators by the names scenario files use. */
public final class Allocators {
  /** The names, in order: {@code greedy}, {@code optimising}. */
  public static final List<String> NAMES = List.of(GreedyAllocator.NAME, OptimisingAllocator.NAME);

  private Allocators() {}

  /**
   * The allocator called {@code name}, with its default settings.
   *
   * @throws InvalidInputException naming the known allocators (and the closest) if there is none
   */
  public static Allocator named(String name) {
    if (GreedyAllocator.NAME.equals(name)) {
      return new GreedyAllocator();
    }
    if (OptimisingAllocator.NAME.equals(name)) {
      return new OptimisingAllocator();
    }
    throw new InvalidInputException("allocator", List.of(Problem.error("allocator", "must be one of "
        + String.join(", ", NAMES) + " but was \"" + name + "\"" + Suggestions.didYouMean(String.valueOf(name), NAMES))));
  }
}
