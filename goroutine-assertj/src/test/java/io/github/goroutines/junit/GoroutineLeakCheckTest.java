package io.github.goroutines.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.goroutines.junit.FakeService.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The extension end to end: test classes annotated with {@code @GoroutineLeakCheck}, run by
 * JUnit's {@link EngineTestKit} against a real HTTP server on 127.0.0.1 that serves real snapshots
 * of the gen program (323 goroutines, then 403 after its leak grew by 80 at
 * main.handleRequest.func1), error pages and HTML.
 */
class GoroutineLeakCheckTest {
  static final String LEAK = "main.handleRequest.func1 example.com/leaky/v2/main.go:87";
  static FakeService service;

  @TempDir
  static Path snapshots;

  @BeforeAll
  static void start() throws Exception {
    service = new FakeService();
    System.setProperty(GoroutineLeakExtension.DIR_PROPERTY, snapshots.toString());
  }

  @AfterAll
  static void stop() {
    service.close();
    System.clearProperty(GoroutineLeakExtension.DIR_PROPERTY);
  }

  static Response first() {
    return Response.profile("first.debug2.txt");
  }

  static Response later() {
    return Response.profile("later.debug2.txt");
  }

  /** Runs a test class; returns its tests' finished events by method name. */
  static Map<String, TestExecutionResult> run(Class<?> type) {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute()
        .testEvents();
    return tests.finished().stream().collect(Collectors.toMap(
        e -> e.getTestDescriptor().getLegacyReportingName().replace("()", ""),
        e -> e.getPayload(TestExecutionResult.class).orElseThrow()));
  }

  static String message(TestExecutionResult r) {
    return r.getThrowable().orElseThrow().getMessage();
  }

  // ---- a service that keeps the goroutines of each request --------------------------------------

  @GoroutineLeakCheck(settleMillis = 300)
  static class Growing {
    @GoroutineEndpoint
    static String endpoint() {
      return service.url("growing");
    }

    @Test
    void scenario() {}
  }

  @Test
  void aLeakFailsTheTestNamingTheSiteAndItsGrowthAndKeepsTheSnapshots() throws Exception {
    service.serve("growing", first(), later());
    TestExecutionResult r = run(Growing.class).get("scenario");
    assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(r.getThrowable()).get().isInstanceOf(AssertionError.class);
    String url = service.url("growing") + "?debug=2";
    Path before = snapshots.resolve("Growing.scenario.before.debug2.txt");
    Path after = snapshots.resolve("Growing.scenario.after.debug2.txt");
    assertThat(message(r)).startsWith("[goroutine leak check of " + url + "] Expecting no goroutine "
        + "to leak, but 1 site grew by 80 (323 -> 403 goroutines over 2 snapshots):\n"
        + "\n"
        + "  +80 at " + LEAK + " (40 -> 120)\n"
        + "      chan send, waiting 1 minutes\n"
        + "      created by main.handleRequest example.com/leaky/v2/main.go:85 (120)\n"
        + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n"
        + "\n"
        + "Still there after ")
        .matches("(?s).*\nStill there after [3-9] snapshots over 300 ms\\. Snapshots: "
            + java.util.regex.Pattern.quote(before + ", " + after));
    // the polls: one before, then after with back-off until the settle time passed
    assertThat(service.requests("growing")).isBetween(4, 10);
    assertThat(Files.readString(before)).isEqualTo(new String(first().body(),
        StandardCharsets.UTF_8));
    assertThat(Files.readString(after)).isEqualTo(new String(later().body(),
        StandardCharsets.UTF_8));
  }

  // ---- steady, and winding down ----------------------------------------------------------------

  @GoroutineLeakCheck(settleMillis = 3000)
  static class Steady {
    @GoroutineEndpoint
    final URI endpoint = URI.create(service.url("steady"));

    @Test
    void first() {}

    @Test
    void second() {}
  }

  @Test
  void aServiceWhoseGoroutinesStayPutPassesWithOneSnapshotAfterEachTest() {
    service.serve("steady", later());
    Map<String, TestExecutionResult> results = run(Steady.class);
    assertThat(results).hasSize(2).allSatisfy((name, r) ->
        assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    assertThat(service.requests("steady")).isEqualTo(4);
  }

  @GoroutineLeakCheck(settleMillis = 5000)
  static class Settling {
    @GoroutineEndpoint
    static String endpoint() {
      return service.url("settling");
    }

    @Test
    void scenario() {}
  }

  @Test
  void goroutinesThatWindDownWithinTheSettleTimeAreNoLeak() {
    // before; two polls still see the burst; the third sees it gone
    service.serve("settling", first(), later(), later(), first());
    assertThat(run(Settling.class).get("scenario").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(service.requests("settling")).isEqualTo(4);
  }

  // ---- the goroutines a service expects -------------------------------------------------------

  @GoroutineLeakCheck(settleMillis = 200, ignoreTopFunctions = "main.handleRequest.func1")
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class Expected {
    @GoroutineEndpoint
    static String endpoint() {
      return service.url("expected");
    }

    @Test
    void scenario() {}

    @Test
    @GoroutineLeakCheck(settleMillis = 200)
    void strict() {}
  }

  @Test
  void ignoreRulesOnTheAnnotationAndAMethodsOwnAnnotation() {
    service.serve("expected", first(), later(), first(), later());
    Map<String, TestExecutionResult> results = run(Expected.class);
    assertThat(results.get("scenario").getStatus())
        .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    assertThat(results.get("strict").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(message(results.get("strict"))).contains("  +80 at " + LEAK + " (40 -> 120)\n");
  }

  // ---- the whole class -------------------------------------------------------------------------

  @GoroutineLeakCheck(scope = GoroutineLeakCheck.Scope.CLASS, settleMillis = 200)
  static class WholeClass {
    @GoroutineEndpoint
    static String endpoint() {
      return service.url("class");
    }

    @Test
    void one() {}

    @Test
    void two() {}
  }

  @Test
  void aClassCheckSnapshotsOnceAroundAllTestsAndFailsTheClass() {
    service.serve("class", first(), later());
    Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WholeClass.class))
        .execute().containerEvents();
    List<Event> failed = containers.failed().list();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getTestDescriptor().getDisplayName()).endsWith("WholeClass");
    assertThat(failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
        .orElseThrow().getMessage())
        .contains("  +80 at " + LEAK + " (40 -> 120)\n")
        .contains(snapshots.resolve("WholeClass.before.debug2.txt").toString());
  }

  // ---- a snapshot that cannot be taken is an error, never a pass --------------------------------

  @GoroutineLeakCheck
  static class Broken {
    @GoroutineEndpoint
    static String endpoint() {
      return service.url(System.getProperty("leakcheck.test.scenario"));
    }

    @Test
    void scenario() {}
  }

  static String brokenWith(String scenario, Response... responses) {
    service.serve(scenario, responses);
    System.setProperty("leakcheck.test.scenario", scenario);
    try {
      TestExecutionResult r = run(Broken.class).get("scenario");
      assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
      assertThat(r.getThrowable()).get().isInstanceOf(IllegalStateException.class);
      return message(r);
    } finally {
      System.clearProperty("leakcheck.test.scenario");
    }
  }

  @Test
  void anErrorPageFailsTheTest() {
    String url = service.url("error") + "?debug=2";
    assertThat(brokenWith("error", new Response(500, "text/plain",
        "profile unavailable\n".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("goroutine leak check: cannot take a snapshot of " + url
            + ": HTTP 500: \"profile unavailable\"");
    // after the test too
    assertThat(brokenWith("error-after", first(), new Response(503, "text/plain", new byte[0])))
        .isEqualTo("goroutine leak check: cannot take a snapshot of " + service.url("error-after")
            + "?debug=2: HTTP 503: \"\"");
  }

  @Test
  void aPageThatIsNoProfileFailsTheTest() {
    String html = "<!DOCTYPE html><html><head><title>/debug/pprof/</title></head><body>"
        + "Types of profiles available:</body></html>";
    assertThat(brokenWith("html", new Response(200, "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8))))
        .startsWith("goroutine leak check: " + service.url("html") + "?debug=2 sent no goroutine "
            + "profile (text/html; charset=utf-8, " + html.length() + " bytes: \"<!DOCTYPE html>"
            + "<html><head><title>/debug/pprof/</title></head><body>Types of profiles available:"
            + "</body></html>\"): ");
  }

  @GoroutineLeakCheck(url = "http://127.0.0.1:9/debug/pprof/goroutine")
  static class Unreachable {
    @Test
    void scenario() {}
  }

  @Test
  void anUnreachableServiceFailsTheTest() {
    TestExecutionResult r = run(Unreachable.class).get("scenario");
    assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(message(r)).startsWith("goroutine leak check: cannot take a snapshot of "
        + "http://127.0.0.1:9/debug/pprof/goroutine?debug=2: java.net.ConnectException");
  }

  // ---- where the URL comes from ----------------------------------------------------------------

  @GoroutineLeakCheck(settleMillis = 200)
  static class FromProperty {
    @Test
    void scenario() {}
  }

  @Test
  void theUrlFromASystemPropertyAndItsMissingPathAndParameter() {
    service.serve("", later());
    String base = service.url("x").substring(0, service.url("x").indexOf("/x/"));
    System.setProperty(GoroutineLeakExtension.URL_PROPERTY, base + "/property/debug/pprof/goroutine");
    try {
      service.serve("property", first(), later());
      assertThat(message(run(FromProperty.class).get("scenario")))
          .contains("[goroutine leak check of " + service.url("property") + "?debug=2]");
    } finally {
      System.clearProperty(GoroutineLeakExtension.URL_PROPERTY);
    }
    TestExecutionResult none = run(FromProperty.class).get("scenario");
    assertThat(none.getThrowable()).get().isInstanceOf(ExtensionConfigurationException.class);
    assertThat(message(none)).isEqualTo("@GoroutineLeakCheck needs the service's goroutine profile:"
        + " set url, annotate a field or method with @GoroutineEndpoint, or set the system property"
        + " goroutines.leakcheck.url");
    assertThat(Endpoint.normalize("http://host:6060", "x"))
        .hasToString("http://host:6060/debug/pprof/goroutine?debug=2");
    assertThat(Endpoint.normalize("http://host:6060/", "x"))
        .hasToString("http://host:6060/debug/pprof/goroutine?debug=2");
    assertThat(Endpoint.normalize("https://h/app/debug/pprof/goroutine?debug=1&x=1", "x"))
        .hasToString("https://h/app/debug/pprof/goroutine?debug=1&x=1");
    assertThat(Endpoint.normalize("http://h:1/p?seconds=5", "x"))
        .hasToString("http://h:1/p?seconds=5&debug=2");
    for (String bad : List.of("localhost:6060", "ftp://h/", "not a url")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Endpoint.normalize(bad, "url"))
          .isInstanceOf(ExtensionConfigurationException.class).hasMessageStartingWith("url is not");
    }
  }

  @GoroutineLeakCheck(scope = GoroutineLeakCheck.Scope.CLASS)
  static class InstanceEndpointForClass {
    @GoroutineEndpoint
    String endpoint = "http://127.0.0.1:9";

    @Test
    void scenario() {}
  }

  @Test
  void aClassCheckNeedsAStaticEndpoint() {
    List<Event> failed = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InstanceEndpointForClass.class)).execute().containerEvents()
        .failed().list();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
        .orElseThrow()).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageEndingWith("must be static for a check of the whole class");
  }
}
