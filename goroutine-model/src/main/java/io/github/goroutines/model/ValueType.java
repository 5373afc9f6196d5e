package io.github.goroutines.model;

import java.util.Objects;

/**
 * A protobuf {@code ValueType}: what a sample value counts, for example {@code goroutine/count}.
 *
 * @param type the type, for example {@code goroutine} or {@code goroutineleak}
 * @param unit the unit, for example {@code count}
 */
public record ValueType(String type, String unit) {
  /** No value type: empty type and unit (a profile without a period type). */
  public static final ValueType NONE = new ValueType("", "");

  /**
   * Checks the components.
   *
   * @param type the type, for example {@code goroutine} or {@code goroutineleak}
   * @param unit the unit, for example {@code count}
   */
  public ValueType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Tells whether this is {@link #NONE}.
   *
   * @return true for an empty type and unit
   */
  public boolean isNone() {
    return type.isEmpty() && unit.isEmpty();
  }

  @Override
  public String toString() {
    return type + "/" + unit;
  }
}
