package io.github.goroutines.model;

import java.util.Objects;

/**
 * A protobuf {@code ValueType}: what a sample value counts, for example {@code goroutine/count}.
 *
 * @param type the type, for example {@code goroutine} or {@code goroutineleak}
 * @param unit the unit, for example {@code count}
 */
public record ValueType(String type, String unit) {
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

  @Override
  public String toString() {
    return type + "/" + unit;
  }
}
