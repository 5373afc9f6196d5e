package io.github.goroutines.cli;

import io.github.goroutines.analysis.Redactor;
import io.github.goroutines.model.Profile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "redact", mixinStandardHelpOptions = true,
    description = "Writes the last snapshot with its program's names replaced (functions and files "
        + "outside the standard library, label values, arguments, crash messages), in the input's "
        + "format, to share it; the mapping to translate back goes to a file the owner keeps.")
final class RedactCommand extends LatestCommand {
  @Mixin
  OutputOption out = new OutputOption();

  @Option(names = "--keep", paramLabel = "PREFIX",
      description = "keep functions and files under this package path or file prefix (repeat it)")
  List<String> keep = new ArrayList<>();

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "where the replacements go, original and replacement per line (default: "
          + "OUTPUT.mapping.tsv; required when OUTPUT is -)")
  String mapping;

  @Override
  public Integer call() {
    if (mapping == null && out.output.equals("-")) {
      throw new IllegalArgumentException("redact -o - needs --mapping FILE: the replacements are "
          + "what translates a report back");
    }
    if ("-".equals(mapping) && out.output.equals("-")) {
      throw new IllegalArgumentException("redact writes the profile and the mapping to two places: "
          + "give a file to -o or to --mapping");
    }
    Profile p = latest();
    Redactor redactor = Redactor.keeping(keep);
    Output.Written written = Output.asInput(redactor.redact(p));
    StringBuilder table = new StringBuilder("kind\toriginal\treplacement\n");
    for (Map.Entry<String, String> e : redactor.mapping().entrySet()) {
      int space = e.getKey().indexOf(' ');
      table.append(e.getKey(), 0, space).append('\t')
          .append(tsv(e.getKey().substring(space + 1))).append('\t').append(e.getValue())
          .append('\n');
    }
    String mappingFile = mapping != null ? mapping : out.output + ".mapping.tsv";
    String where = Output.write(io, out.output, written);
    Output.write(io, mappingFile, table.toString().getBytes(StandardCharsets.UTF_8));
    io.err().printf(Locale.ROOT, "goroutines: wrote %s (%s, redacted): %d goroutines; %d "
        + "replacements in %s%n", where, written.format(), p.totalCount(),
        redactor.mapping().size(), mappingFile);
    return ExitCode.OK;
  }

  /** A field of the mapping table: tabs and line breaks escaped. */
  private static String tsv(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
