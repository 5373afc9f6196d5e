package io.github.goroutines.parse.proto.internal;

import java.util.Arrays;

/** A growable list of ints (offsets and ends within one message); grows by doubling. */
final class IntList {
  private int[] values;
  private int size;

  IntList(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  int get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }
}
