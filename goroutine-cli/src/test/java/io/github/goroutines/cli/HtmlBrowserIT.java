package io.github.goroutines.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.goroutines.testing.DebianTools;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code html} command of the built jar, opened in headless Chromium (Debian's {@code chromium};
 * installed with {@code apt-get} when it is absent and this process may install packages): the DOM
 * after the page's script ran, and a screenshot.
 */
class HtmlBrowserIT {
  static Path chromium;

  @BeforeAll
  static void findOrInstallChromium() throws Exception {
    chromium = DebianTools.find("chromium", "chromium", "HtmlBrowserIT");
    assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium)");
  }

  /** Chromium headless on a page, with the given mode arguments; standard output returned. */
  static String chromium(Path page, String fragment, String... mode) throws Exception {
    return chromium(page.toUri() + fragment, mode);
  }

  /** Chromium headless on a URL, with the given mode arguments; standard output returned. */
  static String chromium(String url, String... mode) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--virtual-time-budget=5000", "--window-size=1300,1800"));
    command.addAll(List.of(mode));
    command.add(url);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    java.util.concurrent.CompletableFuture<byte[]> out =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return p.getInputStream().readAllBytes();
          } catch (java.io.IOException e) {
            return new byte[0];
          }
        });
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      // a page that never finishes (a script's alert() waits for a person): what it printed
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    return new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
  }

  static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theExamplesReportShowsTheLeakFirstAndSearches(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("r.html");
    JarIT.Run run = JarIT.run("html", JarIT.example("leaky-first.pb.gz"),
        JarIT.example("leaky-later.debug2.txt"), "-o", page.toString());
    assertThat(run.code()).isZero();
    assertThat(run.err()).startsWith("goroutines: wrote " + page + " (html, ");
    String html = Files.readString(page);

    String dom = chromium(page, "#search=handleRequest", "--dump-dom");
    // every rectangle of the file is in the page the browser built
    String frame = "<g class=\"f(?: match| dim)*\"";
    int rectangles = count(html, frame);
    assertThat(rectangles).isGreaterThan(100);
    assertThat(count(dom, frame)).isEqualTo(rectangles);
    // the script ran: the search of the fragment matched the leak's 120 goroutines
    assertThat(dom).contains("<span id=\"matched\">120 goroutines (29.8%)</span>");
    assertThat(count(dom, "<g class=\"f match\"")).isGreaterThan(0);
    // the leak is the first suspect, and the widest growing block of the difference graph
    Matcher first = Pattern.compile("<li class=\"suspect\"><b class=\"site\">([^<]*)</b>: (\\d+)")
        .matcher(dom);
    assertThat(first.find()).isTrue();
    assertThat(first.group(1)).isEqualTo(JarIT.LEAK);
    assertThat(first.group(2)).isEqualTo("120");
    assertThat(widestGrowing(dom)).isEqualTo("main.handleRequest.func1");
    assertThat(dom).contains("<h1 id=\"headline\">goroutine profile (debug=2): 403 goroutines, 2"
        + " snapshots: 323 -&gt; 403</h1>");
    assertThat(dom).contains("id=\"growth\"").contains("class=\"series\"");

    Path png = dir.resolve("r.png");
    chromium(page, "", "--screenshot=" + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1300);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as("a screenshot that is not blank").hasSizeGreaterThan(20);
  }

  /** The function of the widest red (grown) rectangle of the difference graph. */
  private static String widestGrowing(String dom) {
    String diff = dom.substring(dom.indexOf("<svg class=\"flame\" id=\"diff\""));
    diff = diff.substring(0, diff.indexOf("</svg>"));
    Matcher m = Pattern.compile("<g class=\"f\" data-fn=\"([^\"]*)\" data-x=\"\\d+\" data-n=\"(\\d+)"
        + "\" data-d=\"(\\d+)\"><rect [^>]*fill=\"#d9534f\"").matcher(diff);
    String best = null;
    long most = -1;
    while (m.find()) {
      if (!m.group(3).equals("0") && Long.parseLong(m.group(2)) > most) {
        most = Long.parseLong(m.group(2));
        best = m.group(1);
      }
    }
    return best;
  }

  @Test
  void textOfTheDumpStaysText(@TempDir Path dir) throws Exception {
    Path dump = dir.resolve("hostile.debug1.txt");
    Files.writeString(dump, "goroutine profile: total 2\n"
        + "2 @ 0x1 0x2\n"
        + "# labels: {\"user\":\"</script><script>document.title='pwned'</script>\"}\n"
        + "#\t0x1\tmain.<b>bold</b>+0x1\t/x.go:1\n"
        + "#\t0x2\tmain.main+0x1\t/x.go:2\n\n");
    Path page = dir.resolve("h.html");
    assertThat(JarIT.run("html", dump.toString(), "-o", page.toString()).code()).isZero();
    String dom = chromium(page, "", "--dump-dom");
    assertThat(dom).contains("<title>goroutines: 2 goroutines</title>");
    assertThat(dom).doesNotContain("pwned</title>").doesNotContain("<b>bold</b>");
    assertThat(dom).contains("&lt;/script&gt;&lt;script&gt;document.title=");
    assertThat(dom).contains("main.&lt;b&gt;bold&lt;/b&gt;");
  }
}
