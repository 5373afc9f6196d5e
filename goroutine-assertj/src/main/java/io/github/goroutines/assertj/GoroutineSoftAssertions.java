package io.github.goroutines.assertj;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.model.Profile;
import java.util.List;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft versions of {@link GoroutineAssertions}: every failure is collected and reported together
 * by {@link #assertAll()}, or by AssertJ's {@code SoftAssertionsExtension} for a field or parameter
 * of this type.
 *
 * <pre>{@code
 * GoroutineSoftAssertions softly = new GoroutineSoftAssertions();
 * softly.assertThat(after).hasAtMost(10).goroutinesAt("main.worker");
 * softly.assertThatSnapshots(before, after).leaksNothing();
 * softly.assertAll();
 * }</pre>
 */
public class GoroutineSoftAssertions extends AbstractSoftAssertions {
  /** Starts collecting. */
  public GoroutineSoftAssertions() {}

  /**
   * Starts soft assertions on one profile.
   *
   * @param actual a profile of any format
   * @return the assertion
   */
  public ProfileAssert assertThat(Profile actual) {
    return proxy(ProfileAssert.class, Profile.class, actual);
  }

  /**
   * Starts soft assertions on growth already computed.
   *
   * @param actual a diff
   * @return the assertion
   */
  public SnapshotsAssert assertThat(Diff actual) {
    return proxy(SnapshotsAssert.class, Diff.class, actual);
  }

  /**
   * Starts soft assertions on growth between two snapshots, by blocking site.
   *
   * @param before the earlier profile
   * @param after the later profile
   * @return the assertion
   */
  public SnapshotsAssert assertThatSnapshots(Profile before, Profile after) {
    List<Profile> snapshots = List.of(before, after);
    return proxy(SnapshotsAssert.class, Diff.class, GoroutineAssertions.diffOf(snapshots))
        .of(snapshots);
  }
}
