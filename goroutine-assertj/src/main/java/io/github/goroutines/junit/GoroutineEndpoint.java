package io.github.goroutines.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or no-argument method of a test class that gives the URL of the service's
 * goroutine profile for {@link GoroutineLeakCheck}: a {@code String}, {@code URI} or {@code URL},
 * read when a snapshot is taken (so after a container has started and mapped its port). Static for
 * {@link GoroutineLeakCheck.Scope#CLASS}; static or not for each test.
 *
 * <pre>{@code
 * @GoroutineEndpoint
 * static URI pprof() {
 *   return URI.create("http://" + app.getHost() + ":" + app.getMappedPort(6060));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface GoroutineEndpoint {}
