package io.github.goroutines.model.internal;

import java.util.Arrays;

/**
 * An open-addressing set that returns the instance already held for an equal value: cheaper than
 * a {@code HashMap} (no entry objects, no rehash of boxed nodes). Not thread-safe.
 *
 * @param <T> the value type, with value equality and a seeded hash ({@link Hashing})
 */
final class InternTable<T> {
  private Object[] table = new Object[256];
  private int size;

  /** The instance held equal to {@code value}, or null. */
  @SuppressWarnings("unchecked")
  T get(T value) {
    int h = value.hashCode();
    int mask = table.length - 1;
    for (int slot = (h ^ (h >>> 16)) & mask; table[slot] != null; slot = (slot + 1) & mask) {
      Object o = table[slot];
      if (o.hashCode() == h && o.equals(value)) {
        return (T) o;
      }
    }
    return null;
  }

  /** Adds a value that {@link #get} did not find. */
  void add(T value) {
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    place(value);
    size++;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(table, null);
      size = 0;
    }
  }

  private void grow() {
    Object[] old = table;
    table = new Object[old.length * 2];
    for (Object o : old) {
      if (o != null) {
        place(o);
      }
    }
  }

  private void place(Object value) {
    int h = value.hashCode();
    int mask = table.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (table[slot] != null) {
      slot = (slot + 1) & mask;
    }
    table[slot] = value;
  }
}
