/**
 * Parsers for the text goroutine profiles: {@code debug=1} ({@code goroutine profile: total N}) and
 * {@code debug=2} ({@code goroutine N [state]:}), including Go crash output. Entry point:
 * {@link io.github.goroutines.parse.text.TextProfileParser}.
 */
module io.github.goroutines.parse.text {
  requires transitive io.github.goroutines.model;

  exports io.github.goroutines.parse.text;
}
