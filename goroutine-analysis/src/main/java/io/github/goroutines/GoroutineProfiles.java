package io.github.goroutines;

import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.internal.BoundedInput;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import io.github.goroutines.parse.text.TextProfileParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses goroutine profiles in any of the formats {@code /debug/pprof/goroutine} serves, recognised
 * by content, never by file name. Like pprof's chain of legacy parsers, each parser recognises its
 * own input: the protobuf parser takes gzip and raw {@code profile.proto} (gzip that holds text, a
 * dump saved with {@code gzip}, goes to the text parser)
 * ({@link ProtoProfileParser#recognizes}); the text parser takes any input in which its state
 * machine finds a {@code debug=1} header ({@code goroutine profile: total N}) or a {@code debug=2}
 * header ({@code goroutine N [state]:}), also inside crash output and logs
 * ({@link TextProfileParser#recognize}). Input that neither takes is refused with an error that
 * names what it looks like (another pprof profile, a pprof report, an empty file).
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
  /** What the diagnostics of a profile decompressed from gzip text say it was read from. */
  private static final String GZIP = "gzip-compressed text";

  private GoroutineProfiles() {}

  /**
   * Parses one profile with the default options. Text that holds several dumps (a log of periodic
   * dumps, profiles appended by a cron job) gives the last complete one; its diagnostics say how
   * many came before, and {@link #parseAll(byte[])} returns them all.
   *
   * @param input the bytes; not modified
   * @return the profile
   * @throws ProfileParseException when the input is not a goroutine profile or is malformed
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
   * @throws ProfileParseException as {@link #parse(byte[])}, and, when {@code strict}, for text
   *     that holds several dumps
   */
  public static Profile parse(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    if (GzipText.holdsText(input)) {
      return readFrom(parse(GzipText.open(input), options), GZIP);
    }
    if (ProtoProfileParser.recognizes(input)) {
      return ProtoProfileParser.parse(input, options);
    }
    JsonEnvelopes.Unwrapped json = JsonEnvelopes.unwrap(input);
    return json == null ? TextProfileParser.parse(input, options)
        : readFrom(TextProfileParser.parse(json.text(), options), json.source());
  }

  /** A profile read out of JSON log lines says so in its diagnostics. */
  private static Profile readFrom(Profile p, String source) {
    Diagnostics d = p.diagnostics();
    List<String> problems = new ArrayList<>(d.problems());
    problems.add("read from " + source);
    return p.withDiagnostics(new Diagnostics(d.skippedLines(), d.firstSkippedLines(),
        d.incompleteBlocks(), problems));
  }

  private static List<Profile> readFrom(List<Profile> profiles, String source) {
    return profiles.stream().map(p -> readFrom(p, source)).toList();
  }

  /**
   * Parses a stream, reading at most {@link ParseOptions#maxInputBytes()} of it. The first bytes
   * tell the format; text is parsed as it is read, without holding the input.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}, and past the input limit
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(InputStream in, ParseOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    InputStream buffered = new BufferedInputStream(in);
    byte[] head = head(buffered);
    if (GzipText.isGzip(head) && GzipText.holdsText(buffered)) {
      return readFrom(parse(GzipText.open(buffered), options), GZIP);
    }
    if (ProtoProfileParser.recognizes(head)) {
      return ProtoProfileParser.parse(readProtobuf(buffered, head, options), options);
    }
    return JsonEnvelopes.looksLikeJson(head)
        ? parse(BoundedInput.readAll(buffered, options.maxInputBytes()), options)
        : TextProfileParser.parse(buffered, options);
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
   * Reads and parses a file, as {@link #parse(InputStream, ParseOptions)}; a large text file is
   * read in parts and parsed on up to {@link ParseOptions#parallelism()} threads, to the same
   * result.
   *
   * @param file the file
   * @param options strictness, limits and threads
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[])}
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(Path file, ParseOptions options) {
    Objects.requireNonNull(options, "options");
    if (isPlainText(file)) {
      return TextProfileParser.parse(file, options);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a file holds text that is neither gzip, protobuf nor JSON: the text parser's own. */
  private static boolean isPlainText(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(ProtoProfileParser.RECOGNIZED_PREFIX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return !GzipText.isGzip(head) && !ProtoProfileParser.recognizes(head)
        && !JsonEnvelopes.looksLikeJson(head);
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
    if (GzipText.holdsText(input)) {
      return readFrom(parseAll(GzipText.open(input), options), GZIP);
    }
    if (ProtoProfileParser.recognizes(input)) {
      return List.of(ProtoProfileParser.parse(input, options));
    }
    JsonEnvelopes.Unwrapped json = JsonEnvelopes.unwrap(input);
    return json == null ? TextProfileParser.parseAll(input, options)
        : readFrom(TextProfileParser.parseAll(json.text(), options), json.source());
  }

  /**
   * Parses every dump of a stream, reading at most {@link ParseOptions#maxInputBytes()} of it.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @return the profiles in input order, at least one
   * @throws ProfileParseException when the input is not a goroutine profile, is malformed, or is
   *     larger than the limit
   * @throws UncheckedIOException when reading fails
   */
  public static List<Profile> parseAll(InputStream in, ParseOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    InputStream buffered = new BufferedInputStream(in);
    byte[] head = head(buffered);
    if (GzipText.isGzip(head) && GzipText.holdsText(buffered)) {
      return readFrom(parseAll(GzipText.open(buffered), options), GZIP);
    }
    if (ProtoProfileParser.recognizes(head)) {
      return List.of(ProtoProfileParser.parse(readProtobuf(buffered, head, options), options));
    }
    return JsonEnvelopes.looksLikeJson(head)
        ? parseAll(BoundedInput.readAll(buffered, options.maxInputBytes()), options)
        : TextProfileParser.parseAll(buffered, options);
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
    return parseAll(file, ParseOptions.defaults());
  }

  /**
   * Reads and parses every dump of a file, as {@link #parseAll(InputStream, ParseOptions)}; a
   * large text file is parsed as {@link #parse(Path, ParseOptions)} parses it.
   *
   * @param file the file
   * @param options strictness, limits and threads
   * @return the profiles in input order, at least one
   * @throws ProfileParseException when the input is not a goroutine profile or is malformed
   * @throws UncheckedIOException when reading fails
   */
  public static List<Profile> parseAll(Path file, ParseOptions options) {
    Objects.requireNonNull(options, "options");
    if (isPlainText(file)) {
      return TextProfileParser.parseAll(file, options);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parseAll(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Tells which format the input is, by content, as {@code parse} decides it: when this answers
   * empty, {@code parse} and {@code parseAll} throw.
   *
   * @param input the bytes (the whole input: a debug=2 header may stand anywhere in a log)
   * @return the format (of the first dump, for text), or empty when the input is none of them
   */
  public static Optional<ProfileFormat> detect(byte[] input) {
    Objects.requireNonNull(input, "input");
    if (GzipText.holdsText(input)) {
      try (InputStream text = GzipText.open(input)) {
        return detect(BoundedInput.readAll(text, ParseOptions.defaults().maxInputBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (ProtoProfileParser.recognizes(input)) {
      return Optional.of(ProfileFormat.PROTO);
    }
    JsonEnvelopes.Unwrapped json = JsonEnvelopes.unwrap(input);
    return TextProfileParser.recognize(json == null ? input : json.text());
  }

  /**
   * A protobuf profile's bytes, read no further than its message may be: raw, {@code
   * maxDecompressedBytes}; compressed, that and deflate's worst overhead (stored blocks, a long
   * header), so a stream far too big for the limit is refused before it is held.
   */
  private static byte[] readProtobuf(InputStream buffered, byte[] head, ParseOptions options) {
    long message = options.maxDecompressedBytes();
    long bound = GzipText.isGzip(head) ? message + message / 64 + (1 << 20) : message;
    if (bound >= options.maxInputBytes()) {
      return BoundedInput.readAll(buffered, options.maxInputBytes());
    }
    try {
      return BoundedInput.readAll(buffered, bound);
    } catch (ProfileParseException e) {
      if (e.limit().filter("maxInputBytes"::equals).isEmpty()) {
        throw e;
      }
      throw ProfileParseException.limitAtOffset(ProfileFormat.PROTO, (GzipText.isGzip(head)
          ? "gzip-compressed protobuf of more than " + bound + " bytes: its message would be "
          : "protobuf message ") + "larger than " + message + " bytes", "maxDecompressedBytes",
          bound, new byte[0]);
    }
  }

  /** The first bytes of a stream, which tell its format; they are left unread. */
  private static byte[] head(InputStream buffered) {
    try {
      buffered.mark(ProtoProfileParser.RECOGNIZED_PREFIX);
      byte[] head = buffered.readNBytes(ProtoProfileParser.RECOGNIZED_PREFIX);
      buffered.reset();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
