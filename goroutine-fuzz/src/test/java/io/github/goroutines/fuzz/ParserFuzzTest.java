package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import io.github.goroutines.parse.text.TextProfileParser;
import io.github.goroutines.parse.text.internal.DumpCollector;
import io.github.goroutines.parse.text.internal.ParallelText;
import io.github.goroutines.parse.text.internal.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Coverage-guided fuzz targets (Jazzer). In the normal test run each target replays its seeds and
 * every crash input found so far ({@code src/test/resources/…/ParserFuzzTestInputs/<target>/});
 * with {@code -Pfuzz} it fuzzes for {@code fuzz.duration} per target.
 *
 * <p>Property: the parser either throws {@code ProfileParseException} with a position, or returns
 * a model that satisfies {@link Invariants}. Limits are small so that the fuzzer explores them.
 */
class ParserFuzzTest {
  static final ParseOptions SMALL = ParseOptions.defaults()
      .withMaxInputBytes(1 << 20)
      .withMaxDecompressedBytes(1 << 20)
      .withMaxLineBytes(1 << 16)
      .withMaxFramesPerStack(1000)
      .withMaxSamples(100_000);

  static void run(Runnable parse) {
    try {
      parse.run();
    } catch (Throwable t) {
      Invariants.checkFailure(t);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void detection(byte[] data) {
    run(() -> Invariants.check(GoroutineProfiles.parseAll(data, SMALL)));
    run(() -> Invariants.checkAgreement(data, SMALL));
  }

  @FuzzTest(maxDuration = "10m")
  void proto(byte[] data) {
    run(() -> Invariants.check(ProtoProfileParser.parse(data, SMALL)));
    run(() -> Invariants.check(ProtoProfileParser.parse(gzip(data), SMALL)));
  }

  @FuzzTest(maxDuration = "10m")
  void debug1(byte[] data) {
    byte[] text = prefixed("goroutine profile: total 3\n", data);
    run(() -> Invariants.check(TextProfileParser.parseAll(text, SMALL)));
  }

  @FuzzTest(maxDuration = "10m")
  void debug2(byte[] data) {
    run(() -> Invariants.check(TextProfileParser.parseAll(data, SMALL)));
    run(() -> Invariants.check(TextProfileParser.parseAll(data, SMALL.withStrict(true))));
  }

  /**
   * The parallel parse, cut into parts of a few bytes, either declines or equals the sequential
   * parse, in both strictness modes. The fuzzer's bytes follow a real dump's blocks, so that parts
   * end and begin at real boundaries and the input after them is the fuzzer's.
   */
  @FuzzTest(maxDuration = "10m")
  void parallel(FuzzedDataProvider data) {
    boolean strict = data.consumeBoolean();
    int partBytes = data.consumeInt(1, 4096);
    byte[] input = data.consumeRemainingAsBytes();
    ParseOptions options = SMALL.withStrict(strict).withParallelism(1);
    List<Profile> whole;
    try {
      whole = TextProfileParser.parseAll(input, options);
    } catch (ProfileParseException e) {
      Invariants.checkFailure(e);
      whole = null;
    }
    DumpCollector sink = new DumpCollector();
    TextParser parser = ParallelText.parse(ParallelText.of(input), options.withParallelism(2),
        sink, partBytes);
    if (parser != null) {
      assertThat(whole).as("the sequential parse failed").isNotNull();
      assertThat(sink.profiles()).isEqualTo(whole);
    }
  }

  /**
   * One long line of a fragment the parsers scan for (or of the fuzzer's own), after a context,
   * then the fuzzer's text. The complexity tests time such lines; here they meet the invariants.
   */
  @FuzzTest(maxDuration = "10m")
  void longLines(FuzzedDataProvider data) {
    String context = data.pickValue(Hostile.CONTEXTS);
    String fragment = data.consumeBoolean() ? data.pickValue(Hostile.FRAGMENTS)
        : data.consumeString(32);
    int size = data.consumeInt(1, 1 << 16);
    byte[] line = Hostile.longLine(context, fragment.isEmpty() ? "x" : fragment, size);
    byte[] input = prefixed(new String(line, StandardCharsets.UTF_8), data.consumeRemainingAsBytes());
    run(() -> Invariants.check(GoroutineProfiles.parseAll(input, SMALL)));
  }

  /**
   * Names of one {@code String.hashCode} in any format: every distinct name comes out distinct,
   * however the tables that share them hash.
   */
  @FuzzTest(maxDuration = "10m")
  void collidingNames(FuzzedDataProvider data) {
    int bits = data.consumeInt(1, 12);
    int format = data.consumeInt(0, 2);
    int count = data.consumeInt(1, 2000);
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(Hostile.collidingName(data.consumeInt(0, (1 << bits) - 1), bits));
    }
    byte[] input = switch (format) {
      case 0 -> Hostile.debug2(names);
      case 1 -> Hostile.debug1Labels(names);
      default -> Hostile.protoFunctions(names);
    };
    Profile p = GoroutineProfiles.parse(input, SMALL);
    Invariants.check(p);
    Set<String> found = new HashSet<>();
    for (Sample s : p.samples()) {
      found.add(format == 1 ? s.labels().get("tenant").orElseThrow()
          : s.stack().frames().get(0).function());
    }
    assertThat(found).isEqualTo(new HashSet<>(names));
  }

  private static byte[] prefixed(String prefix, byte[] data) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[p.length + data.length];
    System.arraycopy(p, 0, out, 0, p.length);
    System.arraycopy(data, 0, out, p.length, data.length);
    return out;
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
