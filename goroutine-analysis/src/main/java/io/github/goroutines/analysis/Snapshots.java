package io.github.goroutines.analysis;

import io.github.goroutines.model.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** When snapshots were taken: their order, the time between them, and rates over it. */
final class Snapshots {
  private Snapshots() {}

  /** Whether every snapshot says when it was taken (protobuf {@code time_nanos}, a watch's clock). */
  static boolean allTimed(List<Profile> snapshots) {
    return snapshots.stream().allMatch(p -> p.metadata().timeNanos() > 0);
  }

  /** The snapshots in the order they were taken, when all say when; otherwise as given. */
  static List<Profile> inTimeOrder(List<Profile> snapshots) {
    if (!allTimed(snapshots)) {
      return List.copyOf(snapshots);
    }
    List<Profile> sorted = new ArrayList<>(snapshots);
    sorted.sort(Comparator.comparingLong(p -> p.metadata().timeNanos())); // stable
    return List.copyOf(sorted);
  }

  /** Whether {@link #inTimeOrder} put a snapshot elsewhere than it was given. */
  static boolean moved(List<Profile> given, List<Profile> ordered) {
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i) != ordered.get(i)) {
        return true;
      }
    }
    return false;
  }

  /** The time from the first snapshot to the last, when both say when and it is positive. */
  static Optional<Duration> elapsed(List<Profile> snapshots) {
    long first = snapshots.get(0).metadata().timeNanos();
    long last = snapshots.get(snapshots.size() - 1).metadata().timeNanos();
    return first > 0 && last > first ? Optional.of(Duration.ofNanos(last - first))
        : Optional.empty();
  }

  /** "61 s", "5 min 2 s", "3 h 10 min", "2 days 4 h". */
  static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s == 0 ? d.toMillis() + " ms" : s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86_400) {
      return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
    return s / 86_400 + (s / 86_400 == 1 ? " day" : " days")
        + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
  }

  /** A change over a time, per second, minute or hour, whichever reads best: "+1.3/s". */
  static String rate(long delta, Duration over) {
    double perSecond = delta / (over.toNanos() / 1e9);
    double magnitude = Math.abs(perSecond);
    if (magnitude >= 1) {
      return String.format(Locale.ROOT, "%+.1f/s", perSecond);
    }
    if (magnitude * 60 >= 1) {
      return String.format(Locale.ROOT, "%+.1f/min", perSecond * 60);
    }
    return String.format(Locale.ROOT, "%+.1f/h", perSecond * 3600);
  }
}
