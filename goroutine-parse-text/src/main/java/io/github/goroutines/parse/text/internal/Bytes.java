package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.internal.Interner;
import java.nio.charset.StandardCharsets;

/**
 * Byte-range helpers of the text parsers: searching and number parsing on {@code b[from, to)}
 * without creating strings. Numbers that do not fit return -1, so callers need no exceptions.
 */
final class Bytes {
  private Bytes() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static boolean regionEquals(byte[] b, int at, int to, byte[] p) {
    if (at < 0 || at + p.length > to) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (b[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, byte[] p, int from, int to) {
    byte first = p[0];
    for (int i = from; i + p.length <= to; i++) {
      if (b[i] == first && regionEquals(b, i, to, p)) {
        return i;
      }
    }
    return -1;
  }

  static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The last {@code c} in {@code b[from, before)}, or -1. */
  static int lastIndexOf(byte[] b, byte c, int from, int before) {
    for (int i = before - 1; i >= from; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The last {@code p} that ends before {@code before} and starts at or after {@code from}. */
  static int lastIndexOf(byte[] b, byte[] p, int from, int before) {
    for (int i = before - p.length; i >= from; i--) {
      if (regionEquals(b, i, before, p)) {
        return i;
      }
    }
    return -1;
  }

  static int skipSpace(byte[] b, int i, int to) {
    while (i < to && (b[i] == '\t' || b[i] == ' ')) {
      i++;
    }
    return i;
  }

  static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(byte c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** One to sixteen hex digits. */
  static boolean allHex(byte[] b, int from, int to) {
    if (from >= to || to - from > 16) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isHex(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** The end of the digits that start at {@code from}. */
  static int digitsEnd(byte[] b, int from, int to) {
    while (from < to && isDigit(b[from])) {
      from++;
    }
    return from;
  }

  /** A non-negative decimal that fits in a long, or -1. */
  static long parseDecimal(byte[] b, int from, int to) {
    if (from >= to || to - from > 18) {
      return to - from == 19 ? parseLongDecimal(b, from, to) : -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long parseLongDecimal(byte[] b, int from, int to) {
    try {
      long v = Long.parseLong(Interner.decode(b, from, to));
      return v < 0 ? -1 : v;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  /** An unsigned 64-bit decimal (goroutine ids), or -1 when it does not fit (or is 2^64-1). */
  static long parseUnsigned(byte[] b, int from, int to) {
    if (from >= to || to - from > 20) {
      return -1;
    }
    if (to - from < 19) {
      return parseDecimal(b, from, to);
    }
    try {
      return Long.parseUnsignedLong(Interner.decode(b, from, to));
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  /** Up to 16 hex digits as an unsigned long; -1 (which is also 0xffffffffffffffff) otherwise. */
  static long parseHex(byte[] b, int from, int to) {
    if (from >= to || to - from > 16) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /**
   * The colon before a line number in {@code file:line}: the last ':' in {@code (from, to)} that is
   * followed by digits and then the end or a space (so {@code C:/x.go:3} finds the second), or -1.
   */
  static int lineColon(byte[] b, int from, int to) {
    for (int i = to - 1; i > from; i--) {
      if (b[i] == ':' && i + 1 < to && isDigit(b[i + 1])) {
        int j = digitsEnd(b, i + 1, to);
        if (j == to || b[j] == ' ' || b[j] == '\t') {
          return i;
        }
      }
    }
    return -1;
  }
}
