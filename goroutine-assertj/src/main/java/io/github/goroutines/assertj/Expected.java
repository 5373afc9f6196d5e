package io.github.goroutines.assertj;

import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Group;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.IgnoreRules;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an assertion does not count, as goleak's options: ignore rules and baselines (goroutines
 * that existed before). Immutable; the assertions keep the latest one.
 */
final class Expected {
  static final Expected NOTHING = new Expected(IgnoreRules.none(), List.of(), List.of());

  private final IgnoreRules rules;
  private final List<Profile> baselines;
  /** How the caller said it, for the failure message: {@code ignoringTopFunction(main.reaper)}. */
  private final List<String> said;

  private Expected(IgnoreRules rules, List<Profile> baselines, List<String> said) {
    this.rules = rules;
    this.baselines = List.copyOf(baselines);
    this.said = List.copyOf(said);
  }

  Expected function(String function) {
    return new Expected(rules.ignore(function), baselines, and("ignoringFunction(" + function + ")"));
  }

  Expected topFunction(String function) {
    return new Expected(rules.ignoreTop(function), baselines,
        and("ignoringTopFunction(" + function + ")"));
  }

  Expected idleConnections() {
    return new Expected(rules.ignoreIdleConnections(), baselines, and("ignoringIdleConnections()"));
  }

  Expected baseline(Profile baseline) {
    Objects.requireNonNull(baseline, "baseline");
    List<Profile> more = new ArrayList<>(baselines);
    more.add(baseline);
    return new Expected(rules, more, and("ignoringGoroutinesOf(a baseline of "
        + baseline.totalCount() + ")"));
  }

  /** Whether the rules leave out goroutines with this stack. */
  boolean ignores(io.github.goroutines.model.Stack stack) {
    return rules.ignores(Sample.of(1, stack, io.github.goroutines.model.Labels.empty()));
  }

  List<Profile> baselines() {
    return baselines;
  }

  boolean isEmpty() {
    return said.isEmpty();
  }

  /** The goroutines of a profile that count. */
  Profile apply(Profile profile) {
    Profile kept = rules.apply(profile);
    for (Profile baseline : baselines) {
      kept = without(kept, baseline);
    }
    return kept;
  }

  /** A line for the failure message, empty when nothing was left out. */
  String describe(long ignored) {
    if (said.isEmpty() || ignored == 0) {
      return "";
    }
    return "\n(" + ignored + (ignored == 1 ? " goroutine" : " goroutines") + " not counted: "
        + String.join(", ", said) + ")";
  }

  private List<String> and(String description) {
    List<String> more = new ArrayList<>(said);
    more.add(description);
    return more;
  }

  /**
   * The profile less the goroutines of a baseline: by goroutine id when both are {@code debug=2}
   * dumps with ids (goroutines still there from before), else by count per similar stack (as many
   * fewer as the baseline had), so that a {@code debug=0} baseline works for any later format.
   */
  static Profile without(Profile profile, Profile baseline) {
    Set<Long> ids = ids(baseline);
    if (ids != null && ids(profile) != null) {
      return profile.withSamples(profile.samples().stream()
          .filter(s -> !ids.contains(s.goroutine().orElseThrow().id())).toList());
    }
    Map<String, Long> left = new HashMap<>();
    for (Group g : Groups.of(baseline, Grouping.similarStack()).list()) {
      left.put(g.key(), g.count());
    }
    Map<Sample, Long> reduced = new IdentityHashMap<>();
    for (Group g : Groups.of(profile, Grouping.similarStack()).list()) {
      long remaining = left.getOrDefault(g.key(), 0L);
      for (Sample s : g.samples()) {
        if (remaining <= 0) {
          break;
        }
        long take = Math.min(remaining, s.count());
        reduced.put(s, s.count() - take);
        remaining -= take;
      }
    }
    if (reduced.isEmpty()) {
      return profile;
    }
    List<Sample> kept = new ArrayList<>();
    for (Sample s : profile.samples()) {
      Long count = reduced.get(s);
      if (count == null) {
        kept.add(s);
      } else if (count > 0) {
        kept.add(Sample.of(count, s.stack(), s.labels(), s.addresses().toArray()));
      }
    }
    return profile.withSamples(kept);
  }

  /** The goroutine ids of a dump, or null when some goroutine has none. */
  private static Set<Long> ids(Profile p) {
    Set<Long> ids = new HashSet<>();
    for (Sample s : p.samples()) {
      Goroutine g = s.goroutine().orElse(null);
      if (g == null || !g.idKnown()) {
        return null;
      }
      ids.add(g.id());
    }
    return ids;
  }
}
