package io.github.goroutines.model.internal;

import java.util.Arrays;

/**
 * A map from non-zero {@code long} keys to {@code int} values without boxing: open addressing with
 * linear probing over a power-of-two table at most half full, keys spread by a multiplicative mix
 * so that ids that differ in high bits only do not collide. Protobuf message ids and goroutine ids
 * are its keys. Not thread-safe.
 */
public final class LongIntMap {
  private long[] keys = new long[64];
  private int[] values = new int[64];
  private int size;

  /**
   * Adds a key, unless it is present.
   *
   * @param key a key other than 0
   * @param value its value
   * @return false when the key was present (its value is kept)
   * @throws IllegalArgumentException for key 0
   */
  public boolean put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != 0) {
      if (keys[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return true;
  }

  /**
   * Returns the value of a key.
   *
   * @param key a key
   * @return its value, or -1 when absent (and for key 0)
   */
  public int get(long key) {
    if (key == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return -1;
  }

  /**
   * Returns how many keys it holds.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** Removes every key, keeping the table's capacity. */
  public void clear() {
    if (size > 0) {
      Arrays.fill(keys, 0);
      size = 0;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  private static int mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
