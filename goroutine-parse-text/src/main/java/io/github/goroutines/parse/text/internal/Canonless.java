package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.internal.Canon;

/** Small byte helpers that need no per-parse state. */
final class Canonless {
  private Canonless() {}

  /** Decodes a short excerpt for error messages. */
  static String excerpt(byte[] b, int from, int to) {
    return Canon.decode(b, from, Math.min(to, from + 80));
  }
}
