package io.github.goroutines.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [originating from goroutine N]:} section that {@code GODEBUG=tracebackancestors=N}
 * adds after a goroutine's own frames: the stack of an ancestor at the moment it created the next
 * goroutine of the chain.
 *
 * <p>Its frames are not the goroutine's own: analysis that asks "which functions are on this
 * goroutine's stack" does not look here. Instances are immutable, equal when their content is, and
 * safe for use by multiple threads.
 */
public final class Ancestor {
  private final long goroutineId;
  private final Stack stack;
  private final Frame createdBy;

  private Ancestor(long goroutineId, Stack stack, Frame createdBy) {
    this.goroutineId = goroutineId;
    this.stack = Objects.requireNonNull(stack, "stack");
    this.createdBy = createdBy;
  }

  /**
   * An ancestor section without a {@code created by} line (the first of a chain).
   *
   * @param goroutineId the ancestor's id (unsigned)
   * @param stack the ancestor's frames, innermost first
   * @return the ancestor
   */
  public static Ancestor of(long goroutineId, Stack stack) {
    return new Ancestor(goroutineId, stack, null);
  }

  /**
   * An ancestor section with its {@code created by} frame.
   *
   * @param goroutineId the ancestor's id (unsigned)
   * @param stack the ancestor's frames, innermost first
   * @param createdBy the {@code created by} frame
   * @return the ancestor
   */
  public static Ancestor of(long goroutineId, Stack stack, Frame createdBy) {
    return new Ancestor(goroutineId, stack, Objects.requireNonNull(createdBy, "createdBy"));
  }

  /**
   * Returns the ancestor's goroutine id.
   *
   * @return the id (unsigned)
   */
  public long goroutineId() {
    return goroutineId;
  }

  /**
   * Returns the ancestor's frames when it created the next goroutine of the chain.
   *
   * @return the stack, innermost first
   */
  public Stack stack() {
    return stack;
  }

  /**
   * Returns where the ancestor itself was created.
   *
   * @return the {@code created by} frame, or empty
   */
  public Optional<Frame> createdBy() {
    return Optional.ofNullable(createdBy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ancestor a && a.goroutineId == goroutineId && a.stack.equals(stack)
        && Objects.equals(a.createdBy, createdBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(goroutineId, stack, createdBy);
  }

  @Override
  public String toString() {
    return "ancestor " + Long.toUnsignedString(goroutineId) + " " + stack;
  }
}
