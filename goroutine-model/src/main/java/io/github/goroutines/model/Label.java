package io.github.goroutines.model;

import io.github.goroutines.model.internal.Hashing;
import java.util.Objects;

/**
 * One pprof label ({@code pprof.Do}, {@code pprof.SetGoroutineLabels}): a key with a string value,
 * or, in protobuf profiles only, a numeric value with an optional unit.
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 *
 * @param key the key; may be empty (Go allows it)
 * @param value the string value, empty for a numeric label
 * @param number the numeric value, 0 for a string label
 * @param unit the unit of a numeric label ({@code bytes}), or empty
 * @param numeric whether this is a numeric label
 */
public record Label(String key, String value, long number, String unit, boolean numeric)
    implements Comparable<Label> {

  /**
   * Checks the components.
   *
   * @param key the key; may be empty (Go allows it)
   * @param value the string value, empty for a numeric label
   * @param number the numeric value, 0 for a string label
   * @param unit the unit of a numeric label ({@code bytes}), or empty
   * @param numeric whether this is a numeric label
   */
  public Label {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Creates a string label.
   *
   * @param key the key
   * @param value the value
   * @return the label
   */
  public static Label of(String key, String value) {
    return new Label(key, value, 0, "", false);
  }

  /**
   * Creates a numeric label.
   *
   * @param key the key
   * @param number the value
   * @param unit the unit, or empty
   * @return the label
   */
  public static Label numeric(String key, long number, String unit) {
    return new Label(key, "", number, unit, true);
  }

  /** Orders by key, then string labels before numeric ones, then value. */
  @Override
  public int compareTo(Label o) {
    int c = key.compareTo(o.key);
    if (c != 0) {
      return c;
    }
    if (numeric != o.numeric) {
      return numeric ? 1 : -1;
    }
    c = numeric ? Long.compare(number, o.number) : value.compareTo(o.value);
    return c != 0 ? c : unit.compareTo(o.unit);
  }

  /**
   * Returns a hash of every component, keyed per JVM (see {@link Frame#hashCode()}).
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    long h = Hashing.add(Hashing.add(Hashing.add(Hashing.start(), key), value), unit);
    return Hashing.finish(Hashing.add(Hashing.add(h, number), numeric ? 1 : 0));
  }

  @Override
  public String toString() {
    return key + ":" + (numeric ? number + (unit.isEmpty() ? "" : unit) : value);
  }
}
