package io.github.goroutines.cli;

import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.text.TextProfileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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

  /** A profile written in the format it was read from, and that format's name. */
  record Written(byte[] bytes, String format, boolean text) {}

  /**
   * The profile in its input's format: a dump as {@code debug=2} text, a {@code debug=1} profile
   * as {@code debug=1}, a {@code debug=0} profile as {@code debug=0}.
   *
   * @param command the command, for messages
   */
  static Written asInput(Profile p, String command) {
    boolean dump = !p.goroutines().isEmpty() || p.format() == ProfileFormat.DEBUG2;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (dump) {
      TextProfileWriter.debug2(p, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      return new Written(bytes.toByteArray(), "debug=2", true);
    }
    if (p.format() == ProfileFormat.DEBUG1) {
      TextProfileWriter.debug1(p, new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      return new Written(bytes.toByteArray(), "debug=1", true);
    }
    ProtoProfileWriter.write(p, bytes);
    return new Written(bytes.toByteArray(), "debug=0", false);
  }
}
