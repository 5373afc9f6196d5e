package io.github.goroutines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jar users run ({@code goroutine-cli/target/goroutines.jar}, built by {@code package}), started
 * as a separate process for every command and report, on every example, on standard input, on logs
 * with several dumps, and in a heap too small for its input. No run may print a stack trace.
 */
class JarIT {
  static final String LEAK = "main.handleRequest.func1 example.com/leaky/v2/main.go:87";
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int code, String out, String err) {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("goroutines.jar", "target/goroutines.jar"));
    assertThat(jar).as("the packaged jar (run mvn verify)").isRegularFile();
    return jar;
  }

  static Path examples() {
    return Fixtures.testdata().getParent().resolve("examples");
  }

  static String example(String name) {
    return examples().resolve(name).toString();
  }

  /** Runs {@code java [jvmOptions] -jar goroutines.jar args}, standard input from {@code stdin}. */
  static Run java(List<String> jvmOptions, ProcessBuilder.Redirect stdin, byte[] piped,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectInput(stdin).start();
      CompletableFuture<byte[]> out = drain(p.getInputStream());
      CompletableFuture<byte[]> err = drain(p.getErrorStream());
      try (OutputStream in = stdin == ProcessBuilder.Redirect.PIPE ? p.getOutputStream() : null) {
        if (in != null && piped != null) {
          in.write(piped);
        }
      } catch (IOException e) {
        // the process may exit before it reads everything; its exit code tells
      }
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
      Run run = new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
      assertThat(run.err() + run.out()).as("no stack trace from %s", List.of(args))
          .doesNotContain("Exception in thread")
          // a Java frame, "\tat pkg.Class.method(Class.java:12)"; not a suspect's "at main.(*T).M"
          .doesNotContainPattern("(?m)^\\s+at [\\w$./@-]+\\((?:[\\w$]+\\.java:\\d+|Native Method"
              + "|Unknown Source)\\)");
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Run run(String... args) {
    return java(List.of(), ProcessBuilder.Redirect.PIPE, new byte[0], args);
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static Stream<String> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(examples())) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("README.md")).sorted().toList();
      assertThat(names).hasSize(3);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void everyCommandOnEveryExample(String name) throws IOException {
    String file = example(name);
    long total = name.contains("first") ? 323 : 403;
    long leaked = name.contains("first") ? 40 : 120;
    String format = name.endsWith(".gz") ? "debug=0" : "debug=2";

    Run summary = run("summary", file);
    assertThat(summary.code()).isZero();
    assertThat(summary.out()).startsWith("goroutine profile (" + format + "): " + total
        + " goroutines\n").contains("Top blocking sites (first user frame):\n");
    assertThat(run(file).out()).isEqualTo(summary.out()); // summary is the default command

    Run top = run("top", "--limit", "3", file);
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("Showing top 3 nodes out of ");
    assertThat(top.out().lines().filter(l -> l.matches("\\s+\\d+ +[\\d.]+% .*"))).hasSize(3);

    Run traces = run("traces", "--limit", "2", file);
    assertThat(traces.code()).isZero();
    assertThat(traces.out().lines().filter(l -> l.startsWith("-----------+"))).hasSize(3);
    assertThat(traces.out()).containsPattern("  \\.\\.\\. and \\d+ more stacks \\(\\d+ goroutines\\)\n$");

    Run find = run("find", "main.handleRequest.func1", file);
    assertThat(find.code()).isZero();
    assertThat(find.out()).startsWith(leaked + " goroutines match = main.handleRequest.func1\n");
    Run near = run("find", "WaitGroup.Wait", file);
    assertThat(near.code()).isZero();
    assertThat(near.out()).isEqualTo("0 goroutines match = WaitGroup.Wait\n"
        + "Functions that contain it (give one of them, or use --prefix or --regex):\n"
        + "       1  sync.(*WaitGroup).Wait\n");

    Run groups = run("groups", "-g", "state-class", file);
    assertThat(groups.code()).isZero();
    assertThat(groups.out()).startsWith("Goroutines by state-class: " + total + " in ")
        .contains("  MUTEX\n");
    Run tree = run("tree", file);
    assertThat(tree.code()).isZero();
    assertThat(tree.out()).startsWith(format.equals("debug=2")
        ? "Goroutines by the go statement that created them:\n" : "No creators: ");

    JsonNode profile = json(run("json", file));
    assertThat(profile.get("kind").asText()).isEqualTo("profile");
    assertThat(profile.get("totalCount").asLong()).isEqualTo(total);
    JsonNode groupsJson = json(run("json", "--report", "groups", "--limit", "2", file));
    assertThat(groupsJson.get("groups")).hasSize(2);
    assertThat(groupsJson.get("groups").get(0).get("key").asText())
        .isEqualTo("main.(*Cache).LoadOrStore example.com/leaky/v2/main.go:49");
    JsonNode summaryJson = json(run("json", "--report", "summary", file));
    assertThat(summaryJson.get("totals").get(0).asLong()).isEqualTo(total);
    assertThat(summaryJson.get("grouping").asText()).isEqualTo("site");
  }

  static JsonNode json(Run run) throws IOException {
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void diffOfTheExamples() throws IOException {
    Run diff = run("diff", example("leaky-first.pb.gz"), example("leaky-later.pb.gz"));
    assertThat(diff.code()).isZero();
    assertThat(diff.out()).isEqualTo("Goroutines per snapshot: 323 -> 403 (+80) in 1 min 1 s "
        + "(+1.3/s)\n"
        + "Changes by site:\n"
        + "     +80  40 -> 120            " + LEAK + "  +1.3/s\n");
    JsonNode json = json(run("json", "--report", "diff", example("leaky-first.pb.gz"),
        example("leaky-later.debug2.txt")));
    assertThat(json.get("totals").toString()).isEqualTo("[323,403]");
    assertThat(json.get("rows").get(0).get("key").asText()).isEqualTo(LEAK);
    assertThat(json.get("rows").get(0).get("delta").asLong()).isEqualTo(80);
    // a text snapshot says no time: the interval, anchored at the protobuf's, gives the rate
    Run summary = run("summary", "--interval", "61s", example("leaky-first.pb.gz"),
        example("leaky-later.debug2.txt"));
    assertThat(summary.code()).isZero();
    assertThat(summary.out()).contains("2 snapshots: 323 -> 403 in 1 min 1 s (+1.3/s)\n")
        .contains("  1. " + LEAK + "  [score ")
        .contains("       - grew 40 -> 120 (+80) over 2 snapshots in 1 min 1 s (+1.3/s)");
  }

  /**
   * The launcher runs the jar with the class-data sharing archive the build made: the same report,
   * a faster start (README's performance section).
   */
  @Test
  void theLauncherUsesTheArchiveAndPrintsTheSameReport() throws Exception {
    Path archive = jar().resolveSibling("goroutines.jsa");
    assertThat(archive).as("the archive the build makes").isRegularFile();
    // -Xshare:on fails when the archive cannot be mapped: it is this JVM's and it is used
    Run shared = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"),
        ProcessBuilder.Redirect.PIPE, new byte[0], "--version");
    assertThat(shared.code()).as(shared.err()).isZero();
    Process p = new ProcessBuilder("sh", Path.of("goroutines").toString(), "summary",
        example("leaky-first.pb.gz"), example("leaky-later.debug2.txt"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEqualTo(run("summary", example("leaky-first.pb.gz"),
        example("leaky-later.debug2.txt")).out());
  }

  /** convert: pprof that reads back to the source's goroutines, folded stacks on standard output. */
  @Test
  void convertWritesPprofAndFoldedStacks(@TempDir Path dir) {
    Path pprof = dir.resolve("later.pb.gz");
    Run written = run("convert", "--to", "pprof", "-o", pprof.toString(),
        example("leaky-later.debug2.txt"));
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(written.err()).isEqualTo("goroutines: wrote " + pprof + " (pprof, "
        + pprof.toFile().length() + " bytes): 403 goroutines in 403 samples\n");
    var back = io.github.goroutines.GoroutineProfiles.parse(pprof);
    assertThat(back.totalCount()).isEqualTo(403);
    assertThat(back.samples()).anySatisfy(s -> {
      assertThat(s.count()).isEqualTo(120);
      assertThat(s.labels().asMap()).containsEntry("state", List.of("chan send"))
          .containsEntry("created_by", List.of("main.handleRequest example.com/leaky/v2/main.go:85"));
    });
    Run folded = run("convert", "--to", "folded", "--root", "state-class", "--fold-runtime",
        "-o", "-", example("leaky-later.pb.gz"));
    assertThat(folded.code()).isZero();
    assertThat(folded.out()).contains("chan send;main.handleRequest.func1 120\n");
    assertThat(folded.out().lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ')
        + 1))).sum()).isEqualTo(403);
  }

  /** filter: a dump cut down to the leak, as debug=2 text that reads back. */
  @Test
  void filterWritesTheMatchingGoroutinesOfADump(@TempDir Path dir) {
    Path out = dir.resolve("leak.txt");
    Run r = run("filter", "--find", "main.handleRequest.func1", "-o", out.toString(),
        example("leaky-later.debug2.txt"));
    assertThat(r.code()).as(r.err()).isZero();
    var back = io.github.goroutines.GoroutineProfiles.parse(out);
    assertThat(back.goroutines()).hasSize(120)
        .allSatisfy(g -> assertThat(g.state()).isEqualTo("chan send"));
    assertThat(run("summary", out.toString()).out()).contains("     120 100.0%  main.handleRequest"
        + ".func1 example.com/leaky/v2/main.go:87\n");
  }

  /** redact: the examples' dump without the program's names, and the table to translate back. */
  @Test
  void redactWritesADumpToShare(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("shared.txt");
    Run r = run("redact", "-o", out.toString(), example("leaky-later.debug2.txt"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).doesNotContain("example.com").doesNotContain("handleRequest")
        .contains("[chan send, 1 minutes]");
    assertThat(Files.readString(Path.of(out + ".mapping.tsv")))
        .contains("\nfile\texample.com/leaky/v2/main.go\tsrc/file");
    assertThat(io.github.goroutines.GoroutineProfiles.parse(out).totalCount()).isEqualTo(403);
  }

  @Test
  void standardInputWhenNoInputIsNamed() {
    Path dump = examples().resolve("leaky-later.debug2.txt");
    Run fromFile = java(List.of(), ProcessBuilder.Redirect.from(dump.toFile()), null, "summary");
    assertThat(fromFile.code()).isZero();
    assertThat(fromFile.out()).startsWith("goroutine profile (debug=2): 403 goroutines\n");
    Run piped = java(List.of(), ProcessBuilder.Redirect.PIPE, Fixtures.read(dump), "top", "-u");
    assertThat(piped.code()).isZero();
    assertThat(piped.out()).contains("main.(*Cache).LoadOrStore");
    Run dash = java(List.of(), ProcessBuilder.Redirect.PIPE, Fixtures.read(dump), "find",
        "main.ticker", "-");
    assertThat(dash.out()).startsWith("1 goroutines match = main.ticker\n");
    Run nothing = run();
    assertThat(nothing.code()).isEqualTo(1);
    assertThat(nothing.err()).startsWith("goroutines: no input given").contains("Usage: goroutines");
  }

  @Test
  void aLogOfSeveralDumpsIsASeries() throws IOException {
    String log = Fixtures.testdata().resolve("go1.27/multi.log.txt").toString();
    Run summary = run("summary", log);
    assertThat(summary.code()).isZero();
    // the log ends in a panic: its headline comes first
    assertThat(summary.out()).startsWith("panic: fixture crash after two dumps\n"
        + "  in goroutine 1 [running] at main.serviceLog example.com/leaky/v2/main.go:323\n\n"
        + "goroutine profile (debug=2): 55 goroutines, 3 snapshots: 48 -> 56 -> 55\n");
    assertThat(summary.out()).contains("grew 4 -> 12 -> 12 (+8) over 3 snapshots");
    Run diff = run("diff", log);
    assertThat(diff.code()).isZero();
    assertThat(diff.out()).startsWith("Goroutines per snapshot: 48 -> 56 -> 55 (+7)\n")
        .contains("+8  4 -> 12 -> 12");
    assertThat(json(run("json", "--report", "diff", log)).get("totals").toString())
        .isEqualTo("[48,56,55]");
    Run top = run("top", log);
    assertThat(top.code()).isZero();
    // the panic that ends the log is the last dump's headline: nothing of it was skipped
    assertThat(top.err()).isEqualTo("goroutines: 3 snapshots in the input; top shows the last one "
        + "(summary and diff show them all)\n");
    String cron = Fixtures.testdata().resolve("go1.19/multi.debug1.txt").toString();
    assertThat(run(cron).out()).startsWith(
        "goroutine profile (debug=1): 55 goroutines, 3 snapshots: 47 -> 51 -> 55\n");
  }

  @Test
  void aDumpAsItArrivesGivesTheSummaryOfTheCleanDump() {
    Path real = Fixtures.testdata().resolve("real-world");
    String clean = run("summary", real.resolve("clean.txt").toString()).out();
    assertThat(clean).startsWith("goroutine profile (debug=2): 56 goroutines\n");
    for (String name : List.of("github-actions.txt", "cri.log", "journald.txt",
        "windows-console.txt", "docker-json.log", "gotest.json")) {
      Run r = run("summary", real.resolve(name).toString());
      assertThat(r.code()).as(name).isZero();
      // the same report, but for the lines that say what was repaired
      assertThat(r.out().lines().filter(l -> !l.startsWith("  parse: ")).toList())
          .as(name).isEqualTo(clean.lines().toList());
    }
  }

  @Test
  void helpEverywhere() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("Commands:", "Without a command, goroutines runs summary:",
        "--fail-on-suspects", "Exit codes: 0 ok");
    for (String[] args : List.of(new String[] {"help", "summary"}, new String[] {"diff", "--help"},
        new String[] {"top", "-h"}, new String[] {"help", "json"}, new String[] {"find", "--help"},
        new String[] {"traces", "--help"}, new String[] {"groups", "--help"},
        new String[] {"help", "tree"})) {
      Run r = run(args);
      String command = args[0].equals("help") ? args[1] : args[0];
      assertThat(r.code()).as(List.of(args).toString()).isZero();
      assertThat(r.out()).startsWith("Usage: goroutines " + command + " ");
    }
    assertThat(run("--version").out()).startsWith("goroutines 0.");
  }

  @Test
  void whatIsNotAGoroutineProfileSaysWhatItIs(@TempDir Path dir) throws IOException {
    Run report = run(Fixtures.testdata().resolve("go1.27/later.pprof-top.txt").toString());
    assertThat(report.code()).isEqualTo(2);
    assertThat(report.err()).startsWith("goroutines: cannot parse ")
        .contains("not a goroutine profile: the text report of go tool pprof (-top)");
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Run none = run("summary", empty.toString());
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("not a goroutine profile: the input is empty");
  }

  /** The public corpus files that are not goroutine profiles, and what the error calls them. */
  static final Map<String, String> NOT_GOROUTINE_PROFILES = Map.of(
      "flameshow/threadcreate.out", "(a threadcreate profile: fetch /debug/pprof/goroutine instead)",
      "pprof/go.godoc.thread", "a threadcreate profile (debug=1 text)",
      "pprof/cppbench.thread", "a C++ threadz thread dump",
      "pprof/cppbench.thread.all", "a C++ threadz thread dump",
      "pprof/cppbench.thread.none", "a C++ threadz thread dump",
      "gostackparse/empty_input.txt", "the input is empty",
      "high_go_press/goroutine_profile.txt", "the text report of go tool pprof (-top)");

  /** Files of the public corpus that hold several dumps, and their goroutine counts. */
  static final Map<String, String> SERIES = Map.of(
      "Go-2/goroutine_dump.txt", "8 snapshots: 2 -> 2 -> 2 -> 2 -> 2 -> 2 -> 2 -> 2",
      "droute/panic.log", "6 snapshots: 6 -> 6 -> 6 -> 6 -> 6 -> 6",
      "go-profiler-notes/runtime-stack.txt", "2 snapshots: 5 -> 6",
      "gosrc-liveball/stack.log", "2 snapshots: 3 -> 3",
      "syzkaller-gvisor/0", "2 snapshots: 2 -> 1",
      "syzkaller-gvisor/2", "2 snapshots: 2 -> 1");

  static Stream<String> corpusFiles() throws IOException {
    Path corpus = Fixtures.corpusOrSkip();
    try (Stream<Path> files = Files.walk(corpus)) {
      List<String> names = files.filter(Files::isRegularFile)
          .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.equals("SOURCES.md")).sorted().toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(66);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void everyPublicFileGivesASummaryOrSaysWhatItIs(String name) {
    Run r = run("summary", Fixtures.corpusOrSkip().resolve(name).toString());
    if (NOT_GOROUTINE_PROFILES.containsKey(name)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("not a goroutine profile").contains(NOT_GOROUTINE_PROFILES.get(name))
          .contains("fetch /debug/pprof/goroutine");
      assertThat(r.err().lines()).hasSize(1);
      return;
    }
    assertThat(r.code()).as(r.err()).isZero();
    // a crash's headline comes first, then the profile's line
    String first = r.out().lines().filter(l -> l.startsWith("goroutine")).findFirst()
        .orElseThrow();
    assertThat(first).containsPattern("^goroutine(leak)? profile \\(debug=[012]\\)(: \\d+ "
        + "goroutines|, a delta: [+-]\\d+ goroutines in all)");
    if (SERIES.containsKey(name)) {
      assertThat(first).endsWith(", " + SERIES.get(name));
    } else {
      assertThat(first).doesNotContain("snapshots");
    }
  }

  @Test
  void aHeapTooSmallForTheInputIsOneLine(@TempDir Path dir) throws IOException {
    // 343 dumps of 403 goroutines (48 MB of real output) do not fit a 16 MB heap as a series
    byte[] dump = Fixtures.read(examples().resolve("leaky-later.debug2.txt"));
    Path big = dir.resolve("big.txt");
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int written = 0; written < 48 << 20; written += dump.length) {
        out.write(dump);
      }
    }
    Run r = java(List.of("-Xmx16m"), ProcessBuilder.Redirect.PIPE, new byte[0], "summary",
        big.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("goroutines: out of memory reading " + big)
        .contains("-Xmx").contains("--max-bytes");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aSlowAnswerEndsAtTheTimeoutAndNoPasswordIsPrinted() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/trickle", ex -> {
      ex.sendResponseHeaders(200, 0); // then a byte every 100 ms, for minutes
      try (OutputStream out = ex.getResponseBody()) {
        for (byte b : Fixtures.read(examples().resolve("leaky-later.debug2.txt"))) {
          out.write(b);
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the client gave up
      }
    });
    server.start();
    try {
      String url = "http://alice:hunter2@127.0.0.1:" + server.getAddress().getPort() + "/trickle";
      long start = System.nanoTime();
      Run r = run("summary", "--timeout", "2s", url);
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.err()).isEqualTo("goroutines: the answer of " + url.replace("hunter2", "***")
          + " was cut short: not complete within 2 s (raise --timeout)\n");
      assertThat(r.out() + r.err()).doesNotContain("hunter2");
      assertThat(seconds).as("seconds until the process ended").isLessThan(60);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aLeakCheckPassesOnAHealthyServerAndFailsOnTheLeak(@TempDir Path dir) throws IOException {
    Run healthy = run("summary", "--fail-on-suspects",
        Fixtures.testdata().resolve("go1.27/healthy.debug2.txt").toString());
    assertThat(healthy.code()).isZero();
    assertThat(healthy.out()).contains("Leak suspects: none");
    Run leak = run("summary", "--fail-on-suspects", example("leaky-first.pb.gz"),
        example("leaky-later.pb.gz"));
    assertThat(leak.code()).isEqualTo(4);
    assertThat(leak.out()).contains("  1. " + LEAK + "  [score 55.8]\n"
        + "       - grew 40 -> 120 (+80) over 2 snapshots in 1 min 1 s (+1.3/s) (+40.0)\n");
    Path rules = dir.resolve("rules");
    Files.writeString(rules, "ignore-top main.handleRequest.func1\nignore main.setup*\n");
    assertThat(run("summary", "--ignore-file", rules.toString(), "--fail-on-suspects",
        example("leaky-first.pb.gz"), example("leaky-later.pb.gz")).code()).isZero();
  }
}
