package io.github.goroutines;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import io.github.goroutines.parse.text.TextProfileParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses goroutine profiles in any of the formats {@code /debug/pprof/goroutine} serves, detected by
 * content, never by file name.
 *
 * <table>
 *   <caption>Detection</caption>
 *   <tr><td>starts with {@code 1f 8b} (gzip)</td><td>{@code debug=0}</td></tr>
 *   <tr><td>first line {@code goroutine profile: total N} (or another {@code NAME profile: total N})
 *       </td><td>{@code debug=1}</td></tr>
 *   <tr><td>a line {@code goroutine N [state]:} anywhere, also inside a crash log</td>
 *       <td>{@code debug=2}</td></tr>
 *   <tr><td>starts with a protobuf tag of {@code profile.proto}</td><td>raw {@code debug=0}</td></tr>
 * </table>
 *
 * <pre>{@code
 * Profile p = GoroutineProfiles.parse(bytes);
 * List<Profile> dumps = GoroutineProfiles.parseAll(Path.of("service.log"));
 * Profile strict = GoroutineProfiles.parse(bytes, ParseOptions.defaults().withStrict(true));
 * }</pre>
 *
 * <p>Every method is thread-safe and leaves its input unchanged. Malformed input throws
 * {@link ProfileParseException}; nothing else is thrown for bad input.
 */
public final class GoroutineProfiles {
  private GoroutineProfiles() {}

  /**
   * Parses one profile with the default options.
   *
   * @param input the bytes; not modified
   * @return the profile
   * @throws ProfileParseException when the input is not a goroutine profile, is malformed, or holds
   *     several dumps (see {@link #parseAll(byte[])})
   */
  public static Profile parse(byte[] input) {
    return parse(input, ParseOptions.defaults());
  }

  /**
   * Parses one profile.
   *
   * @param input the bytes; not modified
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}
   */
  public static Profile parse(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    return switch (detectOrThrow(input)) {
      case PROTO -> ProtoProfileParser.parse(input, options);
      case DEBUG1, DEBUG2 -> TextProfileParser.parse(input, options);
    };
  }

  /**
   * Reads a stream to its end (at most {@link ParseOptions#maxInputBytes()}) and parses it.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}, and past the input limit
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(InputStream in, ParseOptions options) {
    return parse(readAll(in, options.maxInputBytes()), options);
  }

  /**
   * Reads and parses a file.
   *
   * @param file the file
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(Path file) {
    return parse(file, ParseOptions.defaults());
  }

  /**
   * Reads and parses a file.
   *
   * @param file the file
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(Path file, ParseOptions options) {
    return parse(read(file, options), options);
  }

  /**
   * Parses every dump of the input: repeated SIGQUIT dumps in a log, concatenated {@code debug=1}
   * profiles; a protobuf profile is one dump.
   *
   * @param input the bytes; not modified
   * @return the profiles in input order, at least one
   * @throws ProfileParseException when the input is not a goroutine profile or is malformed
   */
  public static List<Profile> parseAll(byte[] input) {
    return parseAll(input, ParseOptions.defaults());
  }

  /**
   * Parses every dump of the input.
   *
   * @param input the bytes; not modified
   * @param options strictness and limits
   * @return the profiles in input order, at least one
   * @throws ProfileParseException when the input is not a goroutine profile or is malformed
   */
  public static List<Profile> parseAll(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    if (detectOrThrow(input) == ProfileFormat.PROTO) {
      return List.of(ProtoProfileParser.parse(input, options));
    }
    return TextProfileParser.parseAll(input, options);
  }

  /**
   * Reads and parses every dump of a file.
   *
   * @param file the file
   * @return the profiles in input order, at least one
   * @throws ProfileParseException when the input is not a goroutine profile or is malformed
   * @throws UncheckedIOException when reading fails
   */
  public static List<Profile> parseAll(Path file) {
    return parseAll(read(file, ParseOptions.defaults()), ParseOptions.defaults());
  }

  /**
   * Tells which format the input is, by content.
   *
   * @param input the bytes (the whole input: a debug=2 header may stand anywhere in a log)
   * @return the format, or empty when the input is none of them
   */
  public static Optional<ProfileFormat> detect(byte[] input) {
    Objects.requireNonNull(input, "input");
    if (ProtoProfileParser.isGzip(input)) {
      return Optional.of(ProfileFormat.PROTO);
    }
    if (Detect.isDebug1(input)) {
      return Optional.of(ProfileFormat.DEBUG1);
    }
    if (Detect.hasDebug2Header(input)) {
      return Optional.of(ProfileFormat.DEBUG2);
    }
    if (Detect.looksLikeProto(input)) {
      return Optional.of(ProfileFormat.PROTO);
    }
    return Optional.empty();
  }

  private static ProfileFormat detectOrThrow(byte[] input) {
    return detect(input)
        .orElseThrow(
            () ->
                ProfileParseException.atLine(
                    null,
                    "not a goroutine profile: expected gzip or raw protobuf (debug=0), "
                        + "'goroutine profile: total N' (debug=1) or 'goroutine N [state]:' "
                        + "(debug=2); input starts with",
                    1,
                    new String(input, 0, Math.min(input.length, 60), StandardCharsets.ISO_8859_1)));
  }

  private static byte[] read(Path file, ParseOptions options) {
    try (InputStream in = Files.newInputStream(file)) {
      return readAll(in, options.maxInputBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in, long max) {
    Objects.requireNonNull(in, "in");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          throw ProfileParseException.atOffset(
              null, "input larger than " + max + " bytes (raise ParseOptions.maxInputBytes)",
              max, new byte[0]);
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
