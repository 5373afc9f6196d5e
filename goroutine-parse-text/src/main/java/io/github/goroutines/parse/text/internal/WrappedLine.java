package io.github.goroutines.parse.text.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line that a narrow console may have wrapped, held until the next line shows whether it goes
 * on there: a header without its final ':', a call line without its ')', an indented file line
 * without its {@code :line}. The parts are kept as they were read, so that when the next line
 * does not complete them they are read again one by one.
 */
final class WrappedLine {
  /** What the held line is missing. */
  enum Kind {
    HEADER,
    CALL,
    FILE,
    /** A CRI partial line ({@code P}): its rest is the next line, whatever it holds. */
    PARTIAL
  }

  /** The most lines joined into one: a 250-column line at 80 columns. */
  static final int MAX_PARTS = 4;

  private final List<byte[]> parts = new ArrayList<>(MAX_PARTS);
  private final List<Long> numbers = new ArrayList<>(MAX_PARTS);
  private Kind kind;

  boolean holding() {
    return kind != null;
  }

  Kind kind() {
    return kind;
  }

  int parts() {
    return parts.size();
  }

  /** The bytes held. */
  long length() {
    long n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    return n;
  }

  /** Holds the current line (its text after the prefix). */
  void hold(Kind what, TextLine line) {
    kind = what;
    parts.add(Arrays.copyOfRange(line.b, line.s, line.e));
    numbers.add(line.number);
  }

  /** Points {@code line} at the held parts joined with the current line's text. */
  void joinInto(TextLine line) {
    int n = line.e - line.s;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] joined = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, joined, at, p.length);
      at += p.length;
    }
    System.arraycopy(line.b, line.s, joined, at, line.e - line.s);
    line.set(joined, 0, n, numbers.get(0));
  }

  /** Points {@code line} at held part {@code i}, as it was read. */
  void partInto(int i, TextLine line) {
    byte[] p = parts.get(i);
    line.set(p, 0, p.length, numbers.get(i));
  }

  void clear() {
    kind = null;
    parts.clear();
    numbers.clear();
  }
}
