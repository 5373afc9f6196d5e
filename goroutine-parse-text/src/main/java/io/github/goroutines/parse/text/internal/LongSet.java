package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.internal.LongIntMap;
import java.util.Arrays;

/**
 * A set of goroutine ids of one dump, without boxing: a bitmap for the small ids Go hands out
 * (they count up from 1), a {@link LongIntMap} for the rest. Clearing costs what the dump added,
 * not what earlier dumps grew the tables to.
 */
final class LongSet {
  private static final int BITMAP_LIMIT = 1 << 24;
  private long[] bits = new long[64];
  /** The indexes of the bitmap's non-zero words. */
  private int[] used = new int[16];
  private int usedCount;
  private final LongIntMap overflow = new LongIntMap();

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
      if (bits[word] == 0) {
        if (usedCount == used.length) {
          used = Arrays.copyOf(used, usedCount * 2);
        }
        used[usedCount++] = word;
      }
      bits[word] |= mask;
      return true;
    }
    return overflow.put(v, 0);
  }

  void clear() {
    for (int i = 0; i < usedCount; i++) {
      bits[used[i]] = 0;
    }
    usedCount = 0;
    overflow.clear();
  }
}
