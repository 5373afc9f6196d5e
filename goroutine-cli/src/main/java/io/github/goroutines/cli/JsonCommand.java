package io.github.goroutines.cli;

import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.IgnoreRules;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.model.Profile;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "json", mixinStandardHelpOptions = true,
    description = "The profile, or a report, as JSON (schema goroutines/v1, docs/json-schema.md).")
final class JsonCommand extends ProfileCommand {
  /** The documents of {@link JsonReports}. */
  enum Report {
    PROFILE, GROUPS, DIFF, SUMMARY
  }

  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "snapshots, oldest first; profile and groups describe the last one")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--report", defaultValue = "profile", paramLabel = "REPORT",
      description = "profile, groups, diff or summary (default: ${DEFAULT-VALUE})")
  Report report;

  @Option(names = {"--group", "-g"}, defaultValue = "site", paramLabel = "GROUPING",
      description = "grouping of groups, diff and summary: " + GROUPINGS
          + " (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most groups, rows, sites and suspects written (default: ${DEFAULT-VALUE})")
  int limit;

  @Mixin
  SuspectOptions suspects = new SuspectOptions();

  @Mixin
  TimeOptions times = new TimeOptions();

  @Override
  List<String> inputs() {
    return inputs;
  }

  /** The profile document is the whole model, arguments included. */
  @Override
  boolean showsTracebackText() {
    return report == Report.PROFILE;
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
    Summary summary = null;
    String json = switch (report) {
      case PROFILE -> JsonReports.profile(latest());
      case GROUPS -> JsonReports.groups(Groups.of(latest(), grouping), limit);
      case DIFF -> {
        List<Profile> snapshots = snapshots();
        snapshots.forEach(this::warnOfDiagnostics);
        if (snapshots.size() < 2) {
          throw new IllegalArgumentException("--report diff needs two or more snapshots: give two "
              + "inputs, or an input that holds several dumps");
        }
        yield JsonReports.diff(Diff.of(snapshots, grouping), limit);
      }
      case SUMMARY -> {
        List<Profile> snapshots = snapshots();
        snapshots.forEach(this::warnOfDiagnostics);
        summary = Summary.of(snapshots, grouping, rules);
        yield JsonReports.summary(summary, limit);
      }
    };
    io.out().print(json);
    return summary == null ? ExitCode.OK : suspects.exitCode(summary);
  }
}
