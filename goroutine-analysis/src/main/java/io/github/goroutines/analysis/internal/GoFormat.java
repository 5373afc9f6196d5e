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
}
