package io.github.goroutines.parse.text;

import io.github.goroutines.model.Ancestor;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes the goroutines of a profile as Go's {@code debug=2} text, in the syntax
 * {@code runtime.Stack} prints (header, frames, {@code created by}), so that a filtered dump can be
 * read again by this library, by panicparse and by people. Only a profile with goroutines (one
 * read from {@code debug=2} text or a crash log) has what this format needs.
 *
 * <pre>{@code
 * Profile dump = GoroutineProfiles.parse(Path.of("dump.txt"));
 * Profile blocked = Filter.parse(...).apply(dump);
 * try (Writer out = Files.newBufferedWriter(Path.of("blocked.txt"))) {
 *   TextProfileWriter.debug2(blocked, out);
 * }
 * }</pre>
 *
 * <p>What it writes reads back to the same crash headline and goroutines: ids, states and their
 * markers, wait minutes, thread locks, synctest groups, labels, stacks with positions and offsets,
 * elision, creators and ancestors. A frame's arguments are written when the profile kept them
 * ({@code ParseOptions.withTracebackText(true)}), else as {@code (...)}, as Go writes an inlined
 * frame's.
 */
public final class TextProfileWriter {
  private TextProfileWriter() {}

  /**
   * Writes the goroutines as {@code debug=2} text. The writer is not closed.
   *
   * @param profile a profile with goroutines
   * @param out where to write
   * @throws IllegalArgumentException for a profile without goroutine facts ({@code debug=0} or
   *     {@code debug=1}, whose samples are counts of stacks), and for one built by hand whose
   *     names, files or states hold a line break (the text would not read back); nothing is
   *     written then
   * @throws UncheckedIOException when writing fails
   */
  public static void debug2(Profile profile, Writer out) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(out, "out");
    if (profile.goroutines().isEmpty() && !profile.samples().isEmpty()) {
      throw new IllegalArgumentException("a " + profile.format() + " profile counts stacks and has "
          + "no goroutines to write as debug=2 text");
    }
    for (Goroutine g : profile.goroutines()) {
      String where = "goroutine " + Long.toUnsignedString(g.id()) + ": a ";
      checkLine(g.state(), where + "state", "debug=2");
      g.traceback().otherStateItems().forEach(x -> checkLine(x, where + "state item", "debug=2"));
      g.traceback().arguments().forEach(x -> checkLine(x, where + "argument text", "debug=2"));
      g.traceback().frameExtras().forEach(x -> checkLine(x, where + "frame text", "debug=2"));
      g.traceback().headerFields().forEach((k, x) ->
          checkLine(k + "=" + x, where + "header field", "debug=2"));
      checkFrames(g.stack().frames(), where, "debug=2");
      g.createdBy().ifPresent(f -> checkFrames(List.of(f), where, "debug=2"));
      for (Ancestor a : g.ancestors()) {
        checkFrames(a.stack().frames(), where, "debug=2");
        a.createdBy().ifPresent(f -> checkFrames(List.of(f), where, "debug=2"));
      }
    }
    try {
      StringBuilder sb = new StringBuilder(4096);
      // a crash's headline first, as Go prints it: "panic: …", "fatal error: …", the signal
      profile.crash().ifPresent(c -> {
        c.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n');
      });
      boolean first = true;
      for (Goroutine g : profile.goroutines()) {
        if (!first) {
          sb.append('\n');
        }
        first = false;
        goroutine(g, sb);
        spill(sb, out, false);
      }
      spill(sb, out, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the profile as Go's {@code debug=1} text: {@code goroutine profile: total N}, then per
   * sample its count and return addresses, its labels and a {@code #} line per frame. It needs the
   * program counters that {@code debug=0} and {@code debug=1} profiles carry; a {@code debug=2}
   * dump has none. The writer is not closed.
   *
   * @param profile a profile read from {@code debug=0} or {@code debug=1}
   * @param out where to write
   * @throws IllegalArgumentException for a profile without program counters, or with a line
   *     break in a name or file; nothing is written then
   * @throws UncheckedIOException when writing fails
   */
  public static void debug1(Profile profile, Writer out) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(out, "out");
    List<long[]> addresses = new ArrayList<>(profile.samples().size());
    for (Sample s : profile.samples()) {
      long[] a = s.addresses().toArray();
      if (a.length == 0) {
        a = returnAddresses(s.stack());
      }
      if (a == null) {
        throw new IllegalArgumentException("debug=1 text needs the program counter of every "
            + "frame, and this " + profile.format() + " profile has none: write it as debug=2 "
            + "or pprof");
      }
      checkFrames(s.stack().frames(), "a ", "debug=1");
      addresses.add(a);
    }
    StringBuilder sb = new StringBuilder(4096);
    sb.append("goroutine profile: total ").append(profile.totalCount()).append('\n');
    try {
      for (int i = 0; i < profile.samples().size(); i++) {
        Sample s = profile.samples().get(i);
        sb.append(s.count()).append(" @");
        for (long a : addresses.get(i)) {
          sb.append(" 0x").append(Long.toHexString(a));
        }
        sb.append('\n');
        labels(s.labels().list(), "# labels: {", ":", "}\n", TextProfileWriter::quoted, sb);
        for (Frame f : s.stack().frames()) {
          sb.append("#\t0x").append(Long.toHexString(f.pc().orElse(0))).append('\t')
              .append(f.function()).append("+0x")
              .append(Long.toHexString(f.entryOffset().orElse(0))).append('\t')
              .append(f.file()).append(':').append(f.line()).append('\n');
        }
        sb.append('\n');
        spill(sb, out, false);
      }
      spill(sb, out, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One return address per location (an inline chain ends at its non-inlined frame): pc + 1. */
  private static long[] returnAddresses(Stack stack) {
    List<Frame> frames = stack.frames();
    long[] out = new long[frames.size()];
    int n = 0;
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      if (f.pc().isEmpty()) {
        return null;
      }
      if (i + 1 < frames.size() && f.inlined()) {
        continue;
      }
      out[n++] = frames.get(i).pc().getAsLong() + 1;
    }
    return Arrays.copyOf(out, n);
  }

  /** A label's key or value as Go's {@code %q} prints it in {@code debug=1}. */
  static String quoted(String s) {
    return quote(s, false);
  }

  /** Labels as {@code debug=1} ({@code # labels: {"k":"v"}}) or a 1.27 header ({@code {k: v}}). */
  private static void labels(List<Label> labels, String open, String colon, String close,
      UnaryOperator<String> text, StringBuilder sb) {
    if (labels.isEmpty()) {
      return;
    }
    sb.append(open);
    for (int i = 0; i < labels.size(); i++) {
      Label l = labels.get(i);
      sb.append(i == 0 ? "" : ", ").append(text.apply(l.key())).append(colon)
          .append(text.apply(l.numeric() ? Long.toString(l.number()) : l.value()));
    }
    sb.append(close);
  }

  /** Writes what was built once it is large, and all of it at the end. */
  private static void spill(StringBuilder sb, Writer out, boolean last) throws IOException {
    if (last || sb.length() > 1 << 16) {
      out.write(sb.toString());
      sb.setLength(0);
    }
    if (last) {
      out.flush();
    }
  }

  private static void checkFrames(List<Frame> frames, String where, String format) {
    for (Frame f : frames) {
      checkLine(f.function(), where + "function", format);
      checkLine(f.file(), where + "file", format);
    }
  }

  /** Text with a line break would split into lines that do not read back. */
  private static void checkLine(String text, String what, String format) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
      throw new IllegalArgumentException(what + " with a line break cannot be written as "
          + format + " text: " + shown.replace("\n", "\\n").replace("\r", "\\r"));
    }
  }

  private static void goroutine(Goroutine g, StringBuilder sb) {
    sb.append("goroutine ").append(Long.toUnsignedString(g.id()));
    for (Map.Entry<String, String> f : g.traceback().headerFields().entrySet()) {
      sb.append(' ').append(f.getKey()).append('=').append(f.getValue());
    }
    sb.append(" [").append(g.state());
    g.waitMinutes().ifPresent(m -> sb.append(", ").append(m).append(" minutes"));
    if (g.lockedToThread()) {
      sb.append(", locked to thread");
    }
    g.synctestGroup().ifPresent(n -> sb.append(", synctest group ").append(n));
    g.synctestBubble().ifPresent(n -> sb.append(", synctest bubble ").append(n));
    for (String item : g.traceback().otherStateItems()) {
      sb.append(", ").append(item);
    }
    sb.append(']');
    labels(g.labels().list(), " {", ": ", "}", TextProfileWriter::labelText, sb);
    sb.append(":\n");
    if (g.stackUnavailable()) {
      sb.append("goroutine running on other thread; stack unavailable\n");
    }
    stack(g.stack(), g.traceback().arguments(), g.traceback().frameExtras(), sb);
    g.createdBy().ifPresent(f -> {
      sb.append("created by ").append(f.function());
      g.creatorId().ifPresent(id -> sb.append(" in goroutine ").append(Long.toUnsignedString(id)));
      sb.append('\n');
      position(f, "", sb);
    });
    for (Ancestor a : g.ancestors()) {
      sb.append("[originating from goroutine ").append(Long.toUnsignedString(a.goroutineId()))
          .append("]:\n");
      stack(a.stack(), List.of(), List.of(), sb);
      a.createdBy().ifPresent(f -> {
        sb.append("created by ").append(f.function()).append('\n');
        position(f, "", sb);
      });
    }
  }

  private static void stack(Stack stack, List<String> arguments, List<String> extras,
      StringBuilder sb) {
    List<Frame> frames = stack.frames();
    int elision = stack.elisionIndex().orElse(-1);
    for (int i = 0; i < frames.size(); i++) {
      if (i == elision) {
        elision(stack, sb);
      }
      Frame f = frames.get(i);
      if (f.function().equals("non-Go function") && f.pc().isPresent()) {
        sb.append("non-Go function at pc=0x").append(Long.toHexString(f.pc().getAsLong()))
            .append('\n');
        continue;
      }
      // the text kept is written as it was ("" for a call Go printed as "()"); without it, "..."
      String args = arguments.isEmpty() ? "..." : i < arguments.size() ? arguments.get(i) : "";
      sb.append(f.function()).append('(').append(args).append(")\n");
      position(f, i < extras.size() ? extras.get(i) : "", sb);
    }
    if (elision == frames.size()) {
      elision(stack, sb);
    }
  }

  private static void elision(Stack stack, StringBuilder sb) {
    if (stack.elidedFrames().isPresent()) {
      sb.append("...").append(stack.elidedFrames().getAsInt()).append(" frames elided...\n");
    } else {
      sb.append("...additional frames elided...\n");
    }
  }

  private static void position(Frame f, String extras, StringBuilder sb) {
    sb.append('\t').append(f.file()).append(':').append(f.line());
    if (f.entryOffset().isPresent()) {
      sb.append(" +0x").append(Long.toHexString(f.entryOffset().getAsLong()));
    }
    if (!extras.isEmpty()) {
      sb.append(' ').append(extras);
    }
    sb.append('\n');
  }

  /**
   * A label's key or value as Go 1.27 prints it: bare when it can be, else quoted in ASCII, with
   * {@code \n}, {@code \t}, {@code \r}, {@code \"} and {@code \\} named and other control
   * characters as {@code \xNN} (a bell is {@code "\x07"} in real output).
   */
  static String labelText(String s) {
    boolean bare = true;
    for (int i = 0; i < s.length() && bare; i++) {
      char c = s.charAt(i);
      bare = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
          || c == '/' || c == '_';
    }
    if (bare) {
      return s;
    }
    return quote(s, true);
  }

  /**
   * Quotes as Go does: {@code runtime} as the runtime prints a 1.27 header label (only {@code \n},
   * {@code \t}, {@code \r}, {@code \"}, {@code \\} named, other controls {@code \xNN}, all
   * non-ASCII escaped), else as {@code %q} (Go's named escapes, printable characters as they are).
   */
  private static String quote(String s, boolean runtime) {
    StringBuilder q = new StringBuilder(s.length() + 8).append('"');
    s.codePoints().forEach(c -> {
      String named = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\t' -> "\\t";
        case '\r' -> "\\r";
        case 0x07 -> runtime ? null : "\\a";
        case '\b' -> runtime ? null : "\\b";
        case '\f' -> runtime ? null : "\\f";
        case 0x0b -> runtime ? null : "\\v";
        default -> null;
      };
      if (named != null) {
        q.append(named);
      } else if (c < 0x20 || c == 0x7f) {
        q.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else if (c < 0x7f || !runtime && !Character.isISOControl(c) && Character.isDefined(c)) {
        q.appendCodePoint(c);
      } else {
        q.append(String.format(Locale.ROOT, c <= 0xffff ? "\\u%04x" : "\\U%08x", c));
      }
    });
    return q.append('"').toString();
  }
}
