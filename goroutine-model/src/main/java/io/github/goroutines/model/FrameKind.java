package io.github.goroutines.model;

/**
 * Who wrote the code of a frame: the Go runtime, the rest of the standard library, or the user.
 *
 * <p>Leak analysis skips {@link #RUNTIME} frames such as {@code runtime.gopark} and, usually,
 * {@link #STANDARD_LIBRARY} frames such as {@code sync.(*Mutex).Lock}, to name the first frame of
 * user code: the place in your program where the goroutine blocks.
 */
public enum FrameKind {
  /**
   * Package {@code runtime}, its internal packages ({@code runtime/internal/…},
   * {@code internal/runtime/…}), the bare {@code panic} frame and compiler-generated helpers
   * ({@code type:.eq.…}, {@code type..eq.…}).
   */
  RUNTIME,
  /** Any other package of the Go distribution ({@code sync}, {@code net/http}, {@code vendor/…}). */
  STANDARD_LIBRARY,
  /**
   * Everything else: {@code main}, module paths such as {@code github.com/…}, cgo symbols
   * ({@code C.foo}, names without a package).
   */
  USER
}
