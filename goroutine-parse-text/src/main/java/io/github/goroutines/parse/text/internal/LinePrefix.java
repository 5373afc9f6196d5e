package io.github.goroutines.parse.text.internal;

import java.util.Arrays;

/**
 * The prefix a log puts before every line of a dump, learned from the first header that stands
 * after some text, and removed from the lines that follow. A prefix of a known shape is removed
 * however it changes from line to line; any other prefix only where it repeats byte for byte:
 *
 * <pre>
 * TIMESTAMP    2024-10-09T09:16:43.6388806Z                  GitHub Actions, kubectl --timestamps
 *              2024-10-09T09:16:43.638880612Z stderr F       a CRI container log (F: a full line)
 * SYSLOG       Jan 02 15:04:05 host dockerd[123]:            journald, syslog
 * KLOG         E0102 15:04:05.000000    4242 dump.go:42]     Kubernetes components
 * COMPOSE      web-1  |                                      docker compose
 * LINE_NUMBER  "    12\t", "12: ", "12 | "                   a listing with line numbers
 * </pre>
 *
 * A clean dump has no text before its headers, so it never learns a prefix. Hot path: a line is
 * matched byte by byte, no regular expressions.
 */
final class LinePrefix {
  private enum Shape {
    TIMESTAMP,
    SYSLOG,
    KLOG,
    COMPOSE,
    LINE_NUMBER
  }

  private static final byte[] NONE = new byte[0];
  private static final Shape[] SHAPES = Shape.values();

  /** The learned shape, or null. */
  private Shape shape;
  /** A prefix of no known shape, removed where it repeats exactly; empty when none. */
  private byte[] fixed = NONE;
  /** The last line stripped was a CRI partial line ({@code P}): the next one goes on with it. */
  private boolean partial;

  boolean active() {
    return shape != null || fixed.length > 0;
  }

  /**
   * Tells whether the last line stripped was a CRI partial line ({@code stderr P}): the runtime
   * split a long line, and the next log line carries its rest.
   */
  boolean partial() {
    return partial;
  }

  /** Learns the prefix {@code b[start, at)} in front of a header at {@code at}. */
  void learn(byte[] b, int start, int at, int end) {
    for (Shape s : SHAPES) {
      if (match(s, b, start, end) == at) {
        shape = s;
        fixed = NONE;
        return;
      }
    }
    shape = null;
    fixed = Arrays.copyOfRange(b, start, at);
  }

  void forget() {
    shape = null;
    fixed = NONE;
  }

  /** Where the line {@code b[start, end)} begins after its prefix; {@code start} without one. */
  int strip(byte[] b, int start, int end) {
    partial = false;
    if (shape != null) {
      int at = match(shape, b, start, end);
      partial = shape == Shape.TIMESTAMP && at >= 0 && isPartial(b, at, end);
      return at < 0 ? start : at;
    }
    if (fixed.length > 0 && Bytes.regionEquals(b, start, end, fixed)) {
      return start + fixed.length;
    }
    return start;
  }

  /** The end of a prefix of the shape at {@code i}, or -1. */
  private static int match(Shape shape, byte[] b, int i, int e) {
    return switch (shape) {
      case TIMESTAMP -> timestamp(b, i, e);
      case SYSLOG -> syslog(b, i, e);
      case KLOG -> klog(b, i, e);
      case COMPOSE -> compose(b, i, e);
      case LINE_NUMBER -> lineNumber(b, i, e);
    };
  }

  /**
   * {@code 2024-10-09T09:16:43[.fraction][Z|+hh:mm|-hhmm] }, the date and time also separated by a
   * space; then, for a CRI log, {@code stdout F } or {@code stderr P }.
   */
  private static int timestamp(byte[] b, int i, int e) {
    i = digits(b, i, e, 4);
    i = literal(b, i, e, '-');
    i = digits(b, i, e, 2);
    i = literal(b, i, e, '-');
    i = digits(b, i, e, 2);
    if (i < 0 || i >= e || (b[i] != 'T' && b[i] != ' ')) {
      return -1;
    }
    i = clock(b, i + 1, e);
    if (i < 0) {
      return -1;
    }
    if (i < e && (b[i] == '.' || b[i] == ',')) {
      int fraction = Bytes.digitsEnd(b, i + 1, e);
      i = fraction > i + 1 ? fraction : -1;
    }
    if (i >= 0 && i < e && b[i] == 'Z') {
      i++;
    } else if (i >= 0 && i < e && (b[i] == '+' || b[i] == '-')) {
      i = digits(b, i + 1, e, 2);
      if (i >= 0 && i < e && b[i] == ':') {
        i++;
      }
      i = digits(b, i, e, 2);
    }
    i = literal(b, i, e, ' ');
    if (i < 0) {
      return -1;
    }
    int cri = cri(b, i, e);
    return cri < 0 ? i : cri;
  }

  /** The prefix that ends at {@code at} ends with a CRI {@code stdout P } or {@code stderr P }. */
  private static boolean isPartial(byte[] b, int at, int end) {
    int tag = at - 2;
    int stream = tag - STDOUT.length;
    return stream >= 0 && b[tag] == 'P' && (Bytes.regionEquals(b, stream, end, STDOUT)
        || Bytes.regionEquals(b, stream, end, STDERR));
  }

  /** {@code stdout F } or {@code stderr P }, after a CRI log's time stamp. */
  private static int cri(byte[] b, int i, int e) {
    if (!Bytes.regionEquals(b, i, e, STDOUT) && !Bytes.regionEquals(b, i, e, STDERR)) {
      return -1;
    }
    i += STDOUT.length;
    if (i + 1 < e && (b[i] == 'F' || b[i] == 'P') && b[i + 1] == ' ') {
      return i + 2;
    }
    return -1;
  }

  private static final byte[] STDOUT = Bytes.ascii("stdout ");
  private static final byte[] STDERR = Bytes.ascii("stderr ");

  /** {@code Jan 02 15:04:05 host tag[pid]: } (the day may be space-padded). */
  private static int syslog(byte[] b, int i, int e) {
    if (i + 4 > e || !upper(b[i]) || !lower(b[i + 1]) || !lower(b[i + 2]) || b[i + 3] != ' ') {
      return -1;
    }
    i += 4;
    if (i < e && b[i] == ' ') {
      i++;
      i = digits(b, i, e, 1);
    } else {
      int end = Bytes.digitsEnd(b, i, e);
      i = end - i == 1 || end - i == 2 ? end : -1;
    }
    i = literal(b, i, e, ' ');
    i = clock(b, i, e);
    i = literal(b, i, e, ' ');
    i = word(b, i, e); // host
    i = literal(b, i, e, ' ');
    int tagStart = i;
    i = word(b, i, e); // tag, ending with ':'
    if (i < 0 || i - 1 <= tagStart || b[i - 1] != ':') {
      return -1;
    }
    return literal(b, i, e, ' ');
  }

  /** {@code E0102 15:04:05.000000    4242 file.go:42] }. */
  private static int klog(byte[] b, int i, int e) {
    if (i >= e || (b[i] != 'I' && b[i] != 'W' && b[i] != 'E' && b[i] != 'F')) {
      return -1;
    }
    i = digits(b, i + 1, e, 4);
    i = literal(b, i, e, ' ');
    i = clock(b, i, e);
    i = literal(b, i, e, '.');
    i = digits(b, i, e, 6);
    i = spaces(b, i, e);
    if (i < 0) {
      return -1;
    }
    int pid = Bytes.digitsEnd(b, i, e);
    if (pid == i) {
      return -1;
    }
    i = literal(b, pid, e, ' ');
    if (i < 0) {
      return -1;
    }
    int close = Bytes.indexOf(b, (byte) ']', i, e);
    if (close < 0 || Bytes.lineColon(b, i - 1, close) < 0) {
      return -1;
    }
    return literal(b, close + 1, e, ' ');
  }

  /** {@code name  | }: a service name, padding, a bar and a space. */
  private static int compose(byte[] b, int i, int e) {
    int start = i;
    while (i < e && (LabelSets.isBare(b[i]) || b[i] == '-')) {
      i++;
    }
    if (i == start) {
      return -1;
    }
    while (i < e && b[i] == ' ') {
      i++;
    }
    return i + 1 < e && b[i] == '|' && b[i + 1] == ' ' ? i + 2 : -1;
  }

  /** {@code    12\t}, {@code 12: }, {@code 12 | }: a line number and its separator. */
  private static int lineNumber(byte[] b, int i, int e) {
    while (i < e && b[i] == ' ') {
      i++;
    }
    int end = Bytes.digitsEnd(b, i, e);
    if (end == i || end >= e) {
      return -1;
    }
    i = end;
    if (b[i] == '\t') {
      return i + 1;
    }
    if (b[i] == ':') {
      return i + 1 < e && b[i + 1] == ' ' ? i + 2 : i + 1;
    }
    if (b[i] != ' ') {
      return -1;
    }
    while (i < e && b[i] == ' ') {
      i++;
    }
    return i + 1 < e && b[i] == '|' && b[i + 1] == ' ' ? i + 2 : i;
  }

  /** {@code 15:04:05}. */
  private static int clock(byte[] b, int i, int e) {
    i = digits(b, i, e, 2);
    i = literal(b, i, e, ':');
    i = digits(b, i, e, 2);
    i = literal(b, i, e, ':');
    return digits(b, i, e, 2);
  }

  private static int digits(byte[] b, int i, int e, int n) {
    if (i < 0 || i + n > e) {
      return -1;
    }
    for (int k = i; k < i + n; k++) {
      if (!Bytes.isDigit(b[k])) {
        return -1;
      }
    }
    return i + n;
  }

  private static int literal(byte[] b, int i, int e, char c) {
    return i >= 0 && i < e && b[i] == c ? i + 1 : -1;
  }

  /** One or more spaces. */
  private static int spaces(byte[] b, int i, int e) {
    if (i < 0 || i >= e || b[i] != ' ') {
      return -1;
    }
    while (i < e && b[i] == ' ') {
      i++;
    }
    return i;
  }

  /** One or more bytes up to a space. */
  private static int word(byte[] b, int i, int e) {
    if (i < 0) {
      return -1;
    }
    int start = i;
    while (i < e && b[i] != ' ') {
      i++;
    }
    return i > start ? i : -1;
  }

  private static boolean upper(byte c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean lower(byte c) {
    return c >= 'a' && c <= 'z';
  }
}
