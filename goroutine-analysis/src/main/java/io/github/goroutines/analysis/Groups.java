package io.github.goroutines.analysis;

import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups of a profile under one {@link Grouping}, ranked by count (descending), ties by key.
 *
 * <pre>{@code
 * Groups sites = Groups.of(profile, Grouping.firstUserFrame());
 * Group worst = sites.list().get(0);
 * worst.count();             // 1875
 * worst.maxWaitMinutes();    // OptionalLong[892] for debug=2 input
 * }</pre>
 *
 * <p>One pass over the samples with a hash map; keys that depend on the stack alone are computed
 * once per distinct stack. Instances are immutable and safe for use by multiple threads.
 */
public final class Groups {
  private final Grouping grouping;
  private final long total;
  private final List<Group> groups;
  private final Map<String, Group> byKey;

  private Groups(Grouping grouping, long total, List<Group> groups) {
    this.grouping = grouping;
    this.total = total;
    this.groups = List.copyOf(groups);
    Map<String, Group> keys = new HashMap<>(groups.size() * 2);
    groups.forEach(g -> keys.put(g.key(), g));
    this.byKey = keys;
  }

  /**
   * Groups the samples of a profile.
   *
   * @param profile the profile
   * @param grouping what makes samples belong together
   * @return the ranked groups
   */
  public static Groups of(Profile profile, Grouping grouping) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(grouping, "grouping");
    return of(profile.samples(), profile.totalCount(), grouping);
  }

  static Groups of(List<Sample> samples, long total, Grouping grouping) {
    Map<String, Builder> byKey = new HashMap<>();
    Map<Stack, List<String>> keysOfStack = grouping.stackOnly() ? new IdentityHashMap<>() : null;
    for (Sample s : samples) {
      List<String> keys =
          keysOfStack == null
              ? grouping.keys(s)
              : keysOfStack.computeIfAbsent(s.stack(), st -> grouping.keys(s));
      for (String k : keys) {
        byKey.computeIfAbsent(k, Builder::new).add(s);
      }
    }
    List<Group> groups = new ArrayList<>(byKey.size());
    for (Builder b : byKey.values()) {
      groups.add(b.build(total));
    }
    groups.sort(RANK);
    return new Groups(grouping, total, groups);
  }

  /** Count descending, then key ascending: a total order, so output is deterministic. */
  static final Comparator<Group> RANK =
      Comparator.comparingLong(Group::count).reversed().thenComparing(Group::key);

  /**
   * Returns the grouping used.
   *
   * @return the grouping
   */
  public Grouping grouping() {
    return grouping;
  }

  /**
   * Returns the total count of the profile (the denominator of {@link Group#share()}).
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  /**
   * Returns all groups, ranked.
   *
   * @return an unmodifiable list
   */
  public List<Group> list() {
    return groups;
  }

  /**
   * Returns the first {@code n} groups.
   *
   * @param n how many
   * @return an unmodifiable list of at most {@code n} groups
   */
  public List<Group> top(int n) {
    return groups.subList(0, Math.min(n, groups.size()));
  }

  /**
   * Returns the group of a key.
   *
   * @param key the key
   * @return the group, or empty
   */
  public Optional<Group> get(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @Override
  public String toString() {
    return "Groups[" + grouping + ", " + groups.size() + " groups, total " + total + "]";
  }

  private static final class Builder {
    private final String key;
    private long count;
    private Sample largest;
    private final List<Sample> samples = new ArrayList<>();
    private long[] ids = new long[4];
    private int idCount;
    private long[] waits = new long[4];
    private int waitCount;

    Builder(String key) {
      this.key = key;
    }

    void add(Sample s) {
      count += s.count();
      samples.add(s);
      if (largest == null || s.count() > largest.count()) {
        largest = s;
      }
      if (s.goroutine().isPresent()) {
        Goroutine g = s.goroutine().get();
        if (idCount == ids.length) {
          ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = g.id();
        if (g.waitMinutes().isPresent()) {
          if (waitCount == waits.length) {
            waits = Arrays.copyOf(waits, waitCount * 2);
          }
          waits[waitCount++] = g.waitMinutes().getAsLong();
        }
      }
    }

    Group build(long total) {
      long[] sortedWaits = Arrays.copyOf(waits, waitCount);
      Arrays.sort(sortedWaits);
      return new Group(key, count, total == 0 ? 0 : (double) count / total, largest.stack(),
          samples, Arrays.copyOf(ids, idCount), sortedWaits);
    }
  }
}
