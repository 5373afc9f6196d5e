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
import org.junit.jupiter.api.io.TempDir;

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
  void aLargeTextFileIsParsedInPartsToWhatOneThreadReads(@TempDir Path dir) throws Exception {
    // the blocks of a real dump, 30 times over with fresh ids: 4.2 MB, more than one part
    byte[] big = Fixtures.repeated("1.27", "later.debug2.txt", 30);
    Path file = dir.resolve("big.debug2.txt");
    java.nio.file.Files.write(file, big);
    assertThat(java.nio.file.Files.size(file)).isGreaterThan(4L << 20);
    ParseOptions one = ParseOptions.defaults().withParallelism(1);
    Profile sequential = GoroutineProfiles.parse(java.nio.file.Files.readAllBytes(file), one);
    assertThat(sequential.totalCount()).isEqualTo(30 * 403);
    assertThat(sequential.diagnostics().clean()).isTrue();
    ParseOptions two = ParseOptions.defaults().withParallelism(2);
    assertThat(GoroutineProfiles.parse(file, two)).isEqualTo(sequential);
    assertThat(GoroutineProfiles.parseAll(file, two)).containsExactly(sequential);
    assertThat(GoroutineProfiles.parse(java.nio.file.Files.readAllBytes(file), two))
        .isEqualTo(sequential);
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

  static byte[] gzip(byte[] data) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(data);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void gzipThatHoldsTextIsParsedAsText() {
    for (String name : new String[] {"later.debug1.txt", "later.debug2.txt", "multi.log.txt"}) {
      byte[] text = Fixtures.read("1.27", name);
      byte[] gz = gzip(text);
      java.util.List<Profile> plain = GoroutineProfiles.parseAll(text);
      for (java.util.List<Profile> unzipped : java.util.List.of(GoroutineProfiles.parseAll(gz),
          GoroutineProfiles.parseAll(new ByteArrayInputStream(gz), ParseOptions.defaults()))) {
        assertThat(unzipped).extracting(Profile::totalCount)
            .isEqualTo(plain.stream().map(Profile::totalCount).toList());
        assertThat(unzipped.get(0).format()).isEqualTo(plain.get(0).format());
        assertThat(unzipped.get(0).samples()).isEqualTo(plain.get(0).samples());
        assertThat(unzipped.get(0).diagnostics().problems())
            .contains("read from gzip-compressed text");
      }
      assertThat(GoroutineProfiles.detect(gz)).isEqualTo(GoroutineProfiles.detect(text));
      assertThat(GoroutineProfiles.parse(gz).totalCount()).isEqualTo(plain.get(plain.size() - 1)
          .totalCount());
    }
    // the limit on input bounds the decompressed text
    byte[] gz = gzip(Fixtures.read("1.27", "later.debug2.txt"));
    ParseOptions small = ParseOptions.defaults().withMaxInputBytes(gz.length + 1000);
    assertThatThrownBy(() -> GoroutineProfiles.parse(gz, small))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.limit()).contains("maxInputBytes"));
    // profile.proto in gzip is still protobuf
    assertThat(GoroutineProfiles.parse(Fixtures.read("1.27", "later.debug0.pb.gz")).format())
        .isEqualTo(ProfileFormat.PROTO);
  }

  @Test
  void brokenGzipTextIsPositioned() {
    byte[] gz = gzip(Fixtures.read("1.27", "later.debug2.txt"));
    byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
    assertThatThrownBy(() -> GoroutineProfiles.parse(cut))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.byteOffset()).hasValue(cut.length))
        .hasMessageStartingWith("gzip stream ends early");
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(cut),
        ParseOptions.defaults()))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.byteOffset()).hasValue(cut.length))
        .hasMessageStartingWith("gzip stream ends early");
    byte[] twice = gzip(gz);
    assertThatThrownBy(() -> GoroutineProfiles.parse(twice))
        .isInstanceOf(ProfileParseException.class).hasMessageStartingWith("gzip inside gzip");
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(twice),
        ParseOptions.defaults()))
        .isInstanceOf(ProfileParseException.class).hasMessageStartingWith("gzip inside gzip");
  }

  @Test
  void aStreamTooLongForAProtobufIsRefusedBeforeItIsHeld() {
    ParseOptions small = ParseOptions.defaults().withMaxDecompressedBytes(1 << 20);
    byte[] noise = new byte[8 << 20];
    new java.util.Random(7).nextBytes(noise);
    noise[0] = 0x1f;
    noise[1] = (byte) 0x8b;
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(noise), small))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.limit()).contains("maxDecompressedBytes"))
        .hasMessageContaining("gzip-compressed protobuf of more than 2113536 bytes");
    noise[0] = 0x0a;
    noise[1] = 0x05;
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(noise), small))
        .isInstanceOfSatisfying(ProfileParseException.class,
            e -> assertThat(e.limit()).contains("maxDecompressedBytes"))
        .hasMessageStartingWith("protobuf message larger than 1048576 bytes");
  }
}
