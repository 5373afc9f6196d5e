package io.github.goroutines.cli;

import io.github.goroutines.analysis.Filter;
import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.text.TextProfileWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "filter", mixinStandardHelpOptions = true,
    description = "Writes the goroutines that match the filters (--state, --min-wait, --label, "
        + "--creator, --find) in the input's format: a dump as debug=2 text, a debug=0 profile as "
        + "debug=0. Cuts a large dump down to what matters.")
final class FilterCommand extends LatestCommand {
  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "the file to write; - for standard output")
  String output;

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
    boolean dump = !p.goroutines().isEmpty() || p.format() == ProfileFormat.DEBUG2;
    if (!dump && p.format() != ProfileFormat.PROTO) {
      throw new IllegalArgumentException("filter writes dumps as debug=2 text and debug=0 "
          + "profiles as debug=0; for this " + p.format().toString().toLowerCase(Locale.ROOT)
          + " profile use: convert --to pprof");
    }
    if (!dump && Output.textOnly(io, output)) {
      throw new IllegalArgumentException("this standard output takes text only: write a debug=0 "
          + "profile to a file");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (dump) {
      Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
      TextProfileWriter.debug2(p, w);
    } else {
      ProtoProfileWriter.write(p, bytes);
    }
    String where = Output.write(io, output, bytes.toByteArray());
    io.err().printf(Locale.ROOT, "goroutines: wrote %s (%s): %d goroutines%n", where,
        dump ? "debug=2" : "debug=0", p.totalCount());
    return ExitCode.OK;
  }
}
