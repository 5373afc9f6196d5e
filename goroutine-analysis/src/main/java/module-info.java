/**
 * One dependency for everything: the {@link io.github.goroutines.GoroutineProfiles} facade that
 * parses any format, and the analysis API of {@code io.github.goroutines.analysis} (grouping,
 * ranking, finding, filtering, diffing, leak suspects, spawn trees, text and JSON reports).
 */
@SuppressWarnings("module") // the leak checks are built after this module
module io.github.goroutines.analysis {
  requires transitive io.github.goroutines.model;
  requires transitive io.github.goroutines.parse.text;
  requires transitive io.github.goroutines.parse.proto;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.github.goroutines;
  exports io.github.goroutines.analysis;
  // terminal-safe text for the leak checks' failure messages
  exports io.github.goroutines.analysis.internal to io.github.goroutines.assertj;
}
