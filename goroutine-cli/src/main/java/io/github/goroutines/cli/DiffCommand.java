package io.github.goroutines.cli;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Growth between snapshots (several inputs, or several dumps in one input), or of "
        + "a URL watched over time.")
final class DiffCommand extends ProfileCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "snapshots, oldest first")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"--group", "-g"}, defaultValue = "site", paramLabel = "GROUPING",
      description = "how goroutines are grouped: " + GROUPINGS + " (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most changed groups shown (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--watch", paramLabel = "URL", description = "take the snapshots from this URL")
  String watch;

  @Option(names = "--every", defaultValue = "30s", paramLabel = "DURATION",
      description = "time between snapshots of --watch (default: ${DEFAULT-VALUE})")
  String every;

  @Option(names = "--count", defaultValue = "3", paramLabel = "N",
      description = "snapshots --watch takes (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--save", paramLabel = "DIR",
      description = "with --watch: keep each snapshot as it was fetched, as DIR/snapshot-N.pb.gz "
          + "or .txt")
  Path save;

  @Mixin
  TimeOptions times = new TimeOptions();

  @Override
  List<String> inputs() {
    return inputs;
  }

  @Override
  TimeOptions times() {
    return times;
  }

  @Override
  public Integer call() throws InterruptedException {
    atLeast("--limit", limit, 1);
    Grouping grouping = Grouping.parse(group);
    if (watch != null) {
      return watch(grouping);
    }
    List<Profile> snapshots = snapshots();
    snapshots.forEach(this::warnOfDiagnostics);
    if (snapshots.size() < 2) {
      throw new IllegalArgumentException("diff needs two or more snapshots: give two inputs, an "
          + "input that holds several dumps, or --watch URL");
    }
    io.out().print(TextReports.diff(Diff.of(snapshots, grouping), limit));
    return ExitCode.OK;
  }

  /**
   * Takes {@code --count} snapshots. A snapshot that fails is reported on standard error and
   * skipped; the series goes on, and the exit code is then the first failure's.
   */
  private int watch(Grouping grouping) throws InterruptedException {
    if (!inputs.isEmpty()) {
      throw new IllegalArgumentException("--watch takes its snapshots itself; give no INPUT");
    }
    if (times.fileTimes || times.interval != null) {
      throw new IllegalArgumentException("--watch times its snapshots by its own clock; "
          + "--file-times and --interval are for inputs read from files");
    }
    atLeast("--count", count, 2);
    Duration pause = ReadOptions.duration("--every", every, Duration.ZERO);
    if (save != null) {
      try {
        Files.createDirectories(save);
      } catch (IOException e) {
        throw new Failure("cannot create --save directory " + save + ": " + e.getMessage(),
            ExitCode.USAGE);
      }
    }
    Inputs inputs = read.inputs(io.stdin());
    Filter filter = filters.filter();
    List<Profile> snapshots = new ArrayList<>();
    Failure firstFailure = null;
    for (int i = 1; i <= count; i++) {
      if (i > 1) {
        Thread.sleep(pause.toMillis());
      }
      List<Profile> dumps;
      Path raw = save == null ? null : save.resolve("snapshot-" + i + ".part");
      try {
        dumps = parse(inputs, watch, false, raw);
      } catch (Failure f) {
        deleteQuietly(raw);
        firstFailure = firstFailure == null ? f : firstFailure;
        io.out().printf(Locale.ROOT, "snapshot %d: failed%n", i);
        io.out().flush();
        io.err().println("goroutines: snapshot " + i + " failed: " + f.getMessage());
        io.err().flush();
        continue;
      }
      // the watch's clock, for the rate, unless the profile says when it was taken
      Profile p = dumps.get(dumps.size() - 1);
      p = p.time().isPresent() ? p : p.takenAt(Instant.now());
      warnOfDiagnostics(p);
      snapshots.add(filter.apply(p));
      String saved = raw == null ? "" : " (saved as " + kept(raw, i, p) + ")";
      io.out().printf(Locale.ROOT, "snapshot %d: %d goroutines%s%n", i, p.totalCount(), saved);
      if (snapshots.size() > 1) {
        io.out().print(TextReports.diff(Diff.of(snapshots, grouping), limit));
      }
      io.out().flush();
    }
    if (snapshots.size() >= 2) {
      // the verdict: the suspects of the whole series
      io.out().print("\n" + TextReports.suspects(Summary.of(snapshots), limit));
    }
    if (firstFailure == null) {
      return ExitCode.OK;
    }
    String taken = snapshots.size() + " of " + count + " snapshots taken";
    if (snapshots.size() < 2) {
      throw new Failure(taken + ": too few to compare", firstFailure.exitCode());
    }
    io.err().println("goroutines: " + taken + "; the others failed");
    return firstFailure.exitCode();
  }

  /** Gives a saved snapshot the name of its format: snapshot-N.pb.gz, .pb or .txt. */
  private static Path kept(Path raw, int i, Profile p) {
    String ext = ".txt";
    if (p.format() == ProfileFormat.PROTO) {
      ext = ".pb";
      try (InputStream in = Files.newInputStream(raw)) {
        byte[] magic = in.readNBytes(2);
        ext = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
            ? ".pb.gz" : ".pb";
      } catch (IOException e) {
        // the name is all that is at stake
      }
    }
    Path named = raw.resolveSibling("snapshot-" + i + ext);
    try {
      return Files.move(raw, named, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new Failure("cannot save a snapshot as " + named + ": " + e.getMessage(),
          ExitCode.USAGE);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a partial file is left; the failure being reported matters more
      }
    }
  }
}
