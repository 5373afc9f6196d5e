package io.github.goroutines.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaves goroutines behind in a Go service: snapshots the service's
 * {@code /debug/pprof/goroutine} before each test (or before the class), again after it, and
 * compares them by blocking site (the first frame of user code). Goroutines still winding down are
 * not leaks: the after snapshot is taken again, with back-off, until no site has grown or
 * {@link #settleMillis()} has passed (goleak's retries). The failure names each site that grew, by
 * how much, its state, wait minutes, creators and one stack; both snapshots are written under
 * {@code target/goroutine-leak-check/} and named in the message. A snapshot that cannot be taken
 * (no connection, HTTP 500, a page that is not a profile) fails the test with that error: never a
 * pass.
 *
 * <p>The endpoint is, first found: {@link #url()}; a field or method of the test class annotated
 * {@link GoroutineEndpoint} (where a Testcontainers test knows its mapped port); the system
 * property {@value GoroutineLeakExtension#URL_PROPERTY}. A URL without a path gets
 * {@code /debug/pprof/goroutine}; one without a {@code debug} parameter gets {@code debug=2}, whose
 * goroutine ids, wait minutes and creators make the best report (any format works).
 *
 * <pre>{@code
 * @Testcontainers
 * @GoroutineLeakCheck(ignoreTopFunctions = "main.(*Cache).janitor")
 * class OrdersApiTest {
 *   @Container
 *   static GenericContainer<?> orders = new GenericContainer<>("acme/orders:1.4")
 *       .withExposedPorts(8080, 6060);
 *
 *   @GoroutineEndpoint
 *   static String pprof() {
 *     return "http://" + orders.getHost() + ":" + orders.getMappedPort(6060);
 *   }
 *
 *   @Test
 *   void cancelledOrderReleasesItsWorkers() {
 *     // drive the service over HTTP; a goroutine left blocked per request fails this test
 *   }
 * }
 * }</pre>
 *
 * <p>Declare it after {@code @Testcontainers}, so that the container is up before the first
 * snapshot. On a method it replaces the class's annotation for that test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(GoroutineLeakExtension.class)
public @interface GoroutineLeakCheck {
  /** When the snapshots are taken. */
  enum Scope {
    /** Before and after each test: a leak fails the test that made it. */
    EACH_TEST,
    /** Before the first test of the class and after the last: a leak fails the class. */
    CLASS
  }

  /**
   * The service's goroutine profile, {@code http://host:6060/debug/pprof/goroutine}, or just
   * {@code http://host:6060}; empty to use a {@link GoroutineEndpoint} member or the system
   * property.
   *
   * @return the URL, or empty
   */
  String url() default "";

  /**
   * When the snapshots are taken.
   *
   * @return each test (the default) or the class
   */
  Scope scope() default Scope.EACH_TEST;

  /**
   * How long, in milliseconds, goroutines may take to wind down after the test: the after
   * snapshot is taken again, 50 ms apart at first and doubling up to a second, until no site has
   * grown or this has passed.
   *
   * @return milliseconds, 5000 by default
   */
  long settleMillis() default 5000;

  /**
   * Functions whose goroutines are expected, anywhere on the stack (goleak's
   * {@code IgnoreAnyFunction}); {@code prefix*} for a prefix.
   *
   * @return function names
   */
  String[] ignoreFunctions() default {};

  /**
   * Functions whose goroutines are expected, as the first frame of user code (goleak's
   * {@code IgnoreTopFunction}); {@code prefix*} for a prefix.
   *
   * @return function names
   */
  String[] ignoreTopFunctions() default {};

  /**
   * Whether net/http's goroutines of open connections with no user code on their stack are left
   * out: the test's own HTTP client keeps connections open, each one a goroutine of the server, and
   * the snapshot's own request has its goroutines too. A goroutine in a handler of the service has
   * user code on its stack and is never left out by this.
   *
   * @return true by default
   */
  boolean ignoreIdleConnections() default true;
}
