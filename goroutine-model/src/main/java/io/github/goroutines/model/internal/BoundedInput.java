package io.github.goroutines.model.internal;

import io.github.goroutines.model.ProfileParseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Input read up to {@link io.github.goroutines.model.ParseOptions#maxInputBytes()}: past it, the
 * {@link ProfileParseException} that names the option. The one place every parser and the facade
 * read a stream through.
 */
public final class BoundedInput extends FilterInputStream {
  /** The largest array a JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int CHUNK = 64 * 1024;

  private final long max;
  private long count;

  private BoundedInput(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  /**
   * Wraps a stream; reading past {@code max} bytes throws.
   *
   * @param in the stream; closing the result closes it
   * @param max the most bytes it may hold
   * @return the bounded stream
   */
  public static InputStream of(InputStream in, long max) {
    return new BoundedInput(in, max);
  }

  /**
   * Reads a stream to its end into one array (which cannot hold more than 2 GiB).
   *
   * @param in the stream; not closed
   * @param max the most bytes it may hold
   * @return the bytes
   * @throws ProfileParseException past {@code max}, or past what an array holds
   * @throws UncheckedIOException when reading fails
   */
  public static byte[] readAll(InputStream in, long max) {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.min(max, MAX_ARRAY) + 1)];
    int n = 0;
    try {
      while (true) {
        if (n == buf.length) {
          if (n > max) {
            throw tooLarge(max);
          }
          if (n >= MAX_ARRAY) {
            throw ProfileParseException.atOffset(null, "input larger than " + MAX_ARRAY
                + " bytes, more than one array holds; text input can be parsed from a stream",
                MAX_ARRAY, new byte[0]);
          }
          buf = Arrays.copyOf(buf, (int) Math.min((long) n * 2, Math.min(max + 1, MAX_ARRAY)));
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (n > max) {
      throw tooLarge(max);
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      counted(1);
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) {
    count += n;
    if (count > max) {
      throw tooLarge(max);
    }
  }

  private static ProfileParseException tooLarge(long max) {
    return ProfileParseException.limitAtOffset(null, "input larger than " + max + " bytes",
        "maxInputBytes", max, new byte[0]);
  }
}
