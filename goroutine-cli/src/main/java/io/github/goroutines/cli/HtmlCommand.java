package io.github.goroutines.cli;

import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.HtmlReports;
import io.github.goroutines.analysis.IgnoreRules;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.model.Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "html", mixinStandardHelpOptions = true,
    description = "The leak report as one self-contained HTML page: an icicle graph of the "
        + "goroutines by stack and state, the blocking sites, the suspects; over several "
        + "snapshots a growth chart and a graph of what grew.")
final class HtmlCommand extends ProfileCommand {
  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "files, - or URLs, oldest first (default: standard input when piped)")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
      description = "the most sites and suspects listed (default: ${DEFAULT-VALUE})")
  int limit;

  @Mixin
  OutputOption out = new OutputOption();

  @Mixin
  SuspectOptions suspects = new SuspectOptions();

  @Mixin
  TimeOptions times = new TimeOptions();

  @Override
  List<String> inputs() {
    return inputs;
  }

  @Override
  TimeOptions times() {
    return times;
  }

  @Override
  public Integer call() {
    atLeast("--limit", limit, 1);
    IgnoreRules rules = suspects.check();
    List<Profile> snapshots = snapshots();
    snapshots.forEach(this::warnOfDiagnostics);
    Summary summary = Summary.of(snapshots, Grouping.parse("site"), rules);
    byte[] page = HtmlReports.of(summary, limit).getBytes(StandardCharsets.UTF_8);
    String where = Output.write(io, out.output, page);
    io.err().printf(Locale.ROOT, "goroutines: wrote %s (html, %d bytes): %d goroutines, %d "
        + "snapshots%n", where, page.length, summary.latest().totalCount(), snapshots.size());
    return suspects.exitCode(summary);
  }
}
