package io.github.goroutines.analysis;

import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.List;
import java.util.OptionalLong;

/**
 * Goroutines that share a key of a {@link Grouping}, with what is known about them.
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class Group {
  private final String key;
  private final long count;
  private final double share;
  private final Stack representative;
  private final List<Sample> samples;
  private final long[] ids;
  private final long[] waits;

  Group(String key, long count, double share, Stack representative, List<Sample> samples,
      long[] ids, long[] sortedWaits) {
    this.key = key;
    this.count = count;
    this.share = share;
    this.representative = representative;
    this.samples = List.copyOf(samples);
    this.ids = ids;
    this.waits = sortedWaits;
  }

  /**
   * Where the goroutines of a group were created: a {@code go} statement and how many it started.
   *
   * @param site the {@code created by} frame, {@code function file:line}
   * @param count goroutines of the group it created
   */
  public record Creator(String site, long count) {
    /**
     * Checks the site.
     *
     * @param site the {@code created by} frame
     * @param count goroutines of the group it created
     */
    public Creator {
      java.util.Objects.requireNonNull(site, "site");
    }
  }

  /**
   * Returns the {@code go} statements that created the group's goroutines, most first (ties by
   * site): known for {@code debug=2} dumps, empty for the formats that do not print creators.
   *
   * @return an unmodifiable list, empty when no goroutine says who created it
   */
  public List<Creator> creators() {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (Sample s : samples) {
      s.goroutine().flatMap(Goroutine::createdBy).ifPresent(f ->
          counts.merge(Grouping.siteKey(f), s.count(), Long::sum));
    }
    return counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(java.util.Map.Entry.comparingByKey()))
        .map(e -> new Creator(e.getKey(), e.getValue())).toList();
  }

  /**
   * Returns the key, for example {@code main.(*Cache).LoadOrStore example.com/app/main.go:47}.
   *
   * @return the key, never {@code null}
   */
  public String key() {
    return key;
  }

  /**
   * Returns the number of goroutines (the sum of the samples' counts).
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Returns the count as a fraction of the profile's total.
   *
   * @return the share, 0 when the total is 0
   */
  public double share() {
    return share;
  }

  /**
   * Returns the stack of the group's largest sample (the first one on ties).
   *
   * @return the stack
   */
  public Stack representative() {
    return representative;
  }

  /**
   * Returns the samples of the group, in profile order.
   *
   * @return an unmodifiable list
   */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * Returns the goroutine ids, for debug=2 input, in dump order.
   *
   * @return the ids (unsigned), empty for formats without them
   */
  public List<Long> goroutineIds() {
    Long[] boxed = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      boxed[i] = ids[i];
    }
    return List.of(boxed);
  }

  /**
   * Returns the goroutines of the group (debug=2 input).
   *
   * @return the goroutines, empty for formats without them
   */
  public List<Goroutine> goroutines() {
    return samples.stream().flatMap(s -> s.goroutine().stream()).toList();
  }

  /**
   * Returns the states of the group's goroutines with their counts, most first (ties by name):
   * {@code debug=2}'s state without its details ({@code chan receive}, {@code sync.Mutex.Lock}),
   * else the state class inferred from the stack, in words ({@code chan receive}, {@code other}).
   *
   * @return an unmodifiable map in that order
   */
  public java.util.Map<String, Long> states() {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (Sample s : samples) {
      String name = s.goroutine().map(Goroutine::baseState)
          .orElse(s.stateClass().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      counts.merge(name, s.count(), Long::sum);
    }
    java.util.Map<String, Long> ordered = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(java.util.Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return java.util.Collections.unmodifiableMap(ordered);
  }

  /**
   * Returns how many goroutines of the group printed wait minutes.
   *
   * @return the number of goroutines with {@code , N minutes}
   */
  public int waitCount() {
    return waits.length;
  }

  /**
   * Returns the least wait minutes printed in the group.
   *
   * @return the minimum, empty when no goroutine printed minutes
   */
  public OptionalLong minWaitMinutes() {
    return waits.length == 0 ? OptionalLong.empty() : OptionalLong.of(waits[0]);
  }

  /**
   * Returns the median of the wait minutes printed in the group (the lower middle value for an even
   * number).
   *
   * @return the median, empty when no goroutine printed minutes
   */
  public OptionalLong medianWaitMinutes() {
    return waits.length == 0 ? OptionalLong.empty() : OptionalLong.of(waits[(waits.length - 1) / 2]);
  }

  /**
   * Returns the greatest wait minutes printed in the group.
   *
   * @return the maximum, empty when no goroutine printed minutes
   */
  public OptionalLong maxWaitMinutes() {
    return waits.length == 0 ? OptionalLong.empty() : OptionalLong.of(waits[waits.length - 1]);
  }

  @Override
  public String toString() {
    return count + " " + key;
  }
}
