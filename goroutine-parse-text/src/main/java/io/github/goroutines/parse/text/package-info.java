/**
 * Parsers for {@code debug=1} and {@code debug=2} goroutine profiles and for Go crash output.
 *
 * <p>Entry point: {@link io.github.goroutines.parse.text.TextProfileParser}. Most users call
 * {@code GoroutineProfiles.parse} of the analysis module instead, which detects the format.
 *
 * <pre>{@code
 * Profile dump = TextProfileParser.parse(Files.readAllBytes(path), ParseOptions.defaults());
 * for (Goroutine g : dump.goroutines()) {
 *   if (g.waitMinutes().orElse(0) > 60) {
 *     System.out.println(g);
 *   }
 * }
 * }</pre>
 *
 * <h2>Null handling</h2>
 * No method returns {@code null}; {@code null} arguments throw {@link java.lang.NullPointerException}.
 */
package io.github.goroutines.parse.text;
