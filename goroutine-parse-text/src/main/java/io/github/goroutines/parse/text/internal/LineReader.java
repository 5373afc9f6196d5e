package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.internal.Interner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits input into lines without copying them: after {@link #next()} the current line is
 * {@code buf()[start() .. end())}, with the line terminator and a trailing {@code \r} removed.
 *
 * <p>A line ends at {@code \n}, or at a {@code \r} that is not followed by {@code \n} (files whose
 * only line ending is {@code \r}). Over an array the lines are slices of the caller's array, which is
 * never written; over a stream a buffer slides and grows up to the line limit.
 */
public final class LineReader {
  private static final int CHUNK = 64 * 1024;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long RETURNS = 0x0D0D0D0D0D0D0D0DL;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /** The high bit of every byte of {@code x} that is zero, and no other bit. */
  static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  private final InputStream in;
  private final int maxLine;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long lineNumber;
  private boolean lastLineTerminated = true;

  private LineReader(InputStream in, byte[] buf, int from, int to, int maxLine) {
    this.in = in;
    this.buf = buf;
    this.pos = from;
    this.limit = to;
    this.eof = in == null;
    this.maxLine = maxLine;
  }

  /**
   * Reads lines of an array.
   *
   * @param data the input; not modified
   * @param maxLine the longest line accepted
   * @return the reader
   */
  public static LineReader of(byte[] data, int maxLine) {
    return new LineReader(null, data, 0, data.length, maxLine);
  }

  /**
   * Reads the lines of part of an array, numbered from {@code firstLine}: one part of a parallel
   * parse.
   *
   * @param data the input; not modified
   * @param from the first byte of the part, at a line's start
   * @param to the end of the part, after a line's end or at the input's end
   * @param maxLine the longest line accepted
   * @param firstLine the number of the part's first line in the whole input
   * @return the reader
   */
  public static LineReader of(byte[] data, int from, int to, int maxLine, long firstLine) {
    LineReader r = new LineReader(null, data, from, to, maxLine);
    r.lineNumber = firstLine - 1;
    return r;
  }

  /**
   * Reads lines of a stream; the stream is not closed.
   *
   * @param in the input
   * @param maxLine the longest line accepted
   * @return the reader
   */
  public static LineReader of(InputStream in, int maxLine) {
    return new LineReader(in, new byte[CHUNK], 0, 0, maxLine);
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of input
   * @throws ProfileParseException when a line is longer than the limit
   * @throws UncheckedIOException when the stream fails
   */
  public boolean next() {
    while (true) {
      byte[] b = buf;
      int lim = limit;
      int i = pos;
      // eight bytes at a time up to the first \n or \r, then byte by byte
      while (i + 8 <= lim) {
        long w = (long) LONGS.get(b, i);
        long ends = zeroBytes(w ^ NEWLINES) | zeroBytes(w ^ RETURNS);
        if (ends != 0) {
          i += Long.numberOfTrailingZeros(ends) >>> 3;
          break;
        }
        i += 8;
      }
      for (; i < lim; i++) {
        byte c = b[i];
        if (c == '\n') {
          return take(i, i + 1, true);
        }
        if (c == '\r') {
          if (i + 1 < lim) {
            return take(i, b[i + 1] == '\n' ? i + 2 : i + 1, true);
          }
          if (eof) {
            return take(i, i + 1, true);
          }
          break; // need one more byte to know whether \n follows
        }
      }
      int pending = lim - pos;
      if (eof) {
        if (pending == 0) {
          return false;
        }
        return take(lim, lim, false);
      }
      if (pending > maxLine) {
        throw tooLong();
      }
      fill();
    }
  }

  private boolean take(int lineEnd, int next, boolean terminated) {
    if (lineEnd - pos > maxLine) {
      throw tooLong();
    }
    start = pos;
    end = lineEnd;
    if (end > start && buf[end - 1] == '\r') {
      end--;
    }
    pos = next;
    lineNumber++;
    lastLineTerminated = terminated;
    return true;
  }

  private ProfileParseException tooLong() {
    return ProfileParseException.limitAtLine(null, "line longer than " + maxLine + " bytes",
        "maxLineBytes", lineNumber + 1, Interner.decode(buf, pos, Math.min(limit, pos + 60)));
  }

  private void fill() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      long grown = Math.min((long) buf.length * 2, (long) maxLine + 2);
      if (grown <= buf.length) {
        grown = buf.length + 1;
      }
      buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 16));
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the buffer holding the current line.
   *
   * @return the buffer; valid until the next call of {@link #next()}
   */
  public byte[] buf() {
    return buf;
  }

  /**
   * Returns the index of the first byte of the current line.
   *
   * @return the start
   */
  public int start() {
    return start;
  }

  /**
   * Returns the index after the last byte of the current line.
   *
   * @return the end
   */
  public int end() {
    return end;
  }

  /**
   * Returns the 1-based number of the current line.
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * Tells whether the current line ended with a line terminator (false only for a last line cut
   * short).
   *
   * @return true when terminated
   */
  public boolean terminated() {
    return lastLineTerminated;
  }
}
