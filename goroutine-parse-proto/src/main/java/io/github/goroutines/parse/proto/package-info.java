/**
 * Decoder for {@code debug=0} goroutine profiles, and {@link ProtoProfileWriter}, which writes any
 * profile (a {@code debug=2} dump too) as one.
 *
 * <pre>{@code
 * Profile p = ProtoProfileParser.parse(Files.readAllBytes(Path.of("goroutine.pb.gz")),
 *     ParseOptions.defaults());
 * p.metadata().timeNanos();   // capture time
 * p.totalCount();             // number of goroutines
 * }</pre>
 *
 * <h2>Null handling</h2>
 * No method returns {@code null}; {@code null} arguments throw {@link java.lang.NullPointerException}.
 */
package io.github.goroutines.parse.proto;
