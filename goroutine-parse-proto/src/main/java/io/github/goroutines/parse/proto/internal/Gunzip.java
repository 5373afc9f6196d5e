package io.github.goroutines.parse.proto.internal;

import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Bounded gzip decompression: it stops at the limit, so a gzip bomb costs little memory. */
public final class Gunzip {
  private Gunzip() {}

  /**
   * Tells whether the bytes start with the gzip magic.
   *
   * @param b the input
   * @return true for {@code 1f 8b}
   */
  public static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /**
   * Inflates all gzip members of the input.
   *
   * @param input the compressed bytes
   * @param max the most bytes that may come out
   * @return the decompressed bytes
   * @throws ProfileParseException when the stream is corrupt, cut short, or inflates past {@code max}
   */
  public static byte[] inflate(byte[] input, long max) {
    ByteArrayInputStream source = new ByteArrayInputStream(input);
    // chunks, so that growing never copies: a bomb costs at most the limit, a profile twice its size
    List<byte[]> chunks = new ArrayList<>();
    long total = 0;
    try (GZIPInputStream gz = new GZIPInputStream(source, 64 * 1024)) {
      while (true) {
        byte[] chunk = new byte[(int) Math.min(CHUNK, max + 1 - total)];
        int n = gz.readNBytes(chunk, 0, chunk.length);
        if (n == 0) {
          break;
        }
        chunks.add(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
        total += n;
        if (total > max) {
          throw ProfileParseException.limitAtOffset(ProfileFormat.PROTO,
              "profile inflates to more than " + max + " bytes", "maxDecompressedBytes",
              input.length - source.available(), new byte[0]);
        }
      }
    } catch (EOFException e) {
      throw error("gzip stream ends early (truncated profile?)", input, source);
    } catch (IOException e) {
      throw error("corrupt gzip stream: " + e.getMessage(), input, source);
    }
    byte[] out = new byte[(int) total];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, out, at, chunk.length);
      at += chunk.length;
    }
    return out;
  }

  /** Below half a G1 region of small heaps, so chunks are never humongous objects. */
  private static final int CHUNK = 256 << 10;

  private static ProfileParseException error(String message, byte[] input, ByteArrayInputStream s) {
    int offset = input.length - s.available();
    return ProfileParseException.atOffset(
        ProfileFormat.PROTO,
        message,
        offset,
        Arrays.copyOfRange(input, Math.max(0, offset - 8), Math.min(input.length, offset + 8)));
  }
}
