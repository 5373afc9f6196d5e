package io.github.goroutines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands run in-process on the fixtures, the examples, and a real local HTTP server. */
class MainTest {
  static final String LEAK = "main.handleRequest.func1 example.com/leaky/v2/main.go:87";

  record Result(int code, String out, String err) {}

  /** Runs with standard input piped from {@code stdin}. */
  static Result run(byte[] stdin, String... args) {
    return run(stdin, false, args);
  }

  /** Runs with standard input a terminal, as typed at a prompt. */
  static Result run(String... args) {
    return run(new byte[0], true, args);
  }

  static Result run(byte[] stdin, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new Io(new ByteArrayInputStream(stdin), terminal,
        new PrintWriter(out), new PrintWriter(err)));
    return new Result(code, out.toString(), err.toString());
  }

  static String fixture(String v, String name) {
    return Fixtures.testdata().resolve("go" + v).resolve(name).toString();
  }

  static String example(String name) {
    return Fixtures.testdata().getParent().resolve("examples").resolve(name).toString();
  }

  @Test
  void aReportThatCannotBeWrittenIsNoSuccess() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("Broken pipe");
      }
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"summary", example("leaky-first.pb.gz")},
        new Io(new ByteArrayInputStream(new byte[0]), false, new PrintWriter(broken),
            new PrintWriter(err)));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("goroutines: cannot write to standard output\n");
  }

  @Test
  void htmlWritesTheReportAsOnePage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path page = dir.resolve("r.html");
    Path examples = Fixtures.testdata().getParent().resolve("examples");
    Result r = run("html", examples.resolve("leaky-first.pb.gz").toString(),
        examples.resolve("leaky-later.debug2.txt").toString(), "-o", page.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).matches("goroutines: wrote .*r\\.html \\(html, \\d+ bytes\\): 403 "
        + "goroutines, 2 snapshots\n");
    String html = java.nio.file.Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .contains("<b class=\"site\">main.handleRequest.func1 example.com/leaky/v2/main.go:87</b>")
        .contains("id=\"growth\"").contains("id=\"diff\"");
    Result stdout = run("html", examples.resolve("leaky-first.pb.gz").toString(), "-o", "-");
    assertThat(stdout.out()).startsWith("<!DOCTYPE html>").doesNotContain("id=\"growth\"");
  }

  @Test
  void aLargeFileReportsTheSameOnOneThreadAndOnTwo(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    // the blocks of a real dump, 30 times over with fresh ids: 4.2 MB, parsed in parts on 2
    byte[] big = Fixtures.repeated("1.27", "later.debug2.txt", 30);
    Path file = dir.resolve("big.debug2.txt");
    java.nio.file.Files.write(file, big);
    for (String command : List.of("summary", "traces", "json")) {
      Result one = run(command, "--threads", "1", file.toString());
      Result two = run(command, "--threads", "2", file.toString());
      assertThat(one.code()).isZero();
      assertThat(two.out()).as(command).isEqualTo(one.out());
    }
    assertThat(run("summary", "--threads", "2", file.toString()).out())
        .contains("12090 goroutines");
  }

  @Test
  void summaryIsTheDefaultCommand() {
    Result r = run(example("leaky-first.pb.gz"), example("leaky-later.debug2.txt"));
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith(
        "goroutine profile (debug=2): 403 goroutines, 2 snapshots: 323 -> 403\n");
    // a debug=2 dump does not say when it was taken: no rate
    assertThat(r.out()).contains("  1. " + LEAK + "  [score 60.8]\n"
        + "       - grew 40 -> 120 (+80) over 2 snapshots (+40.0)\n");
    // from the site to the code: the go statement, and the stack from the site out
    assertThat(r.out()).contains("       created by main.handleRequest "
        + "example.com/leaky/v2/main.go:85\n"
        + "       at main.handleRequest.func1  example.com/leaky/v2/main.go:87\n");
    assertThat(r.out()).contains("     150  37.2%  main.(*Cache).LoadOrStore "
        + "example.com/leaky/v2/main.go:49\n"
        + "                 [sync.Mutex.Lock]  waiting 1 min\n"
        + "                 created by main.setup example.com/leaky/v2/main.go:137\n");
    assertThat(r.out()).contains("                 created by main.setup "
        + "example.com/leaky/v2/main.go:132 (100), main.setup example.com/leaky/v2/main.go:218 (3)\n");
    assertThat(r.out()).contains("[sync.Mutex.Lock]  waiting 1 min");
    assertThat(run("summary", example("leaky-later.debug2.txt")).out()).isEqualTo(
        run(example("leaky-later.debug2.txt")).out());
  }

  @Test
  void failOnSuspectsForCi() {
    assertThat(run("--fail-on-suspects", example("leaky-first.pb.gz"), example("leaky-later.pb.gz"))
        .code()).isEqualTo(4);
    Result quiet = run("summary", "--fail-on-suspects", "--state", "RUNNING",
        example("leaky-later.pb.gz"));
    assertThat(quiet.code()).isZero();
    assertThat(quiet.out()).contains("Leak suspects: none");
  }

  @Test
  void topAndTracesLikePprof() {
    Result top = run("top", fixture("1.23", "later.debug0.pb.gz"));
    assertThat(top.code()).isZero();
    String pprof = Fixtures.text("1.23", "later.pprof-top.txt");
    assertThat(top.out().substring(top.out().indexOf("Showing nodes")))
        .isEqualTo(pprof.substring(pprof.indexOf("Showing nodes")));
    Result user = run("top", "--user", fixture("1.23", "later.debug0.pb.gz"));
    assertThat(user.out()).contains(
        "       150 37.22% 37.22%        150 37.22%  main.(*Cache).LoadOrStore\n");
    Result traces = run("traces", fixture("1.23", "later.debug0.pb.gz"));
    String recorded = Fixtures.text("1.23", "later.pprof-traces.txt");
    // pprof writes label values raw; ours escape what a terminal would act on
    String escaped = recorded.replace("é\n\t\n", "é\\n\\t\n").replace("\u0007", "\\x07");
    assertThat(escaped).isNotEqualTo(recorded);
    assertThat(traces.out().substring(traces.out().indexOf("-----------+")))
        .isEqualTo(escaped.substring(escaped.indexOf("-----------+")));
  }

  @Test
  void findShowsStacksAndWaits() {
    Result r = run("find", "sync.(*WaitGroup).Wait", fixture("1.27", "later.debug2.txt"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("1 goroutines match = sync.(*WaitGroup).Wait\n");
    assertThat(r.out()).containsPattern("1 goroutines, waiting 1 min \\(goroutine \\d+\\)\n");
    assertThat(r.out()).contains("    main.ticker  example.com/leaky/v2/main.go:77\n");
    assertThat(r.out()).contains("    created by main.setup  example.com/leaky/v2/main.go:142\n");
    Result prefix = run("find", "--prefix", "--group", "site", "main.(*Cache)",
        fixture("1.27", "later.debug2.txt"));
    assertThat(prefix.out()).startsWith("150 goroutines match ^ main.(*Cache)\n");
  }

  @Test
  void diffOfSnapshots() {
    Result r = run("diff", example("leaky-first.pb.gz"), example("leaky-later.pb.gz"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("Goroutines per snapshot: 323 -> 403 (+80) in 1 min 1 s "
        + "(+1.3/s)\n"
        + "Changes by site:\n"
        + "     +80  40 -> 120            " + LEAK + "  +1.3/s\n");
  }

  @Test
  void jsonReports() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Result profile = run("json", example("leaky-later.pb.gz"));
    assertThat(json.readTree(profile.out()).get("totalCount").asLong()).isEqualTo(403);
    Result summary = run("json", "--report", "summary", example("leaky-first.pb.gz"),
        example("leaky-later.pb.gz"));
    assertThat(json.readTree(summary.out()).get("suspects").get(0).get("site").asText()).isEqualTo(LEAK);
    Result groups = run("json", "--report", "groups", "-g", "state-class", "--limit", "2",
        example("leaky-later.debug2.txt"));
    assertThat(json.readTree(groups.out()).get("groups")).hasSize(2);
  }

  @Test
  void standardInput() {
    Result r = run(Fixtures.read("1.21", "later.debug1.txt"), "top", "-");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Showing nodes accounting for");
  }

  @Test
  void argumentErrorsGiveUsageAndExitCode1() {
    Result none = run();
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no input given").contains("Usage: goroutines");
    Result unknown = run("top", "--bogus", "x");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("Unknown option: '--bogus'").contains("Usage: goroutines top");
    assertThat(run("diff", example("leaky-first.pb.gz")).code()).isEqualTo(1);
    assertThat(run("diff", "-g", "nonsense", example("leaky-first.pb.gz"), example("leaky-later.pb.gz"))
        .err()).contains("unknown grouping 'nonsense'");
    assertThat(run("missing-file.pb.gz").err()).contains("no such file: missing-file.pb.gz");
    assertThat(run("--state", "SLEPING", example("leaky-later.pb.gz")).code()).isEqualTo(1);
  }

  @Test
  void groupingOfTheSummary() {
    Result r = run("summary", "--group", "state-class", "--limit", "2", example("leaky-later.pb.gz"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Top groups by state-class:\n"
        + "     152  37.7%  MUTEX\n"
        + "                 [mutex]\n"
        + "     122  30.3%  CHAN_SEND\n"
        + "                 [chan send]\n"
        + "  ... and 8 more groups\n");
  }

  @Test
  void noInputAtATerminalIsAUsageError() {
    Result r = run("summary");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("goroutines: no input given: name a file, - for standard input "
        + "or a URL, or pipe a dump in\n").contains("Usage: goroutines summary");
    Result piped = run(Fixtures.read("1.27", "multi.debug1.txt"), "diff");
    assertThat(piped.code()).isZero();
    assertThat(piped.out()).startsWith("Goroutines per snapshot: 47 -> 51 -> 55 (+8)\n");
  }

  @Test
  void anythingUnexpectedIsOneLineAndExitCode70() {
    StringWriter err = new StringWriter();
    int code = Main.report(new NullPointerException("x is null\n\tat somewhere"), new PrintWriter(err, true));
    assertThat(code).isEqualTo(70);
    assertThat(err.toString()).isEqualTo("goroutines: internal error (NullPointerException: x is null);"
        + " please report it with the input and the command that caused it\n");
    StringWriter oom = new StringWriter();
    assertThat(Main.report(new OutOfMemoryError("Java heap space"), new PrintWriter(oom, true)))
        .isEqualTo(2);
    assertThat(oom.toString()).startsWith("goroutines: out of memory (heap of ").contains("-Xmx")
        .contains("--max-bytes");
  }

  @Test
  void parseErrorsGiveExitCode2WithAPosition() {
    Result r = run(new byte[] {'x', 'y'}, "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("goroutines: cannot parse standard input: not a goroutine profile")
        .contains("line 1");
    byte[] gz = Fixtures.read("1.23", "first.debug0.pb.gz");
    Result cut = run(java.util.Arrays.copyOf(gz, gz.length / 2), "-");
    assertThat(cut.code()).isEqualTo(2);
    assertThat(cut.err()).contains("byte offset");
    // a panic's headline is understood; the register dump of GOTRACEBACK=crash is not
    assertThat(run("--strict", fixture("1.23", "crash.panic.txt")).code()).isZero();
    Result strict = run("--strict", fixture("1.23", "crash.traceback-crash.txt"));
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err()).contains("unexpected text outside a goroutine block")
        .containsPattern("line \\d+\\)");
  }

  // ------------------------------------------------------------------ HTTP

  HttpServer server;
  String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/debug/pprof/goroutine", ex -> {
      String query = String.valueOf(ex.getRequestURI().getQuery());
      byte[] body = query.contains("debug=2")
          ? Fixtures.read("1.27", "later.debug2.txt")
          : Fixtures.read("1.27", "later.debug0.pb.gz");
      ex.getResponseHeaders().add("Content-Type",
          query.contains("debug=2") ? "text/plain; charset=utf-8" : "application/octet-stream");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/missing", ex -> {
      byte[] body = "404 page not found\n".getBytes();
      ex.sendResponseHeaders(404, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/html", ex -> {
      byte[] body = "<!DOCTYPE html><html><body>login</body></html>".getBytes();
      ex.getResponseHeaders().add("Content-Type", "text/html");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.createContext("/truncated", ex -> {
      byte[] body = Fixtures.read("1.27", "later.debug0.pb.gz");
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      ex.close(); // fewer bytes than Content-Length
    });
    server.createContext("/trickle", ex -> {
      // headers at once, then a byte every 100 ms: a body that would take hours
      ex.sendResponseHeaders(200, 0);
      byte[] body = Fixtures.read("1.27", "later.debug2.txt");
      try (OutputStream out = ex.getResponseBody()) {
        for (byte b : body) {
          out.write(b);
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the client gave up, as it should
      }
    });
    server.createContext("/private", ex -> {
      String expected = "Basic " + Base64.getEncoder().encodeToString(
          "alice:s3cr3t-pw".getBytes(StandardCharsets.UTF_8));
      boolean allowed = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
      respond(ex, allowed ? 200 : 401, "text/plain",
          allowed ? Fixtures.read("1.27", "later.debug2.txt") : "Unauthorized\n".getBytes());
    });
    server.createContext("/elsewhere", ex -> {
      // the same server under another host name: another origin, no credentials for it
      ex.getResponseHeaders().add("Location",
          "http://localhost:" + server.getAddress().getPort() + "/private");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/labelled-html", ex -> respond(ex, 200, "text/html; charset=utf-8",
        Fixtures.read("1.27", "later.debug2.txt")));
    server.createContext("/empty", ex -> respond(ex, 200, "text/plain", new byte[0]));
    server.createContext("/compressed", ex -> {
      boolean proto = String.valueOf(ex.getRequestURI().getQuery()).contains("debug=0");
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      respond(ex, 200, "text/plain", gzip(proto ? Fixtures.read("1.27", "later.debug0.pb.gz")
          : Fixtures.read("1.27", "later.debug2.txt")));
    });
    AtomicInteger flakyRequests = new AtomicInteger();
    server.createContext("/flaky", ex -> {
      if (flakyRequests.incrementAndGet() == 2) {
        respond(ex, 503, "text/plain", "overloaded\n".getBytes());
      } else {
        respond(ex, 200, "application/octet-stream", Fixtures.read("1.27", "later.debug0.pb.gz"));
      }
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void fetchesAGzipProfileAndADump() {
    Result proto = run(base + "/debug/pprof/goroutine");
    assertThat(proto.code()).isZero();
    assertThat(proto.out()).startsWith("goroutine profile (debug=0): 403 goroutines\n");
    Result dump = run("find", "main.ticker", base + "/debug/pprof/goroutine?debug=2");
    assertThat(dump.code()).isZero();
    assertThat(dump.out()).startsWith("1 goroutines match = main.ticker\n");
  }

  @Test
  void watchTakesSnapshots() {
    Result r = run("diff", "--watch", base + "/debug/pprof/goroutine", "--every", "10ms", "--count", "2");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("snapshot 1: 403 goroutines\nsnapshot 2: 403 goroutines\n"
        + "Goroutines per snapshot: 403 -> 403 (+0)\n");
  }

  @Test
  void fetchErrorsGiveExitCode3() throws IOException {
    Result missing = run(base + "/missing");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).isEqualTo("goroutines: HTTP 404 from " + base + "/missing: 404 page not found\n");
    Result html = run(base + "/html");
    assertThat(html.code()).isEqualTo(3);
    assertThat(html.err()).contains("answered with an HTML page");
    Result slow = run("--timeout", "500ms", base + "/slow");
    assertThat(slow.code()).isEqualTo(3);
    assertThat(slow.err()).contains("within 500 ms").contains("--timeout");
    Result cut = run(base + "/truncated");
    assertThat(cut.code()).isIn(2, 3);
    assertThat(cut.err()).containsAnyOf("cut short", "gzip stream ends early");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Result refused = run("http://127.0.0.1:" + port + "/debug/pprof/goroutine");
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("cannot connect to 127.0.0.1:" + port);
    assertThat(Path.of(example("leaky-first.pb.gz"))).exists();
  }

  @Test
  void theTimeoutBoundsTheWholeFetch() {
    long start = System.nanoTime();
    Result r = run("--timeout", "1s", base + "/trickle");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("goroutines: the answer of " + base + "/trickle was cut short: "
        + "not complete within 1 s (raise --timeout)\n");
    assertThat(seconds).as("the body would take %d s", 
        Fixtures.read("1.27", "later.debug2.txt").length / 10).isLessThan(60);
  }

  @Test
  void credentialsInTheUrlAreSentToItsHostAndNeverPrinted() {
    String secret = "s3cr3t-pw";
    String withUser = base.replace("http://", "http://alice:" + secret + "@");
    Result ok = run("top", withUser + "/private?debug=2");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("of 403 total");
    Result wrong = run("top", withUser.replace(secret, "guess") + "/private?debug=2");
    assertThat(wrong.code()).isEqualTo(3);
    assertThat(wrong.err()).isEqualTo("goroutines: HTTP 401 from "
        + base.replace("http://", "http://alice:***@") + "/private?debug=2: Unauthorized\n");
    Result away = run("top", withUser + "/elsewhere");
    assertThat(away.code()).as("credentials are not sent to another host").isEqualTo(3);
    assertThat(away.err()).contains("HTTP 401");
    Result refused = run("top", "--timeout", "1s", "http://alice:" + secret + "@127.0.0.1:1/x");
    assertThat(refused.code()).isEqualTo(3);
    for (Result r : new Result[] {ok, wrong, away, refused}) {
      assertThat(r.out() + r.err()).doesNotContain(secret).doesNotContain("guess");
    }
  }

  @Test
  void answersAreReadByContent() {
    Result html = run("summary", base + "/labelled-html");
    assertThat(html.code()).as(html.err()).isZero();
    assertThat(html.out()).startsWith("goroutine profile (debug=2): 403 goroutines\n");
    Result text = run("summary", base + "/compressed?debug=2");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("goroutine profile (debug=2): 403 goroutines\n");
    Result proto = run("summary", base + "/compressed?debug=0");
    assertThat(proto.code()).as(proto.err()).isZero();
    assertThat(proto.out()).startsWith("goroutine profile (debug=0): 403 goroutines\n");
    Result empty = run("summary", base + "/empty");
    assertThat(empty.code()).isEqualTo(3);
    assertThat(empty.err()).isEqualTo("goroutines: " + base + "/empty answered with an empty body, "
        + "not a goroutine profile (the endpoint is /debug/pprof/goroutine)\n");
  }

  @Test
  void gzippedTextIsText(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("dump.txt.gz");
    Files.write(gz, gzip(Fixtures.read("1.27", "later.debug2.txt")));
    Result r = run("summary", gz.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("goroutine profile (debug=2): 403 goroutines\n")
        .contains("  parse: read from gzip-compressed text\n");
    Result piped = run(gzip(Fixtures.read("1.27", "later.debug1.txt")), "top", "-");
    assertThat(piped.code()).isZero();
    assertThat(piped.out()).contains("of 403 total");
    Path twice = dir.resolve("twice.gz");
    Files.write(twice, gzip(gzip(Fixtures.read("1.27", "later.debug2.txt"))));
    Result nested = run("summary", twice.toString());
    assertThat(nested.code()).isEqualTo(2);
    assertThat(nested.err()).contains("gzip inside gzip").contains("byte offset 0");
  }

  @Test
  void aWatchGoesOnAfterAFailedSnapshot() {
    Result r = run("diff", "--watch", base + "/flaky", "--every", "0s", "--count", "3");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).startsWith("snapshot 1: 403 goroutines\nsnapshot 2: failed\n"
        + "snapshot 3: 403 goroutines\nGoroutines per snapshot: 403 -> 403 (+0)\n");
    assertThat(r.err()).isEqualTo("goroutines: snapshot 2 failed: HTTP 503 from " + base
        + "/flaky: overloaded\n"
        + "goroutines: 2 of 3 snapshots taken; the others failed\n");
    Result none = run("diff", "--watch", base + "/empty", "--every", "0s", "--count", "2");
    assertThat(none.code()).isEqualTo(3);
    assertThat(none.err()).endsWith("goroutines: 0 of 2 snapshots taken: too few to compare\n");
  }

  @Test
  void everyOptionIsCheckedInOneLine() {
    String dump = example("leaky-later.debug2.txt");
    String[][] cases = {
        {"--limit must be 0 or more, not -1", "top", "--limit", "-1", dump},
        {"--limit must be 0 or more, not -1", "traces", "--limit", "-1", dump},
        {"--limit must be at least 1, not -1", "summary", "--limit", "-1", dump},
        {"--limit must be at least 1, not 0", "find", "--limit", "0", "main.ticker", dump},
        {"--limit must be at least 1, not -5", "json", "--limit", "-5", dump},
        {"--limit must be at least 1, not 0", "diff", "--limit", "0", dump, dump},
        {"--timeout must be from 1 ms to 24h, not 99999999999999999999999s", "summary",
            "--timeout", "99999999999999999999999s", dump},
        {"--timeout must be from 1 ms to 24h, not 9223372036854775807m", "summary",
            "--timeout", "9223372036854775807m", dump},
        {"--timeout takes a duration such as 500ms, 30s or 2m, not '5 minutes'", "summary",
            "--timeout", "5 minutes", dump},
        {"--every must be from 0 s to 24h, not 25h", "diff", "--watch", base + "/flaky",
            "--every", "25h"},
        {"--count must be at least 2, not 1", "diff", "--watch", base + "/flaky", "--count", "1"},
        {"--max-bytes must be at least 1, not -1", "summary", "--max-bytes", "-1", dump},
        {"--threads must be from 1 to 64, not 0", "summary", "--threads", "0", dump},
        {"--min-wait must be 0 or more minutes, not -3", "summary", "--min-wait", "-3", dump},
    };
    for (String[] c : cases) {
      String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(r.err()).as(String.join(" ", args)).isEqualTo("goroutines: " + c[0] + "\n");
    }
  }

  @Test
  void terminalEscapesInNamesAreShownEscaped() {
    byte[] dump = ("goroutine 1 [chan receive, 5 minutes]:\n"
        + "main.evil\u001b[31mRED\u001b]0;title\u0007()\n\t/app/main.go:10 +0x1\n"
        + "created by main.spawn\u202e in goroutine 2\n\t/app/main.go:5 +0x2\n\n"
        + "goroutine 2 [running]:\nmain.main()\n\t/app/main.go:3 +0x3\n")
        .getBytes(StandardCharsets.UTF_8);
    for (String[] args : new String[][] {{"top", "-"}, {"summary", "-"}, {"traces", "-"},
        {"find", "--prefix", "main.evil", "-"}}) {
      Result r = run(dump, args);
      assertThat(r.code()).as(String.join(" ", args)).isZero();
      // a site key writes bracket groups as [...], as for generics; the name stays escaped
      assertThat(r.out()).as(String.join(" ", args))
          .contains(args[0].equals("summary") ? "main.evil\\x1b[...]0;title\\x07"
              : "main.evil\\x1b[31mRED\\x1b]0;title\\x07")
          .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
    }
    assertThat(run(dump, "summary", "--group", "creator", "-").out()).contains("main.spawn\\u202e");
  }

  @Test
  void topSaysWhatTheParseSkipped() {
    Result r = run("top", fixture("1.23", "crash.traceback-crash.txt"));
    assertThat(r.code()).isZero();
    assertThat(r.err()).startsWith("goroutines: parse: ").contains("outside goroutine blocks");
  }

  @Test
  void aHealthyServerPassesTheLeakCheck() {
    for (String v : new String[] {"1.19", "1.21", "1.23", "1.25", "1.27"}) {
      for (String format : new String[] {"debug0.pb.gz", "debug1.txt", "debug2.txt"}) {
        Result r = run("summary", "--fail-on-suspects", fixture(v, "healthy." + format));
        assertThat(r.code()).as("go%s healthy.%s", v, format).isZero();
        assertThat(r.out()).contains("Leak suspects: none");
      }
    }
  }

  @Test
  void expectedGoroutinesAndTheThresholdOfACheck(@TempDir Path dir) throws IOException {
    String first = example("leaky-first.pb.gz");
    String later = example("leaky-later.pb.gz");
    assertThat(run("summary", "--fail-on-suspects", first, later).code()).isEqualTo(4);
    assertThat(run("summary", "--fail-on-suspects=50", first, later).code()).isEqualTo(4);
    // the leak scores 55.8: a higher threshold passes
    assertThat(run("summary", "--fail-on-suspects", "60", first, later).code()).isZero();
    Result ignored = run("summary", "--ignore-top", "main.handleRequest.func1", "--ignore",
        "main.setup*", "--fail-on-suspects", first, later);
    assertThat(ignored.code()).as(ignored.out()).isZero();
    assertThat(ignored.out()).contains("Leak suspects: none")
        .contains("  139 goroutines ignored by the rules, not considered\n");
    Path rules = dir.resolve("expected.txt");
    Files.writeString(rules, "# known in this service\nignore-top main.handleRequest.func1\n"
        + "ignore main.setup*\n");
    Result fromFile = run("summary", "--ignore-file", rules.toString(), "--fail-on-suspects",
        first, later);
    assertThat(fromFile.code()).isZero();
    assertThat(fromFile.out()).isEqualTo(ignored.out());
    Result json = run("json", "--report", "summary", "--ignore-file", rules.toString(),
        "--fail-on-suspects", first, later);
    assertThat(json.code()).isZero();
    assertThat(json.out()).contains("\"ignored\" : 139");
    Result low = run("summary", "--fail-on-suspects=5", first);
    assertThat(low.code()).isEqualTo(1);
    assertThat(low.err()).isEqualTo("goroutines: --fail-on-suspects takes a score of at least 20 "
        + "(the least score of a suspect), not 5.0\n");
    Files.writeString(rules, "skip main.x\n");
    Result bad = run("summary", "--ignore-file", rules.toString(), first);
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo("goroutines: --ignore-file " + rules + ": line 1 is not "
        + "'ignore FUNCTION', 'ignore-top FUNCTION' or 'ignore-idle-connections': skip main.x\n");
  }

  @Test
  void growthHasItsRateWhenTheTimesAreKnown() {
    Result strict = run("diff", "--strict", example("leaky-later.pb.gz"),
        example("leaky-first.pb.gz"));
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err()).startsWith("goroutines: snapshot 2 was taken at ")
        .contains(", before snapshot 1 (").contains("): give them oldest first (")
        .endsWith("leaky-first.pb.gz)\n");
    Result r = run("diff", example("leaky-later.pb.gz"), example("leaky-first.pb.gz"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Goroutines per snapshot: 323 -> 403 (+80) in 1 min 1 s "
        + "(+1.3/s)\n  snapshots put in the order they were taken\n")
        .contains("     +80  40 -> 120            " + LEAK + "  +1.3/s\n");
  }

  @Test
  void aCrashLogsSummaryStartsWithItsHeadline() {
    Result r = run("summary", fixture("1.27", "crash.panic.txt"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("panic: fixture crash: all goroutines follow\n"
        + "  in goroutine 1 [running] at main.main example.com/leaky/v2/main.go:278\n\n"
        + "goroutine profile (debug=2): 323 goroutines\n");
    Result log = run("summary", fixture("1.27", "multi.log.txt"));
    assertThat(log.out()).startsWith("panic: fixture crash after two dumps\n"
        + "  in goroutine 1 [running] at main.serviceLog example.com/leaky/v2/main.go:323\n\n"
        + "goroutine profile (debug=2): 55 goroutines, 3 snapshots: 48 -> 56 -> 55\n");
    Result json = run("json", "--report", "summary", fixture("1.27", "crash.sigquit.txt"));
    assertThat(json.out()).contains("\"crash\" : {").contains("\"SIGQUIT: quit\"");
  }

  @Test
  void groupsAnyWayAndTheTreeOfCreators() {
    String dump = fixture("1.27", "later.debug2.txt");
    Result creators = run("groups", dump);
    assertThat(creators.code()).isZero();
    assertThat(creators.out()).startsWith("Goroutines by creator: 403 in 32 groups\n"
        + "     150  37.2%  main.setup example.com/leaky/v2/main.go:137\n"
        + "                 [sync.Mutex.Lock]  waiting 1 min\n"
        + "     120  29.8%  main.handleRequest example.com/leaky/v2/main.go:85\n"
        + "                 [chan send]  waiting 1 min\n");
    Result labels = run("groups", "-g", "label:job", fixture("1.27", "later.debug0.pb.gz"));
    assertThat(labels.out()).startsWith("Goroutines by label:job: 403 in 2 groups\n")
        .contains("       3   0.7%  sync\n                 [chan receive]\n");
    Result tree = run("tree", "--limit", "2", dump);
    assertThat(tree.code()).isZero();
    assertThat(tree.out()).isEqualTo("Goroutines by the go statement that created them:\n"
        + "     150       150 blocked  main.setup example.com/leaky/v2/main.go:137 (goroutine 1)\n"
        + "     120       120 blocked  main.handleRequest example.com/leaky/v2/main.go:85 "
        + "(goroutine 1)\n"
        + "  ... and 29 more sites\n"
        + "\n"
        + "Goroutines that created the most, directly or through their children:\n"
        + "     402  goroutine 1 [running] at main.writeProfile example.com/leaky/v2/main.go:259: "
        + "398 children, 397 of them blocked\n"
        + "       3  goroutine 278 [chan receive] at main.chain example.com/leaky/v2/main.go:121: "
        + "1 children, 1 of them blocked\n"
        + "  ... and 3 more creators\n");
    assertThat(run("tree", fixture("1.27", "later.debug0.pb.gz")).out())
        .isEqualTo("No creators: only debug=2 dumps say which go statement created each "
            + "goroutine.\n");
    assertThat(run("groups", "--limit", "0", dump).err())
        .isEqualTo("goroutines: --limit must be at least 1, not 0\n");
  }

  @Test
  void aWatchKeepsItsSnapshotsAndEndsWithAVerdict(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("snapshots");
    Result r = run("diff", "--watch", base + "/debug/pprof/goroutine?debug=2", "--every", "0s",
        "--count", "2", "--save", saved.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("snapshot 1: 403 goroutines (saved as "
        + saved.resolve("snapshot-1.txt") + ")\n"
        + "snapshot 2: 403 goroutines (saved as " + saved.resolve("snapshot-2.txt") + ")\n");
    // the watch's clock gives the rate of text snapshots; the verdict closes the series
    assertThat(r.out()).containsPattern("Goroutines per snapshot: 403 -> 403 \\(\\+0\\) in \\d+ m?s");
    assertThat(r.out()).contains("\nLeak suspects:\n  1. ");
    assertThat(Files.readAllBytes(saved.resolve("snapshot-2.txt")))
        .isEqualTo(Fixtures.read("1.27", "later.debug2.txt"));
    Result proto = run("diff", "--watch", base + "/debug/pprof/goroutine", "--every", "0s",
        "--count", "2", "--save", saved.toString());
    assertThat(proto.code()).isZero();
    assertThat(Files.readAllBytes(saved.resolve("snapshot-1.pb.gz")))
        .isEqualTo(Fixtures.read("1.27", "later.debug0.pb.gz"));
    Result flaky = run("diff", "--watch", base + "/flaky", "--every", "0s", "--count", "3",
        "--save", dir.resolve("flaky").toString());
    assertThat(flaky.code()).isEqualTo(3);
    try (var files = Files.list(dir.resolve("flaky"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly("snapshot-1.pb.gz", "snapshot-3.pb.gz");
    }
  }

  /**
   * Issue 11's measure: the examples' leak leads the suspects in every pairing of formats on every
   * Go version, with its rate. Text says no time: --interval gives it, anchored at a protobuf's.
   */
  @Test
  void theLeakLeadsInEveryPairingOfFormatsWithItsRate() {
    List<String> formats = List.of("debug0.pb.gz", "debug1.txt", "debug2.txt");
    for (String v : Fixtures.GO_VERSIONS) {
      for (String a : formats) {
        for (String b : formats) {
          Result r = run("summary", "--interval", "61s", fixture(v, "first." + a),
              fixture(v, "later." + b));
          String pairing = "go" + v + " first." + a + " later." + b;
          assertThat(r.code()).as(pairing).isZero();
          assertThat(r.out()).as(pairing).contains("\nLeak suspects:\n  1. " + LEAK + "  [score ");
          String growth = r.out().substring(r.out().indexOf("  1. " + LEAK)).lines().skip(1)
              .findFirst().orElseThrow();
          if (a.endsWith(".pb.gz") && b.endsWith(".pb.gz")) {
            // both say when they were taken: their own times win over the option
            assertThat(growth).as(pairing).matches(
                "       - grew 40 -> 120 \\(\\+80\\) over 2 snapshots in 1 min \\d+ s "
                    + "\\(\\+1\\.\\d/s\\) \\(\\+40\\.0\\)");
          } else {
            assertThat(growth).as(pairing).isEqualTo("       - grew 40 -> 120 (+80) over 2 "
                + "snapshots in 1 min 1 s (+1.3/s) (+40.0)");
          }
        }
      }
    }
  }

  @Test
  void textSnapshotsTakeTheirTimesFromTheFilesOrAnInterval(@TempDir Path dir)
      throws IOException {
    Path first = Files.write(dir.resolve("first.txt"), Fixtures.read("1.21", "first.debug1.txt"));
    Path later = Files.write(dir.resolve("later.txt"), Fixtures.read("1.21", "later.debug2.txt"));
    Instant at = Instant.parse("2026-12-03T10:00:00Z");
    Files.setLastModifiedTime(first, FileTime.from(at));
    Files.setLastModifiedTime(later, FileTime.from(at.plusSeconds(300)));
    Result untimed = run("diff", first.toString(), later.toString());
    assertThat(untimed.out()).startsWith("Goroutines per snapshot: 323 -> 403 (+80)\n");
    Result files = run("diff", "--file-times", first.toString(), later.toString());
    assertThat(files.out()).startsWith("Goroutines per snapshot: 323 -> 403 (+80) in 5 min "
        + "(+16.0/min)\n").contains("     +80  40 -> 120            " + LEAK + "  +16.0/min\n");
    // given newest first, the files' times put them back in order, and say so
    Result swapped = run("summary", "--file-times", later.toString(), first.toString());
    assertThat(swapped.out()).contains(", 2 snapshots: 323 -> 403 in 5 min (+16.0/min)\n"
        + "  snapshots put in the order they were taken\n");
    Result json = run("json", "--report", "diff", "--interval", "2m", first.toString(),
        later.toString());
    assertThat(json.out()).contains("\"elapsedSeconds\" : 120.0,");
    // a log of periodic dumps: one file, so only an interval separates its snapshots
    Result log = run("summary", "--interval", "30s", fixture("1.27", "multi.log.txt"));
    assertThat(log.out()).containsPattern(" snapshots: [0-9 >-]+ in \\d+ (min|s)");

    assertThat(run("summary", "--interval", "0s", first.toString()).err())
        .isEqualTo("goroutines: --interval must be from 1 ms to 24h, not 0s\n");
    assertThat(run("summary", "--interval", "5m", "--file-times", first.toString()).err())
        .isEqualTo("goroutines: give --file-times or --interval, not both\n");
    Result watch = run("diff", "--watch", "http://localhost:1/", "--interval", "5m");
    assertThat(watch.code()).isEqualTo(1);
    assertThat(watch.err()).isEqualTo("goroutines: --watch times its snapshots by its own clock; "
        + "--file-times and --interval are for inputs read from files\n");
  }

  @Test
  void convertToEveryFormat(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("p.pb.gz");
    Result pprof = run("convert", "--to", "pprof", "--state", "chan_send", "-o", out.toString(),
        fixture("1.21", "later.debug2.txt"));
    assertThat(pprof.code()).as(pprof.err()).isZero();
    var back = io.github.goroutines.GoroutineProfiles.parse(out);
    assertThat(back.totalCount()).isEqualTo(122); // the filter applies
    assertThat(back.samples()).allSatisfy(s ->
        assertThat(s.labels().asMap()).containsEntry("state_class", List.of("CHAN_SEND")));
    // bytes on standard output, where it takes them
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"convert", "--to", "pprof", "--no-dump-labels",
        "--goroutine-ids", "-o", "-", fixture("1.21", "later.debug2.txt")},
        new Io(new ByteArrayInputStream(new byte[0]), true, new PrintWriter(new StringWriter()),
            new PrintWriter(err), bytes));
    assertThat(code).as(err.toString()).isZero();
    var ids = io.github.goroutines.GoroutineProfiles.parse(bytes.toByteArray());
    assertThat(ids.samples()).hasSize(403).allSatisfy(s ->
        assertThat(s.labels().list()).singleElement().satisfies(l -> {
          assertThat(l.key()).isEqualTo("goroutine_id");
          assertThat(l.numeric()).isTrue();
        }));
    Result json = run("convert", "--to", "json", "-o", "-", fixture("1.21", "later.debug2.txt"));
    assertThat(json.out()).startsWith("{").contains("\"arguments\"");
    Result debug2 = run("convert", "--to", "debug2", "-o", "-", fixture("1.21", "crash.panic.txt"));
    assertThat(io.github.goroutines.GoroutineProfiles.parse(debug2.out()
        .getBytes(StandardCharsets.UTF_8)).goroutines()).hasSize(323);
    assertThat(run("convert", "--to", "debug2", "-o", "-", fixture("1.21", "later.debug0.pb.gz"))
        .err()).isEqualTo("goroutines: a PROTO profile counts stacks and has no goroutines to "
            + "write as debug=2 text\n");
    Result folded = run("convert", "--to", "folded", "--root", "state", "-o", "-",
        fixture("1.21", "later.debug1.txt"));
    assertThat(folded.out()).contains("\nio wait;");
    assertThat(run("convert", "--to", "pprof", "-o", "-", fixture("1.21", "later.debug2.txt"))
        .err()).isEqualTo("goroutines: this standard output takes text only: write pprof to a "
            + "file\n");
    assertThat(run("convert", "--to", "folded", "--root", "x", "-o", "-",
        fixture("1.21", "later.debug2.txt")).err())
        .isEqualTo("goroutines: --root takes none, state or state-class, not 'x'\n");
    Result unwritable = run("convert", "--to", "folded", "-o", dir.resolve("no/such/dir/f").toString(),
        fixture("1.21", "later.debug2.txt"));
    assertThat(unwritable.code()).isEqualTo(1);
    assertThat(unwritable.err()).startsWith("goroutines: cannot write " + dir.resolve("no/such/dir/f"));
  }

  @Test
  void filterCutsADumpDownInItsOwnFormat(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("senders.txt");
    Result r = run("filter", "--state", "chan_send", "--min-wait", "1", "-o", out.toString(),
        fixture("1.27", "later.debug2.txt"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("goroutines: wrote " + out + " (debug=2): 122 goroutines\n");
    var back = io.github.goroutines.GoroutineProfiles.parse(out);
    assertThat(back.format()).isEqualTo(io.github.goroutines.model.ProfileFormat.DEBUG2);
    assertThat(back.goroutines()).hasSize(122).allSatisfy(g -> {
      assertThat(g.stateClass()).isEqualTo(io.github.goroutines.model.StateClass.CHAN_SEND);
      assertThat(g.waitMinutes()).hasValue(1);
    });
    // the calls are written back as Go printed them, arguments and all
    assertThat(Files.readString(out)).contains("\nmain.handleRequest.func1()\n\texample.com/leaky"
        + "/v2/main.go:87 +0x46\ncreated by main.handleRequest in goroutine 1\n");
    Result found = run("filter", "--find", "sync.(*WaitGroup).Wait", "-o", "-",
        fixture("1.21", "later.debug2.txt"));
    assertThat(found.out()).startsWith("goroutine ").contains("\nmain.ticker(0x");
    assertThat(io.github.goroutines.GoroutineProfiles.parse(
        found.out().getBytes(StandardCharsets.UTF_8)).goroutines()).hasSize(1);
    Path proto = dir.resolve("senders.pb.gz");
    assertThat(run("filter", "--state", "chan_send", "-o", proto.toString(),
        fixture("1.27", "later.debug0.pb.gz")).code()).isZero();
    assertThat(io.github.goroutines.GoroutineProfiles.parse(proto).totalCount()).isEqualTo(122);
    Result debug1 = run("filter", "--state", "io_wait", "-o", "-", fixture("1.27",
        "later.debug1.txt"));
    assertThat(debug1.out()).startsWith("goroutine profile: total 2\n1 @ 0x");
    assertThat(io.github.goroutines.GoroutineProfiles.parse(debug1.out()
        .getBytes(StandardCharsets.UTF_8)).totalCount()).isEqualTo(2);
    Result asDebug1 = run("convert", "--to", "debug1", "-o", "-", fixture("1.27",
        "later.debug0.pb.gz"));
    assertThat(io.github.goroutines.GoroutineProfiles.parse(asDebug1.out()
        .getBytes(StandardCharsets.UTF_8)).totalCount()).isEqualTo(403);
  }

  @Test
  void redactForSharingWithAMappingToTranslateBack(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("shared.txt");
    Result r = run("redact", "-o", out.toString(), fixture("1.25", "later.debug2.txt"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("goroutines: wrote " + out + " (debug=2, redacted): 403 "
        + "goroutines; ").endsWith(" replacements in " + out + ".mapping.tsv\n");
    String text = Files.readString(out);
    assertThat(text).doesNotContain("example.com/leaky").doesNotContain("handleRequest");
    List<String> mapping = Files.readAllLines(Path.of(out + ".mapping.tsv"));
    assertThat(mapping.get(0)).isEqualTo("kind\toriginal\treplacement");
    String handler = mapping.stream().filter(l -> l.startsWith("function\tmain.handleRequest\t"))
        .findFirst().orElseThrow().split("\t")[2];
    String file = mapping.stream().filter(l -> l.startsWith("file\texample.com/leaky/v2/main.go\t"))
        .findFirst().orElseThrow().split("\t")[2];
    // the same report, other names: the leak's site is the mapped one
    assertThat(run("summary", out.toString()).out())
        .contains("     120  29.8%  main." + handler + ".func1 " + file + ":87\n");
    assertThat(run("redact", "-o", "-", fixture("1.25", "later.debug2.txt")).err())
        .isEqualTo("goroutines: redact -o - needs --mapping FILE: the replacements are what "
            + "translates a report back\n");
    Result toStdout = run("redact", "-o", "-", "--mapping", dir.resolve("m.tsv").toString(),
        fixture("1.25", "later.debug2.txt"));
    assertThat(toStdout.out()).startsWith("goroutine ").isEqualTo(text);
    assertThat(run("redact", "-o", "-", "--mapping", "-", fixture("1.25", "later.debug2.txt"))
        .code()).isEqualTo(1);
    Path kept = dir.resolve("kept.txt");
    run("redact", "--keep", "example.com/leaky/v2/pool", "-o", kept.toString(),
        fixture("1.25", "later.debug2.txt"));
    assertThat(Files.readString(kept)).contains("example.com/leaky/v2/pool%2ev3.").doesNotContain(
        "main.handleRequest");
  }
}
