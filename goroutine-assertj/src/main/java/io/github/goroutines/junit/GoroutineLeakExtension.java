package io.github.goroutines.junit;

import io.github.goroutines.assertj.GoroutineAssertions;
import io.github.goroutines.assertj.SnapshotsAssert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What {@link GoroutineLeakCheck} registers; use the annotation. Public only because JUnit
 * instantiates it.
 */
public final class GoroutineLeakExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  /** The system property that names the endpoint when neither the annotation nor a member does. */
  public static final String URL_PROPERTY = "goroutines.leakcheck.url";
  /** The system property that names the folder for the snapshots of failures. */
  public static final String DIR_PROPERTY = "goroutines.leakcheck.dir";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GoroutineLeakExtension.class);
  private static final long FIRST_DELAY_MILLIS = 50;
  private static final long MAX_DELAY_MILLIS = 1000;

  /** Made by JUnit. */
  public GoroutineLeakExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    classCheck(context).ifPresent(check -> before(context, check));
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    if (classCheck(context).isPresent()) {
      after(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    testCheck(context).ifPresent(check -> before(context, check));
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    if (testCheck(context).isPresent()) {
      after(context);
    }
  }

  private static Optional<GoroutineLeakCheck> classCheck(ExtensionContext context) {
    return context.getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, GoroutineLeakCheck.class))
        .filter(a -> a.scope() == GoroutineLeakCheck.Scope.CLASS);
  }

  private static Optional<GoroutineLeakCheck> testCheck(ExtensionContext context) {
    Optional<GoroutineLeakCheck> own = context.getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, GoroutineLeakCheck.class));
    if (own.isPresent()) {
      return own.filter(a -> a.scope() == GoroutineLeakCheck.Scope.EACH_TEST);
    }
    return context.getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, GoroutineLeakCheck.class))
        .filter(a -> a.scope() == GoroutineLeakCheck.Scope.EACH_TEST);
  }

  private static void before(ExtensionContext context, GoroutineLeakCheck check) {
    Endpoint endpoint = new Endpoint(url(context, check));
    Snapshot before = endpoint.take();
    context.getStore(NAMESPACE).put(Run.class, new Run(check, endpoint, before));
  }

  private static void after(ExtensionContext context) throws InterruptedException {
    Run run = context.getStore(NAMESPACE).remove(Run.class, Run.class);
    if (run == null) {
      return; // the before snapshot failed, and said so
    }
    long deadline = System.nanoTime() + run.check.settleMillis() * 1_000_000;
    long delay = FIRST_DELAY_MILLIS;
    int polls = 0;
    while (true) {
      Snapshot after = run.endpoint.take();
      polls++;
      try {
        assertion(run.check, run.before, after).leaksNothing();
        return;
      } catch (AssertionError leak) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          throw failure(context, run, after, polls, leak);
        }
        Thread.sleep(Math.min(delay, left));
        delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
      }
    }
  }

  private static SnapshotsAssert assertion(GoroutineLeakCheck check, Snapshot before,
      Snapshot after) {
    SnapshotsAssert a = GoroutineAssertions.assertThatSnapshots(before.profile(), after.profile())
        .as("goroutine leak check of " + after.uri());
    for (String f : check.ignoreFunctions()) {
      a.ignoringFunction(f);
    }
    for (String f : check.ignoreTopFunctions()) {
      a.ignoringTopFunction(f);
    }
    if (check.ignoreIdleConnections()) {
      a.ignoringIdleConnections();
    }
    return a;
  }

  private static AssertionError failure(ExtensionContext context, Run run, Snapshot after,
      int polls, AssertionError leak) {
    String name = fileName(context);
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/goroutine-leak-check"));
    StringBuilder message = new StringBuilder(leak.getMessage().stripTrailing());
    message.append("\n\nStill there after ").append(polls).append(polls == 1 ? " snapshot" : " snapshots")
        .append(" over ").append(run.check.settleMillis()).append(" ms.");
    try {
      Files.createDirectories(dir);
      Path b = Files.write(dir.resolve(name + ".before" + run.before.extension()),
          run.before.bytes());
      Path a = Files.write(dir.resolve(name + ".after" + after.extension()), after.bytes());
      message.append(" Snapshots: ").append(b).append(", ").append(a);
      context.publishReportEntry("goroutine-leak-check", b + " " + a);
    } catch (IOException | UncheckedIOException e) {
      message.append(" The snapshots could not be written to ").append(dir).append(": ")
          .append(e.getMessage());
    }
    AssertionError error = new AssertionError(message.toString());
    error.setStackTrace(leak.getStackTrace());
    return error;
  }

  /** {@code OrdersApiTest.cancelRelease}, with the invocation for parameterized tests. */
  static String fileName(ExtensionContext context) {
    String name = context.getRequiredTestClass().getSimpleName();
    Optional<Method> method = context.getTestMethod();
    if (method.isPresent()) {
      name += "." + method.get().getName();
      String display = context.getDisplayName();
      if (!display.equals(method.get().getName() + "()")) {
        name += "." + display;
      }
    }
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
    return safe.length() > 120 ? safe.substring(0, 120) : safe;
  }

  private static URI url(ExtensionContext context, GoroutineLeakCheck check) {
    if (!check.url().isBlank()) {
      return Endpoint.normalize(check.url().strip(), "@GoroutineLeakCheck(url)");
    }
    Optional<URI> member = member(context);
    if (member.isPresent()) {
      return member.get();
    }
    String property = System.getProperty(URL_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Endpoint.normalize(property.strip(), "system property " + URL_PROPERTY);
    }
    throw new ExtensionConfigurationException("@GoroutineLeakCheck needs the service's goroutine "
        + "profile: set url, annotate a field or method with @GoroutineEndpoint, or set the "
        + "system property " + URL_PROPERTY);
  }

  private static Optional<URI> member(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    Object instance = context.getTestInstance().orElse(null);
    List<AnnotatedElement> members = new ArrayList<>(AnnotationSupport.findAnnotatedFields(type,
        GoroutineEndpoint.class, f -> true, HierarchyTraversalMode.TOP_DOWN));
    members.addAll(AnnotationSupport.findAnnotatedMethods(type, GoroutineEndpoint.class,
        HierarchyTraversalMode.TOP_DOWN));
    if (members.isEmpty()) {
      return Optional.empty();
    }
    if (members.size() > 1) {
      throw new ExtensionConfigurationException("more than one @GoroutineEndpoint in " + type
          .getName() + ": " + members);
    }
    AnnotatedElement m = members.get(0);
    boolean isStatic = Modifier.isStatic(((java.lang.reflect.Member) m).getModifiers());
    if (!isStatic && instance == null) {
      throw new ExtensionConfigurationException("@GoroutineEndpoint " + m + " must be static for "
          + "a check of the whole class");
    }
    Object target = isStatic ? null : instance;
    Object value;
    try {
      value = m instanceof Field f ? ReflectionSupport.tryToReadFieldValue(f, target).get()
          : ReflectionSupport.invokeMethod((Method) m, target);
    } catch (Exception e) {
      throw new ExtensionConfigurationException("@GoroutineEndpoint " + m + " failed: " + e, e);
    }
    if (value instanceof URI || value instanceof URL || value instanceof CharSequence) {
      return Optional.of(Endpoint.normalize(value.toString(), "@GoroutineEndpoint " + m));
    }
    throw new ExtensionConfigurationException("@GoroutineEndpoint " + m + " gave "
        + (value == null ? "null" : "a " + value.getClass().getName())
        + ", not a String, URI or URL");
  }

  /** The state between the before and after callbacks. */
  private record Run(GoroutineLeakCheck check, Endpoint endpoint, Snapshot before) {}
}
