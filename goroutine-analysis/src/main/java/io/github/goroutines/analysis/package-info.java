/**
 * Answers the questions of a goroutine-leak hunt over parsed profiles of any format.
 *
 * <ul>
 *   <li>{@link io.github.goroutines.analysis.Groups}: group and rank goroutines by a
 *       {@link io.github.goroutines.analysis.Grouping} (identical stack, similar stack, innermost
 *       frame, first user frame, any function, creator, state, label, or a composite);</li>
 *   <li>{@link io.github.goroutines.analysis.Top}: pprof-style flat and cum per function, optionally
 *       attributing runtime frames to the first user frame;</li>
 *   <li>{@link io.github.goroutines.analysis.FunctionMatcher} and
 *       {@link io.github.goroutines.analysis.Filter}: find and filter goroutines;</li>
 *   <li>{@link io.github.goroutines.analysis.Diff}: growth between snapshots;</li>
 *   <li>{@link io.github.goroutines.analysis.LeakSuspects}: groups ranked by an explainable score;</li>
 *   <li>{@link io.github.goroutines.analysis.SpawnTree}: who created how many goroutines;</li>
 *   <li>{@link io.github.goroutines.analysis.TextReports} and
 *       {@link io.github.goroutines.analysis.JsonReports}: output.</li>
 * </ul>
 *
 * <pre>{@code
 * Profile p = GoroutineProfiles.parse(bytes);
 * for (Group g : Groups.of(p, Grouping.firstUserFrame()).top(5)) {
 *   System.out.println(g.count() + " " + g.key());
 * }
 * }</pre>
 *
 * <p>Every result is immutable, safe for use by multiple threads, and ordered deterministically
 * (count descending, then key ascending). Analysis never looks at the source format: it reads
 * {@link io.github.goroutines.model.Profile#samples()} and, where present, the goroutine detail.
 *
 * <h2>Null handling</h2>
 * No method returns {@code null}; {@code null} arguments throw {@link java.lang.NullPointerException}.
 */
package io.github.goroutines.analysis;
