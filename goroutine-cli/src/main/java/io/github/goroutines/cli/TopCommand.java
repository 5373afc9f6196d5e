package io.github.goroutines.cli;

import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.analysis.Top;
import io.github.goroutines.model.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "top", mixinStandardHelpOptions = true,
    description = "Flat and cum goroutines per function, like go tool pprof -top.")
final class TopCommand extends LatestCommand {
  @Option(names = {"--user", "-u"},
      description = "attribute runtime and standard-library frames to the first user frame")
  boolean user;

  @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
      description = "the most functions shown, like pprof's -nodecount (default: all)")
  int limit;

  @Override
  public Integer call() {
    atLeast("--limit", limit, 0);
    Profile p = latest();
    io.out().print(TextReports.top(p, Top.of(p, user, limit)));
    return ExitCode.OK;
  }
}
