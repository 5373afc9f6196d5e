package io.github.goroutines.analysis.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formats that reproduce what Go's pprof prints. */
public final class GoFormat {
  private GoFormat() {}

  /**
   * pprof's {@code measurement.Percentage}: {@code "  100%"} near 100, {@code %5.2f%%} from 1,
   * else Go's {@code %5.2g%%}.
   *
   * @param value the part
   * @param total the whole
   * @return the formatted percentage, at least 6 characters
   */
  public static String percentage(long value, long total) {
    double ratio = total == 0 ? 0 : Math.abs((double) value / total) * 100;
    if (ratio >= 99.95 && ratio <= 100.05) {
      return "  100%";
    }
    if (ratio >= 1.0) {
      return String.format(Locale.ROOT, "%5.2f%%", ratio);
    }
    return String.format(Locale.ROOT, "%5s%%", g2(ratio));
  }

  /** Go's {@code %.2g}: two significant digits, trailing zeros dropped, exponent below 1e-4. */
  static String g2(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 2) {
      String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      return String.format(Locale.ROOT, "%se%s%02d", mantissa, exponent < 0 ? "-" : "+",
          Math.abs(exponent));
    }
    return d.stripTrailingZeros().toPlainString();
  }

  /**
   * A capture time as recent pprof prints it: {@code 2026-11-29 00:04:11 UTC}.
   *
   * @param nanos nanoseconds since the epoch
   * @return the time in UTC
   */
  public static String time(long nanos) {
    Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L));
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC).format(t);
  }

  /**
   * Text from a profile made safe for a terminal: control characters (C0, DEL, C1), which could
   * move the cursor, change colours or set the window title, and the bidirectional overrides that
   * reorder what is shown, become escapes such as {@code \x1b} and {@code \u202e}; so do line
   * breaks, so that a name cannot start a line of its own.
   *
   * @param s the text
   * @return the text, unchanged when it holds nothing to escape
   */
  public static String printable(String s) {
    return escape(s, false);
  }

  /**
   * A whole report made safe like {@link #printable(String)}, keeping its line breaks.
   *
   * @param s the report
   * @return the report, unchanged when it holds nothing to escape
   */
  public static String printableLines(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean keepNewlines) {
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i), keepNewlines)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unsafe(c, keepNewlines)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x100) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean unsafe(char c, boolean keepNewlines) {
    if (c < 0x20) {
      return !(keepNewlines && c == '\n');
    }
    return (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }
}
