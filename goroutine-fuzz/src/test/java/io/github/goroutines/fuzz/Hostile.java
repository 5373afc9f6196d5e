package io.github.goroutines.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Generators of the inputs an attacker builds: one long line made of a fragment the parsers look
 * for, names that share a {@code String.hashCode}, and protobuf messages. Shared by the complexity
 * tests and the fuzz targets.
 */
final class Hostile {
  private Hostile() {}

  /** Fragments that open a header, a record, a label set or a prefix when the line is scanned. */
  static final List<String> FRAGMENTS = List.of(
      "goroutine 1 [", "goroutine 1 [a, ", "goroutine 1 [a labels:{\"", "goroutine 1 gp=0x1 ",
      "goroutine profile: total ", "goroutineleak profile: total ", "created by ", " in goroutine ",
      "a.go:1 +0x1 ", "{\"a\":\"", "\\\"", "(", "{", "]:", "2024-10-09T09:16:43.6388806Z ",
      "Jan 02 15:04:05 host d[1]: ", "web_1  | ", "1 @ 0x1 ", "\t0x1\tmain.f+0x1\t",
      "-----------+---", "panic: ", "[running]:");

  /** What comes before the long line: nothing, an open block, an open record, a JSON field. */
  static final List<String> CONTEXTS = List.of(
      "",
      "goroutine 1 [running]:\nmain.f()\n",
      "goroutine profile: total 1\n1 @ 0x1\n",
      "{\"log\":\"");

  /** One line of at least {@code size} bytes repeating {@code fragment}, after a context. */
  static byte[] longLine(String context, String fragment, int size) {
    StringBuilder sb = new StringBuilder(size + context.length() + fragment.length() + 1);
    sb.append(context);
    while (sb.length() < size + context.length()) {
      sb.append(fragment);
    }
    return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The {@code i}-th of 2^bits names of equal {@code String.hashCode}: "Aa" and "BB" hash alike,
   * and so does every string made of them.
   */
  static String collidingName(int i, int bits) {
    StringBuilder sb = new StringBuilder("main.");
    for (int k = 0; k < bits; k++) {
      sb.append(((i >> k) & 1) == 0 ? "Aa" : "BB");
    }
    return sb.toString();
  }

  /** The {@code i}-th of 2^bits names of the same shape and length whose hashes differ. */
  static String plainName(int i, int bits) {
    StringBuilder sb = new StringBuilder("main.");
    for (int k = 0; k < bits; k++) {
      sb.append(((i >> k) & 1) == 0 ? "Aa" : "Bb");
    }
    return sb.toString();
  }

  /** A debug=2 dump of one goroutine per name. */
  static byte[] debug2(List<String> names) {
    StringBuilder sb = new StringBuilder();
    int id = 1;
    for (String name : names) {
      sb.append("goroutine ").append(id++).append(" [chan receive]:\n").append(name)
          .append("()\n\t/src/main.go:10 +0x1d\ncreated by main.main in goroutine 1\n")
          .append("\t/src/main.go:20 +0x2b\n\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A debug=1 profile of one record per label value. */
  static byte[] debug1Labels(List<String> values) {
    StringBuilder sb = new StringBuilder("goroutine profile: total ").append(values.size())
        .append('\n');
    for (String v : values) {
      sb.append("1 @ 0x46e68e 0x4080fc\n# labels: {\"tenant\":\"").append(v)
          .append("\"}\n#\t0x46e68d\truntime.gopark+0xcd\t/go/src/runtime/proc.go:424\n")
          .append("#\t0x4080fb\tmain.worker+0x1b\t/src/main.go:10\n\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A raw protobuf goroutine profile of one sample per function name. */
  static byte[] protoFunctions(List<String> names) {
    Proto profile = new Proto();
    profile.message(1, new Proto().varint(1, 1).varint(2, 2)); // sample_type goroutine/count
    for (int i = 0; i < names.size(); i++) {
      long id = i + 1;
      profile.message(2, new Proto().packed(1, id).packed(2, 1));
      profile.message(4, new Proto().varint(1, id).varint(3, 0x1000 + id)
          .message(4, new Proto().varint(1, id).varint(2, 10)));
      profile.message(5, new Proto().varint(1, id).varint(2, 4 + i).varint(4, 3));
    }
    profile.string(6, "").string(6, "goroutine").string(6, "count").string(6, "/src/main.go");
    names.forEach(n -> profile.string(6, n));
    return profile.bytes();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A minimal protobuf writer: varints, packed varints, strings and nested messages. */
  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      tag(field, 0);
      raw(value);
      return this;
    }

    Proto packed(int field, long... values) {
      Proto inner = new Proto();
      for (long v : values) {
        inner.raw(v);
      }
      return bytes(field, inner.bytes());
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto value) {
      return bytes(field, value.bytes());
    }

    Proto bytes(int field, byte[] value) {
      tag(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      raw((long) field << 3 | wireType);
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write((int) v);
    }
  }
}
