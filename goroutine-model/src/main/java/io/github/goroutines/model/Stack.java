package io.github.goroutines.model;

import io.github.goroutines.model.internal.Hashing;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;

/**
 * The frames of one goroutine, innermost first, with what Go said about frames it left out.
 *
 * <p>Go cuts deep stacks in two ways. {@code debug=2} prints a marker: {@code ...additional frames
 * elided...} (Go 1.20 and older, at the end) or {@code ...N frames elided...} (Go 1.21 and newer,
 * between the first 50 and the last 50 frames). {@link #elided()}, {@link #elidedFrames()} and
 * {@link #elisionIndex()} keep that. Protobuf and {@code debug=1} stacks are cut at 32 (Go 1.22
 * and older) or 128 PCs without any marker, so a stack of exactly that depth may be truncated even
 * though {@code elided()} is false.
 *
 * <p>Equality covers frames and elision; the hash is computed once, keyed per JVM (see
 * {@link Frame#hashCode()}). Instances are immutable and safe
 * for use by multiple threads; within one parse, equal stacks are one instance.
 */
public final class Stack {
  private static final Stack EMPTY = new Stack(new Frame[0], false, -1, -1);

  private final Frame[] frames;
  private final boolean elided;
  private final int elidedFrames;
  private final int elisionIndex;
  private final int hash;
  private final List<Frame> view;

  private Stack(Frame[] frames, boolean elided, int elidedFrames, int elisionIndex) {
    this.frames = frames;
    this.elided = elided;
    this.elidedFrames = elidedFrames;
    this.elisionIndex = elisionIndex;
    this.view = new FrameList(frames);
    this.hash = Hashing.stack(view, elided, elidedFrames, elisionIndex);
  }

  /**
   * Returns the empty stack (a goroutine that has been created but has not started).
   *
   * @return the empty stack
   */
  public static Stack empty() {
    return EMPTY;
  }

  /**
   * Creates a complete stack.
   *
   * @param frames innermost first
   * @return the stack, never {@code null}
   */
  public static Stack of(List<Frame> frames) {
    return of(frames, -1, -1);
  }

  /**
   * Creates a stack from which Go left frames out, or a complete one.
   *
   * @param frames innermost first
   * @param elisionIndex the index in {@code frames} at which Go printed the elision marker (frames
   *     before it are inner, frames from it on are outer), or -1 when nothing was elided
   * @param elidedFrames how many frames the marker says were left out, or -1 when it does not say
   * @return the stack, never {@code null}
   */
  public static Stack of(List<Frame> frames, int elisionIndex, int elidedFrames) {
    Frame[] array = frames.toArray(new Frame[0]);
    for (Frame f : array) {
      Objects.requireNonNull(f, "frame");
    }
    if (elisionIndex < -1 || elisionIndex > array.length) {
      throw new IllegalArgumentException("elisionIndex out of range: " + elisionIndex);
    }
    boolean elided = elisionIndex >= 0;
    if (!elided && array.length == 0) {
      return EMPTY;
    }
    return new Stack(array, elided, elided ? Math.max(-1, elidedFrames) : -1, elisionIndex);
  }

  /**
   * Returns the frames, innermost first.
   *
   * @return an unmodifiable list, never {@code null}
   */
  public List<Frame> frames() {
    return view;
  }

  /**
   * Returns the number of frames present.
   *
   * @return the depth
   */
  public int depth() {
    return frames.length;
  }

  /**
   * Tells whether the stack has no frames.
   *
   * @return true for a goroutine that has not started, or one whose stack was unavailable
   */
  public boolean isEmpty() {
    return frames.length == 0;
  }

  /**
   * Returns the innermost frame (where the goroutine is blocked or running).
   *
   * @return the frame, or empty for an empty stack
   */
  public Optional<Frame> innermost() {
    return frames.length == 0 ? Optional.empty() : Optional.of(frames[0]);
  }

  /**
   * Returns the outermost frame present, the goroutine's entry function unless frames were cut.
   *
   * @return the frame, or empty for an empty stack
   */
  public Optional<Frame> outermost() {
    return frames.length == 0 ? Optional.empty() : Optional.of(frames[frames.length - 1]);
  }

  /**
   * Returns the innermost frame of user code, skipping the runtime, the standard library and
   * frames without a symbol: the blocking site in your code.
   *
   * @return the frame, or empty when the stack has none
   */
  public Optional<Frame> firstUserFrame() {
    return first(false);
  }

  /**
   * Returns the innermost frame that is not the runtime's (nor without a symbol): user code or the
   * standard library, such as {@code net/http.(*conn).serve} for a stack without user frames.
   *
   * @return the frame, or empty when the stack has none
   */
  public Optional<Frame> firstNonRuntimeFrame() {
    return first(true);
  }

  private Optional<Frame> first(boolean standardLibraryToo) {
    for (Frame f : frames) {
      if (f.function().isEmpty()) {
        continue; // an address without a symbol says nothing about who wrote the code
      }
      FrameKind k = f.kind();
      if (k == FrameKind.USER || (k == FrameKind.STANDARD_LIBRARY && standardLibraryToo)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether Go printed an elision marker in this stack.
   *
   * @return true when frames were left out with a marker
   */
  public boolean elided() {
    return elided;
  }

  /**
   * Returns how many frames the elision marker says were left out ({@code ...21 frames elided...}).
   *
   * @return the count, or empty when nothing was elided or Go did not say how many
   */
  public OptionalInt elidedFrames() {
    return elidedFrames < 0 ? OptionalInt.empty() : OptionalInt.of(elidedFrames);
  }

  /**
   * Returns where the marker stood: frames at indexes below it are inner, the rest outer.
   *
   * @return the index, or empty when nothing was elided
   */
  public OptionalInt elisionIndex() {
    return elisionIndex < 0 ? OptionalInt.empty() : OptionalInt.of(elisionIndex);
  }

  /**
   * Tells whether some frame of this stack has the given function name.
   *
   * @param function a name as Go prints it
   * @return true when a frame matches exactly
   */
  public boolean contains(String function) {
    for (Frame f : frames) {
      if (f.function().equals(function)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Stack s
        && s.hash == hash
        && s.elided == elided
        && s.elidedFrames == elidedFrames
        && s.elisionIndex == elisionIndex
        && Arrays.equals(s.frames, frames);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Stack[" + frames.length + " frames" + (elided ? ", elided" : "") + "]";
  }

  private static final class FrameList extends AbstractList<Frame> implements RandomAccess {
    private final Frame[] frames;

    FrameList(Frame[] frames) {
      this.frames = frames;
    }

    @Override
    public Frame get(int index) {
      return frames[index];
    }

    @Override
    public int size() {
      return frames.length;
    }
  }
}
