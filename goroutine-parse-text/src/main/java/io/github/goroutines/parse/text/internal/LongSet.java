package io.github.goroutines.parse.text.internal;

import java.util.Arrays;

/**
 * A set of goroutine ids of one dump, without boxing: a bitmap for the small ids Go hands out
 * (they count up from 1), an open-addressing table for the rest.
 */
final class LongSet {
  private static final int BITMAP_LIMIT = 1 << 24;
  private long[] bits = new long[64];
  private boolean anyBits;
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] table = new long[64];
  private int size;
  private boolean hasEmptyKey;

  LongSet() {
    Arrays.fill(table, EMPTY);
  }

  /** Adds a value; returns false when it was present. */
  boolean add(long v) {
    if (v >= 0 && v < BITMAP_LIMIT) {
      int word = (int) (v >>> 6);
      if (word >= bits.length) {
        bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
      }
      long mask = 1L << v;
      if ((bits[word] & mask) != 0) {
        return false;
      }
      bits[word] |= mask;
      anyBits = true;
      return true;
    }
    if (v == EMPTY) {
      boolean added = !hasEmptyKey;
      hasEmptyKey = true;
      return added;
    }
    int mask = table.length - 1;
    int i = mix(v) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = v;
    if (++size * 2 > table.length) {
      rehash();
    }
    return true;
  }

  void clear() {
    if (anyBits) {
      Arrays.fill(bits, 0);
      anyBits = false;
    }
    Arrays.fill(table, EMPTY);
    size = 0;
    hasEmptyKey = false;
  }

  private void rehash() {
    long[] old = table;
    table = new long[old.length * 2];
    Arrays.fill(table, EMPTY);
    int mask = table.length - 1;
    for (long v : old) {
      if (v != EMPTY) {
        int i = mix(v) & mask;
        while (table[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
