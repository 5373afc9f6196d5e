package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import io.github.goroutines.parse.text.TextProfileParser;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Inputs a hostile or broken producer can send; each has one expected outcome. */
class HostileInputTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ProfileParseException fails(byte[] input, ParseOptions options) {
    try {
      GoroutineProfiles.parseAll(input, options);
    } catch (ProfileParseException e) {
      Invariants.checkFailure(e);
      return e;
    }
    throw new AssertionError("accepted");
  }

  static byte[] gzip(byte[] data, int repeat) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (int i = 0; i < repeat; i++) {
        gz.write(data);
      }
    }
    return out.toByteArray();
  }

  @Test
  void gzipBombStopsAtTheDocumentedLimit() throws IOException {
    byte[] bomb = gzip(new byte[1 << 20], 256); // 256 MiB of zeros in about 256 KB
    assertThat(bomb.length).isLessThan(300_000);
    ProfileParseException e = fails(bomb, ParseOptions.defaults());
    assertThat(e.getMessage()).contains("inflates to more than 33554432 bytes")
        .contains("ParseOptions.maxDecompressedBytes");
  }

  @Test
  void protobufLengthsAndVarints() {
    // a sample whose length field says 2^31 - 1
    assertThat(fails(new byte[] {0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0},
        ParseOptions.defaults()).problem()).startsWith("malformed protobuf");
    // a negative length (a ten-byte varint)
    assertThat(fails(new byte[] {0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01},
        ParseOptions.defaults()).problem()).startsWith("malformed protobuf");
    // an eleven-byte varint
    byte[] eleven = new byte[12];
    Arrays.fill(eleven, (byte) 0xff);
    eleven[0] = 0x48;
    eleven[11] = 0x01;
    assertThat(fails(eleven, ParseOptions.defaults()).problem()).startsWith("malformed protobuf");
  }

  @Test
  void nestingBeyondProtobufsLimit() {
    // an empty period_type, then 300 nested groups of the unknown field 16 (two-byte tags
    // 0x83 0x01 to start, 0x84 0x01 to end): protobuf-java stops at its recursion limit of 100
    int depth = 300;
    byte[] nested = new byte[2 + 4 * depth];
    nested[0] = 0x5a;
    nested[1] = 0x00;
    for (int i = 0; i < depth; i++) {
      nested[2 + 2 * i] = (byte) 0x83;
      nested[3 + 2 * i] = 0x01;
      nested[2 + 2 * depth + 2 * i] = (byte) 0x84;
      nested[3 + 2 * depth + 2 * i] = 0x01;
    }
    ProfileParseException e = fails(nested, ParseOptions.defaults());
    assertThat(e.problem()).startsWith("malformed protobuf").contains("too many levels of nesting");
  }

  @Test
  void millionsOfTinySamples() {
    // 1,000,000 samples of four bytes each: value 1 and no location
    byte[] header = {0x5a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x0a, 0x04, 0x08, 0x01, 0x10, 0x02};
    byte[] strings = {0x32, 0x00, 0x32, 0x09, 'g', 'o', 'r', 'o', 'u', 't', 'i', 'n', 'e', 0x32,
        0x05, 'c', 'o', 'u', 'n', 't'};
    int n = 1_000_000;
    byte[] data = new byte[header.length + 4 * n + strings.length];
    System.arraycopy(header, 0, data, 0, header.length);
    for (int i = 0; i < n; i++) {
      int at = header.length + 4 * i;
      data[at] = 0x12;
      data[at + 1] = 0x02;
      data[at + 2] = 0x10;
      data[at + 3] = 0x01;
    }
    System.arraycopy(strings, 0, data, data.length - strings.length, strings.length);
    Profile p = ProtoProfileParser.parse(data, ParseOptions.defaults());
    assertThat(p.totalCount()).isEqualTo(n);
    assertThat(p.samples().get(n - 1).stack().isEmpty()).isTrue();
    assertThatThrownBy(() -> ProtoProfileParser.parse(data, ParseOptions.defaults().withMaxSamples(1000)))
        .isInstanceOf(ProfileParseException.class).hasMessageContaining("ParseOptions.maxSamples");
  }

  @Test
  void textEdgeCases() {
    String block = "\nmain.main()\n\tmain.go:3 +0x1\n\n";
    Profile longId = GoroutineProfiles.parse(bytes(
        "goroutine 123456789012345678901234567890 [running]:" + block + "goroutine 2 [running]:" + block));
    assertThat(longId.goroutines()).extracting(Goroutine::idKnown).containsExactly(false, true);
    assertThat(longId.diagnostics().problems()).anyMatch(m -> m.contains("64 bits"));
    Goroutine big = GoroutineProfiles.parse(bytes(
        "goroutine 5 [chan receive, 99999999999 minutes]:" + block)).goroutines().get(0);
    assertThat(big.waitMinutes()).hasValue(99_999_999_999L);
    Goroutine huge = GoroutineProfiles.parse(bytes(
        "goroutine 5 [chan receive, 99999999999999999999999 minutes]:" + block)).goroutines().get(0);
    assertThat(huge.waitMinutes()).isEmpty();
    assertThat(huge.traceback().otherStateItems()).containsExactly("99999999999999999999999 minutes");
    Goroutine braces = GoroutineProfiles.parse(bytes(
        "goroutine 5 [running]:\nmain.f({0x1, {0x2, {{{...)\n\tmain.go:3 +0x1\n"),
        ParseOptions.defaults().withTracebackText(true)).goroutines().get(0);
    assertThat(braces.traceback().arguments()).containsExactly("{0x1, {0x2, {{{...");
    Profile open = GoroutineProfiles.parse(bytes("goroutine 5 [running]:\nmain.f({0x1\n\tmain.go:3 +0x1\n"));
    assertThat(open.goroutines().get(0).incomplete()).isTrue();
    Goroutine nul = GoroutineProfiles.parse(bytes(
        "goroutine 5 [running]:\nmain.f\u0000x(0x1)\n\tma\u0000in.go:3 +0x1\n")).goroutines().get(0);
    assertThat(nul.stack().frames().get(0).function()).isEqualTo("main.f\u0000x");
    byte[] invalid = bytes("goroutine 5 [running]:\nmain.fXX(0x1)\n\tmain.go:3 +0x1\n");
    invalid[29] = (byte) 0xfe;
    invalid[30] = (byte) 0xc3;
    Frame f = GoroutineProfiles.parse(invalid).goroutines().get(0).stack().frames().get(0);
    assertThat(f.function()).isEqualTo("main.f\uFFFD\uFFFD");
    Profile cr = GoroutineProfiles.parse(bytes("goroutine 5 [running]:\rmain.f()\r\tmain.go:3 +0x1\r"));
    assertThat(cr.goroutines().get(0).stack().frames().get(0).line()).isEqualTo(3);
  }

  @Test
  void aHundredMegabyteLineNamesItsOption() {
    byte[] line = new byte[100 << 20];
    Arrays.fill(line, (byte) 'x');
    byte[] input = new byte[line.length + 30];
    System.arraycopy(bytes("goroutine 1 [running]:\nmain.f("), 0, input, 0, 29);
    System.arraycopy(line, 0, input, 29, line.length);
    input[input.length - 1] = '\n';
    assertThat(fails(input, ParseOptions.defaults()).getMessage())
        .contains("line longer than 16777216 bytes").contains("ParseOptions.maxLineBytes")
        .contains("line 2");
  }

  @Test
  void everyLimitNamesItsOption() {
    byte[] dump = Fixtures.read("1.23", "later.debug2.txt");
    assertThat(fails(dump, ParseOptions.defaults().withMaxSamples(10)).getMessage())
        .contains("ParseOptions.maxSamples");
    assertThat(fails(dump, ParseOptions.defaults().withMaxFramesPerStack(5)).getMessage())
        .contains("ParseOptions.maxFramesPerStack");
    assertThat(fails(dump, ParseOptions.defaults().withMaxLineBytes(40)).getMessage())
        .contains("ParseOptions.maxLineBytes");
    byte[] proto = Fixtures.read("1.23", "later.debug0.pb.gz");
    assertThat(fails(proto, ParseOptions.defaults().withMaxDecompressedBytes(1000)).getMessage())
        .contains("ParseOptions.maxDecompressedBytes");
    assertThat(fails(proto, ParseOptions.defaults().withMaxFramesPerStack(5)).getMessage())
        .contains("ParseOptions.maxFramesPerStack");
    assertThat(fails(proto, ParseOptions.defaults().withMaxSamples(3)).getMessage())
        .contains("ParseOptions.maxSamples");
    assertThatThrownBy(() -> GoroutineProfiles.parse(new ByteArrayInputStream(dump),
            ParseOptions.defaults().withMaxInputBytes(1000)))
        .isInstanceOf(ProfileParseException.class).hasMessageContaining("ParseOptions.maxInputBytes");
    assertThatThrownBy(() -> TextProfileParser.parseAll(new ByteArrayInputStream(dump),
            ParseOptions.defaults().withMaxInputBytes(1000)))
        .isInstanceOf(ProfileParseException.class).hasMessageContaining("ParseOptions.maxInputBytes");
  }

  @Test
  void whiteSpaceAfterHeadersAndCallsKeepsEveryGoroutine() {
    String dump = Fixtures.text("1.23", "later.debug2.txt");
    Profile clean = GoroutineProfiles.parse(bytes(dump));
    // an editor or console that pads lines: "]: ", ") ", "+0x1d\t"
    String padded = dump.replace("]:\n", "]: \n").replace(")\n", ") \n").replace("\n\t", "\t\n\t");
    Profile p = GoroutineProfiles.parse(bytes(padded));
    assertThat(p.goroutines()).hasSameSizeAs(clean.goroutines());
    assertThat(p.goroutines()).extracting(Goroutine::stack)
        .containsExactlyElementsOf(clean.goroutines().stream().map(Goroutine::stack).toList());
    assertThat(p.diagnostics().problems())
        .anyMatch(m -> m.startsWith("repaired ") && m.contains("white space after their end"));
  }

  @Test
  void damagedHeadersKeepTheirGoroutineAndSaySo() {
    String block = "\nmain.f()\n\t/a.go:2 +0x1\n\n";
    String text = "goroutine 1 [running]:" + block
        + "goroutine 2 [chan receive] {\"a\": \"b}:" + block        // Go 1.27 labels, quote open
        + "goroutine 3 [select labels:{\"a\": \"b]:" + block         // Go 1.26 labels, quote open
        + "goroutine 4 [sleep, 99999999999999999999 minutes]:" + block; // past 2^63
    Profile p = GoroutineProfiles.parse(bytes(text));
    assertThat(p.goroutines()).extracting(Goroutine::id).containsExactly(1L, 2L, 3L, 4L);
    assertThat(p.goroutines()).extracting(Goroutine::state)
        .containsExactly("running", "chan receive", "select", "sleep");
    assertThat(p.goroutines().get(1).labels().isEmpty()).isTrue();
    assertThat(p.goroutines().get(3).waitMinutes()).isEmpty();
    assertThat(p.diagnostics().problems()).containsExactly(
        "goroutine 2: unreadable labels {\"a\": \"b} dropped (line 5)",
        "goroutine 3: unreadable labels labels:{\"a\": \"b dropped (line 9)",
        "goroutine 4: a wait of 99999999999999999999 minutes does not fit in 64 bits: kept as a"
            + " state item, not as the wait (line 13)");
    ProfileParseException strict = fails(bytes(text), ParseOptions.defaults().withStrict(true));
    assertThat(strict.lineNumber()).hasValue(5);
    assertThat(strict.problem()).contains("unreadable labels");
  }

  @Test
  void countsThatSumPastTheRangeOfALong() {
    String max = Long.toString(Long.MAX_VALUE);
    String text = "goroutine profile: total 3\n" + max + " @ 0x1\n#\t0x1\tmain.f+0x1\t/a.go:1\n\n"
        + max + " @ 0x2\n#\t0x2\tmain.g+0x1\t/a.go:2\n\n";
    Profile p = GoroutineProfiles.parse(bytes(text));
    assertThat(p.totalCount()).isEqualTo(Long.MAX_VALUE);
    assertThat(p.samples()).extracting(s -> s.count()).containsExactly(Long.MAX_VALUE, 0L);
    assertThat(p.diagnostics().problems()).first().asString()
        .isEqualTo("the records' counts sum past 2^63 - 1: the count " + max
            + " of this record is cut to 0 (line 7)");
    assertThat(fails(bytes(text), ParseOptions.defaults().withStrict(true)).lineNumber()).hasValue(7);
    // protobuf: refused, at the sample that overflows
    Hostile.Proto proto = new Hostile.Proto().message(1, new Hostile.Proto().varint(1, 1).varint(2, 2));
    proto.message(2, new Hostile.Proto().packed(2, Long.MAX_VALUE));
    int second = proto.bytes().length;
    proto.message(2, new Hostile.Proto().packed(2, 1));
    proto.string(6, "").string(6, "goroutine").string(6, "count");
    ProfileParseException e = fails(proto.bytes(), ParseOptions.defaults());
    assertThat(e.problem()).isEqualTo("the samples' counts sum past the range of a 64-bit integer");
    assertThat(e.byteOffset()).hasValue(second);
  }

  @Test
  void maxSamplesCountsOneDump() {
    String dump = "goroutine 1 [running]:\nmain.f()\n\t/a.go:1 +0x1\n\n"
        + "goroutine 2 [select]:\nmain.g()\n\t/a.go:2 +0x1\n\n";
    byte[] twoDumps = bytes(dump + "panic: again\n\n" + dump);
    ParseOptions two = ParseOptions.defaults().withMaxSamples(2);
    assertThat(GoroutineProfiles.parseAll(twoDumps, two)).hasSize(2);
    byte[] three = bytes(dump + "goroutine 3 [sleep]:\nmain.h()\n\t/a.go:3 +0x1\n");
    ProfileParseException e = fails(three, two);
    assertThat(e.limit()).hasValue("maxSamples");
    assertThat(e.lineNumber()).hasValue(11); // where the third goroutine ends
  }

  @Test
  void aRecordOfMorePcsThanFramesAllowed() {
    StringBuilder record = new StringBuilder("goroutine profile: total 1\n1 @");
    for (int i = 0; i < 120_000; i++) {
      record.append(" 0x").append(Integer.toHexString(0x400000 + i));
    }
    record.append("\n#\t0x400000\tmain.f+0x1\t/a.go:1\n\n");
    ProfileParseException e = fails(bytes(record.toString()), ParseOptions.defaults());
    assertThat(e.getMessage()).contains("more than 100000 PCs in one record")
        .contains("ParseOptions.maxFramesPerStack");
    assertThat(e.lineNumber()).hasValue(2);
    byte[] six = bytes("goroutine profile: total 1\n1 @ 0x1 0x2 0x3 0x4 0x5 0x6\n\n");
    assertThat(fails(six, ParseOptions.defaults().withMaxFramesPerStack(5)).limit())
        .hasValue("maxFramesPerStack");
    assertThat(GoroutineProfiles.parse(six, ParseOptions.defaults().withMaxFramesPerStack(6))
        .samples().get(0).addresses()).hasSize(6);
  }

  @Test
  void rawProtobufIsHeldToTheDecompressionLimit() throws IOException {
    byte[] gz = Fixtures.read("1.23", "later.debug0.pb.gz");
    byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    ParseOptions small = ParseOptions.defaults().withMaxDecompressedBytes(raw.length - 1);
    for (byte[] input : List.of(gz, raw)) {
      ProfileParseException e = fails(input, small);
      assertThat(e.limit()).hasValue("maxDecompressedBytes");
    }
    ParseOptions exact = ParseOptions.defaults().withMaxDecompressedBytes(raw.length);
    assertThat(GoroutineProfiles.parse(raw, exact)).isEqualTo(GoroutineProfiles.parse(gz, exact));
  }

  /** The first 40 goroutine blocks of a real dump, cut at every byte. */
  @Test
  void aDumpCutAtEveryByteKeepsEveryCompleteGoroutine() {
    String full = Fixtures.text("1.23", "later.debug2.txt");
    int end = 0;
    for (int i = 0; i < 40; i++) {
      end = full.indexOf("\n\n", end) + 2;
    }
    byte[] text = bytes(full.substring(0, end));
    Profile whole = TextProfileParser.parse(text, ParseOptions.defaults());
    assertThat(whole.goroutines()).hasSize(40);
    int[] blockEnds = new int[40];
    int at = 0;
    for (int i = 0; i < 40; i++) {
      at = full.indexOf("\n\n", at) + 1; // the block's last line ends here
      blockEnds[i] = at;
      at++;
    }
    byte[] copy = text.clone();
    for (int cut = 0; cut <= text.length; cut++) {
      byte[] prefix = Arrays.copyOf(text, cut);
      if (TextProfileParser.recognize(prefix).isEmpty()) {
        // no header yet: refused as no goroutine dump, and no block of the dump can be complete
        assertThatThrownBy(() -> TextProfileParser.parseAll(prefix, ParseOptions.defaults()))
            .hasMessageStartingWith("not a goroutine profile");
        assertThat(cut).isLessThan(blockEnds[0]);
        continue;
      }
      List<Profile> parsed = TextProfileParser.parseAll(prefix, ParseOptions.defaults());
      Map<Long, Goroutine> byId = new HashMap<>();
      for (Profile p : parsed) {
        Invariants.check(p);
        p.goroutines().forEach(g -> byId.put(g.id(), g));
      }
      for (int i = 0; i < 40 && blockEnds[i] <= cut; i++) {
        Goroutine expected = whole.goroutines().get(i);
        Goroutine got = byId.get(expected.id());
        assertThat(got).as("goroutine %d at cut %d", expected.id(), cut).isNotNull();
        assertThat(got.stack()).as("cut %d", cut).isEqualTo(expected.stack());
        assertThat(got.createdBy()).isEqualTo(expected.createdBy());
        assertThat(got.incomplete()).as("cut %d", cut).isFalse();
      }
    }
    assertThat(text).isEqualTo(copy);
  }

  @Test
  void aProtobufCutAtEveryByte() throws IOException {
    byte[] gz = Fixtures.read("1.21", "first.debug0.pb.gz");
    byte[] raw = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    for (byte[] input : List.of(gz, raw)) {
      for (int cut = 0; cut < input.length; cut++) {
        byte[] prefix = Arrays.copyOf(input, cut);
        try {
          Invariants.check(ProtoProfileParser.parse(prefix, ParseOptions.defaults()));
        } catch (Throwable t) {
          Invariants.checkFailure(t);
        }
      }
    }
  }
}
