package io.github.goroutines.cli;

import picocli.CommandLine.Option;

/** Where {@code convert}, {@code filter} and {@code redact} write the profile. */
final class OutputOption {
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "the file to write; - for standard output")
  String output;
}
