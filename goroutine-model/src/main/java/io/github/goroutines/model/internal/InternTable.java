package io.github.goroutines.model.internal;

import java.util.Arrays;

/**
 * An open-addressing set that returns the instance already held for an equal value: cheaper than
 * a {@code HashMap} (no entry objects, no rehash of boxed nodes). Cleared when it grows past its
 * bound. Not thread-safe.
 *
 * @param <T> the value type, with value equality
 */
final class InternTable<T> {
  private final int bound;
  private Object[] table = new Object[256];
  private int size;

  InternTable(int bound) {
    this.bound = bound;
  }

  @SuppressWarnings("unchecked")
  T intern(T value) {
    int h = value.hashCode();
    int mask = table.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    for (Object o = table[slot]; o != null; o = table[slot = (slot + 1) & mask]) {
      if (o.hashCode() == h && o.equals(value)) {
        return (T) o;
      }
    }
    if (size >= bound) {
      Arrays.fill(table, null);
      size = 0;
    } else if ((size + 1) * 2 > table.length) {
      grow();
    }
    place(value);
    size++;
    return value;
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
