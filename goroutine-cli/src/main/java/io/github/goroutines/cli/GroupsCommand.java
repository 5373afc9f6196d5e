package io.github.goroutines.cli;

import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "groups", mixinStandardHelpOptions = true,
    description = "The goroutines of the last snapshot grouped any way: by creator, label, state, "
        + "stack…, with counts, states, wait minutes and creators.")
final class GroupsCommand extends LatestCommand {
  @Option(names = {"--group", "-g"}, defaultValue = "creator", paramLabel = "GROUPING",
      description = "how goroutines are grouped: " + GROUPINGS + " (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most groups shown (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    atLeast("--limit", limit, 1);
    Grouping grouping = Grouping.parse(group);
    io.out().print(TextReports.groups(Groups.of(latest(), grouping), limit));
    return ExitCode.OK;
  }
}
