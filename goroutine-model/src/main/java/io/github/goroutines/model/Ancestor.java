package io.github.goroutines.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [originating from goroutine N]:} section that {@code GODEBUG=tracebackancestors=N}
 * adds after a goroutine's own frames: the stack of an ancestor at the moment it created the next
 * goroutine of the chain.
 *
 * <p>Its frames are not the goroutine's own: analysis that asks "which functions are on this
 * goroutine's stack" does not look here. Instances are immutable and safe for use by multiple
 * threads.
 *
 * @param goroutineId the ancestor's id (unsigned)
 * @param stack the ancestor's frames, innermost first
 * @param createdBy the {@code created by} frame of the ancestor, or empty
 */
public record Ancestor(long goroutineId, Stack stack, Optional<Frame> createdBy) {
  /**
   * Checks the components.
   *
   * @param goroutineId the ancestor's id (unsigned)
   * @param stack the ancestor's frames, innermost first
   * @param createdBy the {@code created by} frame of the ancestor, or empty
   */
  public Ancestor {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(createdBy, "createdBy");
  }
}
