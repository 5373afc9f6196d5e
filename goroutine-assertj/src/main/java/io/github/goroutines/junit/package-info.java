/**
 * The {@link io.github.goroutines.junit.GoroutineLeakCheck} JUnit 5 extension: a test that leaves
 * goroutines behind in the Go service it drives fails, with the leaking sites. Needs
 * {@code junit-jupiter-api} (an optional dependency of this module).
 */
package io.github.goroutines.junit;
