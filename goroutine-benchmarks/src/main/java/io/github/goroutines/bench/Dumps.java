package io.github.goroutines.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark inputs made from the real fixtures: large dumps built by replicating real blocks with
 * fresh goroutine ids (debug=2) or fresh label values (debug=1), and real protobuf files.
 */
public final class Dumps {
  private Dumps() {}

  /**
   * Writes a benchmark input to a file, for the floor programs of other languages
   * ({@code bench/linesplit}): {@code Dumps debug2|debug1 BYTES FILE}.
   *
   * @param args format, size, file
   * @throws IOException when writing fails
   */
  public static void main(String[] args) throws IOException {
    int bytes = Integer.parseInt(args[1]);
    byte[] input = args[0].equals("debug1") ? debug1(bytes) : debug2(bytes);
    Files.write(Path.of(args[2]), input);
    System.out.printf("%s: %d bytes%n", args[2], input.length);
  }

  static Path testdata() {
    return Path.of(System.getProperty("goroutines.testdata", "testdata"));
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("benchmarks run from the project root (or set "
          + "-Dgoroutines.testdata / -Dgoroutines.corpus): " + e.getMessage(), e);
    }
  }

  /** The goroutine blocks of the later debug=2 dumps of every Go version, repeated to size. */
  static byte[] debug2(int minBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(minBytes + (1 << 20));
    long id = 1;
    String[][] versions = new String[5][];
    int v = 0;
    for (String go : new String[] {"1.19", "1.21", "1.23", "1.25", "1.27"}) {
      String text = new String(read(testdata().resolve("go" + go).resolve("later.debug2.txt")),
          StandardCharsets.UTF_8);
      versions[v++] = text.split("\n\n");
    }
    while (out.size() < minBytes) {
      for (String[] blocks : versions) {
        for (String block : blocks) {
          int bracket = block.indexOf(" [");
          byte[] b = ("goroutine " + id++ + block.substring(bracket) + "\n\n")
              .getBytes(StandardCharsets.UTF_8);
          out.write(b, 0, b.length);
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * One debug=1 profile made of the records of every Go version's later profile, each repeated
   * with a fresh label value (as 100,000 labelled requests would give), to size.
   */
  static byte[] debug1(int minBytes) {
    StringBuilder records = new StringBuilder();
    String[][] versions = new String[5][];
    int v = 0;
    for (String go : new String[] {"1.19", "1.21", "1.23", "1.25", "1.27"}) {
      String text = new String(read(testdata().resolve("go" + go).resolve("later.debug1.txt")),
          StandardCharsets.UTF_8);
      versions[v++] = text.substring(text.indexOf('\n') + 1).split("\n\n");
    }
    long total = 0;
    long request = 0;
    while (records.length() < minBytes) {
      for (String[] recs : versions) {
        for (String r : recs) {
          if (r.isBlank()) {
            continue;
          }
          int nl = r.indexOf('\n');
          String first = nl < 0 ? r : r.substring(0, nl);
          String rest = nl < 0 ? "" : r.substring(nl + 1);
          if (rest.startsWith("# labels:")) {
            rest = rest.substring(rest.indexOf('\n') + 1);
          }
          total += Long.parseLong(first.substring(0, first.indexOf(' ')));
          records.append(first).append("\n# labels: {\"request\":\"").append(request++)
              .append("\"}\n").append(rest).append(rest.isEmpty() ? "" : "\n").append('\n');
        }
      }
    }
    return ("goroutine profile: total " + total + "\n" + records).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] proto(String name) {
    if (name.equals("parsec")) {
      Path corpus = Path.of(System.getProperty("goroutines.corpus", "../shared/corpus/public"));
      return read(corpus.resolve("parsec/goroutine"));
    }
    return read(Path.of("bench/data").resolve(name + ".pb.gz"));
  }
}
