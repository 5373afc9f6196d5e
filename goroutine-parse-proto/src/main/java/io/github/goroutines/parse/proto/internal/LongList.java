package io.github.goroutines.parse.proto.internal;

import java.util.Arrays;

/** A growable list of longs; grows by doubling, never sized from a length field. */
final class LongList {
  private long[] values;
  private int size;

  LongList(int capacity) {
    values = new long[Math.max(4, capacity)];
  }

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  long get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** A copy of the values. */
  long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Whether the values are those of {@code other}, in order. */
  boolean contentEquals(long[] other) {
    return Arrays.equals(values, 0, size, other, 0, other.length);
  }
}
