package io.github.goroutines.cli;

import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.parse.proto.ProtoProfileWriter;
import io.github.goroutines.parse.text.TextProfileWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

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

  /**
   * Writes a profile in the format it was read from, to a file or standard output.
   *
   * @return how messages name the place
   * @throws IllegalArgumentException for {@code debug=0} bytes to a standard output that takes
   *     text only
   */
  static String write(Io io, String output, Written written) {
    if (!written.text() && textOnly(io, output)) {
      throw new IllegalArgumentException("this standard output takes text only: write a debug=0 "
          + "profile to a file");
    }
    return write(io, output, written.bytes());
  }

  /** What a {@link TextProfileWriter} method writes, as UTF-8 bytes. */
  static byte[] text(Consumer<Writer> writer) {
    StringWriter text = new StringWriter();
    writer.accept(text);
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A profile written in the format it was read from, and that format's name. */
  record Written(byte[] bytes, String format) {
    boolean text() {
      return !format.equals("debug=0");
    }
  }

  /**
   * The profile in its input's format: a dump as {@code debug=2} text, a {@code debug=1} profile
   * as {@code debug=1}, a {@code debug=0} profile as {@code debug=0}.
   */
  static Written asInput(Profile p) {
    if (!p.goroutines().isEmpty() || p.format() == ProfileFormat.DEBUG2) {
      return new Written(text(w -> TextProfileWriter.debug2(p, w)), "debug=2");
    }
    if (p.format() == ProfileFormat.DEBUG1) {
      return new Written(text(w -> TextProfileWriter.debug1(p, w)), "debug=1");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProtoProfileWriter.write(p, bytes);
    return new Written(bytes.toByteArray(), "debug=0");
  }
}
