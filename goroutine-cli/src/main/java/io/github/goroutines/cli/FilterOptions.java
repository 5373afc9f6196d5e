package io.github.goroutines.cli;

import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.model.StateClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that select goroutines before any report. */
final class FilterOptions {
  @Option(names = "--state", split = ",", paramLabel = "CLASS",
      description = "keep these state classes: ${COMPLETION-CANDIDATES}")
  List<StateClass> states = new ArrayList<>();

  @Option(names = "--min-wait", paramLabel = "MINUTES",
      description = "keep goroutines waiting at least this long (debug=2)")
  Long minWait;

  @Option(names = "--label", paramLabel = "KEY=VALUE", description = "keep goroutines with this label")
  String label;

  @Option(names = "--creator", paramLabel = "PREFIX",
      description = "keep goroutines created by a function starting with PREFIX (debug=2)")
  String creator;

  Filter filter() {
    Filter f = Filter.all();
    if (!states.isEmpty()) {
      f = f.stateClasses(EnumSet.copyOf(states));
    }
    if (minWait != null) {
      if (minWait < 0) {
        throw new IllegalArgumentException("--min-wait must be 0 or more minutes, not " + minWait);
      }
      f = f.minWaitMinutes(minWait);
    }
    if (label != null) {
      int eq = label.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--label takes KEY=VALUE, got '" + label + "'");
      }
      f = f.label(label.substring(0, eq), label.substring(eq + 1));
    }
    if (creator != null) {
      f = f.creator(FunctionMatcher.prefix(creator));
    }
    return f;
  }
}
