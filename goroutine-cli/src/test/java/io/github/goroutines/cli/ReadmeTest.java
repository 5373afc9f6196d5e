package io.github.goroutines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The outputs the README shows are what the commands print today: README.md and the code cannot
 * drift apart. After a change of a report, paste the new output (the failure message shows it).
 */
class ReadmeTest {
  static String block(String readme, String after) {
    int at = readme.indexOf(after);
    assertThat(at).as("README has %s", after).isNotNegative();
    int start = readme.indexOf("```text\n", at) + "```text\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  static String run(String... args) {
    StringWriter out = new StringWriter();
    Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), true, new PrintWriter(out),
        new PrintWriter(new StringWriter())));
    return out.toString();
  }

  @Test
  void readmeShowsTheRealOutputOfTheExamples() throws IOException {
    Path root = Fixtures.testdata().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String first = root.resolve("examples/leaky-first.pb.gz").toString();
    assertThat(block(readme, "`summary` on the examples")).isEqualTo(
        run("summary", first, root.resolve("examples/leaky-later.debug2.txt").toString()));
    assertThat(block(readme, "`diff examples/leaky-first.pb.gz examples/leaky-later.pb.gz`"))
        .isEqualTo(run("diff", first, root.resolve("examples/leaky-later.pb.gz").toString()));
    assertThat(readme).contains("java -jar goroutine-cli/target/goroutines.jar summary "
        + "examples/leaky-first.pb.gz examples/leaky-later.debug2.txt");
  }
}
