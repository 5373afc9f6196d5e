/**
 * One dependency for everything: the {@link io.github.goroutines.GoroutineProfiles} facade that
 * parses any format, and the analysis API of {@code io.github.goroutines.analysis} (grouping,
 * ranking, finding, filtering, diffing, leak suspects, spawn trees, text and JSON reports).
 */
module io.github.goroutines.analysis {
  requires transitive io.github.goroutines.model;
  requires transitive io.github.goroutines.parse.text;
  requires transitive io.github.goroutines.parse.proto;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.github.goroutines;
  exports io.github.goroutines.analysis;
}
