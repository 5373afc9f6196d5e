package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What TextProfileWriter writes reads back to the same goroutines, on every real dump. */
class TextProfileWriterTest {
  static final List<String> DUMPS = List.of("later.debug2.txt", "first.debug2.txt",
      "healthy.debug2.txt", "crash.panic.txt", "crash.sigquit.txt", "crash.traceback-crash.txt",
      "leaked.debug2.txt", "multi.log.txt");

  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static String write(Profile p) {
    StringWriter out = new StringWriter();
    TextProfileWriter.debug2(p, out);
    return out.toString();
  }

  /** Everything of a goroutine but the line its header stood on. */
  static String facts(Goroutine g) {
    return String.join("|", Long.toUnsignedString(g.id()), g.state(), g.waitMinutes().toString(),
        String.valueOf(g.lockedToThread()), g.synctestGroup().toString(),
        g.synctestBubble().toString(), g.labels().toString(), g.stack().frames().toString(),
        g.stack().frames().stream().map(f -> f.entryOffset().toString()).toList().toString(),
        String.valueOf(g.stack().elisionIndex()), String.valueOf(g.stack().elidedFrames()),
        g.createdBy().toString(), g.creatorId().toString(), g.ancestors().toString(),
        String.valueOf(g.stackUnavailable()), g.traceback().arguments().toString(),
        g.traceback().frameExtras().toString(), g.traceback().headerFields().toString(),
        g.traceback().otherStateItems().toString());
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void everyDumpReadsBackToTheSameGoroutines(String v) {
    for (ParseOptions options : List.of(ParseOptions.defaults(),
        ParseOptions.defaults().withTracebackText(true))) {
      for (String name : DUMPS) {
        if (!Fixtures.exists(v, name)) {
          continue;
        }
        for (Profile p : TextProfileParser.parseAll(Fixtures.read(v, name), options)) {
          String text = write(p);
          Profile back = TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8),
              options.withStrict(true));
          assertThat(back.goroutines().stream().map(TextProfileWriterTest::facts).toList())
              .as("go%s %s", v, name)
              .isEqualTo(p.goroutines().stream().map(TextProfileWriterTest::facts).toList());
          assertThat(back.crash()).as("go%s %s: crash", v, name).isEqualTo(p.crash());
          assertThat(write(back)).as("written twice, the same text").isEqualTo(text);
        }
      }
    }
  }

  /** debug=1 of a debug=1 profile reads back to the same samples: counts, labels, PCs, frames. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void debug1ReadsBackToTheSameSamples(String v) {
    for (String name : List.of("later.debug1.txt", "first.debug1.txt", "multi.debug1.txt",
        "leak.debug1.txt")) {
      if (!Fixtures.exists(v, name)) {
        continue;
      }
      for (Profile p : TextProfileParser.parseAll(Fixtures.read(v, name), ParseOptions.defaults())) {
        StringWriter out = new StringWriter();
        TextProfileWriter.debug1(p, out);
        Profile back = TextProfileParser.parse(out.toString().getBytes(StandardCharsets.UTF_8),
            ParseOptions.defaults().withStrict(true));
        assertThat(back.totalCount()).as("go%s %s", v, name).isEqualTo(p.totalCount());
        assertThat(back.samples()).as("go%s %s", v, name).isEqualTo(p.samples());
      }
    }
    assertThat(TextProfileWriter.quoted("a \"q\" é\n\t")).isEqualTo("\"a \\\"q\\\" é\\n\\t\"");
    assertThat(TextProfileWriter.quoted("\u0007")).isEqualTo("\"\\a\"");
    StringWriter none = new StringWriter();
    assertThatThrownBy(() -> TextProfileWriter.debug1(TextProfileParser.parse(
        Fixtures.read(v, "later.debug2.txt"), ParseOptions.defaults()), none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("debug=1 text needs the program counter of every frame, and this DEBUG2 "
            + "profile has none: write it as debug=2 or pprof");
    assertThat(none.toString()).isEmpty();
  }

  @Test
  void labelsAreWrittenAsGo127WritesThem() {
    assertThat(TextProfileWriter.labelText("sync")).isEqualTo("sync");
    assertThat(TextProfileWriter.labelText("")).isEqualTo("");
    assertThat(TextProfileWriter.labelText("a \"q\" é\n\t")).isEqualTo("\"a \\\"q\\\" \\u00e9\\n\\t\"");
    assertThat(TextProfileWriter.labelText("\u0007")).isEqualTo("\"\\x07\"");
    assertThat(TextProfileWriter.labelText("中")).isEqualTo("\"\\u4e2d\"");
    // the 1.27 dump's own header, written back as Go wrote it
    String dump = Fixtures.text("1.27", "later.debug2.txt");
    String header = dump.lines().filter(l -> l.contains("{bell: ")).findFirst().orElseThrow();
    Profile p = TextProfileParser.parse(Fixtures.read("1.27", "later.debug2.txt"),
        ParseOptions.defaults());
    String id = header.substring("goroutine ".length(), header.indexOf(' ', 10));
    String written = write(p).lines().filter(l -> l.startsWith("goroutine " + id + " ["))
        .findFirst().orElseThrow();
    assertThat(written).isEqualTo(header.replace("\"a\\xfeb\"", "\"a\\ufffdb\""));
  }

  @Test
  void aProfileOfStacksHasNoGoroutinesToWrite() {
    Profile d1 = TextProfileParser.parse(Fixtures.read("1.27", "later.debug1.txt"),
        ParseOptions.defaults());
    assertThatThrownBy(() -> write(d1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a DEBUG1 profile counts stacks and has no goroutines to write as debug=2 "
            + "text");
  }

  /** A profile built by hand with a line break in a name would not read back: refused. */
  @Test
  void aNameWithALineBreakIsRefused() {
    var stack = io.github.goroutines.model.Stack.of(List.of(
        io.github.goroutines.model.Frame.of("main.f\nx", "main.go", 3)));
    Profile p = Profile.builder(io.github.goroutines.model.ProfileFormat.DEBUG2)
        .add(io.github.goroutines.model.Sample.of(Goroutine.builder(7, "select").stack(stack)
            .build()))
        .build();
    StringWriter out = new StringWriter();
    assertThatThrownBy(() -> TextProfileWriter.debug2(p, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("goroutine 7: a function with a line break cannot be written as debug=2 "
            + "text: main.f\\nx");
    assertThat(out.toString()).isEmpty();
  }

  /** panicparse, where installed (testdata/make.sh installs it), reads what is written. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void panicparseReadsWhatIsWritten(String v, @TempDir Path dir) throws Exception {
    Path panicparse = Path.of("/usr/bin/panicparse");
    Assumptions.assumeTrue(Files.isExecutable(panicparse),
        "skipped: panicparse not installed (../shared/tools/install-go.sh --peers)");
    Profile p = TextProfileParser.parse(Fixtures.read(v, "later.debug2.txt"),
        ParseOptions.defaults());
    Path file = Files.writeString(dir.resolve("written.txt"), write(p));
    Process run = new ProcessBuilder(panicparse.toString(), "-parse=false", "-rebase=false",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as(out).contains("120: chan send").contains("handleRequest.func1");
  }
}
