/**
 * The entry point: {@link io.github.goroutines.GoroutineProfiles#parse(byte[])} reads any goroutine
 * profile or dump, whatever its format.
 *
 * <pre>{@code
 * Profile profile = GoroutineProfiles.parse(Path.of("goroutine.pb.gz"));
 * Groups sites = Groups.of(profile, Grouping.firstUserFrame());
 * System.out.print(TextReports.summary(Summary.of(List.of(profile)), 10));
 * }</pre>
 *
 * <h2>Null handling</h2>
 * No method returns {@code null}; {@code null} arguments throw {@link java.lang.NullPointerException}.
 */
package io.github.goroutines;
