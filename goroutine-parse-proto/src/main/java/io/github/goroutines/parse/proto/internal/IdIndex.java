package io.github.goroutines.parse.proto.internal;

import java.util.Arrays;

/** Maps message ids (non-zero uint64) to their position in decode order, without boxing. */
final class IdIndex {
  private long[] keys = new long[64];
  private int[] positions = new int[64];
  private int size;

  /** Adds an id; returns false when it is already present. */
  boolean put(long id, int position) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (keys[i] != 0) {
      if (keys[i] == id) {
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = id;
    positions[i] = position;
    size++;
    return true;
  }

  /** Returns the position of an id, or -1. */
  int get(long id) {
    if (id == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (keys[i] != 0) {
      if (keys[i] == id) {
        return positions[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldPositions = positions;
    keys = new long[oldKeys.length * 2];
    positions = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        positions[i] = oldPositions[j];
      }
    }
    Arrays.fill(oldKeys, 0);
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
