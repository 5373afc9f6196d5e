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
 * @param evidence the findings, each with its points, strongest first
 * @param representative a stack of the group
 * @param creators the {@code go} statements that created them, most first (debug=2 only)
 */
public record Suspect(String site, StateClass stateClass, long count, double share, double score,
    List<Evidence> evidence, Stack representative, List<Group.Creator> creators) {
  /** What a finding is about; a front end may weigh or show the kinds differently. */
  public enum Kind {
    /** The group grew between snapshots (with its rate when the snapshots' times are known). */
    GROWTH,
    /** The group never shrank over three or more snapshots. */
    STEADY_GROWTH,
    /**
     * The runtime proved the goroutines can never run again: a {@code goroutineleak} profile, or
     * goroutines marked {@code (leaked)} (Go 1.26+).
     */
    PROVEN_LEAK,
    /** Nothing can wake them: a nil channel, {@code select {}}. */
    BLOCKED_FOREVER,
    /** How long they have waited (debug=2). Age alone never makes a suspect. */
    WAITING,
    /** How many there are, relative to the process. */
    SIZE,
    /**
     * A pattern of healthy programs (a listener in {@code Accept}, idle connections, the main
     * goroutine parked for good, a runtime or standard-library background goroutine): negative
     * points.
     */
    IDLE_PATTERN
  }

  /**
   * One finding and what it adds to the score.
   *
   * @param kind what the finding is about
   * @param points what it adds; negative for an {@link Kind#IDLE_PATTERN}
   * @param reason what was found, as a sentence: {@code grew 40 -> 120 (+80) over 2 snapshots}
   */
  public record Evidence(Kind kind, double points, String reason) {
    /**
     * Checks the kind and the reason.
     *
     * @param kind what the finding is about
     * @param points what it adds
     * @param reason what was found
     */
    public Evidence {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }

    /** The reason with its points, as the text report prints it: {@code reason (+40.0)}. */
    @Override
    public String toString() {
      return reason + " (" + String.format(java.util.Locale.ROOT, "%+.1f", points) + ")";
    }
  }

  /**
   * Copies the evidence.
   *
   * @param site the blocking site, {@code function file:line}
   * @param stateClass the most common state class of the group in the latest snapshot
   * @param count goroutines at the site in the latest snapshot
   * @param share {@code count} as a fraction of the latest total
   * @param score the sum of the evidence's points; higher is more suspicious
   * @param evidence the findings, each with its points, strongest first
   * @param representative a stack of the group
   * @param creators the {@code go} statements that created them, most first (debug=2 only)
   */
  public Suspect {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(stateClass, "stateClass");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(representative, "representative");
    creators = List.copyOf(creators);
  }
}
