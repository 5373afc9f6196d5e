/**
 * The immutable model of Go goroutine profiles: frames, stacks, samples, goroutines and profiles,
 * shared by every parser and by the analysis module.
 *
 * <p>Only {@code io.github.goroutines.model} is public API. The {@code internal} package holds the
 * per-parse deduplication tables and the Go string unquoter that the parsers share; it is exported
 * to them alone.
 */
@SuppressWarnings("module")
module io.github.goroutines.model {
  exports io.github.goroutines.model;
  exports io.github.goroutines.model.internal
      to io.github.goroutines.parse.text,
          io.github.goroutines.parse.proto,
          io.github.goroutines.analysis;
}
