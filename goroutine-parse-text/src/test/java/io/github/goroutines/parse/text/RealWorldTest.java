package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.testing.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dumps as they arrive: the same real Go 1.27 dump passed through a CI log, kubectl, a CRI log
 * file, journald, klog, docker compose, a line-numbered listing, a Windows console and a file
 * without its final newline (testdata/real-world, written by testdata/wrap from the fixtures)
 * parses to the goroutines of the clean dump, and the diagnostics say what was repaired.
 */
class RealWorldTest {
  static Profile parse(String name) {
    List<Profile> all = TextProfileParser.parseAll(
        Fixtures.read(Fixtures.testdata().resolve("real-world").resolve(name)), ParseOptions.defaults());
    assertThat(all).as(name).hasSize(1);
    return all.get(0);
  }

  /** Everything a goroutine says, without the text that differs by transport (arguments). */
  static String describe(Goroutine g) {
    return (g.idKnown() ? Long.toUnsignedString(g.id()) : "?") + " [" + g.state()
        + g.waitMinutes().stream().mapToObj(m -> ", " + m + " minutes").collect(Collectors.joining())
        + "] " + g.labels() + " " + frames(g.stack().frames())
        + g.createdBy().map(c -> " created by " + c + " in " + g.creatorId()).orElse("")
        + (g.incomplete() ? " INCOMPLETE" : "");
  }

  static String frames(List<Frame> frames) {
    return frames.stream().map(f -> f.function() + " " + f.location()
        + (f.inlined() ? " (inline)" : "")).collect(Collectors.joining(" < "));
  }

  static List<String> goroutines(Profile p) {
    return p.goroutines().stream().map(RealWorldTest::describe).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"github-actions.txt", "kubectl-timestamps.txt", "cri.log", "journald.txt",
      "klog.txt", "compose.txt", "line-numbers.txt", "windows-console.txt", "no-final-newline.txt"})
  void theSameGoroutinesAsTheCleanDump(String name) {
    Profile clean = parse("clean.txt");
    assertThat(clean.goroutines()).hasSize(56);
    assertThat(clean.diagnostics().clean()).isTrue();
    Profile p = parse(name);
    assertThat(goroutines(p)).isEqualTo(goroutines(clean));
    assertThat(p.goroutines()).noneMatch(Goroutine::incomplete);
    if (!name.equals("no-final-newline.txt")) {
      // arguments too: a wrapped call line is joined whole
      assertThat(p.goroutines()).extracting(g -> g.traceback().arguments())
          .isEqualTo(clean.goroutines().stream().map(g -> g.traceback().arguments()).toList());
    }
    assertThat(p.diagnostics().skippedLines()).isZero();
    List<String> repairs = p.diagnostics().problems();
    switch (name) {
      case "no-final-newline.txt" -> assertThat(repairs).isEmpty();
      case "journald.txt", "klog.txt" -> assertThat(repairs).containsExactly(
          "repaired " + (lines(name) - 1) + " lines with a log prefix, removed (first at line 2)",
          "repaired " + tabbed() + " file lines without their leading tab, read as positions"
              + " (first at line 3)");
      case "windows-console.txt" -> {
        // the oracle: clean lines longer than the console's 80 columns, tabs shown as 8 spaces
        List<String> shown = text("clean.txt").lines().map(l -> l.replace("\t", "        ")).toList();
        long wrapped = shown.stream().filter(l -> l.length() > 80).count();
        int first = 1;
        for (String l : shown) {
          if (l.length() > 80) {
            break;
          }
          first++;
        }
        assertThat(wrapped).isEqualTo(6);
        assertThat(repairs).containsExactly("repaired " + wrapped + " lines that a console wrapped,"
            + " joined again (first at line " + first + ")");
      }
      default -> assertThat(repairs).containsExactly(
          "repaired " + (lines(name) - 1) + " lines with a log prefix, removed (first at line 2)");
    }
  }

  static String text(String name) {
    return new String(Fixtures.read(Fixtures.testdata().resolve("real-world").resolve(name)),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Lines of a fixture. */
  static long lines(String name) {
    return text(name).lines().count();
  }

  /** File lines of the clean dump: the lines that start with a tab. */
  static long tabbed() {
    return text("clean.txt").lines().filter(l -> l.startsWith("\t")).count();
  }

  @Test
  void framesAfterAWindowsExceptionAreAGoroutineOfUnknownId() {
    String log = Fixtures.text("1.27", "multi.log.txt");
    Profile crash = TextProfileParser.parse(
        log.substring(log.indexOf("panic: ")).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ParseOptions.defaults());
    Profile p = parse("windows-exception.txt");
    assertThat(p.goroutines()).hasSameSizeAs(crash.goroutines());
    Goroutine faulting = p.goroutines().get(0);
    assertThat(faulting.idKnown()).isFalse();
    assertThat(faulting.state()).isEqualTo("running");
    assertThat(frames(faulting.stack().frames()))
        .isEqualTo(frames(crash.goroutines().get(0).stack().frames()));
    assertThat(goroutines(p).subList(1, p.goroutines().size()))
        .isEqualTo(goroutines(crash).subList(1, crash.goroutines().size()));
    assertThat(p.diagnostics().problems()).containsExactly("repaired 1 goroutines printed without a"
        + " header after a Windows exception, kept with an unknown id (first at line 5)");
    assertThat(p.diagnostics().skippedLines()).isEqualTo(3);
  }

  @Test
  void criPartialLinesAreJoined() {
    String text = "2026-11-29T00:04:11.1Z stderr F goroutine 7 [chan receive]:\n"
        + "2026-11-29T00:04:11.2Z stderr P main.worker(0xc000010000, \n"
        + "2026-11-29T00:04:11.3Z stderr P {0x5323ba?, \n"
        + "2026-11-29T00:04:11.4Z stderr F 0x3})\n"
        + "2026-11-29T00:04:11.5Z stderr F \tmain.go:36 +0x2f\n";
    Profile p = TextProfileParser.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ParseOptions.defaults().withTracebackText(true));
    Goroutine g = p.goroutines().get(0);
    assertThat(describe(g)).isEqualTo("7 [chan receive] {} main.worker main.go:36");
    assertThat(g.traceback().arguments()).containsExactly("0xc000010000, {0x5323ba?, 0x3}");
    assertThat(p.diagnostics().problems()).containsExactly(
        "repaired 4 lines with a log prefix, removed (first at line 2)",
        "repaired 2 CRI partial lines, joined (first at line 2)");
  }

  @Test
  void aProfileInACodeFence() {
    Profile clean = TextProfileParser.parse(Fixtures.read("1.27", "later.debug1.txt"),
        ParseOptions.defaults());
    Profile p = parse("code-fence.md");
    assertThat(p.declaredTotal()).isEqualTo(clean.declaredTotal());
    assertThat(p.samples()).extracting(Sample::count)
        .isEqualTo(clean.samples().stream().map(Sample::count).toList());
    assertThat(p.samples()).extracting(s -> frames(s.stack().frames()) + " " + s.labels())
        .isEqualTo(clean.samples().stream().map(s -> frames(s.stack().frames()) + " " + s.labels())
            .toList());
    // the fence's lines and the command before the header are text around the profile
    assertThat(p.diagnostics().skippedLines()).isEqualTo(4);
  }
}
