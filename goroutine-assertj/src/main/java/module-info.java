/**
 * Leak checks for JVM test suites that drive Go services: AssertJ assertions on goroutine profiles
 * and their growth ({@link io.github.goroutines.assertj.GoroutineAssertions}), and the
 * {@link io.github.goroutines.junit.GoroutineLeakCheck} JUnit 5 extension that snapshots a
 * service's {@code /debug/pprof/goroutine} around each test. JUnit is optional: only the extension
 * needs it.
 */
module io.github.goroutines.assertj {
  requires transitive io.github.goroutines.analysis;
  requires transitive org.assertj.core;
  requires static transitive org.junit.jupiter.api;
  requires java.net.http;

  exports io.github.goroutines.assertj;
  exports io.github.goroutines.junit;
  // soft assertions subclass the assertions at run time
  opens io.github.goroutines.assertj to org.assertj.core;
}
