package io.github.goroutines.cli;

import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.IgnoreRules;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.Profile;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "The leak report: totals, states, blocking sites, suspects. Several inputs, or "
        + "several dumps in one input, are snapshots oldest first.")
final class SummaryCommand extends ProfileCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "files, - or URLs, oldest first (default: standard input when piped)")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"--group", "-g"}, defaultValue = "site", paramLabel = "GROUPING",
      description = "how the latest snapshot's goroutines are grouped: " + GROUPINGS
          + " (default: ${DEFAULT-VALUE}, the first frame of user code)")
  String group;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most sites and suspects shown (default: ${DEFAULT-VALUE})")
  int limit;

  @Mixin
  SuspectOptions suspects = new SuspectOptions();

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
  public Integer call() {
    atLeast("--limit", limit, 1);
    IgnoreRules rules = suspects.check();
    Grouping grouping = Grouping.parse(group);
    List<Profile> snapshots = snapshots();
    // the report shows the latest snapshot's diagnostics; standard error those of the others
    snapshots.subList(0, snapshots.size() - 1).forEach(this::warnOfDiagnostics);
    Summary summary = Summary.of(snapshots, grouping, rules);
    io.out().print(TextReports.summary(summary, limit));
    return suspects.exitCode(summary);
  }
}
