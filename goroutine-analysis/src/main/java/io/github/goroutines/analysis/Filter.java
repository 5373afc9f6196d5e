package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the goroutines that pass every condition set; a filter with no condition keeps everything.
 *
 * <pre>{@code
 * Profile stuck = Filter.all()
 *     .stateClasses(EnumSet.of(StateClass.WAIT_GROUP, StateClass.MUTEX))
 *     .minWaitMinutes(60)
 *     .apply(profile);
 * }</pre>
 *
 * <p>Conditions on information a format does not carry: state classes are inferred from stacks for
 * debug=0 and debug=1; a minimum wait or a creator condition keeps no debug=0/1 sample. Instances
 * are immutable and safe for use by multiple threads.
 */
public final class Filter {
  private static final Filter ALL = new Filter(null, -1, null, null, null, null);

  private final Set<StateClass> classes;
  private final long minWait;
  private final String labelKey;
  private final String labelValue;
  private final FunctionMatcher creator;
  private final FunctionMatcher function;

  private Filter(Set<StateClass> classes, long minWait, String labelKey, String labelValue,
      FunctionMatcher creator, FunctionMatcher function) {
    this.classes = classes;
    this.minWait = minWait;
    this.labelKey = labelKey;
    this.labelValue = labelValue;
    this.creator = creator;
    this.function = function;
  }

  /**
   * Returns the filter that keeps everything.
   *
   * @return the empty filter
   */
  public static Filter all() {
    return ALL;
  }

  /**
   * Keeps goroutines in one of the given state classes.
   *
   * @param stateClasses the classes
   * @return a new filter
   */
  public Filter stateClasses(Set<StateClass> stateClasses) {
    Set<StateClass> copy = stateClasses.isEmpty()
        ? EnumSet.noneOf(StateClass.class) : EnumSet.copyOf(stateClasses);
    return new Filter(copy, minWait, labelKey, labelValue, creator, function);
  }

  /**
   * Keeps goroutines that printed at least this many wait minutes.
   *
   * @param minutes the minimum
   * @return a new filter
   */
  public Filter minWaitMinutes(long minutes) {
    return new Filter(classes, minutes, labelKey, labelValue, creator, function);
  }

  /**
   * Keeps goroutines with a label of this value.
   *
   * @param key the label key
   * @param value the value
   * @return a new filter
   */
  public Filter label(String key, String value) {
    return new Filter(classes, minWait, Objects.requireNonNull(key, "key"),
        Objects.requireNonNull(value, "value"), creator, function);
  }

  /**
   * Keeps goroutines whose {@code created by} function matches.
   *
   * @param matcher the matcher
   * @return a new filter
   */
  public Filter creator(FunctionMatcher matcher) {
    return new Filter(classes, minWait, labelKey, labelValue,
        Objects.requireNonNull(matcher, "matcher"), function);
  }

  /**
   * Keeps goroutines with a matching function on their stack.
   *
   * @param matcher the matcher
   * @return a new filter
   */
  public Filter function(FunctionMatcher matcher) {
    return new Filter(classes, minWait, labelKey, labelValue, creator,
        Objects.requireNonNull(matcher, "matcher"));
  }

  /**
   * Tells whether a sample passes.
   *
   * @param s the sample
   * @return true when it passes every condition
   */
  public boolean test(Sample s) {
    if (classes != null && !classes.contains(s.stateClass())) {
      return false;
    }
    if (minWait >= 0
        && s.goroutine().flatMap(g -> optional(g.waitMinutes())).filter(m -> m >= minWait).isEmpty()) {
      return false;
    }
    if (labelKey != null && !s.labels().get(labelKey).filter(labelValue::equals).isPresent()) {
      return false;
    }
    if (creator != null
        && s.goroutine().flatMap(g -> g.createdBy()).map(Frame::function)
            .filter(creator::matches).isEmpty()) {
      return false;
    }
    return function == null || function.matches(s.stack());
  }

  private static Optional<Long> optional(java.util.OptionalLong v) {
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }

  /**
   * Returns a profile with the samples that pass, and everything else of the original.
   *
   * @param profile the profile
   * @return the filtered profile (the declared total, if any, is the original's)
   */
  public Profile apply(Profile profile) {
    return profile.withSamples(profile.samples().stream().filter(this::test).toList());
  }
}
