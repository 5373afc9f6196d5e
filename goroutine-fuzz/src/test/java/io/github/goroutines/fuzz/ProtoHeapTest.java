package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Xmx512m} (a surefire execution of its own): protobuf messages at
 * the default decompression limit, each built to turn as few bytes as possible into as many objects
 * as possible, parse in the heap that README promises for that limit. Each is gzip-compressed, as
 * an attacker would send it: the smallest is 30 KB.
 */
@Tag("proto-heap")
class ProtoHeapTest {
  private static final int LIMIT = (int) ParseOptions.defaults().maxDecompressedBytes();

  @BeforeAll
  static void heapIsAsPromised() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(512L << 20);
  }

  /** Writes raw protobuf: a tag, then a varint or a length-delimited payload. */
  private static final class Wire {
    final ByteArrayOutputStream out;

    Wire() {
      this(32);
    }

    Wire(int capacity) {
      out = new ByteArrayOutputStream(capacity);
    }

    Wire varint(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
      return this;
    }

    Wire field(int number, long value) {
      return varint((long) number << 3).varint(value);
    }

    Wire message(int number, Wire body) {
      byte[] b = body.out.toByteArray();
      varint((long) number << 3 | 2).varint(b.length);
      out.writeBytes(b);
      return this;
    }

    Wire string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(6 << 3 | 2).varint(b.length);
      out.writeBytes(b);
      return this;
    }

    int size() {
      return out.size();
    }

    /** sample_type goroutine/count and the strings 0 to 5. */
    static Wire header() {
      Wire w = new Wire(LIMIT).message(1, new Wire().field(1, 1).field(2, 2));
      for (String s : new String[] {"", "goroutine", "count", "k", "main.f", "/a.go"}) {
        w.string(s);
      }
      return w;
    }
  }

  /** Builds the message, compresses it, and parses it once the message is garbage. */
  private static Profile parse(Supplier<Wire> message) {
    return GoroutineProfiles.parse(compressed(message));
  }

  private static byte[] compressed(Supplier<Wire> message) {
    Wire w = message.get();
    assertThat(w.size()).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT - 64);
    return Hostile.gzip(w.out.toByteArray());
  }

  /** Four bytes per sample, no stack: 8 million samples. */
  @Test
  void tinySamples() {
    Profile p = parse(() -> {
      Wire w = Wire.header();
      byte[] sample = {0x12, 0x02, 0x10, 0x01};
      while (w.size() + sample.length <= LIMIT) {
        w.out.writeBytes(sample);
      }
      return w;
    });
    assertThat(p.totalCount()).isGreaterThan(8_000_000);
  }

  /** A location and a sample on it per 23 bytes: 1.4 million stacks of their own. */
  @Test
  void aStackPerSample() {
    Profile p = parse(() -> {
      Wire w = Wire.header().message(5, new Wire().field(1, 1).field(2, 4).field(4, 5));
      for (long id = 1; w.size() + 32 <= LIMIT; id++) {
        w.message(4, new Wire().field(1, id).message(4, new Wire().field(1, 1).field(2, id)));
        w.message(2, new Wire().field(1, id).field(2, 1));
      }
      return w;
    });
    assertThat(p.samples().size()).isGreaterThan(1_400_000);
    assertThat(p.samples().get(5).stack().frames().get(0).line()).isEqualTo(6);
  }

  /** A label value of its own per sample: 1.9 million label sets. */
  @Test
  void labelsPerSample() {
    Profile p = parse(() -> {
      Wire w = Wire.header();
      Wire samples = new Wire(LIMIT);
      for (int n = 0; w.size() + samples.size() + 40 <= LIMIT; n++) {
        w.string(Integer.toString(n, 36));
        samples.message(2,
            new Wire().field(2, 1).message(3, new Wire().field(1, 3).field(2, 6 + n)));
      }
      w.out.writeBytes(samples.out.toByteArray());
      return w;
    });
    int n = p.samples().size();
    assertThat(n).isGreaterThan(1_500_000);
    assertThat(p.samples().get(n - 1).labels().get("k")).hasValue(Integer.toString(n - 1, 36));
  }

  /** One-byte strings: 11 million of them. */
  @Test
  void stringTable() {
    Profile p = parse(() -> {
      Wire w = Wire.header();
      for (int i = 0; w.size() + 3 <= LIMIT; i++) {
        w.string(String.valueOf((char) ('a' + i % 26)));
      }
      return w;
    });
    assertThat(p.samples().size()).isZero();
  }

  /** Functions: 4 million. */
  @Test
  void functions() {
    Profile p = parse(() -> {
      Wire w = Wire.header();
      for (long id = 1; w.size() + 12 <= LIMIT; id++) {
        w.message(5, new Wire().field(1, id).field(2, 4).field(4, 5));
      }
      return w;
    });
    assertThat(p.samples().size()).isZero();
  }
}
