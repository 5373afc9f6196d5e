package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.internal.Interner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code go tool pprof -traces} prints of a goroutine profile, which people paste into
 * incident write-ups instead of the profile:
 *
 * <pre>
 * File: gen
 * Type: goroutine
 * Time: 2026-11-29 00:04:11 UTC
 * -----------+-------------------------------------------------------
 *        job:  sync                                  a label: key, two spaces, values
 *        150   runtime.gopark                        the count, three spaces, the innermost frame
 *              internal/sync.(*Mutex).Lock (inline)  the next frames, 13 columns in
 * -----------+-------------------------------------------------------
 * </pre>
 *
 * Frames carry function names only; a label value may span lines (pprof prints it raw).
 */
public final class TracesParser {
  private static final byte[] SEPARATOR = Bytes.ascii("-----------+---");
  private static final byte[] TYPE = Bytes.ascii("Type: ");
  private static final byte[] INLINE = Bytes.ascii(" (inline)");
  private static final byte[] THREE_SPACES = Bytes.ascii("   ");
  private static final byte[] LABEL_SEPARATOR = Bytes.ascii(":  ");
  private static final int FRAME_COLUMN = 13;

  private final LineReader in;
  private final ParseOptions options;
  private final Interner interner;

  /**
   * Prepares a parse.
   *
   * @param in the lines
   * @param options limits
   * @param interner the deduplication tables of this parse
   */
  public TracesParser(LineReader in, ParseOptions options, Interner interner) {
    this.in = in;
    this.options = options;
    this.interner = interner;
  }

  /**
   * Tells whether the first bytes of an input are pprof's traces of a goroutine profile: a
   * {@code Type: goroutine} (or {@code goroutineleak}) line among the header lines before the first
   * separator line.
   *
   * @param head the input, or its first bytes: only the first {@link NotAProfile#HEAD} are read
   * @return true for pprof -traces text
   */
  public static boolean recognizes(byte[] head) {
    String text = new String(head, 0, Math.min(head.length, NotAProfile.HEAD),
        StandardCharsets.ISO_8859_1);
    int separator = text.indexOf("\n-----------+---");
    if (separator < 0) {
      return false;
    }
    String header = "\n" + text.substring(0, separator);
    return header.contains("\nType: goroutine\n") || header.endsWith("\nType: goroutine")
        || header.contains("\nType: goroutineleak\n") || header.endsWith("\nType: goroutineleak");
  }

  /**
   * Reads the whole text.
   *
   * @return the profile, of format {@link ProfileFormat#PPROF_TRACES}
   * @throws ProfileParseException on a malformed line, or a limit
   */
  public Profile parse() {
    String type = "goroutine";
    while (in.next() && !starts(SEPARATOR)) {
      if (starts(TYPE)) {
        type = text(in.start() + TYPE.length, in.end());
      }
    }
    Profile.Builder profile = Profile.builder(ProfileFormat.PPROF_TRACES).type(type);
    List<Label> labels = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    long count = 0;
    boolean inStack = false;
    long samples = 0;
    while (in.next()) {
      byte[] b = in.buf();
      int s = in.start();
      int e = in.end();
      if (starts(SEPARATOR)) {
        if (inStack) {
          add(profile, count, frames, labels, ++samples);
        }
        inStack = false;
        labels.clear();
        frames.clear();
        continue;
      }
      int first = Bytes.skipSpace(b, s, e);
      if (first == e && (inStack || labels.isEmpty())) {
        continue;
      }
      if (!inStack) {
        boolean negative = first < e && b[first] == '-';
        int digits = negative ? first + 1 : first;
        int digitsEnd = Bytes.digitsEnd(b, digits, e);
        if (digitsEnd > digits && Bytes.regionEquals(b, digitsEnd, e, THREE_SPACES)) {
          long n = Bytes.parseDecimal(b, digits, digitsEnd);
          if (n < 0) {
            throw error("count out of range");
          }
          count = negative ? -n : n;
          inStack = true;
          frame(frames, b, digitsEnd + 3, e);
          continue;
        }
        int colon = Bytes.indexOf(b, LABEL_SEPARATOR, first, e);
        if (colon > first && Bytes.indexOf(b, (byte) ' ', first, colon) < 0) {
          labels.add(Label.of(text(first, colon), text(colon + 3, e)));
        } else if (!labels.isEmpty()) {
          // a label value that holds a newline goes on here, as pprof printed it
          Label last = labels.remove(labels.size() - 1);
          labels.add(Label.of(last.key(), last.value() + "\n" + text(s, e)));
        } else {
          throw error("expected a label 'key:  value' or a count and a function");
        }
        continue;
      }
      if (first - s < FRAME_COLUMN - 1) {
        throw error("expected a function of the stack, 13 columns in");
      }
      frame(frames, b, first, e);
    }
    if (inStack) {
      add(profile, count, frames, labels, ++samples);
    }
    return profile.build();
  }

  private void frame(List<Frame> frames, byte[] b, int from, int to) {
    boolean inlined = to - from > INLINE.length && Bytes.regionEquals(b, to - INLINE.length, to, INLINE);
    int end = inlined ? to - INLINE.length : to;
    if (frames.size() >= options.maxFramesPerStack()) {
      throw ProfileParseException.limitAtLine(ProfileFormat.PPROF_TRACES, "more than "
          + options.maxFramesPerStack() + " frames in one stack", "maxFramesPerStack",
          in.lineNumber(), excerpt());
    }
    frames.add(interner.frame(Frame.of(text(from, end), "", 0, inlined)));
  }

  private void add(Profile.Builder profile, long count, List<Frame> frames, List<Label> labels,
      long samples) {
    if (samples > options.maxSamples()) {
      throw ProfileParseException.limitAtLine(ProfileFormat.PPROF_TRACES, "more than "
          + options.maxSamples() + " stacks", "maxSamples", in.lineNumber(), excerpt());
    }
    profile.add(Sample.of(count, interner.stack(frames, -1, -1),
        labels.isEmpty() ? Labels.empty() : interner.labels(Labels.of(labels))));
  }

  private boolean starts(byte[] p) {
    return Bytes.regionEquals(in.buf(), in.start(), in.end(), p);
  }

  private String text(int from, int to) {
    return interner.string(in.buf(), from, to);
  }

  private String excerpt() {
    return Interner.decode(in.buf(), in.start(), Math.min(in.end(), in.start() + 80));
  }

  private ProfileParseException error(String message) {
    return ProfileParseException.atLine(ProfileFormat.PPROF_TRACES, message, in.lineNumber(),
        excerpt());
  }
}
