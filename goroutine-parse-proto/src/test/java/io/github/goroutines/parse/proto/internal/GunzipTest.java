package io.github.goroutines.parse.proto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.ProfileParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** White-box tests of bounded decompression. */
class GunzipTest {
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }

  @Test
  void inflatesAcrossChunksAndMembers() throws IOException {
    byte[] data = random(700_000); // more than two 256 KiB chunks
    assertThat(Gunzip.inflate(gzip(data), data.length)).isEqualTo(data);
    byte[] a = random(10);
    byte[] b = "second member".getBytes();
    byte[] twoMembers = concat(gzip(a), gzip(b));
    assertThat(Gunzip.inflate(twoMembers, 100)).isEqualTo(concat(a, b));
    assertThat(Gunzip.inflate(gzip(new byte[0]), 0)).isEmpty();
  }

  @Test
  void stopsAtTheLimitWithTheOffsetReached() throws IOException {
    byte[] zeros = gzip(new byte[1 << 20]);
    assertThatThrownBy(() -> Gunzip.inflate(zeros, 1000))
        .isInstanceOfSatisfying(ProfileParseException.class, e -> {
          assertThat(e.limit()).contains("maxDecompressedBytes");
          assertThat(e.byteOffset()).isPresent();
          assertThat(e.byteOffset().getAsLong()).isBetween(0L, (long) zeros.length);
        })
        .hasMessageStartingWith("profile inflates to more than 1000 bytes");
    assertThat(Gunzip.inflate(zeros, 1 << 20)).hasSize(1 << 20);
  }

  @Test
  void aCutOrCorruptStreamIsRefusedWithAPosition() throws IOException {
    byte[] gz = gzip(random(5000));
    for (int cut : new int[] {2, 10, gz.length / 2, gz.length - 4}) {
      assertThatThrownBy(() -> Gunzip.inflate(Arrays.copyOf(gz, cut), 1 << 20))
          .isInstanceOfSatisfying(ProfileParseException.class,
              e -> assertThat(e.byteOffset()).isPresent());
    }
    byte[] corrupt = gz.clone();
    corrupt[gz.length / 2] ^= 0x55;
    corrupt[gz.length / 2 + 1] ^= 0x55;
    assertThatThrownBy(() -> Gunzip.inflate(corrupt, 1 << 20)).isInstanceOf(ProfileParseException.class);
    assertThat(Gunzip.isGzip(gz)).isTrue();
    assertThat(Gunzip.isGzip(new byte[] {0x1f})).isFalse();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
