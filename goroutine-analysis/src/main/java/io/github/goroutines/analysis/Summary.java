package io.github.goroutines.analysis;

import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The leak report of one process, computed once: the goroutine count of every snapshot, and of the
 * latest one the goroutines by state, the ranked sites where they block, and the leak suspects.
 * {@link TextReports#summary(Summary, int)} and {@link JsonReports#summary(Summary, int)} only
 * render it.
 *
 * <pre>{@code
 * Summary s = Summary.of(List.of(before, after));
 * s.totals();                  // [323, 403]
 * s.sites().top(1).get(0);     // 150 goroutines at main.(*Cache).LoadOrStore …/main.go:49
 * s.suspects().get(0).site();  // main.handleRequest.func1 …/main.go:87
 * }</pre>
 *
 * <p>A {@code debug=1} snapshot hides its records' leading runtime frames (the
 * {@code runtime.chansend} that makes a goroutine a channel sender) but prints their addresses:
 * when a {@code debug=0} snapshot of the same binary is among the snapshots (its symbols agree with
 * every {@code #} line they can check), the summary's copy of the {@code debug=1} snapshot has them
 * named, and its state classes are those of {@code debug=0}. The profiles given are not changed.
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class Summary {
  private final List<Profile> snapshots;
  private final Map<StateClass, Long> byState;
  private final Groups sites;
  private final List<Group> waiters;
  private final List<Suspect> suspects;
  private final IgnoreRules ignore;
  private final long ignoredCount;
  private final boolean reordered;
  private final boolean delta;

  private Summary(List<Profile> given, Grouping grouping, IgnoreRules ignore) {
    List<Profile> ordered = Snapshots.inTimeOrder(given);
    this.reordered = Snapshots.moved(given, ordered);
    this.snapshots = HiddenFrames.named(ordered);
    this.ignore = ignore;
    Profile latest = latest();
    this.ignoredCount = ignore.ignoredCount(latest);
    Map<StateClass, Long> counts = new EnumMap<>(StateClass.class);
    for (Sample s : latest.samples()) {
      counts.merge(s.stateClass(), s.count(), Long::sum);
    }
    Map<StateClass, Long> ranked = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<StateClass, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    this.byState = Collections.unmodifiableMap(ranked);
    this.sites = Groups.of(latest, grouping);
    Groups bySite = grouping.equals(Grouping.firstUserFrame()) ? sites
        : Groups.of(latest, Grouping.firstUserFrame());
    this.waiters = bySite.list().stream()
        .filter(g -> g.samples().stream().anyMatch(x -> x.count() > 0
            && (x.stateClass() == StateClass.WAIT_GROUP || x.stateClass() == StateClass.COND)))
        .toList();
    this.delta = latest.samples().stream().anyMatch(s -> s.count() < 0);
    // a delta profile's counts are differences: ranking them as goroutines would mislead
    this.suspects = delta ? List.of() : LeakSuspects.of(this.snapshots, ignore);
  }

  /**
   * Summarises snapshots with the blocking sites of {@link Grouping#firstUserFrame()}.
   *
   * @param snapshots one or more profiles of one process, oldest first
   * @return the summary
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static Summary of(List<Profile> snapshots) {
    return of(snapshots, Grouping.firstUserFrame());
  }

  /**
   * Summarises snapshots, grouping the latest one's goroutines with {@code grouping} (the suspects
   * are always ranked by blocking site).
   *
   * @param snapshots one or more profiles of one process, oldest first
   * @param grouping how the latest snapshot's goroutines are grouped
   * @return the summary
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static Summary of(List<Profile> snapshots, Grouping grouping) {
    return of(snapshots, grouping, IgnoreRules.none());
  }

  /**
   * Summarises snapshots, leaving the goroutines the rules ignore out of the suspects (the states
   * and sites still show them). Snapshots that all say when they were taken are put in that order.
   *
   * @param snapshots one or more profiles of one process, oldest first
   * @param grouping how the latest snapshot's goroutines are grouped
   * @param ignore goroutines that are expected
   * @return the summary
   * @throws IllegalArgumentException when no snapshot is given
   */
  public static Summary of(List<Profile> snapshots, Grouping grouping, IgnoreRules ignore) {
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(grouping, "grouping");
    Objects.requireNonNull(ignore, "ignore");
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("no snapshot");
    }
    return new Summary(snapshots, grouping, ignore);
  }

  /**
   * Returns the snapshots, oldest first, {@code debug=1} ones with the runtime frames a
   * {@code debug=0} snapshot of the same binary named.
   *
   * @return an unmodifiable list, never empty
   */
  public List<Profile> snapshots() {
    return snapshots;
  }

  /**
   * Returns the latest snapshot, the one the states, sites and suspects describe.
   *
   * @return the last snapshot
   */
  public Profile latest() {
    return snapshots.get(snapshots.size() - 1);
  }

  /**
   * Returns the goroutine count of every snapshot, oldest first.
   *
   * @return an unmodifiable list
   */
  public List<Long> totals() {
    return snapshots.stream().map(Profile::totalCount).toList();
  }

  /**
   * Returns the goroutines of the latest snapshot by state class, most first (ties in enum order).
   *
   * @return an unmodifiable map in that order
   */
  public Map<StateClass, Long> byState() {
    return byState;
  }

  /**
   * Returns the latest snapshot's groups.
   *
   * @return the groups, largest first
   */
  public Groups sites() {
    return sites;
  }

  /**
   * Returns the leak suspects.
   *
   * @return an unmodifiable list, highest score first
   */
  public List<Suspect> suspects() {
    return suspects;
  }

  /**
   * Returns the goroutines of the latest snapshot that the ignore rules left out of the suspects.
   *
   * @return their count, 0 without rules
   */
  public long ignoredCount() {
    return ignoredCount;
  }

  /**
   * Returns the rules the suspects were found with.
   *
   * @return the rules, {@link IgnoreRules#none()} by default
   */
  public IgnoreRules ignoreRules() {
    return ignore;
  }

  /**
   * Returns the time from the first snapshot to the latest, when both say when they were taken.
   *
   * @return the time between them, or empty
   */
  public Optional<Duration> elapsed() {
    return Snapshots.elapsed(snapshots);
  }

  /**
   * Tells whether the snapshots were given out of the order they were taken in, and were put in
   * time order.
   *
   * @return true when they were reordered
   */
  public boolean reordered() {
    return reordered;
  }

  /**
   * Tells whether the latest snapshot is a delta profile ({@code go tool pprof -proto -base}):
   * some of its counts are negative, so its counts are differences, not goroutines.
   *
   * @return true for a delta profile
   */
  public boolean isDelta() {
    return delta;
  }

  /**
   * Returns the blocking sites of the latest snapshot where goroutines wait for other goroutines
   * ({@code sync.WaitGroup.Wait}, {@code sync.Cond.Wait}): a reaper stuck behind workers that
   * never finish, which a ranking by count hides.
   *
   * @return the sites, most goroutines first
   */
  public List<Group> waiters() {
    return waiters;
  }
}
