package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.parse.text.TextProfileParser;
import io.github.goroutines.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What real {@code go tool pprof -traces} printed for the fixtures' protobuf profiles reads back to
 * the samples of those profiles: counts, function names, inline marks and labels.
 */
class PprofTracesTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  /** A sample as pprof -traces shows it: labels with a value, count, functions innermost first. */
  static String shown(Sample s) {
    String labels = s.labels().asMap().entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(v -> !v.isEmpty()))
        .map(e -> e.getKey() + "=" + String.join(" ", e.getValue()))
        .sorted().collect(Collectors.joining(","));
    return labels + " " + s.count() + " " + s.stack().frames().stream()
        .map(f -> f.function() + (f.inlined() ? "(inline)" : "")).collect(Collectors.joining("<"));
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void tracesReadBackToTheSamplesOfTheProfile(String v) {
    for (String moment : List.of("first", "later")) {
      byte[] traces = Fixtures.read(v, moment + ".pprof-traces.txt");
      assertThat(TextProfileParser.recognize(traces)).contains(ProfileFormat.PPROF_TRACES);
      Profile pasted = TextProfileParser.parse(traces, ParseOptions.defaults());
      Profile proto = GoroutineProfiles.parse(Fixtures.read(v, moment + ".debug0.pb.gz"),
          ParseOptions.defaults());
      assertThat(pasted.format()).isEqualTo(ProfileFormat.PPROF_TRACES);
      assertThat(pasted.type()).isEqualTo("goroutine");
      assertThat(pasted.totalCount()).isEqualTo(proto.totalCount())
          .isEqualTo(moment.equals("first") ? 323 : 403);
      assertThat(pasted.samples()).extracting(PprofTracesTest::shown).isEqualTo(
          proto.samples().stream().filter(s -> !s.stack().isEmpty()).map(PprofTracesTest::shown)
              .toList());
      assertThat(pasted.samples()).allSatisfy(s -> assertThat(s.stack().frames())
          .allSatisfy(f -> assertThat(f.location()).isEmpty()));
    }
  }

  @Test
  void aLabelValueWithANewlineSpansLines() {
    String text = "Type: goroutine\n"
        + "-----------+-------------------------------------------------------\n"
        + "       req:  a \"q\" é\n"
        + "\t\n"
        + "      user:  alice\n"
        + "         2   runtime.gopark\n"
        + "             main.recvInl (inline)\n"
        + "             main.main\n"
        + "-----------+-------------------------------------------------------\n";
    Profile p = TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8), ParseOptions.defaults());
    Sample s = p.samples().get(0);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.labels().get("req")).contains("a \"q\" é\n\t");
    assertThat(s.labels().get("user")).contains("alice");
    assertThat(s.stack().frames()).extracting(Frame::function)
        .containsExactly("runtime.gopark", "main.recvInl", "main.main");
    assertThat(s.stack().frames().get(1).inlined()).isTrue();
    assertThatThrownBy(() -> TextProfileParser.parse(("Type: goroutine\n"
        + "-----------+---------\n  what is this\n").getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults()))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.lineNumber()).hasValue(3))
        .hasMessageStartingWith("expected a label 'key:  value' or a count and a function");
  }
}
