package io.github.goroutines.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.goroutines.testing.DebianTools;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folded stacks that {@code convert --to folded} writes, opened by speedscope itself: its
 * release 1.25.0 from the npm registry, served with the files on 127.0.0.1 and loaded in headless
 * Chromium with {@code #profileURL=}. speedscope names the page after the profile it imported
 * ({@code NAME - speedscope}), and does not for a file it cannot read.
 */
class SpeedscopeIT {
  static final String VERSION = "1.25.0";
  @TempDir
  static Path dir;
  static HttpServer server;

  @BeforeAll
  static void fetchSpeedscopeAndServe() throws Exception {
    HtmlBrowserIT.findOrInstallChromium();
    Path npm = DebianTools.find("npm", "npm", "SpeedscopeIT");
    assumeTrue(npm != null, "npm is not installed (apt-get install npm)");
    Process pack = new ProcessBuilder(npm.toString(), "pack", "speedscope@" + VERSION)
        .directory(dir.toFile()).redirectErrorStream(true).start();
    String packed = new String(pack.getInputStream().readAllBytes()).strip();
    assertThat(pack.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assumeTrue(pack.exitValue() == 0, "npm pack speedscope@" + VERSION + " failed: " + packed);
    Process untar = new ProcessBuilder("tar", "xzf", "speedscope-" + VERSION + ".tgz")
        .directory(dir.toFile()).inheritIO().start();
    assertThat(untar.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(dir.resolve("package/dist/release/index.html")).isRegularFile();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      exchange.getResponseHeaders().add("Content-Type", name.endsWith(".html") ? "text/html"
          : name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css"
          : name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** The title speedscope gives the page after it loaded {@code file}. */
  static String titleAfterLoading(String file, String name) throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    String dom = HtmlBrowserIT.chromium(base + "package/dist/release/index.html#profileURL="
        + base + file + "&title=" + name, "--dump-dom");
    Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(dom);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void speedscopeImportsTheFoldedStacksOfEveryExample() throws Exception {
    for (String example : new String[] {"leaky-first.pb.gz", "leaky-later.debug2.txt"}) {
      for (String root : new String[] {"none", "state-class"}) {
        String name = example.replaceAll("\\W", "-") + "-" + root;
        Path folded = dir.resolve(name + ".folded");
        JarIT.Run run = JarIT.run("convert", JarIT.example(example), "--to", "folded", "--root",
            root, "-o", folded.toString());
        assertThat(run.code()).isZero();
        // Brendan Gregg's format: "frame;frame;... count", counts summing to the total
        long sum = Files.readAllLines(folded).stream()
            .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(sum).isEqualTo(example.startsWith("leaky-first") ? 323 : 403);
        assertThat(titleAfterLoading(folded.getFileName().toString(), name))
            .as("speedscope imported %s", folded.getFileName()).isEqualTo(name + " - speedscope");
      }
    }
  }

  @Test
  void aFileSpeedscopeCannotReadGetsNoTitle() throws Exception {
    Files.writeString(dir.resolve("garbage.txt"), "this is no profile at all\n");
    assertThat(titleAfterLoading("garbage.txt", "garbage")).isNotEqualTo("garbage - speedscope");
  }
}
