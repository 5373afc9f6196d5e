package io.github.goroutines.cli;

import io.github.goroutines.analysis.FoldedStacks;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.text.TextProfileWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Writes the last snapshot in another format: pprof (gzip profile.proto for go "
        + "tool pprof, with a dump's states, waits and creators as labels), folded (flame graphs: "
        + "flamegraph.pl, inferno, speedscope), json, debug2 or debug1.")
final class ConvertCommand extends LatestCommand {
  /** The formats written. */
  enum Target {
    PPROF, FOLDED, JSON, DEBUG2, DEBUG1
  }

  @Option(names = "--to", required = true, paramLabel = "FORMAT",
      description = "pprof, folded, json, debug2 (the goroutines of a dump as debug=2 text) or "
          + "debug1 (a debug=0 or debug=1 profile as debug=1 text)")
  Target to;

  @Mixin
  OutputOption out = new OutputOption();

  @Option(names = "--root", defaultValue = "none", paramLabel = "ROOT",
      description = "folded: what stands at the root of each stack: none, state or state-class "
          + "(default: ${DEFAULT-VALUE})")
  String root;

  @Option(names = "--fold-runtime", description = "folded: leave out the runtime's frames")
  boolean foldRuntime;

  @Option(names = "--goroutine-ids",
      description = "pprof: keep each goroutine's id as a label (a sample per goroutine)")
  boolean goroutineIds;

  @Option(names = "--no-dump-labels",
      description = "pprof: no state, state_class, wait_minutes and created_by labels")
  boolean noDumpLabels;

  @Override
  boolean showsTracebackText() {
    return to == Target.JSON || to == Target.DEBUG2;
  }

  @Override
  public Integer call() {
    FoldedStacks.Root folded = switch (root.toLowerCase(Locale.ROOT)) {
      case "none" -> FoldedStacks.Root.NONE;
      case "state" -> FoldedStacks.Root.STATE;
      case "state-class" -> FoldedStacks.Root.STATE_CLASS;
      default -> throw new IllegalArgumentException("--root takes none, state or state-class, not '"
          + root + "'");
    };
    if (to == Target.PPROF && Output.textOnly(io, out.output)) {
      throw new IllegalArgumentException("this standard output takes text only: write pprof to a "
          + "file");
    }
    Profile p = latest();
    byte[] bytes = switch (to) {
      case PPROF -> ProtoProfileWriter.toBytes(p,
          new ProtoProfileWriter.Options(!noDumpLabels, goroutineIds));
      case FOLDED -> FoldedStacks.of(p, folded, foldRuntime).getBytes(StandardCharsets.UTF_8);
      case JSON -> JsonReports.profile(p).getBytes(StandardCharsets.UTF_8);
      case DEBUG2 -> Output.text(w -> TextProfileWriter.debug2(p, w));
      case DEBUG1 -> Output.text(w -> TextProfileWriter.debug1(p, w));
    };
    String where = Output.write(io, out.output, bytes);
    io.err().printf(Locale.ROOT, "goroutines: wrote %s (%s, %d bytes): %d goroutines in %d "
        + "samples%n", where, to.name().toLowerCase(Locale.ROOT), bytes.length, p.totalCount(),
        p.samples().size());
    return ExitCode.OK;
  }
}
