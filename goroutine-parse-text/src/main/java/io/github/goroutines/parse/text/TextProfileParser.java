package io.github.goroutines.parse.text;

import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.internal.BoundedInput;
import io.github.goroutines.model.internal.Interner;
import io.github.goroutines.parse.text.internal.DumpCollector;
import io.github.goroutines.parse.text.internal.LineReader;
import io.github.goroutines.parse.text.internal.NotAProfile;
import io.github.goroutines.parse.text.internal.ParallelText;
import io.github.goroutines.parse.text.internal.TextParser;
import io.github.goroutines.parse.text.internal.TracesParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Parses {@code debug=1} profiles ({@code goroutine profile: total N}) and {@code debug=2} dumps
 * ({@code goroutine N [state]:}), also when they stand inside panic, {@code fatal error} or
 * {@code SIGQUIT} output and logs.
 *
 * <pre>{@code
 * Profile p = TextProfileParser.parse(bytes, ParseOptions.defaults());
 * List<Profile> all = TextProfileParser.parseAll(logBytes, ParseOptions.defaults());
 * }</pre>
 *
 * <p>Lenient by default: text outside goroutine blocks is skipped and counted in
 * {@link Profile#diagnostics()}; a malformed line ends its block, which is kept and flagged
 * {@link io.github.goroutines.model.Goroutine#incomplete()}; a cut last block is kept the same way.
 * With {@link ParseOptions#strict()} the first problem throws. Limits always throw.
 *
 * <p>The whole-profile calls share strings, frames, stacks and label sets within one parse. All
 * methods are thread-safe: each call has its own state. Streams passed in are read but not closed.
 */
public final class TextProfileParser {
  private TextProfileParser() {}

  /**
   * Tells whether the input holds a goroutine dump, and of which format, with the same state
   * machine that parses it: the input is read up to the first line of the first dump, leniently.
   * When this answers empty, {@link #parseAll(byte[], ParseOptions)} throws: the input is no
   * goroutine dump.
   *
   * @param input the bytes; not modified
   * @return {@link ProfileFormat#DEBUG1} or {@link ProfileFormat#DEBUG2} for the first dump,
   *     {@link ProfileFormat#PPROF_TRACES} for pasted {@code go tool pprof -traces} text, or empty
   * @throws ProfileParseException when a line before the first dump exceeds
   *     {@link ParseOptions#maxLineBytes()}
   */
  public static Optional<ProfileFormat> recognize(byte[] input) {
    Objects.requireNonNull(input, "input");
    if (TracesParser.recognizes(input)) {
      return Optional.of(ProfileFormat.PPROF_TRACES);
    }
    ParseOptions options = ParseOptions.defaults();
    TextParser parser = new TextParser(LineReader.of(input, options.maxLineBytes()), options,
        Interner.bounded(STREAM_TABLE_BYTES), IGNORE);
    return Optional.ofNullable(parser.firstDump());
  }

  private static final DumpListener IGNORE = sample -> { };

  /**
   * Parses one dump. When the input holds several (a log of periodic dumps, profiles appended by a
   * cron job), the result is the last complete one, and its diagnostics say how many came before
   * and that {@link #parseAll(byte[], ParseOptions)} returns them all; a strict parse refuses such
   * input instead.
   *
   * @param input the bytes; not modified
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException when the input holds no dump (the message says what it looks
   *     like), holds several and {@code strict}, or is malformed and {@code strict}
   */
  public static Profile parse(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    return single(collect(input, options), options);
  }

  private static Dumps collect(byte[] input, ParseOptions options) {
    return collect(ParallelText.of(input), () -> LineReader.of(input, options.maxLineBytes()),
        options, input);
  }

  /** pprof's traces of a profile, one dump; null when the head says the input is not that. */
  private static Dumps traces(LineReader lines, ParseOptions options, byte[] head) {
    if (!TracesParser.recognizes(head)) {
      return null;
    }
    Profile p = new TracesParser(lines, options, Interner.unbounded()).parse();
    return new Dumps(List.of(p), List.of(1L), false);
  }

  /**
   * Parses one dump of a stream, as {@link #parse(byte[], ParseOptions)}, without holding the
   * input; reads at most {@link ParseOptions#maxInputBytes()}.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[], ParseOptions)}, and past the input limit
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(InputStream in, ParseOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    InputStream bounded = new BufferedInputStream(BoundedInput.of(in, options.maxInputBytes()));
    byte[] head = peek(bounded);
    return single(collect(LineReader.of(bounded, options.maxLineBytes()), options, head), options);
  }

  /**
   * Parses every dump of the input, in order: repeated SIGQUIT dumps in a log, concatenated
   * {@code debug=1} profiles, a {@code debug=2} dump followed by a {@code debug=1} one.
   *
   * @param input the bytes; not modified
   * @param options strictness and limits
   * @return the profiles, at least one
   * @throws ProfileParseException when the input holds no dump, on a limit, or on malformed input
   *     when {@code strict}
   */
  public static List<Profile> parseAll(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    return collect(input, options).profiles();
  }

  /**
   * Parses every dump of a stream, without holding the input; reads at most
   * {@link ParseOptions#maxInputBytes()}.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @return the profiles, at least one
   * @throws ProfileParseException as {@link #parseAll(byte[], ParseOptions)}, and past the limit
   * @throws UncheckedIOException when reading fails
   */
  public static List<Profile> parseAll(InputStream in, ParseOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    InputStream bounded = new BufferedInputStream(BoundedInput.of(in, options.maxInputBytes()));
    byte[] head = peek(bounded);
    return collect(LineReader.of(bounded, options.maxLineBytes()), options, head).profiles();
  }

  /**
   * Parses one dump of a file, as {@link #parse(byte[], ParseOptions)}, without holding the file:
   * a large file is read and parsed in parts on up to {@link ParseOptions#parallelism()} threads,
   * a small one as a stream; reads at most {@link ParseOptions#maxInputBytes()}.
   *
   * @param file the file
   * @param options strictness, limits and threads
   * @return the profile
   * @throws ProfileParseException as {@link #parse(byte[], ParseOptions)}, and past the input limit
   * @throws UncheckedIOException when reading fails
   */
  public static Profile parse(Path file, ParseOptions options) {
    return single(collect(file, options), options);
  }

  /**
   * Parses every dump of a file, as {@link #parseAll(byte[], ParseOptions)}, without holding the
   * file, on several threads when it is large (see {@link #parse(Path, ParseOptions)}).
   *
   * @param file the file
   * @param options strictness, limits and threads
   * @return the profiles, at least one
   * @throws ProfileParseException as {@link #parseAll(byte[], ParseOptions)}, and past the limit
   * @throws UncheckedIOException when reading fails
   */
  public static List<Profile> parseAll(Path file, ParseOptions options) {
    return collect(file, options).profiles();
  }

  private static Dumps collect(Path file, ParseOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    try (FileChannel channel = FileChannel.open(file);
        InputStream in = Files.newInputStream(file)) {
      long size = channel.size();
      InputStream bounded = new BufferedInputStream(BoundedInput.of(in, options.maxInputBytes()));
      byte[] head = peek(bounded);
      if (size > options.maxInputBytes()) {
        return collect(LineReader.of(bounded, options.maxLineBytes()), options, head);
      }
      return collect(ParallelText.of(channel, size),
          () -> LineReader.of(bounded, options.maxLineBytes()), options, head);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first bytes of a stream, left unread, for the message about input that holds no dump. */
  private static byte[] peek(InputStream buffered) {
    try {
      buffered.mark(NotAProfile.HEAD);
      byte[] head = buffered.readNBytes(NotAProfile.HEAD);
      buffered.reset();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Delivers records and goroutines one by one without holding the input or the results: memory
   * stays bounded whatever the input size. Strings, frames and stacks are still shared, through
   * tables that are cleared whenever they hold more than 32 MiB (names that never repeat do not
   * grow them past that). {@link ParseOptions#maxInputBytes()} does not apply.
   *
   * @param in the input; not closed
   * @param options strictness and limits
   * @param listener receives the dumps
   * @return the number of dumps found
   * @throws ProfileParseException on a limit, or on malformed input when {@code strict}
   * @throws UncheckedIOException when reading fails
   */
  public static int stream(InputStream in, ParseOptions options, DumpListener listener) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    LineReader lines = LineReader.of(in, options.maxLineBytes());
    return new TextParser(lines, options, Interner.bounded(STREAM_TABLE_BYTES), listener).run();
  }

  /** Entries per dedup table in streaming mode before it is cleared. */
  /** What the shared strings, frames and stacks of a stream may hold before they are cleared. */
  private static final long STREAM_TABLE_BYTES = 32L << 20;

  /** The dumps of one input, the line where each starts, and whether the last one was cut. */
  private record Dumps(List<Profile> profiles, List<Long> beginLines, boolean lastCut) {}

  /** Every dump of the input, at least one, read on the calling thread. */
  private static Dumps collect(LineReader lines, ParseOptions options, byte[] head) {
    Dumps pasted = traces(lines, options, head);
    if (pasted != null) {
      return pasted;
    }
    DumpCollector sink = new DumpCollector();
    TextParser parser = new TextParser(lines, options, Interner.unbounded(), sink);
    parser.run();
    return dumps(sink, parser, head);
  }

  /**
   * Every dump of an array or a file, on several threads when the input is large enough and
   * {@link ParseOptions#parallelism()} allows; else, or when the input cannot be cut, as
   * {@link #collect(LineReader, ParseOptions, byte[])} reads it.
   */
  private static Dumps collect(ParallelText.Source source, Supplier<LineReader> lines,
      ParseOptions options, byte[] head) {
    if (options.parallelism() > 1 && source.size() >= 2L * ParallelText.MIN_PART
        && !TracesParser.recognizes(head)) {
      DumpCollector sink = new DumpCollector();
      TextParser parser = ParallelText.parse(source, options, sink,
          ParallelText.partBytes(source.size(), options));
      if (parser != null) {
        return dumps(sink, parser, head);
      }
    }
    return collect(lines.get(), options, head);
  }

  private static Dumps dumps(DumpCollector sink, TextParser parser, byte[] head) {
    if (sink.profiles().isEmpty()) {
      throw NotAProfile.error(head);
    }
    return new Dumps(sink.profiles(), sink.beginLines(), parser.lastDumpCut());
  }

  private static Profile single(Dumps dumps, ParseOptions options) {
    List<Profile> profiles = dumps.profiles();
    int count = profiles.size();
    if (count == 1) {
      return profiles.get(0);
    }
    if (options.strict()) {
      throw ProfileParseException.atLine(
          profiles.get(1).format(),
          "input holds " + count + " dumps, the second starting here; parseAll reads them all",
          dumps.beginLines().get(1),
          "");
    }
    int chosen = dumps.lastCut() ? count - 2 : count - 1;
    Profile p = profiles.get(chosen);
    Diagnostics d = p.diagnostics();
    List<String> problems = new ArrayList<>(d.problems());
    problems.add("input holds " + count + " dumps; this is dump " + (chosen + 1) + ", from line "
        + dumps.beginLines().get(chosen) + ", the last complete one (parseAll returns them all)");
    return p.withDiagnostics(new Diagnostics(d.skippedLines(), d.firstSkippedLines(),
        d.incompleteBlocks(), problems));
  }
}
