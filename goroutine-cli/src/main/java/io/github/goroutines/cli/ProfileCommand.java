package io.github.goroutines.cli;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
   * Whether the command shows each frame's argument and {@code fp=} text, which parsing otherwise
   * leaves out to keep large dumps small.
   */
  boolean showsTracebackText() {
    return false;
  }

  /** When untimed snapshots were taken, for the commands that compare snapshots; else null. */
  TimeOptions times() {
    return null;
  }

  /**
   * Every dump of every input, oldest first, each filtered. Without a named input, standard input
   * is read unless it is a terminal.
   */
  List<Profile> snapshots() {
    List<String> names = inputs();
    boolean implicit = names.isEmpty();
    if (implicit && io.stdinIsTerminal()) {
      throw noInput();
    }
    Inputs inputs = read.inputs(io.stdin());
    Filter filter = filters.filter();
    TimeOptions times = times();
    if (times != null) {
      times.check();
    }
    List<Profile> all = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (String name : implicit ? List.of("-") : names) {
      for (Profile p : parse(inputs, name, implicit)) {
        all.add(filter.apply(p));
        sources.add(name);
      }
    }
    if (times != null) {
      all = times.apply(all, sources, Instant.now());
    }
    if (read.strict) {
      refuseOutOfTimeOrder(all, implicit ? List.of("-") : names);
    }
    return all;
  }

  /**
   * Strict: snapshots that say when they were taken must come oldest first (leniently the reports
   * put them in order and say so).
   */
  private static void refuseOutOfTimeOrder(List<Profile> snapshots, List<String> names) {
    for (int i = 1; i < snapshots.size(); i++) {
      var before = snapshots.get(i - 1).time();
      var after = snapshots.get(i).time();
      if (before.isPresent() && after.isPresent() && after.get().isBefore(before.get())) {
        throw new Failure("snapshot " + (i + 1) + " was taken at " + after.get() + ", before "
            + "snapshot " + i + " (" + before.get() + "): give them oldest first"
            + (names.size() == snapshots.size() ? " (" + display(names.get(i)) + ")" : ""),
            ExitCode.INPUT);
      }
    }
  }

  /**
   * What the parse of a snapshot passed over or repaired, on standard error, for the reports that
   * do not show it themselves: a result never hides that input was skipped.
   */
  void warnOfDiagnostics(Profile p) {
    String lines = TextReports.diagnostics(p.diagnostics());
    if (!lines.isEmpty()) {
      io.err().print(lines.replace("  parse: ", "goroutines: parse: "));
    }
  }

  /** Every dump of one input; every way it can fail becomes a {@link Failure}. */
  List<Profile> parse(Inputs inputs, String name, boolean implicit) {
    return parse(inputs, name, implicit, null);
  }

  /**
   * Every dump of one input, its bytes copied as they are read to {@code copy} when it is not
   * null; every way it can fail becomes a {@link Failure}.
   */
  @SuppressWarnings("try") // the progress line is shown while the input is read
  List<Profile> parse(Inputs inputs, String name, boolean implicit, Path copy) {
    ParseOptions options = read.parseOptions().withTracebackText(showsTracebackText());
    Path file = copy == null ? inputs.file(name) : null;
    try (Progress progress = Progress.start(io.err(), "reading " + display(name))) {
      if (file != null) {
        return GoroutineProfiles.parseAll(file, options); // read in parts, on every core
      }
      try (InputStream in = new BufferedInputStream(copied(inputs.open(name), copy))) {
        if (implicit && isEmpty(in)) {
          throw noInput();
        }
        return GoroutineProfiles.parseAll(in, options);
      }
    } catch (ProfileParseException e) {
      if (e.limit().filter("maxInputBytes"::equals).isPresent()) {
        throw new Failure(display(name) + " is larger than " + read.maxBytes
            + " bytes (raise --max-bytes)", ExitCode.INPUT);
      }
      throw new Failure("cannot parse " + display(name) + ": " + e.getMessage(), ExitCode.INPUT);
    } catch (IOException | UncheckedIOException e) {
      String why = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      throw Inputs.isUrl(name)
          ? new Failure("the answer of " + display(name) + " was cut short: " + why, ExitCode.FETCH)
          : new Failure("cannot read " + display(name) + ": " + why, ExitCode.USAGE);
    } catch (OutOfMemoryError e) {
      throw new Failure("out of memory reading " + display(name) + " with a heap of "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB: give Java more heap (java "
          + "-Xmx4g -jar goroutines.jar …) or refuse large inputs with --max-bytes", ExitCode.INPUT);
    }
  }

  /** The input, its bytes also written to a file as they are read. */
  private static InputStream copied(InputStream in, Path copy) {
    if (copy == null) {
      return in;
    }
    OutputStream out;
    try {
      out = Files.newOutputStream(copy);
    } catch (IOException e) {
      throw new Failure("cannot save a snapshot as " + copy + ": " + e.getMessage(), ExitCode.USAGE);
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          write(new byte[] {(byte) c}, 0, 1);
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          write(b, off, n);
        }
        return n;
      }

      private void write(byte[] b, int off, int len) {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new Failure("cannot save a snapshot as " + copy + ": " + e.getMessage(),
              ExitCode.USAGE);
        }
      }

      @Override
      public void close() throws IOException {
        try (out) {
          super.close();
        }
      }
    };
  }

  private static boolean isEmpty(InputStream buffered) throws IOException {
    buffered.mark(1);
    boolean empty = buffered.read() < 0;
    buffered.reset();
    return empty;
  }

  /**
   * The latest snapshot, for the commands that show one profile; when there are several, standard
   * error says which one is shown.
   */
  Profile latest() {
    List<Profile> all = snapshots();
    warnOfDiagnostics(all.get(all.size() - 1));
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

  /**
   * Checks a numeric option before anything is read.
   *
   * @throws IllegalArgumentException naming the option when the value is below {@code min}
   */
  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be " + (min == 0 ? "0 or more" : "at least "
          + min) + ", not " + value);
    }
  }

  /** The input as messages name it: never with a URL's password. */
  static String display(String input) {
    return input.equals("-") ? "standard input" : Inputs.redact(input);
  }
}
