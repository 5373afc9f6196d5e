package io.github.goroutines.analysis;

import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Growth between snapshots of one process, taken in time order: per group, the count in each
 * snapshot and the change from the first to the last. Groups that appear only later are
 * {@linkplain Row#isNew() new}, those that disappear {@linkplain Row#isGone() gone}.
 *
 * <pre>{@code
 * Diff d = Diff.of(List.of(before, after), Grouping.firstUserFrame());
 * Diff.Row worst = d.rows().get(0);   // the fastest-growing site
 * worst.delta();                       // +80
 * }</pre>
 *
 * <p>Rows are sorted by delta descending, then by last count descending, then by key. Snapshots of
 * any format can be compared: keys are strings (use {@link Grouping#similarStack()} to compare
 * stacks across formats or Go versions). Instances are immutable and safe for use by multiple
 * threads.
 */
public final class Diff {
  private final Grouping grouping;
  private final long[] totals;
  private final List<Row> rows;
  private final Map<String, Row> byKey = new HashMap<>();
  private final Duration elapsed;
  private final boolean reordered;

  /**
   * One group across the snapshots.
   *
   * @param key the group key
   * @param counts the count in each snapshot, in order (0 where absent)
   * @param representative a stack of the group, from the latest snapshot that has it
   */
  public record Row(String key, List<Long> counts, Stack representative) {
    /**
     * Copies the counts.
     *
     * @param key the group key
     * @param counts the count in each snapshot, in order (0 where absent)
     * @param representative a stack of the group, from the latest snapshot that has it
     */
    public Row {
      Objects.requireNonNull(key, "key");
      counts = List.copyOf(counts);
      Objects.requireNonNull(representative, "representative");
    }

    /**
     * Returns the count in the first snapshot.
     *
     * @return the count before
     */
    public long before() {
      return counts.get(0);
    }

    /**
     * Returns the count in the last snapshot.
     *
     * @return the count after
     */
    public long after() {
      return counts.get(counts.size() - 1);
    }

    /**
     * Returns after minus before.
     *
     * @return the change
     */
    public long delta() {
      return after() - before();
    }

    /**
     * Tells whether the group is absent from the first snapshot and present in the last.
     *
     * @return true for a new group
     */
    public boolean isNew() {
      return before() == 0 && after() != 0;
    }

    /**
     * Tells whether the group is present in the first snapshot and absent from the last.
     *
     * @return true for a gone group
     */
    public boolean isGone() {
      return before() != 0 && after() == 0;
    }

    /**
     * Tells whether the count never decreased and grew overall.
     *
     * @return true for steady growth
     */
    public boolean growsSteadily() {
      for (int i = 1; i < counts.size(); i++) {
        if (counts.get(i) < counts.get(i - 1)) {
          return false;
        }
      }
      return delta() > 0;
    }
  }

  private Diff(Grouping grouping, long[] totals, List<Row> rows, Duration elapsed,
      boolean reordered) {
    this.grouping = grouping;
    this.totals = totals;
    this.elapsed = elapsed;
    this.reordered = reordered;
    this.rows = List.copyOf(rows);
    rows.forEach(r -> byKey.put(r.key(), r));
  }

  /**
   * Compares two snapshots.
   *
   * @param before the earlier
   * @param after the later
   * @param grouping how to group
   * @return the diff
   */
  public static Diff of(Profile before, Profile after, Grouping grouping) {
    return of(List.of(before, after), grouping);
  }

  /**
   * Compares a series of snapshots. When every snapshot says when it was taken (protobuf profiles
   * do), they are compared in that order, and {@link #reordered()} tells whether it differs from
   * the order given. A {@code debug=1} snapshot beside a {@code debug=0} one of the same binary has
   * its hidden runtime frames named (see {@link Summary}), so groupings by stack or state class
   * agree across the two formats.
   *
   * @param given at least two, oldest first
   * @param grouping how to group
   * @return the diff
   * @throws IllegalArgumentException with fewer than two snapshots
   */
  public static Diff of(List<Profile> given, Grouping grouping) {
    Objects.requireNonNull(grouping, "grouping");
    if (given.size() < 2) {
      throw new IllegalArgumentException("a diff needs at least two snapshots, got " + given.size());
    }
    List<Profile> ordered = Snapshots.inTimeOrder(given);
    List<Profile> snapshots = HiddenFrames.named(ordered); // debug=1's runtime frames, if it can
    int n = snapshots.size();
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Stack> stacks = new HashMap<>();
    long[] totals = new long[n];
    for (int i = 0; i < n; i++) {
      Groups groups = Groups.of(snapshots.get(i), grouping);
      totals[i] = groups.total();
      for (Group g : groups.list()) {
        counts.computeIfAbsent(g.key(), k -> new long[n])[i] = g.count();
        stacks.put(g.key(), g.representative());
      }
    }
    List<Row> rows = new ArrayList<>(counts.size());
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      rows.add(new Row(e.getKey(), Arrays.stream(e.getValue()).boxed().toList(),
          stacks.get(e.getKey())));
    }
    rows.sort(Comparator.comparingLong(Row::delta).reversed()
        .thenComparing(Comparator.comparingLong(Row::after).reversed())
        .thenComparing(Row::key));
    return new Diff(grouping, totals, rows, Snapshots.elapsed(snapshots).orElse(null),
        Snapshots.moved(given, ordered));
  }

  /**
   * Returns the grouping used.
   *
   * @return the grouping
   */
  public Grouping grouping() {
    return grouping;
  }

  /**
   * Returns the number of snapshots.
   *
   * @return at least 2
   */
  public int snapshotCount() {
    return totals.length;
  }

  /**
   * Returns the total goroutine count of each snapshot.
   *
   * @return the totals, oldest first
   */
  public List<Long> totals() {
    return Arrays.stream(totals).boxed().toList();
  }

  /**
   * Returns every group, sorted by growth.
   *
   * @return an unmodifiable list
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns the groups that grew.
   *
   * @return the rows with a positive delta
   */
  public List<Row> grown() {
    return rows.stream().filter(r -> r.delta() > 0).toList();
  }

  /**
   * Returns the row of a key.
   *
   * @param key the key
   * @return the row, or empty
   */
  public Optional<Row> get(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * Returns the time from the first snapshot to the last, when both say when they were taken
   * (protobuf {@code time_nanos}, or a time a front end set).
   *
   * @return the time between them, or empty
   */
  public Optional<Duration> elapsed() {
    return Optional.ofNullable(elapsed);
  }

  /**
   * Returns the growth of a row per second, when {@link #elapsed()} is known.
   *
   * @param row a row of this diff
   * @return goroutines per second, or empty
   */
  public OptionalDouble ratePerSecond(Row row) {
    return elapsed == null ? OptionalDouble.empty()
        : OptionalDouble.of(row.delta() / (elapsed.toNanos() / 1e9));
  }

  /**
   * Tells whether the snapshots were given out of the order they were taken in, and were compared
   * in time order instead.
   *
   * @return true when they were reordered
   */
  public boolean reordered() {
    return reordered;
  }
}
