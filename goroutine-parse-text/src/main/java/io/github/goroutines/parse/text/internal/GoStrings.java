package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.internal.Interner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reverses Go's string quoting: {@code strconv.Quote} ({@code %q}, debug=1 labels) and the runtime's
 * own quoting of Go 1.26/1.27 traceback labels.
 *
 * <p>Escapes: {@code \a \b \f \n \r \t \v \\ \" \'}, {@code \xNN} (one byte), <code>&#92;uNNNN</code> and
 * {@code \UNNNNNNNN} (a code point, written as UTF-8), and octal {@code \NNN} (one byte; Go never
 * writes it, but its unquoter accepts it). Bytes are collected first and decoded as UTF-8 at the end,
 * so {@code \xe4\xb8\xad} is {@code 中}; bytes that are not valid UTF-8 become U+FFFD.
 */
public final class GoStrings {
  private GoStrings() {}

  /**
   * Unquotes the text between {@code from} (the opening quote) and its closing quote.
   *
   * @param b the bytes
   * @param from index of the opening {@code "}
   * @param limit index after the last byte that may be read
   * @return the result, or {@code null} when the quoted string is not terminated before
   *     {@code limit} or holds an invalid escape; {@link Result#end()} is the index after the
   *     closing quote
   */
  public static Result unquote(byte[] b, int from, int limit) {
    if (from >= limit || b[from] != '"') {
      return null;
    }
    ByteArrayOutputStream out = null;
    int i = from + 1;
    int plainStart = i;
    while (i < limit) {
      byte c = b[i];
      if (c == '"') {
        String s;
        if (out == null) {
          s = Interner.decode(b, plainStart, i);
        } else {
          out.write(b, plainStart, i - plainStart);
          s = out.toString(StandardCharsets.UTF_8);
        }
        return new Result(s, i + 1);
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (out == null) {
        out = new ByteArrayOutputStream(i - from + 16);
      }
      out.write(b, plainStart, i - plainStart);
      if (i + 1 >= limit) {
        return null;
      }
      byte e = b[i + 1];
      i += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '\\', '"', '\'' -> out.write(e);
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          long v = hex(b, i, digits, limit);
          if (v < 0) {
            return null;
          }
          i += digits;
          if (e == 'x') {
            out.write((int) v);
          } else {
            if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
              v = 0xFFFD;
            }
            byte[] enc = new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8);
            out.write(enc, 0, enc.length);
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 1 >= limit) {
            return null;
          }
          int v = 0;
          for (int k = i - 1; k < i + 2; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 7) {
              return null;
            }
            v = v * 8 + d;
          }
          if (v > 255) {
            return null;
          }
          out.write(v);
          i += 2;
        }
        default -> {
          return null;
        }
      }
      plainStart = i;
    }
    return null;
  }

  /**
   * Unquotes a whole Java string such as <code>"a \"q\" &#92;u00e9"</code>.
   *
   * @param quoted the quoted text, quotes included
   * @return the value
   * @throws IllegalArgumentException when the text is not one quoted Go string
   */
  public static String unquote(String quoted) {
    byte[] b = quoted.getBytes(StandardCharsets.UTF_8);
    Result r = unquote(b, 0, b.length);
    if (r == null || r.end() != b.length) {
      throw new IllegalArgumentException("not a quoted Go string: " + quoted);
    }
    return r.value();
  }

  private static long hex(byte[] b, int from, int digits, int limit) {
    if (from + digits > limit) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < from + digits; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /**
   * An unquoted string and the index after its closing quote.
   *
   * @param value the unquoted value
   * @param end index after the closing quote
   */
  public record Result(String value, int end) {}
}
