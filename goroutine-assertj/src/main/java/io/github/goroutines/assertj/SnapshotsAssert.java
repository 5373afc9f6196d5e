package io.github.goroutines.assertj;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Group;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.model.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on growth between snapshots of one process, by blocking site (the first frame of user
 * code): what a leak check after a test scenario asks. A failure names each site that grew, with
 * its counts, state, wait minutes, creators and one stack.
 *
 * <pre>{@code
 * assertThatSnapshots(before, after)
 *     .ignoringTopFunction("main.(*Pool).worker")
 *     .leaksNothing();
 * assertThatSnapshots(before, after).grewAtMost(5).hasNoGrowthAt("main.handleRequest.func1");
 * }</pre>
 *
 * <p>From snapshots ({@link GoroutineAssertions#assertThatSnapshots(Profile, Profile)}) the ignore
 * rules apply to each goroutine. From a {@link Diff} alone ({@link
 * GoroutineAssertions#assertThat(Diff)}) only counts and one stack per group are known: the rules
 * apply to each group's stack, a baseline's count per group is taken off every snapshot's count,
 * and the failure shows no states, waits or creators.
 */
public class SnapshotsAssert extends AbstractAssert<SnapshotsAssert, Diff> {
  private List<Profile> snapshots;
  private Expected expected = Expected.NOTHING;

  /**
   * Starts assertions on a diff.
   *
   * @param actual the diff
   */
  public SnapshotsAssert(Diff actual) {
    super(actual, SnapshotsAssert.class);
  }

  /** Keeps the snapshots the diff was made of, for ignore rules per goroutine and fuller reports. */
  SnapshotsAssert of(List<Profile> profiles) {
    this.snapshots = List.copyOf(profiles);
    return myself;
  }

  /**
   * Leaves out goroutines with the function anywhere on their stack, in every snapshot.
   *
   * @param function a function name as Go prints it, or a prefix followed by {@code *}
   * @return this assertion
   */
  public SnapshotsAssert ignoringFunction(String function) {
    expected = expected.function(function);
    return myself;
  }

  /**
   * Leaves out goroutines whose first frame of user code is the function, in every snapshot.
   *
   * @param function a function name as Go prints it, or a prefix followed by {@code *}
   * @return this assertion
   */
  public SnapshotsAssert ignoringTopFunction(String function) {
    expected = expected.topFunction(function);
    return myself;
  }

  /**
   * Leaves out net/http's goroutines of open connections with no user code on their stack (the test
   * client's kept-alive connections, the request that took the snapshot), in every snapshot.
   *
   * @return this assertion
   */
  public SnapshotsAssert ignoringIdleConnections() {
    expected = expected.idleConnections();
    return myself;
  }

  /**
   * Leaves out the goroutines of a baseline profile, in every snapshot.
   *
   * @param baseline a profile of the same process
   * @return this assertion
   */
  public SnapshotsAssert ignoringGoroutinesOf(Profile baseline) {
    expected = expected.baseline(baseline);
    return myself;
  }

  /**
   * Verifies that no site has more goroutines in the last snapshot than in the first.
   *
   * @return this assertion
   */
  public SnapshotsAssert leaksNothing() {
    View v = view();
    List<Diff.Row> grown = v.grown();
    if (!grown.isEmpty()) {
      long more = grown.stream().mapToLong(Diff.Row::delta).sum();
      fail(v, "Expecting no goroutine to leak, but " + Report.sites(grown.size()) + " grew by "
          + more + " (" + v.span() + "):\n" + v.report(grown));
    }
    return myself;
  }

  /**
   * Verifies that a site has no more goroutines in the last snapshot than in the first.
   *
   * @param site {@code function file:line} as the reports print it, or a function: all its lines
   * @return this assertion
   */
  public SnapshotsAssert hasNoGrowthAt(String site) {
    Objects.requireNonNull(site, "site");
    View v = view();
    List<Diff.Row> at = v.rows.stream()
        .filter(r -> ProfileAssert.isAt(r.key(), site)).toList();
    long delta = at.stream().mapToLong(Diff.Row::delta).sum();
    if (delta > 0) {
      fail(v, "Expecting no growth at " + site + ", but it grew by " + delta + " (" + v.span()
          + "):\n" + v.report(at.stream().filter(r -> r.delta() > 0).toList()));
    }
    return myself;
  }

  /**
   * Verifies that the process as a whole has at most {@code n} more goroutines in the last snapshot
   * than in the first.
   *
   * @param n the most growth allowed
   * @return this assertion
   */
  public SnapshotsAssert grewAtMost(long n) {
    View v = view();
    long growth = v.after() - v.before();
    if (growth > n) {
      fail(v, "Expecting at most " + n + " more goroutines, but there are " + growth + " more ("
          + v.span() + "); the sites that grew:\n" + v.report(v.grown()));
    }
    return myself;
  }

  private void fail(View v, String message) {
    failWithMessage("%s", message + expected.describe(v.ignored));
  }

  private View view() {
    isNotNull();
    if (snapshots != null) {
      List<Profile> kept = snapshots.stream().map(expected::apply).toList();
      long ignored = snapshots.get(snapshots.size() - 1).totalCount()
          - kept.get(kept.size() - 1).totalCount();
      Profile latest = kept.get(kept.size() - 1);
      Diff diff = Diff.of(kept, actual.grouping());
      return new View(diff.rows(), diff.elapsed(), Groups.of(latest, actual.grouping()), ignored);
    }
    return new View(expected.isEmpty() ? actual.rows() : filtered(), actual.elapsed(), null, 0);
  }

  /**
   * The diff's rows as the rules and baselines see them when only counts are known: a rule looks
   * at a group's one stack; a baseline's count per group comes off every snapshot's count.
   */
  private List<Diff.Row> filtered() {
    List<Map<String, Long>> baselines = expected.baselines().stream()
        .map(b -> Groups.of(b, actual.grouping()).list().stream()
            .collect(Collectors.toMap(Group::key, Group::count)))
        .toList();
    List<Diff.Row> rows = new ArrayList<>();
    for (Diff.Row r : actual.rows()) {
      if (expected.ignores(r.representative())) {
        continue;
      }
      long off = baselines.stream().mapToLong(m -> m.getOrDefault(r.key(), 0L)).sum();
      rows.add(new Diff.Row(r.key(), r.counts().stream().map(c -> Math.max(0, c - off)).toList(),
          r.representative()));
    }
    return rows;
  }

  /** The rows that count, and the latest snapshot's groups for the report when known. */
  private static final class View {
    final List<Diff.Row> rows;
    final Optional<Duration> elapsed;
    final Groups latest;
    final long ignored;

    View(List<Diff.Row> rows, Optional<Duration> elapsed, Groups latest, long ignored) {
      this.rows = rows;
      this.elapsed = elapsed;
      this.latest = latest;
      this.ignored = ignored;
    }

    long total(int snapshot) {
      return rows.stream().mapToLong(r -> r.counts().get(snapshot)).sum();
    }

    long before() {
      return total(0);
    }

    long after() {
      return rows.isEmpty() ? 0 : total(rows.get(0).counts().size() - 1);
    }

    /** Sites that grew, the largest growth first. */
    List<Diff.Row> grown() {
      return rows.stream().filter(r -> r.delta() > 0)
          .sorted(Comparator.comparingLong(Diff.Row::delta).reversed()).toList();
    }

    /** {@code 323 -> 403 goroutines over 2 snapshots, 61 s apart}. */
    String span() {
      int snapshots = rows.isEmpty() ? 0 : rows.get(0).counts().size();
      return before() + " -> " + after() + " goroutines over " + snapshots + " snapshots"
          + elapsed.map(d -> ", " + apart(d) + " apart").orElse("");
    }

    String report(List<Diff.Row> shown) {
      Report report = new Report();
      for (Diff.Row r : shown) {
        Group g = latest == null ? null : latest.get(r.key()).orElse(null);
        report.site(String.format("%+d at %s (%s)", r.delta(), r.key(), counts(r.counts())), g,
            r.representative());
      }
      return report.toString();
    }

    private static String counts(List<Long> counts) {
      return counts.stream().map(String::valueOf).collect(Collectors.joining(" -> "));
    }

    private static String apart(Duration d) {
      long s = d.toSeconds();
      return s < 120 ? s + " s" : s / 60 + " min";
    }
  }
}
