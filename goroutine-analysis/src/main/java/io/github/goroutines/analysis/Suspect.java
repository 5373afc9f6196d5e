package io.github.goroutines.analysis;

import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import java.util.List;
import java.util.Objects;

/**
 * A group of goroutines that may be leaking, with the score and the evidence behind it.
 *
 * @param site the blocking site, {@code function file:line}
 * @param stateClass the most common state class of the group in the latest snapshot
 * @param count goroutines at the site in the latest snapshot
 * @param share {@code count} as a fraction of the latest total
 * @param score the sum of the evidence's points; higher is more suspicious
 * @param evidence one sentence per finding, each with its points, strongest first
 * @param representative a stack of the group
 */
public record Suspect(String site, StateClass stateClass, long count, double share, double score,
    List<String> evidence, Stack representative) {
  /**
   * Copies the evidence.
   *
   * @param site the blocking site, {@code function file:line}
   * @param stateClass the most common state class of the group in the latest snapshot
   * @param count goroutines at the site in the latest snapshot
   * @param share {@code count} as a fraction of the latest total
   * @param score the sum of the evidence's points; higher is more suspicious
   * @param evidence one sentence per finding, each with its points, strongest first
   * @param representative a stack of the group
   */
  public Suspect {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(stateClass, "stateClass");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(representative, "representative");
  }
}
