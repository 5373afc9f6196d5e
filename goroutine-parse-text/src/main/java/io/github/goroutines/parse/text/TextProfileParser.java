package io.github.goroutines.parse.text;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.internal.BoundedInput;
import io.github.goroutines.model.internal.Interner;
import io.github.goroutines.parse.text.internal.LineReader;
import io.github.goroutines.parse.text.internal.NotAProfile;
import io.github.goroutines.parse.text.internal.TextParser;
import io.github.goroutines.parse.text.internal.TracesParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    return single(collect(LineReader.of(input, options.maxLineBytes()), options, input), options);
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
    return collect(LineReader.of(input, options.maxLineBytes()), options, input).profiles();
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

  /** Every dump of the input, at least one. */
  private static Dumps collect(LineReader lines, ParseOptions options, byte[] head) {
    Dumps pasted = traces(lines, options, head);
    if (pasted != null) {
      return pasted;
    }
    List<Profile> profiles = new ArrayList<>(1);
    List<Long> beginLines = new ArrayList<>(1);
    DumpListener sink =
        new DumpListener() {
          private Profile.Builder current;

          @Override
          public void beginDump(ProfileFormat format, String type, long total, long line) {
            beginLines.add(line);
            current = Profile.builder(format).type(type);
            if (total >= 0) {
              current.declaredTotal(total);
            }
          }

          @Override
          public void crash(Crash crash) {
            current.crash(crash);
          }

          @Override
          public void sample(Sample sample) {
            current.add(sample);
          }

          @Override
          public void endDump(Diagnostics diagnostics) {
            profiles.add(current.diagnostics(diagnostics).build());
            current = null;
          }
        };
    TextParser parser = new TextParser(lines, options, Interner.unbounded(), sink);
    parser.run();
    if (profiles.isEmpty()) {
      throw NotAProfile.error(head);
    }
    return new Dumps(profiles, beginLines, parser.lastDumpCut());
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
