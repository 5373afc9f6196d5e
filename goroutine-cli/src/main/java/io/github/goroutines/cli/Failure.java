package io.github.goroutines.cli;

/** A failure the user can act on: one line on standard error and an exit code, never a stack trace. */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  Failure(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
