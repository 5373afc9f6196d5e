package io.github.goroutines.cli;

import io.github.goroutines.analysis.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "traces", mixinStandardHelpOptions = true,
    description = "Every stack with its count, like go tool pprof -traces.")
final class TracesCommand extends LatestCommand {
  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "the most stacks shown, largest first (default: all, in profile order)")
  int limit;

  @Override
  public Integer call() {
    atLeast("--limit", limit, 0);
    io.out().print(TextReports.traces(latest(), limit));
    return ExitCode.OK;
  }
}
