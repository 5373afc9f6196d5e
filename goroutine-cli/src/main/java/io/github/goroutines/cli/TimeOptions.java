package io.github.goroutines.cli;

import io.github.goroutines.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * When snapshots without a time of their own (the text formats) were taken, so that reports can
 * give the time between them and rates. A protobuf profile's own time always wins.
 */
final class TimeOptions {
  @Option(names = "--file-times", description = "inputs without a time of their own were taken "
      + "when their file was last written (curl -o, a shell redirect, diff --watch --save)")
  boolean fileTimes;

  @Option(names = "--interval", paramLabel = "DURATION", description = "inputs without a time of "
      + "their own were taken DURATION apart, in the order given, e.g. 5m")
  String interval;

  /** Checks the options before anything is read. */
  void check() {
    if (fileTimes && interval != null) {
      throw new IllegalArgumentException("give --file-times or --interval, not both");
    }
    if (interval != null) {
      ReadOptions.duration("--interval", interval, Duration.ofMillis(1));
    }
  }

  /**
   * The snapshots, each untimed one given its time.
   *
   * @param snapshots every dump of every input, in the order given
   * @param sources the input each snapshot came from ("-" or a URL have no file time)
   * @param now the moment the inputs were read, the last resort of {@code --interval}
   */
  List<Profile> apply(List<Profile> snapshots, List<String> sources, Instant now) {
    if (fileTimes) {
      List<Profile> timed = new ArrayList<>(snapshots.size());
      for (int i = 0; i < snapshots.size(); i++) {
        Profile p = snapshots.get(i);
        Optional<Instant> written = modified(sources.get(i));
        timed.add(p.time().isPresent() || written.isEmpty() ? p : p.takenAt(written.get()));
      }
      return timed;
    }
    if (interval == null) {
      return snapshots;
    }
    Duration step = ReadOptions.duration("--interval", interval, Duration.ofMillis(1));
    // the anchor: the first snapshot that says when, else the last file's time, else now
    int anchor = -1;
    for (int i = 0; i < snapshots.size() && anchor < 0; i++) {
      anchor = snapshots.get(i).time().isPresent() ? i : -1;
    }
    Instant at;
    if (anchor >= 0) {
      at = snapshots.get(anchor).time().get();
    } else {
      anchor = snapshots.size() - 1;
      at = modified(sources.get(anchor)).orElse(now);
    }
    List<Profile> timed = new ArrayList<>(snapshots.size());
    for (int i = 0; i < snapshots.size(); i++) {
      Profile p = snapshots.get(i);
      try {
        timed.add(p.time().isPresent() ? p : p.takenAt(at.plus(step.multipliedBy(i - anchor))));
      } catch (ArithmeticException | IllegalArgumentException e) {
        throw new IllegalArgumentException("--interval " + interval + " puts snapshot " + (i + 1)
            + " of " + snapshots.size() + " out of the range of times");
      }
    }
    return timed;
  }

  /** When a file input was last written; nothing for standard input, a URL or an unreadable time. */
  private static Optional<Instant> modified(String input) {
    if (input.equals("-") || Inputs.isUrl(input)) {
      return Optional.empty();
    }
    try {
      Instant t = Files.getLastModifiedTime(Path.of(input)).toInstant();
      return t.isAfter(Instant.EPOCH) ? Optional.of(t) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // it was read a moment ago; a time it cannot give is no time
    }
  }
}
