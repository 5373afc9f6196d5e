package io.github.goroutines.assertj;

import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.analysis.Group;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.LeakSuspects;
import io.github.goroutines.analysis.Suspect;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one goroutine profile of any format, by blocking site (the first frame of user
 * code). A failure names each offending site with its count, state, wait minutes, creators and one
 * stack. Goroutines a service expects are left out first with the {@code ignoring…} methods, which
 * apply to the assertions after them.
 *
 * <pre>{@code
 * assertThat(GoroutineProfiles.parse(dump))
 *     .ignoringTopFunction("main.(*Server).reaper")
 *     .hasNoGoroutinesIn("main.handleRequest.func1")
 *     .hasAtMost(10).goroutinesAt("main.worker")
 *     .hasNoGoroutinesBlockedLongerThan(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>Obtained from {@link GoroutineAssertions#assertThat(Profile)} or, for soft assertions, from
 * {@link GoroutineSoftAssertions#assertThat(Profile)}.
 */
public class ProfileAssert extends AbstractAssert<ProfileAssert, Profile> {
  private Expected expected = Expected.NOTHING;

  /**
   * Starts assertions on a profile.
   *
   * @param actual the profile
   */
  public ProfileAssert(Profile actual) {
    super(actual, ProfileAssert.class);
  }

  /**
   * Leaves out goroutines with the function anywhere on their stack (goleak's
   * {@code IgnoreAnyFunction}).
   *
   * @param function a function name as Go prints it, or a prefix followed by {@code *}
   * @return this assertion
   */
  public ProfileAssert ignoringFunction(String function) {
    expected = expected.function(function);
    return myself;
  }

  /**
   * Leaves out goroutines whose first frame of user code is the function (goleak's
   * {@code IgnoreTopFunction}, where the runtime's frames are not the top).
   *
   * @param function a function name as Go prints it, or a prefix followed by {@code *}
   * @return this assertion
   */
  public ProfileAssert ignoringTopFunction(String function) {
    expected = expected.topFunction(function);
    return myself;
  }

  /**
   * Leaves out net/http's goroutines of open connections with no user code on their stack:
   * kept-alive connections, and the request that took the snapshot ({@link
   * io.github.goroutines.analysis.IgnoreRules#ignoreIdleConnections()}).
   *
   * @return this assertion
   */
  public ProfileAssert ignoringIdleConnections() {
    expected = expected.idleConnections();
    return myself;
  }

  /**
   * Leaves out the goroutines of an earlier snapshot (goleak's {@code IgnoreCurrent}): by goroutine
   * id when both are {@code debug=2} dumps, else as many per similar stack as the baseline had.
   *
   * @param baseline a profile of the same process taken before
   * @return this assertion
   */
  public ProfileAssert ignoringGoroutinesOf(Profile baseline) {
    expected = expected.baseline(baseline);
    return myself;
  }

  /**
   * Verifies that the profile holds at most {@code n} goroutines.
   *
   * @param n the most goroutines allowed
   * @return this assertion
   */
  public ProfileAssert hasTotalAtMost(long n) {
    Profile kept = kept();
    if (kept.totalCount() > n) {
      Report report = new Report();
      for (Group g : Groups.of(kept, Grouping.firstUserFrame()).list()) {
        report.site(g.count() + " at " + g.key(), g, g.representative());
      }
      fail("Expecting at most " + Report.goroutines(n) + ", but there are " + kept.totalCount()
          + "; the largest sites:\n" + report, kept);
    }
    return myself;
  }

  /**
   * Verifies that no goroutine has the function on its stack.
   *
   * @param function a function name as Go prints it, or a prefix followed by {@code *}
   * @return this assertion
   */
  public ProfileAssert hasNoGoroutinesIn(String function) {
    Objects.requireNonNull(function, "function");
    FunctionMatcher m = function.endsWith("*")
        ? FunctionMatcher.prefix(function.substring(0, function.length() - 1))
        : FunctionMatcher.exact(function);
    return none(s -> m.matches(s.stack()), "in " + function);
  }

  /**
   * Verifies that no goroutine has a function the matcher matches on its stack.
   *
   * @param matcher the functions
   * @return this assertion
   */
  public ProfileAssert hasNoGoroutinesIn(FunctionMatcher matcher) {
    Objects.requireNonNull(matcher, "matcher");
    return none(s -> matcher.matches(s.stack()), "in a function matching " + matcher);
  }

  /**
   * Verifies that no goroutine is in a state of the class.
   *
   * @param stateClass the class: {@code debug=2}'s state, or inferred from the stack otherwise
   * @return this assertion
   */
  public ProfileAssert hasNoGoroutinesInState(StateClass stateClass) {
    Objects.requireNonNull(stateClass, "stateClass");
    return none(s -> s.stateClass() == stateClass, "in state " + stateClass);
  }

  /**
   * Verifies that no goroutine has waited longer than a duration, by the whole minutes a
   * {@code debug=2} dump prints ({@code [chan receive, 892 minutes]}); fails on other formats,
   * which carry no wait times, rather than pass without looking.
   *
   * @param limit the longest wait allowed
   * @return this assertion
   */
  public ProfileAssert hasNoGoroutinesBlockedLongerThan(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    Profile kept = kept();
    if (actual.format() != ProfileFormat.DEBUG2) {
      fail("Expecting no goroutine blocked longer than " + minutes(limit) + ", but the profile is "
          + actual.format().displayName() + ", which has no wait times: take it with debug=2", kept);
    }
    return none(s -> s.goroutine().stream().anyMatch(g -> g.waitMinutes().isPresent()
        && g.waitMinutes().getAsLong() * 60 > limit.toSeconds()),
        "blocked longer than " + minutes(limit));
  }

  /**
   * Verifies that {@link LeakSuspects} finds no suspect in this one snapshot (proven leaks,
   * goroutines blocked forever, long waits of many goroutines).
   *
   * @return this assertion
   */
  public ProfileAssert hasNoLeakSuspects() {
    Profile kept = kept();
    List<Suspect> suspects = LeakSuspects.of(List.of(kept));
    if (!suspects.isEmpty()) {
      Groups groups = Groups.of(kept, Grouping.firstUserFrame());
      Report report = new Report();
      for (Suspect s : suspects) {
        report.site(String.format(Locale.ROOT, "%d at %s (score %.1f: %s)", s.count(), s.site(),
            s.score(), s.evidence().get(0).reason()), groups.get(s.site()).orElse(null),
            s.representative());
      }
      fail("Expecting no leak suspect, but found " + suspects.size() + ":\n" + report, kept);
    }
    return myself;
  }

  /**
   * Starts a check of one site's count: {@code hasAtMost(10).goroutinesAt("main.worker")}.
   *
   * @param n the most goroutines allowed at the site
   * @return what completes the check
   */
  public AtMost hasAtMost(long n) {
    return new AtMost(this, n);
  }

  /**
   * Verifies that at most {@code n} goroutines block at a site; what {@code hasAtMost(n)
   * .goroutinesAt(site)} does.
   *
   * @param n the most goroutines allowed
   * @param site {@code function file:line} as the reports print it, or a function: all its lines
   * @return this assertion
   */
  public ProfileAssert hasAtMostGoroutinesAt(long n, String site) {
    Objects.requireNonNull(site, "site");
    Profile kept = kept();
    List<Group> at = Groups.of(kept, Grouping.firstUserFrame()).list().stream()
        .filter(g -> isAt(g.key(), site)).toList();
    long count = at.stream().mapToLong(Group::count).sum();
    if (count > n) {
      Report report = new Report();
      at.forEach(g -> report.site(g.count() + " at " + g.key(), g, g.representative()));
      fail("Expecting at most " + Report.goroutines(n) + " at " + site + ", but there are " + count
          + ":\n" + report, kept);
    }
    return myself;
  }

  /** The second half of {@link ProfileAssert#hasAtMost(long)}. */
  public static final class AtMost {
    private final ProfileAssert owner;
    private final long n;

    AtMost(ProfileAssert owner, long n) {
      this.owner = owner;
      this.n = n;
    }

    /**
     * Verifies the count at the site.
     *
     * @param site {@code function file:line} as the reports print it, or a function: all its lines
     * @return the profile's assertion, to go on
     */
    public ProfileAssert goroutinesAt(String site) {
      // through the owner, so that soft assertions collect the failure
      return owner.hasAtMostGoroutinesAt(n, site);
    }
  }

  /** Whether a site key ({@code function file:line}) is the site or in the function given. */
  static boolean isAt(String key, String site) {
    return key.equals(site) || key.startsWith(site + " ");
  }

  private ProfileAssert none(Predicate<Sample> offending, String what) {
    Profile kept = kept();
    List<Sample> found = kept.samples().stream().filter(offending).toList();
    if (!found.isEmpty()) {
      List<Group> groups = Groups.of(kept.withSamples(found), Grouping.firstUserFrame()).list();
      long count = found.stream().mapToLong(Sample::count).sum();
      Report report = new Report();
      groups.forEach(g -> report.site(g.count() + " at " + g.key(), g, g.representative()));
      fail("Expecting no goroutine " + what + ", but found " + count + " at "
          + Report.sites(groups.size()) + ":\n" + report, kept);
    }
    return myself;
  }

  private Profile kept() {
    isNotNull();
    return expected.apply(actual);
  }

  private void fail(String message, Profile kept) {
    failWithMessage("%s", message + expected.describe(actual.totalCount() - kept.totalCount()));
  }

  static String minutes(Duration d) {
    long s = d.toSeconds();
    return s % 60 == 0 ? (s / 60 == 1 ? "1 minute" : s / 60 + " minutes")
        : s + (s == 1 ? " second" : " seconds");
  }
}
