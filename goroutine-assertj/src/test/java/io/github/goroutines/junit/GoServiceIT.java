package io.github.goroutines.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.goroutines.testing.DebianTools;
import io.github.goroutines.testing.Fixtures;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension against a real Go process: {@code testdata/service}, built with the Go toolchain
 * found on the machine (or Debian's {@code golang-go}, installed when the build runs as root), its
 * pprof endpoint polled over HTTP. A scenario that leaks 25 goroutines fails naming their site; one
 * whose 50 goroutines end 1.5 s later passes within the settle time, and fails without it.
 */
class GoServiceIT {
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static Process service;
  static String address;

  @BeforeAll
  static void start() throws Exception {
    Path go = go();
    assumeTrue(go != null, "GoServiceIT: SKIPPED, no Go toolchain");
    Path work = Path.of("target", "go-service").toAbsolutePath();
    Files.createDirectories(work);
    Path binary = work.resolve("service");
    ProcessBuilder build = new ProcessBuilder(go.toString(), "build", "-o", binary.toString(), ".")
        .directory(Fixtures.testdata().resolve("service").toFile())
        .redirectErrorStream(true);
    build.environment().put("GOTOOLCHAIN", "local");
    build.environment().put("GOPROXY", "off");
    build.environment().put("GOFLAGS", "-trimpath");
    build.environment().put("GOCACHE", work.resolve("cache").toString());
    build.environment().put("GOPATH", work.resolve("gopath").toString());
    Process p = build.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    service = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String line = new BufferedReader(new InputStreamReader(service.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
    assertThat(line).startsWith("listening on 127.0.0.1:");
    address = "http://" + line.substring("listening on ".length());
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.getOutputStream().close(); // the service exits when its input closes
      if (!service.waitFor(10, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  /** {@code go} on the path, else the newest of /usr/lib/go-1.NN, else Debian's golang-go. */
  static Path go() throws Exception {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "go"))) {
        return Path.of(dir, "go");
      }
    }
    Path lib = Path.of("/usr/lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> dirs = Files.list(lib)) {
        Path newest = dirs.filter(d -> d.getFileName().toString().matches("go-1\\.\\d+"))
            .map(d -> d.resolve("bin/go")).filter(Files::isExecutable)
            .max(Comparator.comparingInt(g -> Fixtures.minor(g.getParent().getParent()
                .getFileName().toString().substring(3)))).orElse(null);
        if (newest != null) {
          return newest;
        }
      }
    }
    return DebianTools.find("go", "golang-go", "GoServiceIT");
  }

  static void get(String path) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(address + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  static TestExecutionResult run(Class<?> scenario) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(scenario)).execute()
        .testEvents().finished().list().get(0).getPayload(TestExecutionResult.class).orElseThrow();
  }

  @GoroutineLeakCheck(settleMillis = 1000)
  static class Leaking {
    @GoroutineEndpoint
    static String endpoint() {
      return address;
    }

    @Test
    void lookups() throws Exception {
      get("/lookup?n=25");
    }
  }

  @Test
  void aServiceThatLeaksFailsTheTestNamingTheSite() {
    TestExecutionResult r = run(Leaking.class);
    assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(r.getThrowable().orElseThrow().getMessage())
        .containsPattern("Expecting no goroutine to leak, but 1 site grew by 25 \\(\\d+ -> \\d+ "
            + "goroutines over 2 snapshots\\):\n\n"
            + "  \\+25 at main\\.lookup\\.func1 example\\.com/service/main\\.go:30 \\(0 -> 25\\)\n"
            + "      chan send\n"
            + "      created by main\\.lookup example\\.com/service/main\\.go:28 \\(25\\)\n"
            + "        main\\.lookup\\.func1  example\\.com/service/main\\.go:30\n")
        .contains("Snapshots: ");
  }

  @GoroutineLeakCheck(settleMillis = 10_000)
  static class WindingDown {
    @GoroutineEndpoint
    static String endpoint() {
      return address;
    }

    @Test
    void burst() throws Exception {
      get("/burst?n=50&ms=1500");
    }
  }

  /** The same test, its class's annotation replaced. */
  @GoroutineLeakCheck(settleMillis = 0)
  static class WindingDownWithoutSettling extends WindingDown {}

  @Test
  void goroutinesThatWindDownWithinTheSettleTimeAreNoLeak() throws Exception {
    long start = System.nanoTime();
    assertThat(run(WindingDown.class).getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
    // it waited for them: the burst was there to be seen
    assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1400));
    TestExecutionResult strict = run(WindingDownWithoutSettling.class);
    assertThat(strict.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    assertThat(strict.getThrowable().orElseThrow().getMessage())
        .contains("  +50 at main.burst.func1 example.com/service/main.go:41 (0 -> 50)\n")
        .contains("Still there after 1 snapshot over 0 ms.");
    Thread.sleep(1600); // let them end before the next test's before snapshot
  }
}
