package io.github.goroutines.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * A number of goroutines sharing one stack and one label set: a {@code debug=0} sample, a
 * {@code debug=1} record, or one {@code debug=2} goroutine (count 1, with its {@link #goroutine()}).
 *
 * <p>Counts are signed: delta profiles ({@code ?seconds=N}) have negative ones. Instances are
 * immutable and safe for use by multiple threads.
 */
public final class Sample {
  private static final long[] NO_ADDRESSES = new long[0];

  private final long count;
  private final Stack stack;
  private final Labels labels;
  /**
   * A debug=1 record's {@code long[]} addresses, a debug=2 sample's {@link Goroutine}, or
   * {@code NO_ADDRESSES}: one field for the two, so that the millions of samples of a large
   * protobuf profile take 32 bytes each.
   */
  private final Object detail;

  private Sample(long count, Stack stack, Labels labels, Object detail) {
    this.count = count;
    this.stack = Objects.requireNonNull(stack, "stack");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.detail = detail;
  }

  /**
   * Creates a sample of goroutines without per-goroutine detail.
   *
   * @param count the number of goroutines (negative in delta profiles)
   * @param stack the shared stack
   * @param labels the shared labels
   * @return the sample
   */
  public static Sample of(long count, Stack stack, Labels labels) {
    return new Sample(count, stack, labels, NO_ADDRESSES);
  }

  /**
   * Creates a {@code debug=1} record with the program counters of its {@code @} line.
   *
   * @param count the number of goroutines
   * @param stack the symbolised frames
   * @param labels the labels
   * @param addresses the {@code @} PCs (return addresses), innermost first; copied
   * @return the sample
   */
  public static Sample of(long count, Stack stack, Labels labels, long[] addresses) {
    return new Sample(
        count, stack, labels, addresses.length == 0 ? NO_ADDRESSES : addresses.clone());
  }

  /**
   * Creates the sample of one goroutine.
   *
   * @param goroutine the goroutine
   * @return a sample of count 1 with the goroutine's stack and labels
   */
  public static Sample of(Goroutine goroutine) {
    return new Sample(1, goroutine.stack(), goroutine.labels(),
        Objects.requireNonNull(goroutine, "goroutine"));
  }

  /**
   * Returns the number of goroutines.
   *
   * @return the count; 1 for a {@code debug=2} goroutine; negative in delta profiles
   */
  public long count() {
    return count;
  }

  /**
   * Returns the stack.
   *
   * @return the stack, never {@code null}
   */
  public Stack stack() {
    return stack;
  }

  /**
   * Returns the labels.
   *
   * @return the labels, possibly empty
   */
  public Labels labels() {
    return labels;
  }

  /**
   * Returns the program counters of a {@code debug=1} record's {@code @} line, innermost first. They
   * include hidden runtime frames and {@code runtime.goexit}, so there are usually more of them than
   * frames.
   *
   * @return the PCs (unsigned), empty for the other formats
   */
  public LongStream addresses() {
    return Arrays.stream(addressArray());
  }

  private long[] addressArray() {
    return detail instanceof long[] a ? a : NO_ADDRESSES;
  }

  private Goroutine goroutineOrNull() {
    return detail instanceof Goroutine g ? g : null;
  }

  /**
   * Returns the goroutine's detail for {@code debug=2} input.
   *
   * @return the goroutine, or empty for {@code debug=0} and {@code debug=1}
   */
  public Optional<Goroutine> goroutine() {
    return Optional.ofNullable(goroutineOrNull());
  }

  /**
   * Returns the state class: the goroutine's for {@code debug=2}, otherwise inferred from the stack
   * ({@link StateClass#ofStack(Stack)}).
   *
   * @return the class, never {@code null}
   */
  public StateClass stateClass() {
    return detail instanceof Goroutine g ? g.stateClass() : StateClass.ofStack(stack);
  }

  /**
   * Tells whether nothing can wake these goroutines: a nil-channel operation or an empty
   * {@code select {}}, by the goroutine's state for {@code debug=2} ({@link
   * Goroutine#blockedForever()}), by {@code runtime.block} at the innermost frames otherwise (the
   * protobuf formats do not say which channel was nil).
   *
   * @return true when blocked forever
   */
  public boolean blockedForever() {
    if (detail instanceof Goroutine g) {
      return g.blockedForever();
    }
    List<Frame> frames = stack.frames();
    return (!frames.isEmpty() && frames.get(0).function().equals("runtime.block"))
        || (frames.size() > 1 && frames.get(1).function().equals("runtime.block"));
  }

  /** Samples are equal when count, stack, labels, addresses and goroutine are. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Sample x
        && x.count == count
        && x.stack.equals(stack)
        && x.labels.equals(labels)
        && Arrays.equals(x.addressArray(), addressArray())
        && Objects.equals(x.goroutineOrNull(), goroutineOrNull());
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(count) + stack.hashCode()) + labels.hashCode();
  }

  @Override
  public String toString() {
    return count + " x " + stack + (labels.isEmpty() ? "" : " " + labels);
  }
}
