package io.github.goroutines.cli;

import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.TextReports;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "find", mixinStandardHelpOptions = true,
    description = "Goroutines whose stack has a matching function, with their stacks and waits.")
final class FindCommand extends ProfileCommand {
  @Parameters(index = "0", paramLabel = "PATTERN",
      description = "a function name; with --prefix a prefix, with --regex a regular expression")
  String pattern;

  @Parameters(index = "1..*", paramLabel = "INPUT", arity = "0..*",
      description = "a file, - or a URL; of several snapshots the last is searched")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--prefix", description = "PATTERN is a prefix")
  boolean prefix;

  @Option(names = "--regex", description = "PATTERN is a regular expression")
  boolean regex;

  @Option(names = {"--group", "-g"}, defaultValue = "stack", paramLabel = "GROUPING",
      description = "how the matches are grouped: " + GROUPINGS + " (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
      description = "the most groups shown (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  List<String> inputs() {
    return inputs;
  }

  @Override
  public Integer call() {
    atLeast("--limit", limit, 1);
    FunctionMatcher m = regex ? FunctionMatcher.regex(pattern)
        : prefix ? FunctionMatcher.prefix(pattern) : FunctionMatcher.exact(pattern);
    Grouping grouping = Grouping.parse(group);
    io.out().print(TextReports.find(latest(), m, grouping, limit));
    return ExitCode.OK;
  }
}
