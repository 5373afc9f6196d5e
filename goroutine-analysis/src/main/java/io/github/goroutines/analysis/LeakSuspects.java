package io.github.goroutines.analysis;

import io.github.goroutines.analysis.Suspect.Evidence;
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
 * of points, each with a sentence of evidence:
 *
 * <table>
 *   <caption>Points</caption>
 *   <tr><td>growth across snapshots</td><td>{@code 8 * log2(1 + delta)}, at most 40; +5 when it
 *       never shrank over three or more snapshots</td></tr>
 *   <tr><td>wait minutes (debug=2)</td><td>{@code 5 * log2(1 + median minutes)}, at most 30</td></tr>
 *   <tr><td>nothing can wake them (nil channel, {@code select {}})</td><td>25</td></tr>
 *   <tr><td>marked {@code (leaked)} by Go's leak detector (1.26+)</td><td>30</td></tr>
 *   <tr><td>size</td><td>{@code 8 * log10(count)}</td></tr>
 * </table>
 *
 * A site is a suspect when its goroutines are blocked (not running, runnable or in a system call)
 * and its score reaches {@value #THRESHOLD}. Sites are those of {@link Grouping#firstUserFrame()}.
 *
 * <pre>{@code
 * List<Suspect> s = LeakSuspects.of(List.of(firstSnapshot, laterSnapshot));
 * s.get(0).evidence().get(0).reason();  // grew 40 -> 120 (+80) over 2 snapshots
 * }</pre>
 */
public final class LeakSuspects {
  /** The least score of a suspect. */
  public static final double THRESHOLD = 20;

  private LeakSuspects() {}

  /**
   * Finds the suspects.
   *
   * @param snapshots one or more profiles of one process, oldest first
   * @return the suspects, highest score first (ties: larger count, then site)
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static List<Suspect> of(List<Profile> snapshots) {
    Objects.requireNonNull(snapshots, "snapshots");
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("no snapshot");
    }
    Profile latest = snapshots.get(snapshots.size() - 1);
    Diff diff = snapshots.size() > 1 ? Diff.of(snapshots, Grouping.firstUserFrame()) : null;
    List<Suspect> suspects = new ArrayList<>();
    for (Group g : Groups.of(latest, Grouping.firstUserFrame()).list()) {
      StateClass state = dominantState(g);
      if (!state.isBlocked() || g.count() <= 0) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>();
      if (diff != null) {
        diff.get(g.key()).ifPresent(row -> growth(row, evidence));
      }
      g.medianWaitMinutes().ifPresent(m -> {
        if (m > 0) {
          evidence.add(new Evidence(Math.min(30, 5 * log2(1 + m)),
              "waiting " + m + " minutes (median; min " + g.minWaitMinutes().getAsLong() + ", max "
                  + g.maxWaitMinutes().getAsLong() + ")"));
        }
      });
      long forever = g.samples().stream().filter(Sample::blockedForever).mapToLong(Sample::count).sum();
      if (forever > 0) {
        evidence.add(new Evidence(25, forever + " blocked forever: nothing can wake them ("
            + foreverState(g) + ")"));
      }
      long leaked = g.goroutines().stream().filter(Goroutine::leaked).count();
      if (leaked > 0) {
        evidence.add(new Evidence(30, leaked + " marked (leaked) by Go's leak detector"));
      }
      if (g.count() > 1) {
        evidence.add(new Evidence(8 * Math.log10(g.count()), g.count() + " goroutines ("
            + percent(g.share()) + " of " + latest.totalCount() + ") in state " + state));
      }
      double score = evidence.stream().mapToDouble(Evidence::points).sum();
      if (score >= THRESHOLD) {
        evidence.sort(Comparator.comparingDouble(Evidence::points).reversed());
        suspects.add(new Suspect(g.key(), state, g.count(), g.share(), round(score),
            evidence, g.representative()));
      }
    }
    suspects.sort(Comparator.comparingDouble(Suspect::score).reversed()
        .thenComparing(Comparator.comparingLong(Suspect::count).reversed())
        .thenComparing(Suspect::site));
    return List.copyOf(suspects);
  }

  private static void growth(Diff.Row row, List<Evidence> evidence) {
    if (row.delta() <= 0) {
      return;
    }
    evidence.add(new Evidence(Math.min(40, 8 * log2(1 + row.delta())),
        "grew " + TextReports.series(row.counts()) + " (+" + row.delta() + ") over " + row.counts().size() + " snapshots"));
    if (row.counts().size() >= 3 && row.growsSteadily()) {
      evidence.add(new Evidence(5, "never shrank between snapshots"));
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
