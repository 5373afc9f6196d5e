package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.proto.ProtoProfileWriter.Options;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProtoProfileWriter} on real Go output of every version: what it writes reads back to the
 * same samples, {@code top} and {@code traces}, a dump's goroutines carry their state, class, wait
 * and creator as labels, and real {@code go tool pprof} prints what this library prints for the
 * source.
 */
class PprofWriterTest {
  static final List<String> SOURCES = List.of("later.debug0.pb.gz", "later.debug1.txt",
      "later.debug2.txt", "crash.panic.txt");
  static final Options PLAIN = new Options(false, false);

  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static Profile reread(Profile p, Options options) {
    return GoroutineProfiles.parse(ProtoProfileWriter.toBytes(p, options));
  }

  /** Function, file, line and inlining: what pprof keeps of a frame. */
  static List<String> frames(Sample s) {
    return s.stack().frames().stream()
        .map(f -> f.function() + " " + f.file() + ":" + f.line() + (f.inlined() ? " inline" : ""))
        .toList();
  }

  static String from(String text, String marker) {
    return text.substring(text.indexOf(marker));
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void whatIsWrittenReadsBackTheSame(String v) {
    for (String name : SOURCES) {
      Profile source = GoroutineProfiles.parse(Fixtures.read(v, name));
      Profile back = reread(source, PLAIN);
      assertThat(back.totalCount()).as(name).isEqualTo(source.totalCount());
      assertThat(back.type()).isEqualTo("goroutine");
      assertThat(TextReports.top(back, Top.of(back, false)))
          .as("go%s %s: top", v, name).isEqualTo(TextReports.top(source, Top.of(source, false)));
      assertThat(from(TextReports.traces(back), "-----------+"))
          .as("go%s %s: traces", v, name).isEqualTo(from(TextReports.traces(source), "-----------+"));
      if (name.endsWith(".pb.gz") || name.endsWith("debug1.txt")) {
        // sample for sample: stack, count and labels
        assertThat(back.samples()).hasSameSizeAs(source.samples());
        for (int i = 0; i < source.samples().size(); i++) {
          Sample a = source.samples().get(i);
          Sample b = back.samples().get(i);
          assertThat(frames(b)).isEqualTo(frames(a));
          assertThat(b.count()).isEqualTo(a.count());
          assertThat(b.labels()).isEqualTo(a.labels());
        }
      }
    }
    Profile leak = GoroutineProfiles.parse(Fixtures.read("1.27", "leak.debug0.pb.gz"));
    assertThat(reread(leak, PLAIN).type()).isEqualTo("goroutineleak");
    Profile source = GoroutineProfiles.parse(Fixtures.read(v, "later.debug0.pb.gz"));
    assertThat(reread(source, PLAIN).metadata().timeNanos()).isEqualTo(source.metadata().timeNanos());
    assertThat(reread(source, PLAIN).metadata().mappings()).isEqualTo(source.metadata().mappings());
  }

  /** pprof's -tagfocus and -tagroot slice a dump by state, class, wait and creator. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aDumpsGoroutinesCarryTheirStateAsLabels(String v) {
    Profile dump = GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt"));
    Profile back = reread(dump, Options.defaults());
    Map<String, Long> byClass = new TreeMap<>();
    long waiting = 0;
    for (Sample s : back.samples()) {
      String c = value(s, "state_class").orElseThrow();
      byClass.merge(c, s.count(), Long::sum);
      assertThat(value(s, "state")).isPresent();
      for (Label l : s.labels().list()) {
        if (l.key().equals("wait_minutes")) {
          assertThat(l.numeric()).isTrue();
          assertThat(l.unit()).isEqualTo("minutes");
          waiting += s.count();
        }
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    for (var g : dump.goroutines()) {
      expected.merge(g.stateClass().name(), 1L, Long::sum);
    }
    assertThat(byClass).isEqualTo(expected);
    assertThat(waiting).isEqualTo(dump.goroutines().stream()
        .filter(g -> g.waitMinutes().isPresent()).count());
    Sample leak = back.samples().stream()
        .filter(s -> s.stack().contains("main.handleRequest.func1")).findFirst().orElseThrow();
    assertThat(leak.count()).isEqualTo(120);
    assertThat(value(leak, "state_class")).contains(StateClass.CHAN_SEND.name());
    assertThat(value(leak, "created_by"))
        .contains("main.handleRequest example.com/leaky/v2/main.go:85");
    Profile ids = reread(dump, new Options(false, true));
    assertThat(ids.samples()).hasSize(403);
    assertThat(ProtoProfileWriter.toBytes(dump, Options.defaults()))
        .as("equal input, equal bytes").isEqualTo(ProtoProfileWriter.toBytes(
            GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt")), Options.defaults()));
  }

  private static Optional<String> value(Sample s, String key) {
    return s.labels().list().stream().filter(l -> l.key().equals(key)).map(Label::value)
        .findFirst();
  }

  /**
   * The real check: Go's own pprof reads the written files and prints what this library prints for
   * the sources. It needs a Go toolchain (testdata/make.sh installs them); without one it says so
   * and is skipped.
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void goToolPprofPrintsWhatThisLibraryPrints(String v, @TempDir Path dir) throws Exception {
    Path go = Path.of("/usr/lib/go-" + v + "/bin/go");
    Assumptions.assumeTrue(Files.isExecutable(go), "skipped: no Go " + v + " toolchain at " + go
        + " (testdata/make.sh installs it)");
    for (String name : List.of("later.debug0.pb.gz", "later.debug2.txt")) {
      Profile source = GoroutineProfiles.parse(Fixtures.read(v, name));
      Path written = dir.resolve(name + ".pprof.pb.gz");
      Files.write(written, ProtoProfileWriter.toBytes(source, PLAIN));
      // the header's time format differs between pprof versions: compare from the table on
      assertThat(from(pprof(go, "-top", written), "Showing nodes")).as("go%s %s: -top", v, name)
          .isEqualTo(from(TextReports.top(source, Top.of(source, false)), "Showing nodes"));
      // pprof prints label values raw; the text reports escape what would move the cursor
      String traces = from(pprof(go, "-traces", written), "-----------+")
          .replace("é\n\t\n", "é\\n\\t\n").replace("\u0007", "\\x07");
      assertThat(traces)
          .as("go%s %s: -traces", v, name)
          .isEqualTo(from(TextReports.traces(source), "-----------+"));
    }
    // debug=1 text as TextProfileWriter writes it: Go's legacy parser reads what it reads in Go's
    Path original = dir.resolve("original.debug1.txt");
    Files.write(original, Fixtures.read(v, "later.debug1.txt"));
    Path rewritten = dir.resolve("rewritten.debug1.txt");
    try (var out = Files.newBufferedWriter(rewritten)) {
      io.github.goroutines.parse.text.TextProfileWriter.debug1(
          GoroutineProfiles.parse(Fixtures.read(v, "later.debug1.txt")), out);
    }
    assertThat(pprof(go, "-traces", rewritten)).as("go%s debug=1", v)
        .isEqualTo(pprof(go, "-traces", original));
    Profile dump = GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt"));
    Path labelled = dir.resolve("labelled.pb.gz");
    Files.write(labelled, ProtoProfileWriter.toBytes(dump, Options.defaults()));
    assertThat(pprof(go, "-top", labelled, "-tagfocus", "state_class=CHAN_SEND"))
        .contains("Showing nodes accounting for 122, 30.27% of 403 total");
  }

  private static String pprof(Path go, String report, Path file, String... more) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(go.toString(), "tool", "pprof",
        report));
    command.addAll(List.of(more));
    command.add(file.toString());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("GOTOOLCHAIN", "local");
    pb.environment().put("HOME", file.getParent().toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
