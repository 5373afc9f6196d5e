package io.github.goroutines.cli;

import io.github.goroutines.analysis.IgnoreRules;
import io.github.goroutines.analysis.LeakSuspects;
import io.github.goroutines.analysis.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Which goroutines are expected, and how suspicious a site must be to fail a CI check. */
final class SuspectOptions {
  @Option(names = "--ignore", paramLabel = "FUNCTION",
      description = "expected: goroutines with FUNCTION anywhere in their stack (a trailing * "
          + "makes it a prefix); repeatable")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--ignore-top", paramLabel = "FUNCTION",
      description = "expected: goroutines whose first frame of user code is FUNCTION; repeatable")
  List<String> ignoreTop = new ArrayList<>();

  @Option(names = "--ignore-file", paramLabel = "FILE",
      description = "rules, one per line: 'ignore FUNCTION', 'ignore-top FUNCTION' or "
          + "'ignore-idle-connections' (# comments)")
  Path ignoreFile;

  @Option(names = "--fail-on-suspects", arity = "0..1", paramLabel = "MIN_SCORE",
      preprocessor = OptionalScore.class,
      description = "exit with 4 when a suspect scores MIN_SCORE or more (default when given: 20, "
          + "the least score of a suspect)")
  Double failOnSuspects;

  /**
   * Takes the next argument as the score only when it is one, so that {@code --fail-on-suspects
   * profile.pb.gz} still names an input.
   */
  static final class OptionalScore implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option,
        Map<String, Object> info) {
      if (" ".equals(info.get("separator")) && (args.isEmpty() || !isScore(args.peek()))) {
        args.push(Double.toString(LeakSuspects.THRESHOLD));
      }
      return false; // picocli goes on with the value
    }

    private static boolean isScore(String arg) {
      try {
        Double.parseDouble(arg);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /**
   * Checks the options before anything is read, and returns their rules.
   *
   * @return the rules of the options (a file that cannot be read or parsed is a usage error)
   */
  IgnoreRules check() {
    if (failOnSuspects != null
        && (failOnSuspects.isNaN() || failOnSuspects < LeakSuspects.THRESHOLD)) {
      throw new IllegalArgumentException("--fail-on-suspects takes a score of at least "
          + (int) LeakSuspects.THRESHOLD + " (the least score of a suspect), not "
          + failOnSuspects);
    }
    return rules();
  }

  private IgnoreRules rules() {
    IgnoreRules rules = IgnoreRules.none();
    if (ignoreFile != null) {
      try {
        rules = IgnoreRules.parse(Files.readAllLines(ignoreFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new Failure("cannot read --ignore-file " + ignoreFile + ": " + e.getMessage(),
            ExitCode.USAGE);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--ignore-file " + ignoreFile + ": " + e.getMessage());
      }
    }
    for (String f : ignore) {
      rules = rules.ignore(f);
    }
    for (String f : ignoreTop) {
      rules = rules.ignoreTop(f);
    }
    return rules;
  }

  /** The exit code of a check: 4 when a suspect reaches the threshold. */
  int exitCode(Summary summary) {
    return failOnSuspects != null
        && summary.suspects().stream().anyMatch(s -> s.score() >= failOnSuspects)
        ? ExitCode.SUSPECTS : ExitCode.OK;
  }
}
