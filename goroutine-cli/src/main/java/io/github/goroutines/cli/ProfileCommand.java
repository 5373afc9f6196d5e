package io.github.goroutines.cli;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Filter;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: its inputs, read as snapshots in time order (several inputs, and
 * several dumps in one input, such as a log of periodic dumps), filtered, and handed to a report of
 * the analysis module.
 */
abstract class ProfileCommand implements Callable<Integer> {
  /** The help text of {@code --group}, shared by the commands that take it. */
  static final String GROUPINGS = "stack, similar-stack, innermost, site, function, creator, "
      + "state-class, state, label:KEY, or several joined with +";

  @Spec
  CommandSpec spec;

  /** Set by {@link Main} before the command runs. */
  Io io;

  @Mixin
  ReadOptions read = new ReadOptions();

  @Mixin
  FilterOptions filters = new FilterOptions();

  /** The inputs named on the command line, maybe none. */
  abstract List<String> inputs();

  /**
   * Every dump of every input, oldest first, each filtered. Without a named input, standard input
   * is read unless it is a terminal.
   */
  @SuppressWarnings("try") // the progress line is shown while the body runs
  List<Profile> snapshots() {
    List<String> names = inputs();
    boolean implicit = names.isEmpty();
    if (implicit && io.stdinIsTerminal()) {
      throw noInput();
    }
    Inputs reader = read.reader(io.stdin());
    Filter filter = filters.filter();
    List<Profile> all = new ArrayList<>();
    for (String name : implicit ? List.of("-") : names) {
      try (Progress progress = Progress.start(io.err(), "reading " + display(name))) {
        byte[] bytes = reader.read(name);
        if (implicit && bytes.length == 0) {
          throw noInput();
        }
        for (Profile p : GoroutineProfiles.parseAll(bytes, read.parseOptions())) {
          all.add(filter.apply(p));
        }
      } catch (ProfileParseException e) {
        throw new Failure("cannot parse " + display(name) + ": " + e.getMessage(), ExitCode.INPUT);
      } catch (OutOfMemoryError e) {
        throw new Failure("out of memory reading " + display(name) + " with a heap of "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB: give Java more heap (java "
            + "-Xmx4g -jar goroutines.jar …) or refuse large inputs with --max-bytes", ExitCode.INPUT);
      }
    }
    return all;
  }

  /**
   * The latest snapshot, for the commands that show one profile; when there are several, standard
   * error says which one is shown.
   */
  Profile latest() {
    List<Profile> all = snapshots();
    if (all.size() > 1) {
      io.err().println("goroutines: " + all.size() + " snapshots in the input; " + spec.name()
          + " shows the last one (summary and diff show them all)");
    }
    return all.get(all.size() - 1);
  }

  private CommandLine.ParameterException noInput() {
    return new CommandLine.ParameterException(spec.commandLine(),
        "no input given: name a file, - for standard input or a URL, or pipe a dump in");
  }

  static String display(String input) {
    return input.equals("-") ? "standard input" : input;
  }
}
