package io.github.goroutines.parse.proto.internal;

import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
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
   * Inflates all gzip members of the input into one array, sized from the stream's own trailer
   * (ISIZE, the length of the last member) so that an honest profile is inflated without copies;
   * a trailer that lies costs at most the limit, or 1032 times the input (deflate's best ratio).
   *
   * @param input the compressed bytes
   * @param max the most bytes that may come out
   * @return the decompressed bytes
   * @throws ProfileParseException when the stream is corrupt, cut short, or inflates past {@code max}
   */
  public static byte[] inflate(byte[] input, long max) {
    ByteArrayInputStream source = new ByteArrayInputStream(input);
    byte[] out = new byte[sizeHint(input, max)];
    int total = 0;
    try (GZIPInputStream gz = new GZIPInputStream(source, 64 * 1024)) {
      while (true) {
        if (total == out.length) {
          int next = gz.read();
          if (next < 0) {
            break;
          }
          if (total >= max) {
            throw ProfileParseException.limitAtOffset(ProfileFormat.PROTO,
                "profile inflates to more than " + max + " bytes", "maxDecompressedBytes",
                input.length - source.available(), new byte[0]);
          }
          if (total >= MAX_ARRAY) {
            throw error("profile inflates to more than " + MAX_ARRAY + " bytes, more than a Java"
                + " array holds", input, source);
          }
          long grown = Math.min(Math.min(max, MAX_ARRAY), Math.max(MIN_GROWTH, 2L * out.length));
          out = Arrays.copyOf(out, (int) grown);
          out[total++] = (byte) next;
          continue;
        }
        int n = gz.read(out, total, out.length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (EOFException e) {
      throw error("gzip stream ends early (truncated profile?)", input, source);
    } catch (IOException e) {
      throw error("corrupt gzip stream: " + e.getMessage(), input, source);
    }
    return total == out.length ? out : Arrays.copyOf(out, total);
  }

  /** The trailer's length of the last member, within the limit and deflate's best ratio. */
  private static int sizeHint(byte[] input, long max) {
    long bound = Math.min(max, Math.min(MAX_ARRAY, input.length * 1032L));
    if (input.length < 18) {
      return (int) Math.min(bound, MIN_GROWTH);
    }
    int n = input.length;
    long isize = (input[n - 4] & 0xffL) | (input[n - 3] & 0xffL) << 8
        | (input[n - 2] & 0xffL) << 16 | (input[n - 1] & 0xffL) << 24;
    return (int) Math.max(Math.min(bound, isize), Math.min(bound, 1024));
  }

  private static final int MIN_GROWTH = 64 << 10;
  /** The longest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static ProfileParseException error(String message, byte[] input, ByteArrayInputStream s) {
    int offset = input.length - s.available();
    return ProfileParseException.atOffset(
        ProfileFormat.PROTO,
        message,
        offset,
        Arrays.copyOfRange(input, Math.max(0, offset - 8), Math.min(input.length, offset + 8)));
  }
}
