package io.github.goroutines.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import io.github.goroutines.parse.text.TextProfileParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

  private static byte[] prefixed(String prefix, byte[] data) {
    byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
