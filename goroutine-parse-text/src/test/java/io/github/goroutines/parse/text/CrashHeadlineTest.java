package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A crash log keeps why it was written: the panic, fatal error or signal Go printed before the
 * goroutines, and the goroutine printed first, the one that crashed. These lines are understood,
 * not skipped.
 */
class CrashHeadlineTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static Profile parse(String text) {
    return TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8), ParseOptions.defaults());
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aPanicKeepsItsHeadlineAndItsGoroutine(String v) {
    Profile p = TextProfileParser.parse(Fixtures.read(v, "crash.panic.txt"), ParseOptions.defaults());
    assertThat(p.crash()).contains(new Crash(List.of("panic: fixture crash: all goroutines follow"),
        OptionalLong.of(1)));
    assertThat(p.diagnostics().skippedLines()).isZero();
    // strict: nothing in a panic's output is unexpected any more
    assertThat(TextProfileParser.parse(Fixtures.read(v, "crash.panic.txt"),
        ParseOptions.defaults().withStrict(true)).crash()).isPresent();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aSignalKeepsItsLines(String v) {
    Profile p = TextProfileParser.parse(Fixtures.read(v, "crash.sigquit.txt"), ParseOptions.defaults());
    Crash crash = p.crash().orElseThrow();
    assertThat(crash.headline()).isEqualTo("SIGQUIT: quit");
    assertThat(crash.lines()).hasSize(2);
    assertThat(crash.lines().get(1)).startsWith("PC=0x").contains(" m=").contains(" sigcode=");
    assertThat(crash.goroutineId()).isPresent();
    assertThat(p.goroutines().get(0).id()).isEqualTo(crash.goroutineId().getAsLong());
  }

  /** Two dumps a program asked for, then a panic: only the last dump is a crash's. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void onlyTheDumpOfTheCrashHasOne(String v) {
    List<Profile> dumps = TextProfileParser.parseAll(Fixtures.read(v, "multi.log.txt"),
        ParseOptions.defaults());
    assertThat(dumps).hasSize(3);
    assertThat(dumps.get(0).crash()).isEmpty();
    assertThat(dumps.get(1).crash()).isEmpty();
    assertThat(dumps.get(2).crash().map(Crash::headline))
        .contains("panic: fixture crash after two dumps");
    assertThat(dumps.get(2).crash().get().goroutineId()).hasValue(1);
    assertThat(dumps.get(2).diagnostics().skippedLines()).isZero();
  }

  @Test
  void chainsAndSignalDetailsBelongToTheHeadline() {
    Profile p = parse("log line before\n"
        + "panic: first [recovered]\n"
        + "\tpanic: second\n"
        + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\n"
        + "\n"
        + "goroutine 17 [running]:\nmain.f()\n\t/a.go:1 +0x1\n");
    assertThat(p.crash()).contains(new Crash(List.of("panic: first [recovered]",
        "\tpanic: second",
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]"),
        OptionalLong.of(17)));
    assertThat(p.diagnostics().skippedLines()).isEqualTo(1);
    assertThat(p.diagnostics().firstSkippedLines()).containsExactly(1L);
  }

  @Test
  void aHeadlineThatNoGoroutineFollowsIsSkippedText() {
    Profile p = parse("goroutine 1 [running]:\nmain.f()\n\t/a.go:1 +0x1\n\n"
        + "goroutine profile: total 1\n1 @ 0x1\n#\t0x1\tmain.f+0x1\t/a.go:1\n\n"
        + "panic: nothing after me\n");
    assertThat(p.crash()).isEmpty();
    assertThat(p.diagnostics().skippedLines()).isEqualTo(1);
    assertThat(p.diagnostics().firstSkippedLines()).containsExactly(9L);
    // a dump a program asked for is no crash
    assertThat(parse("goroutine 1 [running]:\nmain.f()\n\t/a.go:1 +0x1\n").crash()).isEmpty();
  }
}
