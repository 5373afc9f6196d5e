package io.github.goroutines.cli;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
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

  @Override
  List<String> inputs() {
    return inputs;
  }

  @Override
  public Integer call() throws InterruptedException {
    Grouping grouping = Grouping.parse(group);
    if (watch != null) {
      return watch(grouping);
    }
    List<Profile> snapshots = snapshots();
    if (snapshots.size() < 2) {
      throw new IllegalArgumentException("diff needs two or more snapshots: give two inputs, an "
          + "input that holds several dumps, or --watch URL");
    }
    io.out().print(TextReports.diff(Diff.of(snapshots, grouping), limit));
    return ExitCode.OK;
  }

  private int watch(Grouping grouping) throws InterruptedException {
    if (!inputs.isEmpty()) {
      throw new IllegalArgumentException("--watch takes its snapshots itself; give no INPUT");
    }
    if (count < 2) {
      throw new IllegalArgumentException("--count must be at least 2");
    }
    Inputs inputs = read.inputs(io.stdin());
    Filter filter = filters.filter();
    Duration pause = ReadOptions.duration(every);
    List<Profile> snapshots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        Thread.sleep(pause.toMillis());
      }
      List<Profile> dumps = parse(inputs, watch, false);
      Profile p = dumps.get(dumps.size() - 1);
      snapshots.add(filter.apply(p));
      io.out().printf(Locale.ROOT, "snapshot %d: %d goroutines%n", i + 1, p.totalCount());
      if (i > 0) {
        io.out().print(TextReports.diff(Diff.of(snapshots, grouping), limit));
      }
      io.out().flush();
    }
    return ExitCode.OK;
  }
}
