package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.text.TextProfileWriter;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A redacted dump of real Go output gives the same summary with other names, reads back to the
 * same goroutines, states and waits, and holds none of the program's names.
 */
class RedactorTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  /** The program's names and files in a profile: what redaction must leave out. */
  static Set<String> secrets(Profile p) {
    Set<String> names = new TreeSet<>();
    p.samples().forEach(s -> {
      List<Frame> frames = new java.util.ArrayList<>(s.stack().frames());
      s.goroutine().flatMap(Goroutine::createdBy).ifPresent(frames::add);
      for (Frame f : frames) {
        if (f.kind() == FrameKind.USER && !f.function().startsWith("main.main")
            && !f.function().startsWith("main.init")
            && !f.function().isEmpty()) {
          names.add(f.function());
          names.add(f.file());
          String pkg = FunctionName.parse(f.function()).packagePath();
          if (!pkg.equals("main")) {
            names.add(pkg);
          }
        }
      }
    });
    return names;
  }

  static String text(Profile p) {
    StringWriter out = new StringWriter();
    TextProfileWriter.debug2(p, out);
    return out.toString();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aRedactedDumpTellsTheSameStoryWithOtherNames(String v) throws Exception {
    Profile first = GoroutineProfiles.parse(Fixtures.read(v, "first.debug2.txt"),
        ParseOptions.defaults().withTracebackText(true));
    Profile later = GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt"),
        ParseOptions.defaults().withTracebackText(true));
    Redactor r = Redactor.create();
    Profile a = r.redact(first);
    Profile b = r.redact(later);
    String written = text(b);
    Profile back = GoroutineProfiles.parse(written.getBytes(StandardCharsets.UTF_8));
    // the same goroutines, states and waits, in order
    assertThat(back.goroutines()).hasSameSizeAs(later.goroutines());
    for (int i = 0; i < later.goroutines().size(); i++) {
      Goroutine g = later.goroutines().get(i);
      Goroutine h = back.goroutines().get(i);
      assertThat(h.id()).isEqualTo(g.id());
      assertThat(h.state()).isEqualTo(g.state());
      assertThat(h.waitMinutes()).isEqualTo(g.waitMinutes());
      assertThat(h.stack().depth()).isEqualTo(g.stack().depth());
    }
    // the same summary, other names: counts of sites, states and suspects with their scores
    Summary plain = Summary.of(List.of(first, later));
    Summary redacted = Summary.of(List.of(a, b));
    assertThat(redacted.byState()).isEqualTo(plain.byState());
    assertThat(redacted.sites().list()).extracting(Group::count)
        .isEqualTo(plain.sites().list().stream().map(Group::count).toList());
    assertThat(redacted.suspects()).extracting(Suspect::score)
        .isEqualTo(plain.suspects().stream().map(Suspect::score).toList());
    assertThat(redacted.suspects().get(0).site()).isEqualTo(
        "main." + r.mapping().get("function main.handleRequest") + ".func1 "
            + r.mapping().get("file example.com/leaky/v2/main.go") + ":87");
    // none of the program's names, in the text or in the pprof written from it
    ByteArrayOutputStream pprof = new ByteArrayOutputStream();
    ProtoProfileWriter.write(b, pprof);
    String proto = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(
        pprof.toByteArray())).readAllBytes(), StandardCharsets.ISO_8859_1);
    Set<String> secrets = secrets(later);
    assertThat(secrets).contains("main.handleRequest.func1", "example.com/leaky/v2/main.go");
    for (String secret : secrets) {
      assertThat(written).as("text").doesNotContain(secret);
      assertThat(proto).as("pprof").doesNotContain(secret);
    }
    assertThat(written).doesNotContain("(0xc0").contains("\nmain.main(");
    back.goroutines().forEach(g -> g.labels().list().forEach(l ->
        assertThat(l.value()).matches("|v\\d+")));
    // panicparse, where installed, reads the redacted dump: the leak's 120 senders, renamed
    Path panicparse = Path.of("/usr/bin/panicparse");
    if (Files.isExecutable(panicparse)) {
      Path file = Files.createTempFile("redacted", ".txt");
      try {
        Files.writeString(file, written);
        Process run = new ProcessBuilder(panicparse.toString(), "-parse=false", "-rebase=false",
            file.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("120: chan send")
            .contains(r.mapping().get("function main.handleRequest") + ".func1")
            .doesNotContain("handleRequest");
      } finally {
        Files.delete(file);
      }
    } else {
      System.out.println("RedactorTest: panicparse not installed (../shared/tools/install-go.sh "
          + "--peers); its read-back check is skipped");
    }
  }
}
