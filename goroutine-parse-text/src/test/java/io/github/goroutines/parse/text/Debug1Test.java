package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** debug=1 records; inputs are real Go 1.23.5 output from formats.md, tabs kept. */
class Debug1Test {
  static final String SAMPLE = """
      goroutine profile: total 7
      3 @ 0x46e68e 0x4080fc 0x407cd2 0x516cb7 0x475ea1
      #\t0x516cb6\tmain.worker+0x36\tgithub.com/acme/go.lib/v2/main.go:36

      1 @ 0x46e68e 0x4080fc 0x407cd2 0x5164ce 0x475ea1
      # labels: {"req":"a \\"q\\" é\\n\\t", "user":"alice"}
      #\t0x5164cd\tmain.worker+0x2d\tgithub.com/acme/go.lib/v2/main.go:36

      1 @ 0x46e68e 0x4080fc 0x407cd2 0x5165e5 0x5165e6 0x5165cf 0x475ea1
      #\t0x5165e4\tmain.recvInl+0x24\tgithub.com/acme/go.lib/v2/main.go:28
      #\t0x5165e5\tmain.outerInl+0x25\tgithub.com/acme/go.lib/v2/main.go:30
      #\t0x5165ce\tmain.main.func17+0xe\tgithub.com/acme/go.lib/v2/main.go:118

      1 @ 0x46e68e 0x433e97 0x46d9c5 0x4ab467 0x5169dc 0x475ea1
      #\t0x46d9c4\tinternal/poll.runtime_pollWait+0x84\t\truntime/netpoll.go:351
      #\t0x4ab466\tinternal/poll.(*pollDesc).wait+0x26\t\tinternal/poll/fd_poll_runtime.go:84
      #\t0x5169db\tmain.main.func12+0x1b\t\t\t\tgithub.com/acme/go.lib/v2/main.go:77

      1 @ 0x46fde1

      """;

  static Profile parse(String text) {
    return TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8), ParseOptions.defaults());
  }

  @Test
  void recordsWithFramesLabelsAndPcs() {
    Profile p = parse(SAMPLE);
    assertThat(p.format()).isEqualTo(ProfileFormat.DEBUG1);
    assertThat(p.type()).isEqualTo("goroutine");
    assertThat(p.declaredTotal()).hasValue(7);
    assertThat(p.totalCount()).isEqualTo(7);
    assertThat(p.samples()).extracting(Sample::count).containsExactly(3L, 1L, 1L, 1L, 1L);
    Sample first = p.samples().get(0);
    assertThat(first.addresses().toArray())
        .containsExactly(0x46e68eL, 0x4080fcL, 0x407cd2L, 0x516cb7L, 0x475ea1L);
    Frame worker = first.stack().frames().get(0);
    assertThat(worker.function()).isEqualTo("main.worker");
    assertThat(worker.file()).isEqualTo("github.com/acme/go.lib/v2/main.go");
    assertThat(worker.line()).isEqualTo(36);
    assertThat(worker.pc()).hasValue(0x516cb6);
    assertThat(worker.entryOffset()).hasValue(0x36);
    assertThat(p.samples().get(1).labels().asMap())
        .containsExactly(java.util.Map.entry("req", List.of("a \"q\" é\n\t")),
            java.util.Map.entry("user", List.of("alice")));
    assertThat(p.samples().get(2).stack().frames()).extracting(Frame::function)
        .containsExactly("main.recvInl", "main.outerInl", "main.main.func17");
    assertThat(p.samples().get(3).stack().frames()).extracting(Frame::line)
        .containsExactly(351, 84, 77);
    assertThat(p.samples().get(4).stack().isEmpty()).isTrue();
    assertThat(p.samples().get(4).addresses().toArray()).containsExactly(0x46fde1L);
    assertThat(p.goroutines()).isEmpty();
    assertThat(p.diagnostics().clean()).isTrue();
  }

  @Test
  void symbollessFramesAndOtherProfileNames() {
    Profile p = parse("goroutine profile: total 7\n7 @ 0x0 0x0\n#\t0x0\n\n");
    assertThat(p.type()).isEqualTo("goroutine");
    Frame f = p.samples().get(0).stack().frames().get(0);
    assertThat(f.function()).isEmpty();
    assertThat(f.pc()).hasValue(0);
    Profile leak = parse("""
        goroutineleak profile: total 1
        1 @ 0x47daca 0x41421c 0x413e17 0x4e22c8 0x4d7fcc 0x4839c1
        # labels: {"job":"sync"}
        #\t0x4e22c7\tmain.main.func4+0x27\texample.com/newfmt/main.go:32
        #\t0x4d7fcb\truntime/pprof.Do+0x8b\truntime/pprof/runtime.go:57
        """);
    assertThat(leak.type()).isEqualTo("goroutineleak");
    assertThat(leak.samples().get(0).labels().get("job")).contains("sync");
    assertThat(leak.samples().get(0).stack().depth()).isEqualTo(2);
    // the same text family counts other things than goroutines: not a dump
    assertThatThrownBy(() -> parse("threadcreate profile: total 7\n7 @ 0x0 0x0\n#\t0x0\n\n"))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageStartingWith("not a goroutine profile: a threadcreate profile");
  }

  @Test
  void escapedLabelsOfEveryKind() {
    Profile p = parse("goroutine profile: total 1\n1 @ 0x1\n"
        + "# labels: {\"\":\"nokey\", \"bell\":\"\\a\", \"brace\":\"}]\", \"del\":\"x\\x7f\", "
        + "\"raw\":\"a\\xfeb\", \"zh\":\"中\"}\n#\t0x0\n\n");
    assertThat(p.samples().get(0).labels().asMap())
        .containsEntry("", List.of("nokey"))
        .containsEntry("bell", List.of("\u0007"))
        .containsEntry("brace", List.of("}]"))
        .containsEntry("del", List.of("x\u007f"))
        .containsEntry("raw", List.of("a\uFFFDb"))
        .containsEntry("zh", List.of("中"));
  }

  @Test
  void totalMismatchIsADiagnostic() {
    Profile p = parse("goroutine profile: total 5\n3 @ 0x1\n#\t0x0\n\n");
    assertThat(p.totalCount()).isEqualTo(3);
    assertThat(p.declaredTotal()).hasValue(5);
    assertThat(p.diagnostics().problems())
        .containsExactly("header declares total 5 but the records sum to 3");
  }

  @Test
  void concatenatedProfilesAndMixedFormats() {
    String two = SAMPLE + SAMPLE;
    assertThat(TextProfileParser.parseAll(two.getBytes(StandardCharsets.UTF_8), ParseOptions.defaults()))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.totalCount()).isEqualTo(7));
    String mixed = "goroutine 1 [running]:\nmain.main()\n\tmain.go:3 +0x1\n\n-----\n" + SAMPLE;
    List<Profile> both = TextProfileParser.parseAll(mixed.getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults());
    assertThat(both).extracting(Profile::format).containsExactly(ProfileFormat.DEBUG2, ProfileFormat.DEBUG1);
  }

  @Test
  void malformedFrameLine() {
    String bad = "goroutine profile: total 2\n1 @ 0x1\n#\t0x2\tmain.f\tmain.go:3\n\n1 @ 0x3\n#\t0x0\n\n";
    Profile p = parse(bad);
    assertThat(p.samples()).hasSize(2);
    assertThat(p.diagnostics().problems()).anyMatch(m -> m.contains("line 3"));
    assertThatThrownBy(() -> TextProfileParser.parse(bad.getBytes(StandardCharsets.UTF_8),
            ParseOptions.defaults().withStrict(true)))
        .isInstanceOfSatisfying(ProfileParseException.class, e -> {
          assertThat(e.lineNumber()).hasValue(3);
          assertThat(e.format()).contains(ProfileFormat.DEBUG1);
        });
  }

  @Test
  void theTotalMismatchSurvivesManyProblems() {
    // found by fuzzing: the mismatch was dropped once 100 line problems had been recorded
    String junk = "1 @ 0xZZ\n".repeat(150);
    Profile p = parse("goroutine profile: total 9\n" + junk + "2 @ 0x1\n#\t0x0\n\n");
    assertThat(p.totalCount()).isEqualTo(2);
    List<String> problems = p.diagnostics().problems();
    assertThat(problems).hasSize(102);
    assertThat(problems.get(100)).isEqualTo("... and 50 more problems");
    assertThat(problems.get(101)).isEqualTo("header declares total 9 but the records sum to 2");
  }
}
