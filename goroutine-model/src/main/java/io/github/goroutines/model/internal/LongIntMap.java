package io.github.goroutines.model.internal;

import java.util.Arrays;

/**
 * A map from non-zero {@code long} keys to {@code int} values without boxing: open addressing with
 * linear probing over a power-of-two table at most half full, keys spread by a seeded mix ({@link
 * Hashing#number(long)}), so that neither ids that differ in high bits only nor ids chosen to
 * collide share slots. Protobuf message ids and goroutine ids
 * are its keys. Not thread-safe.
 */
public final class LongIntMap {
  /**
   * Keys 1..dense map to values 0..dense-1 without a slot: Go numbers the locations and functions
   * of a profile so, in order, and they then cost nothing.
   */
  private long dense;
  private static final int MIN_CAPACITY = 64;
  private long[] keys = new long[MIN_CAPACITY];
  private int[] values = new int[MIN_CAPACITY];
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
    if (key > 0 && key <= dense) {
      return false;
    }
    if (size == 0 && key == dense + 1 && value == dense) {
      dense++;
      return true;
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
    if (key > 0 && key <= dense) {
      return (int) (key - 1);
    }
    if (size == 0) {
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
    return (int) dense + size;
  }

  /**
   * Removes every key. Costs what the last use cost: a table that grew for a large dump and then
   * held a small one shrinks, so that a million small dumps after a big one do not each clear the
   * big table.
   */
  public void clear() {
    dense = 0;
    if (size == 0) {
      return;
    }
    if (keys.length > MIN_CAPACITY && size * 8L < keys.length) {
      int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(size) * 4);
      keys = new long[capacity];
      values = new int[capacity];
    } else {
      Arrays.fill(keys, 0);
    }
    size = 0;
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
    return Hashing.number(v);
  }
}
