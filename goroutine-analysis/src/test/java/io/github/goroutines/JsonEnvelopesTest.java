package io.github.goroutines;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real Go 1.27 dump of testdata/real-world/clean.txt inside docker's json-file log, go test
 * -json events and one structured log message (written by testdata/wrap) reads as the clean dump.
 */
class JsonEnvelopesTest {
  static byte[] read(String name) {
    return Fixtures.read(Fixtures.testdata().resolve("real-world").resolve(name));
  }

  static List<String> goroutines(Profile p) {
    return p.goroutines().stream().map(JsonEnvelopesTest::describe).toList();
  }

  static String describe(Goroutine g) {
    return Long.toUnsignedString(g.id()) + " [" + g.state() + "] " + g.labels() + " "
        + g.stack().frames().stream().map(Frame::toString).collect(Collectors.joining(" < "))
        + " " + g.createdBy().map(Frame::toString).orElse("") + " " + g.traceback().arguments();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "docker-json.log | read from docker json-file log lines (their \"log\" fields)",
      "gotest.json | read from go test -json events (their \"Output\" fields)",
      "zap.json | read from a dump inside a JSON log message"})
  void aDumpInsideJsonReadsAsTheCleanDump(String name, String note) {
    Profile clean = GoroutineProfiles.parse(read("clean.txt"));
    byte[] input = read(name);
    assertThat(GoroutineProfiles.detect(input)).contains(ProfileFormat.DEBUG2);
    for (Profile p : List.of(GoroutineProfiles.parse(input),
        GoroutineProfiles.parse(new ByteArrayInputStream(input), ParseOptions.defaults()))) {
      assertThat(goroutines(p)).isEqualTo(goroutines(clean)).hasSize(56);
      assertThat(p.diagnostics().problems()).containsExactly(note);
    }
    assertThat(GoroutineProfiles.parseAll(input)).hasSize(1);
  }

  @Test
  void jsonWithoutADumpIsNoProfile() {
    byte[] input = "{\"level\":\"info\",\"msg\":\"started\"}\n{\"level\":\"info\",\"msg\":\"a goroutine leaked?\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(GoroutineProfiles.detect(input)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoroutineProfiles.parse(input))
        .hasMessageStartingWith("not a goroutine profile");
  }
}
