package io.github.goroutines.parse.text.internal;

import java.util.Arrays;

/** An open-addressing set of longs (goroutine ids of one dump), without boxing. */
final class LongSet {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] table = new long[64];
  private int size;
  private boolean hasEmptyKey;

  LongSet() {
    Arrays.fill(table, EMPTY);
  }

  /** Adds a value; returns false when it was present. */
  boolean add(long v) {
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
