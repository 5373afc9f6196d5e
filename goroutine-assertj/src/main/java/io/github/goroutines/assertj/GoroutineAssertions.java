package io.github.goroutines.assertj;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.model.Profile;
import java.util.List;
import java.util.Objects;

/**
 * Entry points of the goroutine assertions, to import statically beside AssertJ's own.
 *
 * <pre>{@code
 * import static io.github.goroutines.assertj.GoroutineAssertions.assertThat;
 * import static io.github.goroutines.assertj.GoroutineAssertions.assertThatSnapshots;
 *
 * Profile before = GoroutineProfiles.parse(fetch(service));
 * runScenario();
 * Profile after = GoroutineProfiles.parse(fetch(service));
 * assertThatSnapshots(before, after).ignoringIdleConnections().leaksNothing();
 * assertThat(after).hasNoGoroutinesBlockedLongerThan(Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>A failure reads like goleak's: for each offending site (the first frame of user code) its
 * count or growth, state, wait minutes, creators and one stack, at most five sites.
 */
public final class GoroutineAssertions {
  private GoroutineAssertions() {}

  /**
   * Starts assertions on one profile.
   *
   * @param actual a profile of any format
   * @return the assertion
   */
  public static ProfileAssert assertThat(Profile actual) {
    return new ProfileAssert(actual);
  }

  /**
   * Starts assertions on growth already computed; only counts and one stack per group are known
   * (prefer {@link #assertThatSnapshots(Profile, Profile)}).
   *
   * @param actual a diff, of any grouping
   * @return the assertion
   */
  public static SnapshotsAssert assertThat(Diff actual) {
    return new SnapshotsAssert(actual);
  }

  /**
   * Starts assertions on growth between two snapshots of one process, by blocking site.
   *
   * @param before the earlier profile
   * @param after the later profile, of any format
   * @return the assertion
   */
  public static SnapshotsAssert assertThatSnapshots(Profile before, Profile after) {
    return assertThatSnapshots(List.of(before, after));
  }

  /**
   * Starts assertions on growth across snapshots of one process, oldest first (put in time order
   * when they all say when they were taken), from the first to the last, by blocking site.
   *
   * @param snapshots two or more profiles
   * @return the assertion
   * @throws IllegalArgumentException for fewer than two snapshots
   */
  public static SnapshotsAssert assertThatSnapshots(List<Profile> snapshots) {
    return new SnapshotsAssert(diffOf(snapshots)).of(snapshots);
  }

  static Diff diffOf(List<Profile> snapshots) {
    Objects.requireNonNull(snapshots, "snapshots");
    if (snapshots.size() < 2) {
      throw new IllegalArgumentException("growth needs two snapshots or more, not "
          + snapshots.size());
    }
    return Diff.of(snapshots, Grouping.firstUserFrame());
  }
}
