package io.github.goroutines.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A command that shows one profile: the last snapshot of its inputs. */
abstract class LatestCommand extends ProfileCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "a file, - or a URL; of several snapshots the last is shown")
  List<String> inputs = new ArrayList<>();

  @Override
  final List<String> inputs() {
    return inputs;
  }
}
