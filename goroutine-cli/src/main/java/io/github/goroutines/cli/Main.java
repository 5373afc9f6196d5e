package io.github.goroutines.cli;

import io.github.goroutines.model.ProfileParseException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code goroutines} command. Each subcommand reads its inputs with
 * {@link io.github.goroutines.GoroutineProfiles} and prints a report of the analysis module; the
 * command line only chooses which, and turns every failure into one line and an exit code
 * ({@link ExitCode}).
 */
@Command(
    name = "goroutines",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Reads Go goroutine profiles (debug=0, 1 or 2) and dumps (runtime.Stack, panics, SIGQUIT) "
          + "and finds leaks.",
      "Inputs are files, - for standard input, or http(s) URLs of /debug/pprof/goroutine; several "
          + "inputs, and several dumps in one input, are snapshots oldest first. Without an input, "
          + "standard input is read when it is not a terminal."
    },
    subcommands = {
      SummaryCommand.class, TopCommand.class, TracesCommand.class, FindCommand.class,
      GroupsCommand.class, TreeCommand.class, DiffCommand.class, JsonCommand.class,
      HtmlCommand.class, ConvertCommand.class, FilterCommand.class, RedactCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nWithout a command, goroutines runs summary:%n")
public final class Main implements Runnable {
  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"goroutines " + (v == null ? "(development build)" : v)};
    }
  }

  @Override
  public void run() {
    // not reached: the arguments always name a command (summary when none is given)
    throw new IllegalStateException("no command");
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, new Io(System.in, Terminal.stdinIsTerminal(), out, err, System.out)));
  }

  /**
   * Runs the command line; every throwable becomes one line on standard error and an exit code.
   *
   * @param args the arguments
   * @param io the streams
   * @return the exit code
   */
  static int run(String[] args, Io io) {
    int code;
    try {
      code = execute(args, io);
    } catch (Throwable t) { // the last line of defence: never a stack trace
      code = report(t, io.err());
    }
    // a PrintWriter keeps write failures to itself: a report that did not reach standard output
    // (a closed pipe, a full disk) is a failure, never exit 0 with nothing printed
    if (io.out().checkError() && code == ExitCode.OK) {
      io.err().println("goroutines: cannot write to standard output");
      code = ExitCode.USAGE;
    }
    io.err().flush();
    return code;
  }

  private static int execute(String[] args, Io io) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(io.out());
    cli.setErr(io.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommand() instanceof ProfileCommand command) {
        command.io = io;
      }
    }
    CommandLine summary = cli.getSubcommands().get("summary");
    cli.getCommandSpec().usageMessage().footer(summary.getHelp().parameterList()
        + summary.getHelp().optionList()
        + "%nExit codes: 0 ok, 1 no input or bad arguments, 2 input not readable as a goroutine "
        + "profile (or too large for the heap), 3 a URL could not be fetched, 4 leak suspects with "
        + "--fail-on-suspects, 70 an internal error.%n");
    cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, io.err()));
    cli.setParameterExceptionHandler((e, a) -> {
      io.err().println("goroutines: " + Inputs.redact(e.getMessage()));
      e.getCommandLine().usage(io.err());
      return ExitCode.USAGE;
    });
    return cli.execute(withDefaultCommand(args, cli.getSubcommands().keySet()));
  }

  /** Puts {@code summary} in front unless the arguments name a command or ask for help. */
  private static String[] withDefaultCommand(String[] args, Set<String> commands) {
    if (args.length > 0 && (commands.contains(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]))) {
      return args;
    }
    List<String> effective = new ArrayList<>(args.length + 1);
    effective.add("summary");
    effective.addAll(Arrays.asList(args));
    return effective.toArray(String[]::new);
  }

  /** One line for any failure, never with a URL's password; the exit code says whose fault. */
  static int report(Throwable t, PrintWriter err) {
    PrintWriter safe = new PrintWriter(err) {
      @Override
      public void println(String line) {
        err.println(Inputs.redact(line));
      }
    };
    return reportTo(t, safe);
  }

  private static int reportTo(Throwable t, PrintWriter err) {
    if (t instanceof Failure f) {
      err.println("goroutines: " + f.getMessage());
      return f.exitCode();
    }
    if (t instanceof ProfileParseException p) {
      err.println("goroutines: cannot parse: " + p.getMessage());
      return ExitCode.INPUT;
    }
    if (t instanceof IllegalArgumentException i) {
      err.println("goroutines: " + i.getMessage());
      return ExitCode.USAGE;
    }
    if (t instanceof OutOfMemoryError) {
      err.println("goroutines: out of memory (heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB): give Java more heap (java -Xmx4g -jar goroutines.jar …) or refuse large inputs "
          + "with --max-bytes");
      return ExitCode.INPUT;
    }
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      err.println("goroutines: interrupted");
      return ExitCode.INTERNAL;
    }
    String what = t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
    err.println("goroutines: internal error (" + what + "); please report it with the input and "
        + "the command that caused it");
    return ExitCode.INTERNAL;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
