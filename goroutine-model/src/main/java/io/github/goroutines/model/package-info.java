/**
 * The immutable model every goroutine-profile format parses into.
 *
 * <p>A {@link io.github.goroutines.model.Profile} is a list of
 * {@link io.github.goroutines.model.Sample}s: <em>count x stack x labels</em>, plus, for
 * {@code debug=2} dumps and crash logs, one {@link io.github.goroutines.model.Goroutine} per sample
 * with its id, state, wait time and creator. A {@code debug=0} sample and a {@code debug=1} record are
 * samples whose count is the number of goroutines sharing that stack and label set; a {@code debug=2}
 * goroutine is a sample of count 1. Analysis code reads {@code samples()} and never needs to know
 * the format.
 *
 * <pre>{@code
 * Profile profile = GoroutineProfiles.parse(bytes);
 * for (Sample s : profile.samples()) {
 *   Frame innermost = s.stack().innermost().orElse(null);
 *   System.out.println(s.count() + " " + (innermost == null ? "(no stack)" : innermost.function()));
 * }
 * }</pre>
 *
 * <h2>Frame order</h2>
 * Index 0 of a {@link io.github.goroutines.model.Stack} is the innermost frame (where the goroutine
 * is blocked), as Go prints it; the last frame is the outermost one.
 *
 * <h2>Null handling</h2>
 * No method of this package returns {@code null}: collections come back empty, values that a format
 * may not carry come back as {@code Optional}, {@code OptionalLong} or {@code OptionalInt}. Passing
 * {@code null} where a value is expected throws {@link java.lang.NullPointerException} naming the
 * parameter.
 *
 * <h2>Immutability and sharing</h2>
 * Every type here is immutable and safe for use by multiple threads. Within one parse, equal strings,
 * frames, stacks and label sets are the same instance, so memory grows with the number of distinct
 * stacks, not with the number of goroutines.
 */
package io.github.goroutines.model;
