package io.github.goroutines.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the test inputs shared by every module: the real-Go fixtures under {@code testdata/} (made
 * by {@code testdata/make.sh}, committed) and the public corpus beside the checkout
 * ({@code ../shared/corpus/public}, not committed: tests over it are skipped, loudly, without it).
 */
public final class Fixtures {
  /** The Go versions the fixtures were generated with, oldest first. */
  public static final List<String> GO_VERSIONS = List.of("1.19", "1.21", "1.23", "1.25", "1.27");

  private Fixtures() {}

  /** The minor version of a Go version string: 23 for "1.23". */
  public static int minor(String goVersion) {
    return Integer.parseInt(goVersion.substring(goVersion.indexOf('.') + 1));
  }

  /** The project's {@code testdata} folder. */
  public static Path testdata() {
    String configured = System.getProperty("goroutines.testdata");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("testdata/gen"))) {
        return dir.resolve("testdata");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("testdata folder not found above " + Path.of("").toAbsolutePath());
  }

  /** A fixture file of one Go version, e.g. {@code read("1.23", "first.debug2.txt")}. */
  public static byte[] read(String goVersion, String name) {
    return read(testdata().resolve("go" + goVersion).resolve(name));
  }

  /** Tells whether a fixture exists (some exist only for newer Go versions). */
  public static boolean exists(String goVersion, String name) {
    return Files.isRegularFile(testdata().resolve("go" + goVersion).resolve(name));
  }

  /** Reads a file. */
  public static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a fixture as text. */
  public static String text(String goVersion, String name) {
    return new String(read(goVersion, name), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A large real dump made of a fixture: its goroutine blocks {@code copies} times, the ids of copy
   * k raised by k * 1,000,000 so that none repeats (debug=2), or its records repeated under its one
   * header (debug=1, whose declared total then no longer matches).
   */
  public static byte[] repeated(String goVersion, String name, int copies) {
    String dump = text(goVersion, name);
    boolean debug1 = !dump.startsWith("goroutine ") || dump.startsWith("goroutine profile:");
    int first = debug1 ? dump.indexOf('\n') + 1 : 0;
    String blocks = dump.substring(first).stripTrailing() + "\n\n";
    java.util.regex.Pattern header = java.util.regex.Pattern.compile("(?m)^goroutine (\\d+) \\[");
    StringBuilder out = new StringBuilder(dump.substring(0, first));
    for (int copy = 0; copy < copies; copy++) {
      long offset = copy * 1_000_000L;
      out.append(debug1 ? blocks : header.matcher(blocks).replaceAll(
          m -> "goroutine " + (Long.parseLong(m.group(1)) + offset) + " ["));
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The shared public corpus; skips the calling test, with a message saying where it looked, when
   * the folder is absent.
   */
  public static Path corpusOrSkip() {
    String configured = System.getProperty("goroutines.corpus");
    Path corpus =
        configured != null
            ? Path.of(configured)
            : testdata().getParent().resolve("../shared/corpus/public").normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(corpus),
        "shared corpus not found at " + corpus.toAbsolutePath().normalize() + "; skipping");
    return corpus;
  }
}
