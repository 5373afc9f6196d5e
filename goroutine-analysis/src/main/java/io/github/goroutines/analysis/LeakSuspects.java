package io.github.goroutines.analysis;

import io.github.goroutines.analysis.Suspect.Evidence;
import io.github.goroutines.analysis.Suspect.Kind;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks blocking sites of the latest snapshot by how much they look like a leak. The score is a sum
 * of points, each a typed {@link Evidence} with a sentence:
 *
 * <table>
 *   <caption>Points</caption>
 *   <tr><td>{@link Kind#GROWTH} across snapshots</td><td>{@code 8 * log2(1 + delta)}, at most 40,
 *       with the rate when the snapshots' times are known</td></tr>
 *   <tr><td>{@link Kind#STEADY_GROWTH}: never shrank over three or more snapshots</td><td>5</td></tr>
 *   <tr><td>{@link Kind#PROVEN_LEAK}: a {@code goroutineleak} profile, or goroutines marked
 *       {@code (leaked)} (Go 1.26+)</td><td>50</td></tr>
 *   <tr><td>{@link Kind#BLOCKED_FOREVER}: nothing can wake them (nil channel,
 *       {@code select {}})</td><td>25</td></tr>
 *   <tr><td>{@link Kind#WAITING}: wait minutes (debug=2)</td><td>{@code 5 * log2(1 + median
 *       minutes)}, at most 15, so that age alone never makes a suspect</td></tr>
 *   <tr><td>{@link Kind#SIZE}: count relative to the process</td><td>{@code 25 * share + 4 *
 *       log10(count)}</td></tr>
 *   <tr><td>{@link Kind#IDLE_PATTERN}: a listener in {@code Accept}, connections idle in the
 *       network poller, the main goroutine parked for good, a runtime or standard-library
 *       background goroutine</td><td>-30 (not in a {@code goroutineleak} profile, whose goroutines
 *       are proven)</td></tr>
 * </table>
 *
 * A site is a suspect when its goroutines are blocked (not running, runnable or in a system call)
 * and its score reaches {@value #THRESHOLD}. Sites are those of {@link Grouping#firstUserFrame()}.
 * {@link IgnoreRules} take expected goroutines out first, in every snapshot.
 *
 * <pre>{@code
 * List<Suspect> s = LeakSuspects.of(List.of(firstSnapshot, laterSnapshot));
 * s.get(0).evidence().get(0).reason();  // grew 40 -> 120 (+80) over 2 snapshots in 61 s (+78.7/min)
 * }</pre>
 */
public final class LeakSuspects {
  /** The least score of a suspect. */
  public static final double THRESHOLD = 20;
  /** The profile type whose goroutines the runtime proved leaked (Go 1.26+). */
  static final String LEAK_PROFILE = "goroutineleak";

  private LeakSuspects() {}

  /**
   * Finds the suspects.
   *
   * @param snapshots one or more profiles of one process, oldest first
   * @return the suspects, highest score first (ties: larger count, then site)
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static List<Suspect> of(List<Profile> snapshots) {
    return of(snapshots, IgnoreRules.none());
  }

  /**
   * Finds the suspects among the goroutines the rules do not ignore.
   *
   * @param snapshots one or more profiles of one process, oldest first (in time order when they
   *     all say when they were taken)
   * @param ignore goroutines that are expected
   * @return the suspects, highest score first (ties: larger count, then site)
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static List<Suspect> of(List<Profile> snapshots, IgnoreRules ignore) {
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(ignore, "ignore");
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("no snapshot");
    }
    List<Profile> ordered = HiddenFrames.named(Snapshots.inTimeOrder(snapshots));
    List<Profile> kept = ordered.stream().map(ignore::apply).toList();
    Profile latest = kept.get(kept.size() - 1);
    // shares are of the whole process, ignored goroutines included
    long processTotal = ordered.get(ordered.size() - 1).totalCount();
    boolean proven = latest.type().equals(LEAK_PROFILE);
    Diff diff = kept.size() > 1 ? Diff.of(kept, Grouping.firstUserFrame()) : null;
    List<Suspect> suspects = new ArrayList<>();
    for (Group g : Groups.of(latest, Grouping.firstUserFrame()).list()) {
      StateClass state = dominantState(g);
      if (g.count() <= 0 || !(proven || state.isBlocked())) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>();
      if (diff != null) {
        diff.get(g.key()).ifPresent(row -> growth(diff, row, evidence));
      }
      long leaked = proven ? g.count()
          : g.goroutines().stream().filter(Goroutine::leaked).count();
      if (leaked > 0) {
        evidence.add(new Evidence(Kind.PROVEN_LEAK, 50, proven
            ? "the runtime proved all " + leaked + " can never run again (goroutineleak profile)"
            : leaked + " marked (leaked): the runtime proved they can never run again"));
      }
      long forever = g.samples().stream().filter(Sample::blockedForever).mapToLong(Sample::count).sum();
      if (forever > 0) {
        evidence.add(new Evidence(Kind.BLOCKED_FOREVER, 25, forever
            + " blocked forever: nothing can wake them (" + foreverState(g) + ")"));
      }
      g.medianWaitMinutes().ifPresent(m -> {
        if (m > 0) {
          evidence.add(new Evidence(Kind.WAITING, Math.min(15, 5 * log2(1 + m)),
              "waiting " + m + " minutes (median; min " + g.minWaitMinutes().getAsLong() + ", max "
                  + g.maxWaitMinutes().getAsLong() + ")"));
        }
      });
      double share = processTotal <= 0 ? 0 : (double) g.count() / processTotal;
      if (g.count() > 1) {
        evidence.add(new Evidence(Kind.SIZE, 25 * share + 4 * Math.log10(g.count()),
            g.count() + " goroutines (" + percent(share) + " of " + processTotal
                + ") in state " + state));
      }
      if (!proven) {
        IdlePatterns.of(g, state).ifPresent(why ->
            evidence.add(new Evidence(Kind.IDLE_PATTERN, -30, why)));
      }
      double score = evidence.stream().mapToDouble(Evidence::points).sum();
      if (score >= THRESHOLD) {
        evidence.sort(Comparator.comparingDouble((Evidence e) -> Math.abs(e.points())).reversed());
        suspects.add(new Suspect(g.key(), state, g.count(), share, round(score),
            evidence, g.representative(), g.creators()));
      }
    }
    suspects.sort(Comparator.comparingDouble(Suspect::score).reversed()
        .thenComparing(Comparator.comparingLong(Suspect::count).reversed())
        .thenComparing(Suspect::site));
    return List.copyOf(suspects);
  }

  private static void growth(Diff diff, Diff.Row row, List<Evidence> evidence) {
    if (row.delta() <= 0) {
      return;
    }
    String over = diff.elapsed().map(d -> " in " + Snapshots.duration(d) + " ("
        + Snapshots.rate(row.delta(), d) + ")").orElse("");
    evidence.add(new Evidence(Kind.GROWTH, Math.min(40, 8 * log2(1 + row.delta())),
        "grew " + TextReports.series(row.counts()) + " (+" + row.delta() + ") over "
            + row.counts().size() + " snapshots" + over));
    if (row.counts().size() >= 3 && row.growsSteadily()) {
      evidence.add(new Evidence(Kind.STEADY_GROWTH, 5, "never shrank between snapshots"));
    }
  }

  private static StateClass dominantState(Group g) {
    Map<StateClass, Long> counts = new EnumMap<>(StateClass.class);
    for (Sample s : g.samples()) {
      counts.merge(s.stateClass(), s.count(), Long::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<StateClass, Long>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse(StateClass.OTHER);
  }

  private static String foreverState(Group g) {
    return g.goroutines().stream().filter(Goroutine::blockedForever).map(Goroutine::baseState)
        .findFirst().orElse("select (no cases)");
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }
}
