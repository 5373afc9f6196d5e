package io.github.goroutines.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the commands that write a profile ({@code convert}, {@code filter}) put it. */
final class Output {
  private Output() {}

  /** Whether {@code output} is standard output and it cannot take bytes. */
  static boolean textOnly(Io io, String output) {
    return output.equals("-") && io.bytesOut() == null;
  }

  /**
   * Writes the bytes to a file or, for {@code -}, to standard output.
   *
   * @return how messages name the place
   * @throws Failure when the file cannot be written
   */
  static String write(Io io, String output, byte[] bytes) {
    String where = output.equals("-") ? "standard output" : output;
    try {
      if (output.equals("-")) {
        io.out().flush();
        if (io.bytesOut() != null) {
          OutputStream out = io.bytesOut();
          out.write(bytes);
          out.flush();
        } else {
          io.out().print(new String(bytes, StandardCharsets.UTF_8));
          io.out().flush();
        }
      } else {
        Files.write(Path.of(output), bytes);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new Failure("cannot write " + where + ": " + e.getMessage(), ExitCode.USAGE);
    }
    return where;
  }
}
