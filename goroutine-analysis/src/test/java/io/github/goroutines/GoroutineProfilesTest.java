package io.github.goroutines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The facade is a chain of parsers that recognise their own input, so it cannot disagree with them. */
class GoroutineProfilesTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aHeaderThatDoesNotParseIsNotAProfileForDetectionEither() {
    byte[] input = bytes("goroutine 5 abc:\n");
    assertThat(GoroutineProfiles.detect(input)).isEmpty();
    assertThatThrownBy(() -> GoroutineProfiles.parseAll(input))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageStartingWith("not a goroutine profile: expected gzip or raw protobuf");
  }

  @Test
  void anIndentedDebug1HeaderIsReadByBoth() {
    // a code fence in a Markdown list: every line indented alike
    byte[] input = bytes("  goroutine profile: total 1\n  1 @ 0x1\n  #\t0x1\tmain.f+0x1\tm.go:1\n\n");
    assertThat(GoroutineProfiles.detect(input)).contains(ProfileFormat.DEBUG1);
    Profile p = GoroutineProfiles.parse(input);
    assertThat(p.totalCount()).isEqualTo(1);
    assertThat(p.samples().get(0).stack().innermost().orElseThrow().function()).isEqualTo("main.f");
  }

  @Test
  void textBeforeTheHeaderIsSkippedByBoth() {
    byte[] input = bytes("hello\ngoroutine profile: total 1\n1 @ 0x1\n#\t0x1\tmain.f+0x1\tm.go:1\n\n");
    assertThat(GoroutineProfiles.detect(input)).contains(ProfileFormat.DEBUG1);
    Profile p = GoroutineProfiles.parse(input);
    assertThat(p.totalCount()).isEqualTo(1);
    assertThat(p.diagnostics().firstSkippedLines()).containsExactly(1L);
    assertThatThrownBy(() -> GoroutineProfiles.parse(input, ParseOptions.defaults().withStrict(true)))
        .hasMessageStartingWith("unexpected text outside a goroutine block");
  }

  @Test
  void excerptsShowUtf8AsItIs() {
    assertThatThrownBy(() -> GoroutineProfiles.parse(bytes("problem。 über\n")))
        .hasMessageEndingWith("input starts with: \"problem。 über\" (line 1)");
  }

  @Test
  void streamsAndFilesGiveWhatBytesGive() {
    for (String name : new String[] {"later.debug0.pb.gz", "later.debug1.txt", "later.debug2.txt"}) {
      byte[] input = Fixtures.read("1.27", name);
      Profile fromBytes = GoroutineProfiles.parse(input);
      Profile fromStream = GoroutineProfiles.parse(new ByteArrayInputStream(input),
          ParseOptions.defaults());
      Path file = Fixtures.testdata().resolve("go1.27").resolve(name);
      Profile fromFile = GoroutineProfiles.parse(file);
      for (Profile p : new Profile[] {fromStream, fromFile}) {
        assertThat(p.format()).isEqualTo(fromBytes.format());
        assertThat(p.totalCount()).isEqualTo(403);
        assertThat(p.samples()).hasSameSizeAs(fromBytes.samples());
      }
    }
    assertThat(GoroutineProfiles.parseAll(Fixtures.testdata().resolve("go1.23/multi.log.txt")))
        .extracting(Profile::totalCount).containsExactly(48L, 56L, 55L);
  }

  @Test
  void theInputLimitNamesItsOption() {
    ParseOptions small = ParseOptions.defaults().withMaxInputBytes(1000);
    byte[] text = Fixtures.read("1.27", "later.debug2.txt");
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(text), small))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.limit()).contains("maxInputBytes"))
        .hasMessageStartingWith("input larger than 1000 bytes (raise ParseOptions.maxInputBytes)");
    byte[] gz = Fixtures.read("1.27", "later.debug0.pb.gz");
    assertThatThrownBy(() -> GoroutineProfiles.parseAll(new ByteArrayInputStream(gz), small))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.limit()).contains("maxInputBytes"));
  }
}
