package io.github.goroutines;

import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.internal.BoundedInput;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Gzip that holds text, not {@code profile.proto}: a dump saved with {@code gzip}, a log rotated
 * into {@code .gz}, a proxy's {@code Content-Encoding: gzip}. Which it is shows in the first
 * decompressed bytes; text is then decompressed as the text parser reads it, so the parser's
 * {@code maxInputBytes} bounds the decompressed size. A corrupt or cut stream is a
 * {@link ProfileParseException} at the offset in the compressed input.
 */
final class GzipText {
  /** The most compressed bytes read to tell text from binary: gzip headers may carry names. */
  private static final int PEEK = 1 << 20;

  private GzipText() {}

  /** Whether the input is gzip whose content is text (or JSON lines), not binary. */
  static boolean holdsText(byte[] input) {
    return isGzip(input) && holdsText(new ByteArrayInputStream(input));
  }

  /** The decompressed content, read as it is needed; errors are positioned. */
  static InputStream open(byte[] input) {
    return open(new ByteArrayInputStream(input));
  }

  /**
   * Whether a gzip stream holds text; the stream is left unread. The decision reads at most
   * {@link #PEEK} compressed bytes: content it cannot see within them is taken for binary, for the
   * protobuf parser to judge.
   *
   * @param buffered a stream that supports mark and reset, positioned at the gzip magic
   * @throws ProfileParseException when the content is gzip again: no profile is compressed twice
   */
  static boolean holdsText(InputStream buffered) {
    byte[] content;
    try {
      buffered.mark(PEEK);
      InputStream window = BoundedInput.of(new FilterInputStream(buffered) {
        @Override
        public void close() {
          // the stream stays open for the parser
        }
      }, PEEK);
      try (GZIPInputStream gz = new GZIPInputStream(window, 512)) {
        content = gz.readNBytes(ProtoProfileParser.RECOGNIZED_PREFIX);
      } catch (IOException | ProfileParseException e) {
        content = null; // corrupt, cut, or a header longer than the window: binary
      }
      buffered.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (content != null && isGzip(content)) {
      throw ProfileParseException.atOffset(null, "gzip inside gzip: decompress the outer layer "
          + "first", 0, new byte[0]);
    }
    return content != null && !ProtoProfileParser.recognizes(content) && isText(content);
  }

  /**
   * No control bytes but those text has: white space, backspace, and the escape of coloured logs.
   * Anything else (zeros, say) goes to the protobuf parser, which says what it is.
   */
  private static boolean isText(byte[] content) {
    for (byte b : content) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\b'
          && b != 0x1b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The decompressed content of a gzip stream, read as it is needed. A corrupt or cut stream is a
   * {@link ProfileParseException} at the offset the compressed input had been read to.
   */
  static InputStream open(InputStream compressed) {
    long[] offset = new long[1];
    InputStream counted = new FilterInputStream(compressed) {
      @Override
      public int read() throws IOException {
        int c = super.read();
        offset[0] += c < 0 ? 0 : 1;
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        offset[0] += Math.max(0, n);
        return n;
      }

      @Override
      public void close() {
        // the caller closes its stream
      }
    };
    GZIPInputStream gz;
    try {
      gz = new GZIPInputStream(counted, 64 * 1024);
    } catch (IOException e) {
      throw corrupt(e, offset[0]);
    }
    return new FilterInputStream(gz) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw corrupt(e, offset[0]);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw corrupt(e, offset[0]);
        }
      }
    };
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static ProfileParseException corrupt(IOException e, long offset) {
    String problem = e instanceof EOFException ? "gzip stream ends early (truncated input?)"
        : "corrupt gzip stream: " + e.getMessage();
    return ProfileParseException.atOffset(null, problem, offset, new byte[0]);
  }
}
