package io.github.goroutines.model;

/**
 * The three encodings that {@code /debug/pprof/goroutine} serves.
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
  DEBUG2("debug=2");

  private final String queryParameter;

  ProfileFormat(String queryParameter) {
    this.queryParameter = queryParameter;
  }

  /**
   * Returns the query parameter that selects this format.
   *
   * @return {@code "debug=0"}, {@code "debug=1"} or {@code "debug=2"}
   */
  public String queryParameter() {
    return queryParameter;
  }
}
