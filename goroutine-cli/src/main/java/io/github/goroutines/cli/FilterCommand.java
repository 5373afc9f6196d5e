package io.github.goroutines.cli;

import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.model.Profile;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "filter", mixinStandardHelpOptions = true,
    description = "Writes the goroutines that match the filters (--state, --min-wait, --label, "
        + "--creator, --find) in the input's format (debug=2, debug=1 or debug=0). Cuts a large "
        + "dump down to what matters.")
final class FilterCommand extends LatestCommand {
  @Mixin
  OutputOption out = new OutputOption();

  @Option(names = "--find", paramLabel = "FUNCTION",
      description = "keep goroutines whose stack has this function (with --prefix, a prefix)")
  String find;

  @Option(names = "--prefix", description = "--find names a prefix")
  boolean prefix;

  @Override
  boolean showsTracebackText() {
    return true; // a dump is written back with its arguments
  }

  @Override
  public Integer call() {
    Profile p = latest();
    if (find != null) {
      p = Filter.all().function(prefix ? FunctionMatcher.prefix(find) : FunctionMatcher.exact(find))
          .apply(p);
    }
    Output.Written written = Output.asInput(p);
    String where = Output.write(io, out.output, written);
    io.err().printf(Locale.ROOT, "goroutines: wrote %s (%s): %d goroutines%n", where,
        written.format(), p.totalCount());
    return ExitCode.OK;
  }
}
