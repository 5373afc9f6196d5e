package io.github.goroutines.cli;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.analysis.LeakSuspects;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.analysis.Top;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.StateClass;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code goroutines} command. Each subcommand parses its inputs with
 * {@link GoroutineProfiles} and prints a report of the analysis module; nothing is computed here.
 *
 * <p>Exit codes: 0 ok, 1 no input or bad arguments, 2 parse error, 3 fetch error, 4 leak suspects
 * found with {@code --fail-on-suspects}.
 */
@Command(
    name = "goroutines",
    mixinStandardHelpOptions = true,
    version = "goroutines 0.1.0-SNAPSHOT",
    description = "Reads Go goroutine profiles (debug=0, 1 or 2, crash logs) and finds leaks.%n"
        + "Inputs are files, - for standard input, or http(s) URLs of /debug/pprof/goroutine;"
        + " several inputs are snapshots in time order. Without a command: summary.",
    subcommands = {
      Main.Summary.class, Main.TopCommand.class, Main.Traces.class, Main.Find.class,
      Main.DiffCommand.class, Main.Json.class
    })
public final class Main implements Runnable {
  static final int OK = 0;
  static final int USAGE = 1;
  static final int PARSE = 2;
  static final int FETCH = 3;
  static final int SUSPECTS = 4;

  private static final Set<String> COMMANDS =
      Set.of("summary", "top", "traces", "find", "diff", "json", "help", "-h", "--help", "-V",
          "--version");

  @Override
  public void run() {
    // only reached with no arguments at all
    throw new CommandLine.ParameterException(new CommandLine(this), "no input given");
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams; used by tests.
   *
   * @param args the arguments
   * @param stdin standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
    String[] effective = args;
    if (args.length > 0 && !COMMANDS.contains(args[0])) {
      effective = new String[args.length + 1];
      effective[0] = "summary";
      System.arraycopy(args, 0, effective, 1, args.length);
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    for (CommandLine sub : cli.getSubcommands().values()) {
      ((Base) sub.getCommand()).io = new Io(stdin, out, err);
    }
    cli.setExecutionExceptionHandler((e, line, parse) -> {
      if (e instanceof ProfileParseException p) {
        err.println("goroutines: cannot parse: " + p.getMessage());
        return PARSE;
      }
      if (e instanceof Inputs.InputException i) {
        err.println("goroutines: " + i.getMessage());
        return i.fetch ? FETCH : USAGE;
      }
      if (e instanceof IllegalArgumentException i) {
        err.println("goroutines: " + i.getMessage());
        return USAGE;
      }
      throw e;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("goroutines: " + e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    int code = cli.execute(effective);
    out.flush();
    err.flush();
    return code;
  }

  /** Streams of one run. */
  record Io(InputStream stdin, PrintWriter out, PrintWriter err) {}

  /** Options every command shares. */
  static final class Common {
    @Option(names = "--strict", description = "fail on the first problem instead of skipping it")
    boolean strict;

    @Option(names = "--limit", defaultValue = "10", description = "the most rows shown (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--timeout", defaultValue = "30s",
        description = "connect and answer timeout for URLs, e.g. 10s, 2m (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--max-bytes", defaultValue = "1073741824",
        description = "the largest input accepted (default: ${DEFAULT-VALUE})")
    long maxBytes;
  }

  /** Options that select goroutines. */
  static final class Filters {
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

  /** What every command does: read its inputs as snapshots. */
  abstract static class Base implements Callable<Integer> {
    Io io;

    @Mixin
    Common common = new Common();

    @Mixin
    Filters filters = new Filters();

    abstract List<String> inputs();

    ParseOptions options() {
      return ParseOptions.defaults().withStrict(common.strict).withMaxInputBytes(common.maxBytes);
    }

    List<Profile> snapshots() throws Inputs.InputException {
      if (inputs().isEmpty()) {
        throw new IllegalArgumentException("no input given: name a file, - or a URL");
      }
      Inputs reader = reader();
      List<Profile> profiles = new ArrayList<>();
      for (String input : inputs()) {
        Progress progress = Progress.start(io.err(), "reading " + input);
        try {
          profiles.add(GoroutineProfiles.parse(reader.read(input), options()));
        } finally {
          progress.close();
        }
      }
      return profiles;
    }

    Inputs reader() {
      return new Inputs(io.stdin(), parseDuration(common.timeout), common.maxBytes);
    }

    /** The inputs as snapshots, each filtered. */
    List<Profile> filteredSnapshots() throws Inputs.InputException {
      Filter filter = filters.filter();
      return snapshots().stream().map(filter::apply).toList();
    }

    /** The last input, filtered. */
    Profile filteredLast() throws Inputs.InputException {
      List<Profile> all = snapshots();
      return filters.filter().apply(all.get(all.size() - 1));
    }
  }

  /** Durations such as {@code 30s}, {@code 2m}, {@code 500ms}. */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          break;
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 2m)");
  }

  @Command(name = "summary", description = "The leak report: totals, states, blocking sites, suspects.")
  static final class Summary extends Base {
    @Parameters(paramLabel = "INPUT", description = "profiles, oldest first")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--fail-on-suspects", description = "exit with 4 when there are leak suspects")
    boolean failOnSuspects;

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      List<Profile> snapshots = filteredSnapshots();
      io.out().print(TextReports.summary(snapshots, common.limit));
      return failOnSuspects && !LeakSuspects.of(snapshots).isEmpty() ? SUSPECTS : OK;
    }
  }

  @Command(name = "top", description = "Flat and cum goroutines per function, like go tool pprof -top.")
  static final class TopCommand extends Base {
    @Parameters(paramLabel = "INPUT", arity = "1")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"--user", "-u"},
        description = "attribute runtime and standard-library frames to the first user frame")
    boolean user;

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      Profile p = filteredLast();
      io.out().print(TextReports.top(p, Top.of(p, user)));
      return OK;
    }
  }

  @Command(name = "traces", description = "Every stack with its count, like go tool pprof -traces.")
  static final class Traces extends Base {
    @Parameters(paramLabel = "INPUT", arity = "1")
    List<String> inputs = new ArrayList<>();

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      io.out().print(TextReports.traces(filteredLast()));
      return OK;
    }
  }

  @Command(name = "find", description = "Goroutines whose stack has a matching function.")
  static final class Find extends Base {
    @Parameters(index = "0", paramLabel = "PATTERN",
        description = "a function name; with --prefix a prefix, with --regex a regular expression")
    String pattern;

    @Parameters(index = "1", paramLabel = "INPUT", arity = "1")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--prefix", description = "PATTERN is a prefix")
    boolean prefix;

    @Option(names = "--regex", description = "PATTERN is a regular expression")
    boolean regex;

    @Option(names = {"--group", "-g"}, defaultValue = "stack",
        description = "how to group the matches (default: ${DEFAULT-VALUE})")
    String group;

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      FunctionMatcher m = regex ? FunctionMatcher.regex(pattern)
          : prefix ? FunctionMatcher.prefix(pattern) : FunctionMatcher.exact(pattern);
      Profile found = Filter.all().function(m).apply(filteredLast());
      Groups groups = Groups.of(found, Grouping.parse(group));
      io.out().printf(Locale.ROOT, "%d goroutines match %s%n", found.totalCount(), m);
      for (var g : groups.top(common.limit)) {
        io.out().printf(Locale.ROOT, "%n%d goroutines%s%s%n", g.count(),
            g.maxWaitMinutes().isPresent() ? ", waiting " + minutes(g) : "",
            ids(g.goroutines()));
        io.out().print(TextReports.stack(g.representative(), "    "));
        g.goroutines().stream().findFirst().flatMap(Goroutine::createdBy).ifPresent(c ->
            io.out().println("    created by " + c.function() + "  " + c.location()));
      }
      if (groups.list().size() > common.limit) {
        io.out().printf(Locale.ROOT, "%n... and %d more stacks%n", groups.list().size() - common.limit);
      }
      return OK;
    }

    private static String minutes(io.github.goroutines.analysis.Group g) {
      long min = g.minWaitMinutes().getAsLong();
      long max = g.maxWaitMinutes().getAsLong();
      return (min == max ? Long.toString(min) : min + "-" + max) + " min";
    }

    private static String ids(List<Goroutine> gs) {
      if (gs.isEmpty()) {
        return "";
      }
      StringBuilder sb = new StringBuilder(" (goroutine ");
      for (int i = 0; i < Math.min(8, gs.size()); i++) {
        sb.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(gs.get(i).id()));
      }
      return sb.append(gs.size() > 8 ? ", …)" : ")").toString();
    }
  }

  @Command(name = "diff", description = "Growth between snapshots, or of a URL watched over time.")
  static final class DiffCommand extends Base {
    @Parameters(paramLabel = "INPUT", description = "two or more profiles, oldest first")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"--group", "-g"}, defaultValue = "site",
        description = "grouping: stack, similar-stack, innermost, site, function, creator, "
            + "state-class, state, label:KEY, or several joined with + (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--watch", paramLabel = "URL", description = "take the snapshots from this URL")
    String watch;

    @Option(names = "--every", defaultValue = "30s", description = "time between snapshots (default: ${DEFAULT-VALUE})")
    String every;

    @Option(names = "--count", defaultValue = "3", description = "snapshots to take (default: ${DEFAULT-VALUE})")
    int count;

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      Grouping grouping = Grouping.parse(group);
      Filter filter = filters.filter();
      List<Profile> snapshots;
      if (watch != null) {
        if (!inputs.isEmpty()) {
          throw new IllegalArgumentException("--watch takes its snapshots itself; give no INPUT");
        }
        if (count < 2) {
          throw new IllegalArgumentException("--count must be at least 2");
        }
        snapshots = new ArrayList<>();
        Inputs reader = reader();
        Duration pause = parseDuration(every);
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            Thread.sleep(pause.toMillis());
          }
          snapshots.add(filter.apply(GoroutineProfiles.parse(reader.read(watch), options())));
          io.out().printf(Locale.ROOT, "snapshot %d: %d goroutines%n", i + 1,
              snapshots.get(i).totalCount());
          if (i > 0) {
            io.out().print(TextReports.diff(Diff.of(snapshots, grouping), common.limit));
          }
          io.out().flush();
        }
        return OK;
      }
      if (inputs.size() < 2) {
        throw new IllegalArgumentException("diff needs two or more inputs, or --watch URL");
      }
      snapshots = filteredSnapshots();
      io.out().print(TextReports.diff(Diff.of(snapshots, grouping), common.limit));
      return OK;
    }
  }

  @Command(name = "json", description = "The profile, or a report, as JSON (schema goroutines/v1).")
  static final class Json extends Base {
    @Parameters(paramLabel = "INPUT")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--report", defaultValue = "profile",
        description = "profile, groups, diff or summary (default: ${DEFAULT-VALUE})")
    String report;

    @Option(names = {"--group", "-g"}, defaultValue = "site",
        description = "grouping for groups and diff (default: ${DEFAULT-VALUE})")
    String group;

    @Override
    List<String> inputs() {
      return inputs;
    }

    @Override
    public Integer call() throws Exception {
      List<Profile> snapshots = filteredSnapshots();
      StringWriter w = new StringWriter();
      switch (report) {
        case "profile" -> JsonReports.profile(snapshots.get(snapshots.size() - 1), w);
        case "groups" -> JsonReports.groups(Groups.of(snapshots.get(snapshots.size() - 1), Grouping.parse(group)),
            common.limit, w);
        case "diff" -> {
          if (snapshots.size() < 2) {
            throw new IllegalArgumentException("--report diff needs two or more inputs");
          }
          JsonReports.diff(Diff.of(snapshots, Grouping.parse(group)), common.limit, w);
        }
        case "summary" -> JsonReports.summary(snapshots, common.limit, w);
        default -> throw new IllegalArgumentException("unknown report '" + report
            + "': expected profile, groups, diff or summary");
      }
      io.out().print(w);
      return OK;
    }
  }
}
