package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.internal.Interner;

/**
 * The line being parsed: {@code b[s, e)}, after a log prefix that the dump repeats on every line.
 * The bytes belong to the {@link LineReader}'s buffer and change with the next line; the fields are
 * read directly by the parsers, whose hot path this is.
 */
final class TextLine {
  /** The buffer. */
  byte[] b;
  /** Where the line starts, after the prefix. */
  int s;
  /** Where it ends, without the line terminator. */
  int e;
  /** Where the line starts in the input, before the prefix. */
  int rawStart;
  /** Its 1-based number. */
  long number;

  void set(byte[] buf, int start, int end, long lineNumber) {
    b = buf;
    s = start;
    rawStart = start;
    e = end;
    number = lineNumber;
  }

  boolean blank() {
    return s == e;
  }

  boolean startsWith(byte[] p) {
    return Bytes.regionEquals(b, s, e, p);
  }

  boolean at(int i, byte[] p) {
    return Bytes.regionEquals(b, i, e, p);
  }

  int indexOf(byte[] p, int from) {
    return Bytes.indexOf(b, p, from, e);
  }

  int indexOf(byte c, int from) {
    return Bytes.indexOf(b, c, from, e);
  }

  int skipSpace(int i) {
    return Bytes.skipSpace(b, i, e);
  }

  /** The first bytes of the whole line, prefix included, for an error message. */
  String excerpt() {
    return Interner.decode(b, rawStart, Math.min(e, rawStart + 80));
  }
}
