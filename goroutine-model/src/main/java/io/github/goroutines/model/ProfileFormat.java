package io.github.goroutines.model;

/**
 * The three encodings that {@code /debug/pprof/goroutine} serves, and the text of
 * {@code go tool pprof -traces}, which people paste instead of a profile.
 *
 * <p>Crash output ({@code panic:}, {@code fatal error:}, {@code SIGQUIT}) uses the {@link #DEBUG2}
 * grammar and is reported as {@code DEBUG2}.
 */
public enum ProfileFormat {
  /** {@code debug=0}: a (normally gzip-compressed) {@code profile.proto}. */
  PROTO("debug=0"),
  /** {@code debug=1}: {@code goroutine profile: total N} and {@code N @ 0x…} records. */
  DEBUG1("debug=1"),
  /** {@code debug=2}: full tracebacks, {@code goroutine N [state]:}; also crash output. */
  DEBUG2("debug=2"),
  /**
   * What {@code go tool pprof -traces} prints of a goroutine profile: each stack with its count
   * and labels, function names only (no files, lines or program counters).
   */
  PPROF_TRACES("pprof -traces");

  private final String displayName;

  ProfileFormat(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Returns how people name this format: the query parameter that selects it, or the command that
   * prints it.
   *
   * @return {@code "debug=0"}, {@code "debug=1"}, {@code "debug=2"} or {@code "pprof -traces"}
   */
  public String displayName() {
    return displayName;
  }
}
