package io.github.goroutines.cli;

import io.github.goroutines.analysis.SpawnTree;
import io.github.goroutines.analysis.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tree", mixinStandardHelpOptions = true,
    description = "Who created the goroutines of the last snapshot (debug=2): the go statements, "
        + "and the goroutines that created the most.")
final class TreeCommand extends LatestCommand {
  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most sites and creators shown (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    atLeast("--limit", limit, 1);
    io.out().print(TextReports.tree(SpawnTree.of(latest()), limit));
    return ExitCode.OK;
  }
}
