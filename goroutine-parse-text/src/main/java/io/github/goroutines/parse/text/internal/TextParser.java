package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.internal.Interner;
import io.github.goroutines.parse.text.DumpListener;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The state machine that reads {@code debug=1} and {@code debug=2} text one line at a time, with
 * no regular expressions; it finds the dumps of an input and hands each line to the parser of its
 * grammar: {@link HeaderParser} for goroutine headers, {@link Debug2Blocks} for the lines of a
 * goroutine block, {@link Debug1Records} for debug=1 records. Strings are created only through the
 * per-parse {@link Interner}.
 *
 * <p>The states, with a sample line for each transition:
 *
 * <pre>
 * OUTSIDE          not in a block; anything that is not a header is skipped (and counted)
 *                    "goroutine 20 [chan receive, 1 minutes]:"          -&gt; IN_BLOCK
 *                    "goroutine profile: total 33"                      -&gt; BETWEEN_RECORDS
 * IN_BLOCK         the lines of a goroutine, read by {@link Debug2Blocks}
 *                    "main.worker(0x0, 0x0?)" / "\tmain.go:36 +0x2f" / "created by …"  (stays)
 *                    ""                                                 -&gt; OUTSIDE
 *                    text that is no part of a block                    -&gt; OUTSIDE, read again
 * BETWEEN_RECORDS  debug=1, between records
 *                    "3 @ 0x46e68e 0x4080fc 0x407cd2 0x516cb7 0x475ea1"   -&gt; IN_RECORD
 *                    anything else is read as OUTSIDE reads it
 * IN_RECORD        "# labels: {"user":"alice"}" / "#\t0x516cb6\tmain.worker+0x36\tmain.go:36"
 *                    ""                                                 -&gt; BETWEEN_RECORDS
 * </pre>
 *
 * A line that fits no transition inside a block ends the block (lenient: with a diagnostic, the
 * line then read again outside; strict: with a {@link io.github.goroutines.model.ProfileParseException}).
 *
 * <p>One input may hold several dumps, in either format (repeated SIGQUIT dumps in a log, a
 * {@code debug=2} dump followed by a {@code debug=1} one); each is reported to the
 * {@link DumpListener} between {@code beginDump} and {@code endDump}. A new dump starts where Go starts one:
 *
 * <ul>
 *   <li>at a {@code debug=1} header ({@code goroutine profile: total N});
 *   <li>at a line that opens a crash, {@code panic: …}, {@code fatal error: …} or a signal line such
 *       as {@code SIGQUIT: quit}, after goroutine blocks (a signal line right after the {@code -----}
 *       that separates the threads of one {@code GOTRACEBACK=crash} dump does not);
 *   <li>at a {@code [running]} goroutine with a stack after other text that followed goroutine
 *       blocks: {@code runtime.Stack} and {@code debug=2} print the dumping goroutine first, and
 *       within one dump Go prints nothing between blocks;
 *   <li>failing those, at a goroutine id other than 0 that the dump already holds. In the thread
 *       sections of a {@code GOTRACEBACK=crash} dump a goroutine that the dump already holds is the
 *       same goroutine seen from its thread: its first block is kept and the repeat is noted.
 * </ul>
 */
public final class TextParser {

  private enum State {
    OUTSIDE,
    IN_BLOCK,
    BETWEEN_RECORDS,
    IN_RECORD
  }

  private static final byte[] GOROUTINE = HeaderParser.GOROUTINE;
  /** How many "goroutine " after a line's start may open a header after a prefix. */
  private static final int HEADER_CANDIDATES = 4;
  private static final byte[] GOROUTINE_PROFILE = Bytes.ascii("goroutine profile: total ");
  private static final byte[] GOROUTINELEAK_PROFILE = Bytes.ascii("goroutineleak profile: total ");
  private static final byte[] SEPARATOR = Bytes.ascii("-----");
  private static final byte[] SIG = Bytes.ascii("SIG");
  private static final byte[] CTRL_BACKSLASH = Bytes.ascii("^\\");
  private static final byte[] PANIC = Bytes.ascii("panic: ");
  private static final byte[] FATAL_ERROR = Bytes.ascii("fatal error: ");
  private static final byte[] EXCEPTION = Bytes.ascii("Exception 0x");
  private static final byte[] EXTERNAL_CODE =
      Bytes.ascii("signal arrived during external code execution");
  private static final byte[] CREATED_BY = Bytes.ascii("created by ");
  private static final byte[] TAB_PANIC = Bytes.ascii("\tpanic: ");
  private static final byte[] SIGNAL_DETAIL = Bytes.ascii("[signal ");
  private static final byte[] PC = Bytes.ascii("PC=0x");
  /** The most lines of a crash's headline kept, and the most characters of each. */
  private static final int CRASH_LINES = 16;
  private static final int CRASH_LINE_CHARS = 1000;

  private final LineReader in;
  private final ParseOptions options;
  private final Interner interner;
  private final DumpListener sink;
  private final TextLine line = new TextLine();
  private final Problems problems;
  private final HeaderParser headers;
  private final Debug2Blocks blocks;
  private final Debug1Records records;
  private final DumpBoundaries boundaries = new DumpBoundaries();
  /** A log prefix (or indentation) that the lines of the current dump carry. */
  private final LinePrefix prefix = new LinePrefix();
  private final WrappedLine wrapped = new WrappedLine();
  /** A crash's headline read before its dump's first goroutine: the lines and their numbers. */
  private final List<String> crashLines = new ArrayList<>();
  private final List<Long> crashLineNumbers = new ArrayList<>();
  /** A blank line came after the crash's headline: a panic's value does not go on. */
  private boolean crashValueEnds = true;

  private State state = State.OUTSIDE;
  /** The format of the dump being reported, or null between dumps. */
  private ProfileFormat open;
  /** A Windows exception was printed: the frames that follow have no header. */
  private boolean headerless;
  private int dumps;
  private long declaredTotal;
  private long recordSum;
  private boolean lastDumpCut;
  private boolean stopAtFirstDump;

  /**
   * Creates a parser.
   *
   * @param in the lines
   * @param options limits and strictness
   * @param interner the deduplication tables of this parse
   * @param sink where results go
   */
  public TextParser(LineReader in, ParseOptions options, Interner interner, DumpListener sink) {
    this.in = in;
    this.options = options;
    this.interner = interner;
    this.sink = sink;
    this.problems = new Problems(options.strict(), line);
    LabelSets labelSets = new LabelSets(interner);
    this.headers = new HeaderParser(interner, labelSets);
    this.blocks = new Debug2Blocks(line, problems, interner, options.maxFramesPerStack(),
        options.tracebackText());
    this.records = new Debug1Records(line, problems, interner, labelSets, options.maxFramesPerStack());
  }

  /**
   * Creates the parser of a later part of a parallel parse: it reads on as if the part's first line
   * followed a blank line in a dump of {@code format} that holds goroutines or records already.
   * {@link #partEnds()} then tells whether the part was as plain as that assumption needs.
   *
   * @param in the lines of the part
   * @param options limits and strictness
   * @param interner this thread's tables
   * @param sink receives the part's samples (and any dump event, which spoils the part)
   * @param format the format of the dump the part continues
   * @return the parser
   */
  public static TextParser continuing(LineReader in, ParseOptions options, Interner interner,
      DumpListener sink, ProfileFormat format) {
    TextParser p = new TextParser(in, options, interner, sink);
    p.open = format;
    p.problems.dumpStarts(format);
    p.boundaries.dumpStarts();
    p.boundaries.sample(); // the dump holds blocks: text after them would end it
    p.state = format == ProfileFormat.DEBUG1 ? State.BETWEEN_RECORDS : State.OUTSIDE;
    return p;
  }

  /**
   * Reads all input.
   *
   * @return the number of dumps found
   * @throws io.github.goroutines.model.ProfileParseException on a limit, and on any problem when
   *     strict
   */
  public int run() {
    readLines();
    endOfInput();
    return dumps;
  }

  /**
   * Reads every line without ending the last dump: the first part of a parallel parse, which
   * {@link #append} and {@link #finish} complete.
   */
  public void read() {
    readLines();
  }

  /**
   * Ends the input after {@link #read()} (and {@link #append}).
   *
   * @return the number of dumps found
   */
  public int finish() {
    endOfInput();
    return dumps;
  }

  /**
   * Tells whether the parser, after {@link #read()}, stands where a later part can continue
   * without it: after a blank line in a dump with goroutines or records, with nothing pending (no
   * held line, no log prefix, no crash headline, no thread section).
   *
   * @return the format of the dump that goes on, or null when the parse cannot be split here
   */
  public ProfileFormat continuesAs() {
    boolean between = open == ProfileFormat.DEBUG2
        ? state == State.OUTSIDE && boundaries.samplesInDump() > 0 && boundaries.plain()
        : open == ProfileFormat.DEBUG1 && state == State.BETWEEN_RECORDS;
    boolean pending = wrapped.holding() || prefix.active() || !crashLines.isEmpty() || headerless;
    return between && !pending ? open : null;
  }

  /**
   * Ends a part made by {@link #continuing} and tells whether it was plain: goroutine blocks or
   * records only, each complete, with no diagnostic at all and no dump event. When it was not, the
   * parallel parse is not used.
   *
   * @return true when the part's samples can be appended to the dump it continues
   */
  public boolean partEnds() {
    if (wrapped.holding() || dumps > 0) {
      return false;
    }
    if (state == State.IN_BLOCK) {
      if (blocks.inputEnds()) {
        return false;
      }
      finishGoroutine();
    } else if (state == State.IN_RECORD) {
      if (!in.terminated()) {
        return false;
      }
      finishRecord();
    }
    Diagnostics d = problems.dumpEnds();
    return d.clean() && dumps == 0 && !prefix.active() && crashLines.isEmpty()
        && !headerless;
  }

  /**
   * Counts the samples of a later part into the dump that {@link #continuesAs()} said goes on, as
   * if this parser had read them; the caller hands them to the listener.
   *
   * @param samples the part's samples, in input order
   * @param ids the part's goroutine ids (debug=2)
   * @param counts the sum of the part's counts (debug=1), at least 0
   * @return false when the sequential parse would have read them otherwise (a goroutine id the
   *     dump holds already, a limit): then the parallel parse is not used
   */
  public boolean append(List<Sample> samples, long[] ids, long counts) {
    if (samples.size() > options.maxSamples() - boundaries.samplesInDump()) {
      return false;
    }
    if (open == ProfileFormat.DEBUG2) {
      for (long id : ids) {
        if (!boundaries.addId(id)) {
          return false;
        }
      }
    } else {
      if (counts > Long.MAX_VALUE - recordSum) {
        return false;
      }
      recordSum += counts;
    }
    boundaries.samples(samples.size());
    return true;
  }

  /**
   * The lines read so far.
   *
   * @return the number of the last line read, counted from the reader's first
   */
  public long linesRead() {
    return in.lineNumber();
  }

  /**
   * Reads up to the first line of the first dump, and no further.
   *
   * @return the format of the first dump, or null when the input holds none
   */
  public ProfileFormat firstDump() {
    stopAtFirstDump = true;
    readLines();
    return open;
  }

  /**
   * Tells whether the input ended inside a block or record of the last dump (a cut log or
   * transfer).
   *
   * @return true when the last dump was cut, after {@link #run()}
   */
  public boolean lastDumpCut() {
    return lastDumpCut;
  }

  private void readLines() {
    while (!(stopAtFirstDump && open != null) && in.next()) {
      line.set(in.buf(), in.start(), in.end(), in.lineNumber());
      if (prefix.active()) {
        int s = prefix.strip(line.b, line.s, line.e);
        if (s != line.s) {
          line.s = s;
          problems.repaired("lines with a log prefix, removed");
        }
        if (prefix.partial()) {
          partialLine();
          continue;
        }
      }
      if (wrapped.holding()) {
        afterHeld();
      } else {
        dispatch(true);
      }
    }
  }

  /** One line to the parser of the current state; {@code mayHold}: it may be held as wrapped. */
  private void dispatch(boolean mayHold) {
    if (line.e > line.s && isBlank(line.b[line.e - 1])) {
      trimTrailingBlanks();
    }
    switch (state) {
      case OUTSIDE -> outside(mayHold);
      case IN_BLOCK -> inBlock(mayHold);
      case BETWEEN_RECORDS -> betweenRecords();
      case IN_RECORD -> inRecord();
      default -> throw new IllegalStateException(state.name());
    }
  }

  /**
   * The line after a held one: when it continues the held line (a console wrapped it), the two are
   * read as one; otherwise the held lines are read as they were, then this one.
   */
  private void afterHeld() {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    int raw = line.rawStart;
    long number = line.number;
    if (wrapped.kind() == WrappedLine.Kind.PARTIAL) {
      wrapped.joinInto(line); // the last part of a CRI partial line
      wrapped.clear();
      dispatch(true);
      return;
    }
    if (continues()) {
      WrappedLine.Kind kind = wrapped.kind();
      wrapped.joinInto(line);
      if (completes(kind)) {
        wrapped.clear();
        problems.repaired("lines that a console wrapped, joined again");
        dispatch(true);
        return;
      }
      line.set(b, raw, e, number);
      line.s = s;
      if (wrapped.parts() < WrappedLine.MAX_PARTS) {
        wrapped.hold(kind, line);
        return;
      }
    }
    replayHeld();
    line.set(b, raw, e, number);
    line.s = s;
    dispatch(true);
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t';
  }

  /**
   * White space that an editor or a console added after a line Go ended: removed where it would
   * hide a complete line (a header or call line ends with ':' or ')', a label set with '}', and
   * "created by", debug=1 headers and records, and '#' lines end with a number). Other lines keep
   * it: a console may have wrapped them after a space, and their join needs it.
   */
  private void trimTrailingBlanks() {
    byte[] b = line.b;
    int t = line.e;
    while (t > line.s && isBlank(b[t - 1])) {
      t--;
    }
    if (t == line.s) {
      return;
    }
    byte last = b[t - 1];
    byte first = b[line.s];
    if (last == ':' || last == ')' || last == '}' || first == '#' || Bytes.isDigit(first)
        || line.startsWith(CREATED_BY) || line.startsWith(GOROUTINE_PROFILE)
        || line.startsWith(GOROUTINELEAK_PROFILE)) {
      line.e = t;
      problems.repaired("lines with white space after their end, trimmed");
    }
  }

  /** A CRI partial line: held, and joined with the lines that carry its rest. */
  private void partialLine() {
    if (wrapped.holding() && wrapped.kind() != WrappedLine.Kind.PARTIAL) {
      // a line held as wrapped is settled first, as it was
      byte[] b = line.b;
      int s = line.s;
      int e = line.e;
      int raw = line.rawStart;
      long number = line.number;
      replayHeld();
      line.set(b, raw, e, number);
      line.s = s;
    }
    if (wrapped.length() + line.e - line.s > options.maxLineBytes()) {
      throw problems.limit("line longer than " + options.maxLineBytes() + " bytes (joined from CRI"
          + " partial lines)", "maxLineBytes");
    }
    wrapped.hold(WrappedLine.Kind.PARTIAL, line);
    problems.repaired("CRI partial lines, joined");
  }

  /** The held lines were no wrapped line: read each as it was. */
  private void replayHeld() {
    int n = wrapped.parts();
    for (int i = 0; i < n; i++) {
      wrapped.partInto(i, line);
      dispatch(false);
    }
    wrapped.clear();
  }

  /** Whether the current line can be the rest of a wrapped one: text that starts nothing new. */
  private boolean continues() {
    if (line.blank()) {
      return false;
    }
    byte c = line.b[line.s];
    return c != '\t' && c != ' ' && !line.startsWith(GOROUTINE) && !line.startsWith(CREATED_BY);
  }

  /** Whether the joined line is now what the held one lacked the end of. */
  private boolean completes(WrappedLine.Kind kind) {
    return switch (kind) {
      case HEADER -> headers.parse(line, line.s) != null;
      case CALL -> line.b[line.e - 1] == ')';
      case FILE -> Bytes.lineColon(line.b, line.s, line.e) >= 0;
      case PARTIAL -> true;
    };
  }

  // ------------------------------------------------------------------ outside any block

  private void outside(boolean mayHold) {
    if (line.blank()) {
      boundaries.blankLine();
      crashValueEnds = true;
      return;
    }
    if (line.startsWith(GOROUTINE)) {
      Header h = headers.parse(line, line.s);
      if (h != null) {
        startGoroutine(h, line.s);
        return;
      }
      if (mayHold && looksLikeAWrappedHeader()) {
        wrapped.hold(WrappedLine.Kind.HEADER, line);
        return;
      }
    }
    if (debug1Header()) {
      return;
    }
    // a header after a log prefix, a code fence's indentation, a line number: the prefix is
    // learned, and removed from the following lines. A prefix says "goroutine " rarely if ever;
    // trying only the first few keeps a hostile line of a million of them linear.
    int candidates = 0;
    for (int at = line.indexOf(GOROUTINE, line.s + 1); at >= 0 && candidates++ < HEADER_CANDIDATES;
        at = line.indexOf(GOROUTINE, at + 1)) {
      Header h = headers.parse(line, at);
      if (h != null) {
        prefix.learn(line.b, line.rawStart, at, line.e);
        startGoroutine(h, at);
        return;
      }
      if (debug1HeaderAt(at)) {
        return;
      }
    }
    int leak = line.indexOf(GOROUTINELEAK_PROFILE, line.s + 1);
    if (leak > 0 && debug1HeaderAt(leak)) {
      return;
    }
    if (line.startsWith(EXCEPTION) || line.startsWith(EXTERNAL_CODE)) {
      // Windows: the faulting goroutine's frames follow without a header
      if (line.startsWith(EXCEPTION) && open == ProfileFormat.DEBUG2
          && boundaries.samplesInDump() > 0) {
        endDump();
      }
      headerless = true;
    } else if (headerless && looksLikeACallLine()) {
      startHeaderless(mayHold);
      return;
    }
    if (line.startsWith(SEPARATOR)) {
      boundaries.separator();
    } else if (open == ProfileFormat.DEBUG2 && boundaries.samplesInDump() > 0) {
      if (textAfterBlocks()) {
        crashStarts();
        return;
      }
    } else if (open == null && opensACrash()) {
      crashStarts();
      return;
    } else if (open == null && !crashLines.isEmpty() && continuesACrash()) {
      crashContinues();
      return;
    }
    problems.skipped();
  }

  /** "panic: …", "fatal error: …", "SIGQUIT: quit": the first line of a crash. */
  private boolean opensACrash() {
    return line.startsWith(PANIC) || line.startsWith(FATAL_ERROR) || isSignalLine();
  }

  /**
   * The lines of a panic's value up to the blank line Go prints after it, the nested panics of a
   * chain, the signal's details, a fatal error after a panic.
   */
  private boolean continuesACrash() {
    return !crashValueEnds || opensACrash() || line.startsWith(TAB_PANIC)
        || line.startsWith(SIGNAL_DETAIL) || line.startsWith(PC);
  }

  /** A crash's first line: what came before it in the same place was no crash of a dump. */
  private void crashStarts() {
    dropCrash();
    crashContinues();
    crashValueEnds = false;
  }

  private void crashContinues() {
    if (crashLines.size() == CRASH_LINES) {
      problems.skipped();
      return;
    }
    crashLines.add(interner.string(line.b, line.s, Math.min(line.e, line.s + CRASH_LINE_CHARS)));
    crashLineNumbers.add(line.number);
  }

  /** A headline that no dump followed is text like any other: counted as skipped. */
  private void dropCrash() {
    for (long number : crashLineNumbers) {
      problems.skippedAt(number);
    }
    crashLines.clear();
    crashLineNumbers.clear();
  }

  /**
   * A line outside the blocks of a debug=2 dump that has some: it opens the next dump (a panic, a
   * fatal error, a signal: true), or it is other text, after which a running goroutine opens one.
   */
  private boolean textAfterBlocks() {
    if (line.startsWith(PANIC) || line.startsWith(FATAL_ERROR)
        || (!boundaries.afterSeparator() && isSignalLine())) {
      endDump();
      return true;
    }
    boundaries.text(line.b[line.s]);
    return false;
  }

  /** "SIGQUIT: quit", also after the "^\" a terminal echoes for Ctrl+\. */
  private boolean isSignalLine() {
    int i = line.at(line.s, CTRL_BACKSLASH) ? line.s + CTRL_BACKSLASH.length : line.s;
    if (!line.at(i, SIG)) {
      return false;
    }
    i += SIG.length;
    int nameStart = i;
    while (i < line.e && ((line.b[i] >= 'A' && line.b[i] <= 'Z') || Bytes.isDigit(line.b[i]))) {
      i++;
    }
    return i > nameStart && i < line.e && line.b[i] == ':';
  }

  /** "goroutine 5 [chan receive, 1" whose end a console moved to the next line. */
  private boolean looksLikeAWrappedHeader() {
    int id = line.s + GOROUTINE.length;
    int idEnd = Bytes.digitsEnd(line.b, id, line.e);
    return idEnd > id && idEnd < line.e && line.b[idEnd] == ' ' && line.b[line.e - 1] != ':';
  }

  /** "main.worker(0x0, 0x1)": a name without spaces, then its arguments. */
  private boolean looksLikeACallLine() {
    byte[] b = line.b;
    int e = line.e;
    if (b[e - 1] != ')' || b[line.s] == '\t' || b[line.s] == ' ') {
      return false;
    }
    int paren = Bytes.lastIndexOf(b, (byte) '(', line.s, e);
    return paren > line.s && Bytes.indexOf(b, (byte) ' ', line.s, paren) < 0;
  }

  /**
   * The frames after a Windows exception belong to the goroutine that ran the external code; Go
   * prints no header for it, so it is kept with an unknown id.
   */
  private void startHeaderless(boolean mayHold) {
    startGoroutine(headers.unknown("running"), line.s);
    problems.repaired("goroutines printed without a header after a Windows exception, kept with"
        + " an unknown id");
    inBlock(mayHold);
  }

  // ------------------------------------------------------------------ debug=2

  private void startGoroutine(Header h, int headerStart) {
    boolean repeated = open == ProfileFormat.DEBUG2 && h.id != 0 && !boundaries.addId(h.id);
    if (open != ProfileFormat.DEBUG2 || (repeated && !boundaries.afterSeparator())) {
      begin(ProfileFormat.DEBUG2, "goroutine", -1);
      boundaries.addId(h.id);
      repeated = false;
      if (!crashLines.isEmpty()) {
        // the goroutine Go prints first after the headline is the one that crashed
        sink.crash(new Crash(crashLines, h.idKnown ? OptionalLong.of(h.id) : OptionalLong.empty()));
        crashLines.clear();
        crashLineNumbers.clear();
      }
    }
    boundaries.goroutineStarts(repeated, h.state);
    if (h.damage != null) {
      problems.problem(
          (h.idKnown ? "goroutine " + Long.toUnsignedString(h.id) + ": " : "") + h.damage);
    }
    headerless = false;
    if (headerStart == line.rawStart) {
      prefix.forget();
    }
    blocks.start(h, line.number);
    state = State.IN_BLOCK;
  }

  private void inBlock(boolean mayHold) {
    Debug2Blocks.Outcome outcome = blocks.line(mayHold);
    if (outcome == Debug2Blocks.Outcome.CONTINUES) {
      return; // the usual case: a frame line
    }
    if (outcome == Debug2Blocks.Outcome.WRAPPED_CALL) {
      wrapped.hold(WrappedLine.Kind.CALL, line);
      return;
    }
    if (outcome == Debug2Blocks.Outcome.WRAPPED_FILE) {
      wrapped.hold(WrappedLine.Kind.FILE, line);
      return;
    }
    finishGoroutine();
    state = State.OUTSIDE;
    if (outcome == Debug2Blocks.Outcome.BROKEN) {
      boundaries.brokenBlock();
      outside(mayHold);
    } else if (outcome == Debug2Blocks.Outcome.ENDED_BEFORE) {
      outside(mayHold);
    }
  }

  private void finishGoroutine() {
    Goroutine g = blocks.finish();
    if (boundaries.seenInDump()) {
      // not strict-only: the input is fine, the repeat is how GOTRACEBACK=crash prints threads
      problems.note("goroutine " + Long.toUnsignedString(g.id()) + " appears again in a thread"
          + " section (line " + blocks.headerLine() + "); its first block is kept");
      return;
    }
    if (boundaries.opensDump() && !g.stackUnavailable()) {
      splitDump(blocks.headerLine(), g.id());
    }
    if (g.incomplete()) {
      problems.incomplete();
    }
    emit(Sample.of(g));
  }

  // ------------------------------------------------------------------ debug=1

  /**
   * "goroutine profile: total 33", or Go 1.26+'s "goroutineleak profile: total 3". Other profiles of
   * the same text family ({@code threadcreate}, a user's {@code pprof.NewProfile}) count something
   * else than goroutines: their header is text like any other.
   */
  private boolean debug1Header() {
    if (!startsDebug1(line.s)) {
      return false;
    }
    prefix.forget();
    return true;
  }

  /** A debug=1 header after a prefix (a code fence's indentation, a log's time stamp). */
  private boolean debug1HeaderAt(int at) {
    if (!startsDebug1(at)) {
      return false;
    }
    prefix.learn(line.b, line.rawStart, at, line.e);
    return true;
  }

  /** A debug=1 dump starts when the line holds its header at {@code at}. */
  private boolean startsDebug1(int at) {
    byte[] header;
    if (line.at(at, GOROUTINE_PROFILE)) {
      header = GOROUTINE_PROFILE;
    } else if (line.at(at, GOROUTINELEAK_PROFILE)) {
      header = GOROUTINELEAK_PROFILE;
    } else {
      return false;
    }
    long total = Bytes.parseDecimal(line.b, at + header.length, line.e);
    if (total < 0) {
      return false;
    }
    int nameEnd = at + header.length - " profile: total ".length();
    begin(ProfileFormat.DEBUG1, interner.string(line.b, at, nameEnd), total);
    declaredTotal = total;
    recordSum = 0;
    state = State.BETWEEN_RECORDS;
    return true;
  }

  private void betweenRecords() {
    if (line.blank()) {
      return;
    }
    byte[] b = line.b;
    if (Bytes.isDigit(b[line.s])) {
      int countEnd = Bytes.digitsEnd(b, line.s, line.e);
      if (countEnd + 1 < line.e && b[countEnd] == ' ' && b[countEnd + 1] == '@') {
        if (records.start(countEnd)) {
          state = State.IN_RECORD;
        } else {
          problems.problem("expected 'N @ 0x… 0x…'");
        }
        return;
      }
    }
    outside(false);
  }

  private void inRecord() {
    if (line.blank()) {
      finishRecord();
      return;
    }
    if (!records.line()) {
      finishRecord();
      betweenRecords();
    }
  }

  private void finishRecord() {
    if (records.count() > Long.MAX_VALUE - recordSum) {
      long room = Long.MAX_VALUE - recordSum;
      problems.problem("the records' counts sum past 2^63 - 1: the count "
          + records.count() + " of this record is cut to " + room);
      records.cutCount(room);
    }
    recordSum += records.count();
    emit(records.finish());
    state = State.BETWEEN_RECORDS;
  }

  // ------------------------------------------------------------------ dumps

  private void begin(ProfileFormat format, String type, long total) {
    if (open != null) {
      endDump();
    }
    if (format == ProfileFormat.DEBUG1) {
      dropCrash();
    }
    open = format;
    problems.dumpStarts(format);
    dumps++;
    boundaries.dumpStarts();
    sink.beginDump(format, type, total, line.number);
  }

  /** Ends the debug=2 dump before the goroutine whose header is on {@code headerLine}. */
  private void splitDump(long headerLine, long id) {
    sink.endDump(problems.dumpEnds());
    problems.dumpStarts(ProfileFormat.DEBUG2);
    dumps++;
    boundaries.dumpStarts();
    boundaries.addId(id);
    sink.beginDump(ProfileFormat.DEBUG2, "goroutine", -1, headerLine);
  }

  private void endDump() {
    if (open == null) {
      return;
    }
    if (open == ProfileFormat.DEBUG1 && recordSum != declaredTotal) {
      problems.dumpProblem(
          "header declares total " + declaredTotal + " but the records sum to " + recordSum);
    }
    sink.endDump(problems.dumpEnds());
    open = null;
    state = State.OUTSIDE;
  }

  private void emit(Sample sample) {
    if (boundaries.samplesInDump() >= options.maxSamples()) {
      throw problems.limit("more than " + options.maxSamples() + " goroutines or records in one"
          + " dump", "maxSamples");
    }
    boundaries.sample();
    sink.sample(sample);
  }

  private void endOfInput() {
    if (wrapped.holding()) {
      replayHeld();
    }
    boolean cut = !in.terminated();
    if (state == State.IN_BLOCK) {
      lastDumpCut = blocks.inputEnds();
      finishGoroutine();
    } else if (state == State.IN_RECORD) {
      lastDumpCut = cut;
      finishRecord();
    }
    state = State.OUTSIDE;
    endDump();
    dropCrash();
  }
}
