package io.github.goroutines.cli;

/** The exit codes of the command, as README lists them. */
final class ExitCode {
  static final int OK = 0;
  /** No input, or bad arguments; the usage is printed. */
  static final int USAGE = 1;
  /** The input is not a goroutine profile, is malformed, or is too large for the heap. */
  static final int INPUT = 2;
  /** A URL could not be fetched. */
  static final int FETCH = 3;
  /** {@code --fail-on-suspects} and the summary has leak suspects. */
  static final int SUSPECTS = 4;
  /** A fault of this program (BSD's EX_SOFTWARE). */
  static final int INTERNAL = 70;

  private ExitCode() {}
}
