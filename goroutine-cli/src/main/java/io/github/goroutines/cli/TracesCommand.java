package io.github.goroutines.cli;

import io.github.goroutines.analysis.TextReports;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "traces", mixinStandardHelpOptions = true,
    description = "Every stack with its count, like go tool pprof -traces.")
final class TracesCommand extends ProfileCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "a file, - or a URL; of several snapshots the last is shown")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "the most stacks shown, largest first (default: all, in profile order)")
  int limit;

  @Override
  List<String> inputs() {
    return inputs;
  }

  @Override
  public Integer call() {
    atLeast("--limit", limit, 0);
    io.out().print(TextReports.traces(latest(), limit));
    return ExitCode.OK;
  }
}
