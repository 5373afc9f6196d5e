package io.github.goroutines.parse.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Hand-built messages: what the decoder accepts beyond Go's own encoder, and what it rejects. */
class ProtoErrorTest {

  /** A minimal protobuf writer for test messages. */
  static final class Msg {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    Msg varint(int field, long value) {
      try {
        out.writeUInt64(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Msg string(int field, String value) {
      try {
        out.writeString(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Msg message(int field, Msg value) {
      return bytes(field, value.build());
    }

    Msg bytes(int field, byte[] value) {
      try {
        out.writeByteArray(field, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Msg packed(int field, long... values) {
      Msg inner = new Msg();
      try {
        for (long v : values) {
          inner.out.writeUInt64NoTag(v);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes(field, inner.build());
    }

    Msg raw(byte... b) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes.write(b, 0, b.length);
      return this;
    }

    byte[] build() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  static Msg valueType(long type, long unit) {
    return new Msg().varint(1, type).varint(2, unit);
  }

  /** Strings: 0 "", 1 goroutine, 2 count, 3 main.worker, 4 main.go, 5 user, 6 alice, 7 bytes. */
  static Msg base() {
    return new Msg()
        .message(11, valueType(1, 2))
        .varint(12, 1)
        .message(1, valueType(1, 2));
  }

  static Msg strings(Msg m) {
    for (String s : List.of("", "goroutine", "count", "main.worker", "main.go", "user", "alice", "bytes")) {
      m.string(6, s);
    }
    return m;
  }

  static Msg location(long id, long address, long functionId, long line) {
    return new Msg().varint(1, id).varint(3, address)
        .message(4, new Msg().varint(1, functionId).varint(2, line));
  }

  static Msg function(long id) {
    return new Msg().varint(1, id).varint(2, 3).varint(3, 3).varint(4, 4);
  }

  static Profile parse(byte[] b) {
    return ProtoProfileParser.parse(b, ParseOptions.defaults());
  }

  @Test
  void fieldsInAnyOrderPackedAndUnpackedInlinedAndNumericLabels() {
    Msg m = base();
    // samples before the locations and functions they use, string table in the middle
    m.message(2, new Msg().packed(1, 1, 2, 2).varint(2, 4)
        .message(3, new Msg().varint(1, 5).varint(2, 6))
        .message(3, new Msg().varint(1, 7).varint(3, 4096).varint(4, 7)));
    m.message(2, new Msg().varint(1, 2).varint(2, -3L)); // unpacked id, negative (delta) count
    m.message(2, new Msg().varint(2, 1)); // no location: a goroutine that has not started
    strings(m);
    m.message(4, new Msg().varint(1, 2).varint(3, 0x4000)
        .message(4, new Msg().varint(1, 1).varint(2, 10))
        .message(4, new Msg().varint(1, 1).varint(2, 20)));
    m.message(4, location(1, 0x5000, 1, 36));
    m.message(5, function(1));
    m.varint(99, 7); // unknown field
    m.varint(9, 1234).varint(10, 5).packed(13, 5, 6).varint(14, 1).varint(15, 3);
    Profile p = parse(m.build());
    assertThat(p.samples()).extracting(Sample::count).containsExactly(4L, -3L, 1L);
    assertThat(p.totalCount()).isEqualTo(2);
    Sample first = p.samples().get(0);
    assertThat(first.stack().frames()).extracting(Frame::line).containsExactly(36, 10, 20, 10, 20);
    assertThat(first.stack().frames()).extracting(Frame::inlined)
        .containsExactly(false, true, false, true, false);
    assertThat(first.stack().frames().get(1).pc()).hasValue(0x4000);
    assertThat(first.labels().list())
        .containsExactly(Label.numeric("bytes", 4096, "bytes"), Label.of("user", "alice"));
    assertThat(p.samples().get(2).stack().isEmpty()).isTrue();
    assertThat(p.metadata().timeNanos()).isEqualTo(1234);
    assertThat(p.metadata().durationNanos()).isEqualTo(5);
    assertThat(p.metadata().comments()).containsExactly("user", "alice");
    assertThat(p.metadata().defaultSampleType()).isEqualTo("goroutine");
    assertThat(p.metadata().docUrl()).isEqualTo("main.worker");
    // equal stacks from different samples are one instance
    Profile again = parse(strings(base()
        .message(2, new Msg().varint(1, 1).varint(2, 1))
        .message(2, new Msg().varint(1, 1).varint(2, 2).message(3, new Msg().varint(1, 5).varint(2, 6)))
        .message(4, location(1, 1, 1, 3)).message(5, function(1))).build());
    assertThat(again.samples().get(0).stack()).isSameAs(again.samples().get(1).stack());
  }

  static ProfileParseException rejects(byte[] input) {
    try {
      parse(input);
    } catch (ProfileParseException e) {
      assertThat(e.format()).contains(ProfileFormat.PROTO);
      assertThat(e.byteOffset()).isPresent();
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void brokenReferences() {
    assertThat(rejects(strings(base().message(2, new Msg().varint(1, 9).varint(2, 1))).build())
        .problem()).isEqualTo("sample refers to location id 9, which does not exist");
    assertThat(rejects(strings(base().message(2, new Msg().varint(1, 1).varint(2, 1))
        .message(4, location(1, 1, 8, 3))).build()).problem())
        .isEqualTo("location refers to function id 8, which does not exist");
    assertThat(rejects(strings(base()).message(4, location(0, 1, 1, 3)).build()).problem())
        .isEqualTo("location with reserved id 0");
    assertThat(rejects(strings(base()).message(5, function(0)).build()).problem())
        .isEqualTo("function with reserved id 0");
    ProfileParseException index = rejects(strings(base().message(2, new Msg().varint(2, 1)
        .message(3, new Msg().varint(1, 57).varint(2, 6)))).build());
    assertThat(index.problem()).isEqualTo("string index 57 outside string table [0, 8)");
    assertThat(index.byteOffset()).hasValue(14); // the sample message
    assertThat(rejects(strings(base().message(2, new Msg().varint(2, 1).varint(2, 2))).build())
        .problem()).isEqualTo("sample has 2 values but the profile declares 1 sample types");
    assertThat(rejects(strings(base()).message(4, location(1, 1, 1, 3))
        .message(4, location(1, 2, 1, 3)).build()).problem()).isEqualTo("two locations with id 1");
  }

  @Test
  void otherProfileTypesAreNamed() {
    Msg heap = new Msg().message(1, valueType(1, 2)).message(1, valueType(3, 4));
    for (String s : List.of("", "alloc_objects", "count", "alloc_space", "bytes")) {
      heap.string(6, s);
    }
    assertThat(rejects(heap.build()).problem()).isEqualTo(
        "not a goroutine profile: sample types [alloc_objects/count, alloc_space/bytes]; "
            + "expected goroutine/count or goroutineleak/count (a heap profile: fetch "
            + "/debug/pprof/goroutine instead)");
  }

  @Test
  void malformedWire() {
    byte[] good = strings(base()).build();
    // a varint of 11 bytes
    byte[] longVarint = new Msg().raw((byte) 0x48).raw(new byte[] {
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01}).build();
    assertThat(rejects(longVarint).problem()).startsWith("malformed protobuf");
    // a length past the end
    byte[] pastEnd = Arrays.copyOf(good, good.length + 2);
    pastEnd[good.length] = 0x32;
    pastEnd[good.length + 1] = 0x7f;
    assertThat(rejects(pastEnd).problem()).startsWith("malformed protobuf");
    // a negative length
    byte[] negative = new Msg().raw((byte) 0x32, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        (byte) 0x0f).build();
    assertThat(rejects(negative).problem()).startsWith("malformed protobuf");
    // a known field with the wrong wire type
    assertThat(rejects(new Msg().raw((byte) 0x15, (byte) 1, (byte) 2, (byte) 3, (byte) 4).build())
        .problem()).isEqualTo("field 2 has wire type 5, expected 2");
    assertThat(rejects(new byte[] {(byte) 0x0a, 0x01}).byteOffset()).isPresent();
  }

  @Test
  void gzipIsBoundedAndChecked() throws IOException {
    byte[] real = Fixtures.read("1.23", "first.debug0.pb.gz");
    for (int cut : new int[] {3, 10, real.length / 2, real.length - 4}) {
      ProfileParseException e = rejects(Arrays.copyOf(real, cut));
      assertThat(e.problem()).as("cut at %d", cut).containsAnyOf("gzip", "truncated");
    }
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 128; i++) { // 128 MiB of zeros, about 128 KB compressed
        gz.write(zeros);
      }
    }
    assertThatThrownBy(() -> ProtoProfileParser.parse(bomb.toByteArray(),
            ParseOptions.defaults().withMaxDecompressedBytes(1 << 20)))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("maxDecompressedBytes");
    assertThat(bomb.size()).isLessThan(256 << 10);
    byte[] copy = real.clone();
    parse(real);
    assertThat(real).isEqualTo(copy);
  }
}
