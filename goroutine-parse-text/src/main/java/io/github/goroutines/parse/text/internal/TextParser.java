package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Ancestor;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.internal.Canon;
import io.github.goroutines.model.internal.DiagnosticsCollector;
import io.github.goroutines.model.internal.GoStrings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The byte-level state machine that reads {@code debug=1} and {@code debug=2} text, one line at a
 * time, with no regular expressions. This class is the performance-tuned part of the module: it
 * scans byte ranges of the current line and creates strings only through the per-parse
 * {@link Canon}. Everything around it is written for reading.
 *
 * <p>One input may hold several dumps, in either format (repeated SIGQUIT dumps in a log, a
 * {@code debug=2} dump followed by a {@code debug=1} one); each is reported to the {@link Sink}
 * between {@code begin} and {@code end}. A new dump starts where Go starts one:
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
 *
 * <p>The states, with a sample line for each transition:
 *
 * <pre>
 * OUTSIDE        not in a block; anything that is not a header is skipped (and counted)
 *                  "goroutine 20 [chan receive, 1 minutes]:"        -&gt; CALL
 *                  "goroutine profile: total 33"                    -&gt; RECORDS
 * CALL           expects a call line, or what ends the frames
 *                  "main.worker(0x0, 0x0?)"                         -&gt; FILE
 *                  "sync.(*Mutex).Lock(...)"  (inlined)             -&gt; FILE
 *                  "...21 frames elided..." / "...additional frames elided..."   -&gt; CALL
 *                  "\tgoroutine running on other thread; stack unavailable"     -&gt; CALL
 *                  "non-Go function at pc=0x45a1b0"                 -&gt; CALL
 *                  "created by main.main in goroutine 1"            -&gt; CREATOR_FILE
 *                  "[originating from goroutine 9]:"  (ancestors)   -&gt; CALL
 *                  ""                                               -&gt; OUTSIDE
 * FILE           "\texample.com/app/main.go:36 +0x2f fp=0x… sp=0x… pc=0x…"     -&gt; CALL
 * CREATOR_FILE   "\texample.com/app/main.go:45 +0x7e"               -&gt; AFTER_CREATOR
 * AFTER_CREATOR  ""                                                 -&gt; OUTSIDE
 *                  "[originating from goroutine 9]:"                -&gt; CALL
 * RECORDS        debug=1, between records
 *                  "3 @ 0x46e68e 0x4080fc 0x407cd2 0x516cb7 0x475ea1" -&gt; RECORD
 * RECORD         "# labels: {"user":"alice"}"                       -&gt; RECORD
 *                  "#\t0x516cb6\tmain.worker+0x36\tmain.go:36"      -&gt; RECORD
 *                  ""                                               -&gt; RECORDS
 * </pre>
 *
 * A line that fits no transition inside a block ends the block (lenient: with a diagnostic, the
 * line then read again as OUTSIDE; strict: with a {@link ProfileParseException}).
 */
public final class TextParser {

  /** Receives what the parser finds. */
  public interface Sink {
    /**
     * A dump starts.
     *
     * @param format its format
     * @param type the profile name ({@code goroutine} for debug=2)
     * @param declaredTotal the header total, or -1
     * @param line the 1-based line where it starts
     */
    void begin(ProfileFormat format, String type, long declaredTotal, long line);

    /**
     * A record or goroutine.
     *
     * @param sample the sample
     */
    void sample(Sample sample);

    /**
     * The dump ends.
     *
     * @param diagnostics what was passed over in it
     */
    void end(Diagnostics diagnostics);
  }

  private enum State {
    OUTSIDE,
    CALL,
    FILE,
    CREATOR_FILE,
    AFTER_CREATOR,
    RECORDS,
    RECORD
  }

  private static final byte[] GOROUTINE = bytes("goroutine ");
  private static final byte[] CREATED_BY = bytes("created by ");
  private static final byte[] IN_GOROUTINE = bytes(" in goroutine ");
  private static final byte[] ORIGINATING = bytes("[originating from goroutine ");
  private static final byte[] UNAVAILABLE = bytes("goroutine running on other thread; stack unavailable");
  private static final byte[] NON_GO = bytes("non-Go function at pc=0x");
  private static final byte[] ELIDED_OLD = bytes("...additional frames elided...");
  private static final byte[] FRAMES_ELIDED = bytes(" frames elided...");
  private static final byte[] PROFILE_TOTAL = bytes(" profile: total ");
  private static final byte[] GOROUTINE_PROFILE = bytes("goroutine profile: total ");
  private static final byte[] GOROUTINELEAK_PROFILE = bytes("goroutineleak profile: total ");
  private static final byte[] LABELS_1 = bytes("# labels: {");
  private static final byte[] LABELS_126 = bytes(" labels:{");
  private static final byte[] MINUTES = bytes(" minutes");
  private static final byte[] LOCKED = bytes("locked to thread");
  private static final byte[] SYNCTEST_GROUP = bytes("synctest group ");
  private static final byte[] SYNCTEST_BUBBLE = bytes("synctest bubble ");
  private static final byte[] PLUS_0X = bytes(" +0x");
  private static final byte[] SEPARATOR = bytes("-----");
  private static final byte[] SIG = bytes("SIG");
  private static final byte[] CTRL_BACKSLASH = bytes("^\\");
  private static final byte[] PANIC = bytes("panic: ");
  private static final byte[] FATAL_ERROR = bytes("fatal error: ");

  private final LineReader in;
  private final ParseOptions options;
  private final Canon canon;
  private final Sink sink;

  private State state = State.OUTSIDE;
  private ProfileFormat open; // format of the dump being reported, or null
  private DiagnosticsCollector diag = new DiagnosticsCollector();
  private final LongSet ids = new LongSet();
  private boolean afterSeparator;
  private long samples;

  // the current line, prefix removed
  private byte[] b;
  private int s;
  private int e;
  private static final byte[] NONE = new byte[0];
  private byte[] prefix = NONE;

  // header scratch, filled by parseHeader
  private long hId;
  private String hState;
  private long hMinutes;
  private boolean hLocked;
  private long hGroup;
  private long hBubble;
  private Labels hLabels;
  private Map<String, String> hFields;
  private List<String> hOther;
  private String hProblem;

  // the goroutine being read
  private boolean inBlock;
  private long gId;
  private String gState;
  private long gMinutes;
  private boolean gLocked;
  private long gGroup;
  private long gBubble;
  private Labels gLabels;
  private Map<String, String> gFields;
  private List<String> gOther;
  private int gLine;
  private boolean gUnavailable;
  private boolean gIncomplete;
  /** The dump already holds this id: a thread section of GOTRACEBACK=crash shows it again. */
  private boolean gSeenInDump;
  /** A running goroutine after text: the first goroutine of a new dump, if it has a stack. */
  private boolean gOpensDump;
  private Frame gCreatedBy;
  private long gCreator;
  private final List<Ancestor> gAncestors = new ArrayList<>(0);
  private final FrameList own = new FrameList();
  // the ancestor section being read, when inAncestor
  private boolean inAncestor;
  private long aId;
  private Frame aCreatedBy;
  private final FrameList anc = new FrameList();
  // a call line waiting for its file line
  private byte[] callName = new byte[256];
  private int callNameLength;
  private String callFunction;
  private String callArgs;
  /** The pending call had no parentheses (a cgo symbolizer's C frame). */
  private boolean bareCall;
  private final FrameCache frameCache = new FrameCache();
  /** Argument text: shared while it repeats, bounded because pointers make most of it unique. */
  private final Canon args = new Canon(1 << 16);

  // the debug=1 record being read
  private long rCount;
  private long[] rPcs = new long[64];
  private int rPcCount;
  private Labels rLabels;
  private final FrameList rec = new FrameList();
  private long declaredTotal;
  private long recordSum;

  /**
   * Creates a parser.
   *
   * @param in the lines
   * @param options limits and strictness
   * @param canon the deduplication tables of this parse
   * @param sink where results go
   */
  public TextParser(LineReader in, ParseOptions options, Canon canon, Sink sink) {
    this.in = in;
    this.options = options;
    this.canon = canon;
    this.sink = sink;
  }

  /**
   * Reads all input.
   *
   * @return the number of dumps found
   * @throws ProfileParseException on a limit, and on any problem when strict
   */
  public int run() {
    readLines();
    eof();
    return dumps;
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

  private void readLines() {
    while (!(stopAtFirstDump && open != null) && in.next()) {
      b = in.buf();
      s = in.start();
      rawStart = s;
      e = in.end();
      if (prefix.length > 0 && startsWith(prefix)) {
        s += prefix.length;
      }
      line();
    }
  }

  private boolean stopAtFirstDump;

  private int rawStart;
  private int dumps;
  private boolean lastDumpCut;

  /**
   * Tells whether the input ended inside a goroutine block of the last dump (a cut log or transfer).
   *
   * @return true when the last dump was cut, after {@link #run()}
   */
  public boolean lastDumpCut() {
    return lastDumpCut;
  }

  private void line() {
    switch (state) {
      case OUTSIDE -> outside();
      case CALL -> call();
      case FILE -> file();
      case CREATOR_FILE -> creatorFile();
      case AFTER_CREATOR -> afterCreator();
      case RECORDS -> records();
      case RECORD -> record();
      default -> throw new IllegalStateException(state.name());
    }
  }

  // ---------------------------------------------------------------- debug=2

  private void outside() {
    if (s == e) {
      brokenBlock = false;
      return;
    }
    if (startsWith(GOROUTINE) && parseHeader(s)) {
      startGoroutine(s);
      return;
    }
    if (tryDebug1Header()) {
      return;
    }
    // a header after a log prefix or indentation
    int at = indexOf(GOROUTINE, s + 1);
    while (at >= 0) {
      if (parseHeader(at)) {
        // indentation, or a log prefix that following lines may repeat
        prefix = Arrays.copyOfRange(b, rawStart, at);
        startGoroutine(at);
        return;
      }
      at = indexOf(GOROUTINE, at + 1);
    }
    if (hProblem != null) {
      problem(hProblem);
      hProblem = null;
      return;
    }
    if (startsWith(SEPARATOR)) {
      afterSeparator = true;
    } else if (open == ProfileFormat.DEBUG2 && samplesInDump > 0) {
      textAfterBlocks();
    }
    skip();
  }

  /**
   * A line outside the blocks of a debug=2 dump that has some: it opens the next dump (a panic, a
   * fatal error, a signal), or it is other text, after which a running goroutine opens one.
   */
  private void textAfterBlocks() {
    if (startsWith(PANIC) || startsWith(FATAL_ERROR)) {
      endDump();
    } else if (!afterSeparator && isSignalLine()) {
      endDump();
    } else if (!afterSeparator && !brokenBlock && b[s] != '\t' && b[s] != ' ') {
      textSinceBlock = true; // not indented: not a frame line
    }
  }

  /** "SIGQUIT: quit", also after the "^\" a terminal echoes for Ctrl+\. */
  private boolean isSignalLine() {
    int i = regionEquals(s, CTRL_BACKSLASH) ? s + CTRL_BACKSLASH.length : s;
    if (!regionEquals(i, SIG)) {
      return false;
    }
    i += SIG.length;
    int nameStart = i;
    while (i < e && ((b[i] >= 'A' && b[i] <= 'Z') || isDigit(b[i]))) {
      i++;
    }
    return i > nameStart && i < e && b[i] == ':';
  }

  private long samplesInDump;
  /** Non-blank text was skipped since the last goroutine block of the dump. */
  private boolean textSinceBlock;
  /** The lines up to the next blank line are the rest of a block that a malformed line ended. */
  private boolean brokenBlock;

  private void startGoroutine(int headerStart) {
    boolean repeated = open == ProfileFormat.DEBUG2 && hId != 0 && !ids.add(hId);
    if (open != ProfileFormat.DEBUG2 || (repeated && !afterSeparator)) {
      begin(ProfileFormat.DEBUG2, "goroutine", -1);
      if (hId != 0) {
        ids.add(hId);
      }
      repeated = false;
    }
    gSeenInDump = repeated;
    gOpensDump = textSinceBlock && !afterSeparator && samplesInDump > 0 && hState.equals("running");
    textSinceBlock = false;
    afterSeparator = false;
    brokenBlock = false;
    inBlock = true;
    gId = hId;
    gState = hState;
    gMinutes = hMinutes;
    gLocked = hLocked;
    gGroup = hGroup;
    gBubble = hBubble;
    gLabels = hLabels;
    gFields = hFields;
    gOther = hOther;
    gLine = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
    gUnavailable = false;
    gIncomplete = false;
    gCreatedBy = null;
    gCreator = -1;
    gAncestors.clear();
    own.clear();
    inAncestor = false;
    if (headerStart == rawStart) {
      prefix = NONE;
    }
    state = State.CALL;
  }

  private void call() {
    if (s == e) {
      finishGoroutine();
      state = State.OUTSIDE;
      return;
    }
    byte c = b[s];
    if (c == 'g' && startsWith(GOROUTINE) && parseHeader(s)) {
      finishGoroutine();
      startGoroutine(s);
      return;
    }
    if (c == '\t' || c == ' ') {
      int t = skipSpace(s);
      if (regionEquals(t, UNAVAILABLE)) {
        gUnavailable = true;
        return;
      }
      malformed("expected a call line, got a file line without one");
      return;
    }
    if (c == '.' && e - s >= 5 && b[s + 1] == '.' && b[s + 2] == '.') {
      elision();
      return;
    }
    if (c == 'c' && startsWith(CREATED_BY)) {
      createdBy();
      return;
    }
    if (c == '[' && startsWith(ORIGINATING)) {
      originating();
      return;
    }
    if (c == 'n' && startsWith(NON_GO)) {
      long pc = parseHex(s + NON_GO.length, e);
      if (pc == -1 && !allHex(s + NON_GO.length, e)) {
        malformed("expected a hex PC after 'non-Go function at pc='");
        return;
      }
      frames().add(
          canon.frame(
              Frame.of("non-Go function", "", 0, OptionalLong.of(pc), OptionalLong.empty(), false)),
          "",
          "");
      return;
    }
    if (b[e - 1] == ')') {
      int paren = lastIndexOf((byte) '(', e - 1);
      if (paren > s) {
        // keep the raw name: the file line decides whether a cached frame can be used
        callName = copy(callName, s, paren);
        callNameLength = paren - s;
        callFunction = null;
        callArgs = args.string(b, paren + 1, e - 1);
        bareCall = false;
        state = State.FILE;
        return;
      }
    }
    if (b[e - 1] == ')') {
      malformed("expected a call line such as 'main.worker(0x0)'");
      return;
    }
    if (isSymbol(s, e)) {
      // a C frame named by a cgo symbolizer, without parentheses ("C.foo"), if a file line follows
      callName = copy(callName, s, e);
      callNameLength = e - s;
      callFunction = null;
      callArgs = "";
      bareCall = true;
      state = State.FILE;
      return;
    }
    // text after the last frame without a blank line ("exit status 2" of go run, a log line):
    // the block ended; the line is read again outside it. Before any frame it is a broken block.
    brokenBlock = own.isEmpty() && !gUnavailable;
    finishGoroutine();
    state = State.OUTSIDE;
    outside();
  }

  private void elision() {
    FrameList f = frames();
    if (regionEquals(s, ELIDED_OLD) && e - s == ELIDED_OLD.length) {
      f.elide(-1); // Go <= 1.20, and ancestor sections
      return;
    }
    int digitsEnd = s + 3;
    while (digitsEnd < e && isDigit(b[digitsEnd])) {
      digitsEnd++;
    }
    if (digitsEnd > s + 3
        && e - digitsEnd == FRAMES_ELIDED.length
        && regionEquals(digitsEnd, FRAMES_ELIDED)) {
      long n = parseDecimal(s + 3, digitsEnd); // Go 1.21+: "...N frames elided..."
      f.elide(n < 0 || n > Integer.MAX_VALUE ? -1 : (int) n);
      return;
    }
    malformed("expected '...N frames elided...' or '...additional frames elided...'");
  }

  private void createdBy() {
    int nameEnd = e;
    long creator = -1;
    int inAt = lastIndexOf(IN_GOROUTINE, e);
    if (inAt > s + CREATED_BY.length) {
      long id = parseUnsigned(inAt + IN_GOROUTINE.length, e);
      if (id != -1) {
        creator = id; // Go 1.21+
        nameEnd = inAt;
      }
    }
    if (nameEnd <= s + CREATED_BY.length) {
      malformed("expected a function after 'created by'");
      return;
    }
    callName = copy(callName, s + CREATED_BY.length, nameEnd);
    callNameLength = nameEnd - s - CREATED_BY.length;
    callFunction = null;
    if (!inAncestor) {
      gCreator = creator;
    }
    state = State.CREATOR_FILE;
  }

  private void originating() {
    int close = e - 2;
    long id = close > s + ORIGINATING.length && b[close] == ']' && b[e - 1] == ':'
        ? parseDecimal(s + ORIGINATING.length, close)
        : -1;
    if (id < 0) {
      malformed("expected '[originating from goroutine N]:'");
      return;
    }
    endAncestor();
    inAncestor = true;
    aId = id;
    aCreatedBy = null;
    anc.clear();
    state = State.CALL;
  }

  private void endAncestor() {
    if (inAncestor) {
      gAncestors.add(
          new Ancestor(aId, anc.stack(), Optional.ofNullable(aCreatedBy)));
      inAncestor = false;
    }
  }

  private byte[] copy(byte[] into, int from, int to) {
    int n = to - from;
    byte[] target = into.length >= n ? into : new byte[Math.max(n, into.length * 2)];
    System.arraycopy(b, from, target, 0, n);
    return target;
  }

  /** The function of the pending call line, made a string on first use. */
  private String callFunction() {
    if (callFunction == null) {
      callFunction = canon.string(callName, 0, callNameLength);
    }
    return callFunction;
  }

  private void file() {
    Frame f = cachedFrame(callArgs.equals("..."));
    if (f == null && bareCall) {
      // the word was not a C frame but text after the block: the block ended before it
      state = State.CALL;
      finishGoroutine();
      state = State.OUTSIDE;
      outside();
      return;
    }
    if (f == null) {
      // the call is kept without a source position; the line is read again outside the block
      malformed("expected a file line such as '\\tmain.go:36 +0x2f' after a call line");
      return;
    }
    frames().add(f, callArgs, fileExtras);
    state = State.CALL;
  }

  /**
   * The frame of the pending call (or created-by) name and the current file line, from the frame
   * cache when this place was seen before; null when the line is not a file line.
   */
  private Frame cachedFrame(boolean inlined) {
    Frame f = null;
    int t = s < e && (b[s] == '\t' || b[s] == ' ') ? skipSpace(s) : -1;
    int keyEnd = t < 0 ? -1 : extrasStart(t);
    int h = 0;
    if (keyEnd > t) {
      h = FrameCache.hash(callName, callNameLength, b, t, keyEnd, inlined);
      f = frameCache.get(h, callName, callNameLength, b, t, keyEnd, inlined);
    }
    if (f != null) {
      fileExtras = keyEnd < e ? canon.string(b, keyEnd + 1, e) : "";
      return f;
    }
    f = fileFrame(callFunction(), inlined);
    if (f != null && keyEnd > t) {
      frameCache.put(h, callName, callNameLength, b, t, keyEnd, inlined, f);
    }
    return f;
  }

  /** Where " fp=" or " pc=" extras start after "file:line +0x…", or the line end. */
  private int extrasStart(int t) {
    int colon = lineColon(t, e);
    if (colon < 0) {
      return -1;
    }
    int i = colon + 1;
    while (i < e && isDigit(b[i])) {
      i++;
    }
    if (i < e && regionEquals(i, PLUS_0X)) {
      i += PLUS_0X.length;
      while (i < e && isHex(b[i])) {
        i++;
      }
    }
    return i;
  }

  private void creatorFile() {
    Frame f = cachedFrame(false);
    if (f == null) {
      malformed("expected a file line after 'created by'");
      return;
    }
    setCreator(f);
    state = State.AFTER_CREATOR;
  }

  private void setCreator(Frame f) {
    if (inAncestor) {
      aCreatedBy = f;
    } else {
      gCreatedBy = f;
    }
  }

  private void afterCreator() {
    if (s == e) {
      finishGoroutine();
      state = State.OUTSIDE;
    } else if (b[s] == '[' && startsWith(ORIGINATING)) {
      originating();
    } else if (startsWith(GOROUTINE) && parseHeader(s)) {
      finishGoroutine();
      startGoroutine(s);
    } else {
      // Go prints a blank line after every block; without one the block still ended here
      finishGoroutine();
      state = State.OUTSIDE;
      outside();
    }
  }

  private String fileExtras;

  /** Parses "\tfile:line[ +0xoff][ extras]"; returns null when the line is not a file line. */
  private Frame fileFrame(String function, boolean inlined) {
    if (s == e || (b[s] != '\t' && b[s] != ' ')) {
      return null;
    }
    int t = skipSpace(s);
    fileExtras = "";
    if (regionEquals(t, PC_EQ)) {
      // cgo frame with a symbolizer but no file: "\tpc=0x45a1b0"
      fileExtras = canon.string(b, t, e);
      return canon.frame(Frame.of(function, "", 0));
    }
    int colon = lineColon(t, e);
    if (colon < 0) {
      return null;
    }
    int digitsEnd = colon + 1;
    while (digitsEnd < e && isDigit(b[digitsEnd])) {
      digitsEnd++;
    }
    long line = parseDecimal(colon + 1, digitsEnd);
    if (line < 0 || line > Integer.MAX_VALUE) {
      return null;
    }
    long offset = -1;
    boolean hasOffset = false;
    int rest = digitsEnd;
    if (rest < e && regionEquals(rest, PLUS_0X)) {
      int hexEnd = rest + PLUS_0X.length;
      while (hexEnd < e && isHex(b[hexEnd])) {
        hexEnd++;
      }
      offset = parseHex(rest + PLUS_0X.length, hexEnd);
      hasOffset = hexEnd > rest + PLUS_0X.length && hexEnd - rest - PLUS_0X.length <= 16;
      if (!hasOffset) {
        return null;
      }
      rest = hexEnd;
    }
    if (rest < e) {
      fileExtras = canon.string(b, rest + 1, e); // " fp=0x… sp=0x… pc=0x…", " pc=0x…"
    }
    String file = canon.string(b, t, colon);
    return canon.frame(
        Frame.of(
            function,
            file,
            (int) line,
            OptionalLong.empty(),
            hasOffset ? OptionalLong.of(offset) : OptionalLong.empty(),
            inlined));
  }

  private static final byte[] PC_EQ = bytes("pc=0x");

  /** The colon before the line number: the last ':' followed by digits and then the end or ' '. */
  private int lineColon(int from, int to) {
    for (int i = to - 1; i > from; i--) {
      if (b[i] == ':' && i + 1 < to && isDigit(b[i + 1])) {
        int j = i + 1;
        while (j < to && isDigit(b[j])) {
          j++;
        }
        if (j == to || b[j] == ' ') {
          return i;
        }
      }
    }
    return -1;
  }

  private FrameList frames() {
    return inAncestor ? anc : own;
  }

  private void finishGoroutine() {
    if (!inBlock) {
      return;
    }
    if (state == State.FILE) {
      frames().add(canon.frame(Frame.of(callFunction(), "", 0)), callArgs, "");
      gIncomplete = true;
    } else if (state == State.CREATOR_FILE) {
      setCreator(canon.frame(Frame.of(callFunction(), "", 0)));
      gIncomplete = true;
    }
    endAncestor();
    inBlock = false;
    if (own.isEmpty() && !gUnavailable && !gIncomplete) {
      gIncomplete = true;
      problem("goroutine " + Long.toUnsignedString(gId) + " has no frames");
    }
    Goroutine.Builder g =
        Goroutine.builder(gId, gState)
            .lockedToThread(gLocked)
            .markers(
                hasMarker(gState, " (leaked)"),
                hasMarker(gState, " (scan)"),
                hasMarker(gState, " (durable)") || hasMarker(gState, " (synctest)"))
            .labels(gLabels)
            .stack(own.stack(), own.args(), own.extras())
            .ancestors(gAncestors)
            .headerFields(gFields)
            .stackUnavailable(gUnavailable)
            .incomplete(gIncomplete)
            .headerLine(gLine);
    if (gMinutes >= 0) {
      g.waitMinutes(gMinutes);
    }
    if (gGroup >= 0) {
      g.synctestGroup(gGroup);
    }
    if (gBubble >= 0) {
      g.synctestBubble(gBubble);
    }
    for (String item : gOther) {
      g.otherStateItem(item);
    }
    if (gCreatedBy != null) {
      g.createdBy(gCreatedBy, gCreator);
    }
    if (gSeenInDump) {
      // not strict-only: the input is fine, the repeat is how GOTRACEBACK=crash prints threads
      diag.problem("goroutine " + Long.toUnsignedString(gId) + " appears again in a thread section"
          + " (line " + gLine + "); its first block is kept");
      return;
    }
    if (gOpensDump && !gUnavailable) {
      splitDump(gLine);
    }
    if (gIncomplete) {
      diag.incomplete();
    }
    emit(Sample.of(g.build()));
  }

  private static boolean hasMarker(String state, String marker) {
    int at = state.indexOf(marker);
    return at > 0 && (at + marker.length() == state.length() || state.charAt(at + marker.length()) == ' ');
  }

  private void malformed(String message) {
    if (options.strict()) {
      throw error(message);
    }
    diag.problem(message + " (line " + in.lineNumber() + ")");
    if (state == State.RECORD || state == State.RECORDS) {
      finishRecord();
      state = State.RECORDS;
      records();
      return;
    }
    gIncomplete = true;
    finishGoroutine();
    state = State.OUTSIDE;
    brokenBlock = true; // its remaining lines are skipped, but they are not text between dumps
    outside();
  }

  // ---------------------------------------------------------------- header

  /**
   * Parses a debug=2 header starting at {@code at} ("goroutine N …:") into the h* fields. The whole
   * rest of the line must belong to it.
   */
  private boolean parseHeader(int at) {
    int i = at + GOROUTINE.length;
    int idEnd = i;
    while (idEnd < e && isDigit(b[idEnd])) {
      idEnd++;
    }
    if (idEnd == i || idEnd >= e || b[idEnd] != ' ') {
      return false;
    }
    long id = parseUnsigned(i, idEnd);
    if (id == -1 && !(idEnd - i == 20 && isMaxUnsigned(i))) {
      hProblem = "goroutine id does not fit in 64 bits";
      return false;
    }
    i = idEnd;
    Map<String, String> fields = Map.of();
    // " gp=0xc0000061c0 m=0 mp=0x5c0e60" (crash dumps, Go 1.22/1.23+)
    while (i + 1 < e && b[i] == ' ' && b[i + 1] != '[') {
      int kStart = i + 1;
      int eq = kStart;
      while (eq < e && b[eq] != '=' && b[eq] != ' ') {
        eq++;
      }
      if (eq >= e || b[eq] != '=' || eq == kStart) {
        return false;
      }
      int vEnd = eq + 1;
      while (vEnd < e && b[vEnd] != ' ') {
        vEnd++;
      }
      if (fields.isEmpty()) {
        fields = new LinkedHashMap<>(4);
      }
      fields.put(canon.string(b, kStart, eq), canon.string(b, eq + 1, vEnd));
      i = vEnd;
    }
    if (i + 1 >= e || b[i] != ' ' || b[i + 1] != '[') {
      return false;
    }
    int bracket = i + 2;
    Labels labels = Labels.empty();
    int close;
    int l126 = indexOf(LABELS_126, bracket);
    int firstClose = indexOf((byte) ']', bracket);
    if (firstClose < 0) {
      return false;
    }
    int contentEnd;
    if (l126 >= 0 && l126 < firstClose) {
      // Go 1.26, GODEBUG=tracebacklabels=1: "[chan receive labels:{"k": "v"}]:"
      int[] end = new int[1];
      labels = parseLabels(l126 + LABELS_126.length - 1, end, COLON_SPACE, false);
      if (labels == null || end[0] + 1 >= e || b[end[0]] != ']') {
        return false;
      }
      contentEnd = l126;
      close = end[0];
    } else {
      contentEnd = firstClose;
      close = firstClose;
    }
    int after = close + 1;
    if (after + 1 < e && b[after] == ' ' && b[after + 1] == '{') {
      // Go 1.27: "[chan receive] {tenant: alpha}:"
      int[] end = new int[1];
      labels = parseLabels(after + 1, end, COLON_SPACE, true);
      if (labels == null) {
        return false;
      }
      after = end[0];
    }
    if (after != e - 1 || b[after] != ':') {
      return false;
    }
    if (!parseBracket(bracket, contentEnd)) {
      return false;
    }
    hId = id;
    hLabels = labels.isEmpty() ? labels : canon.labels(labels);
    hFields = fields;
    return true;
  }

  private boolean isMaxUnsigned(int from) {
    return Long.toUnsignedString(-1L).equals(Canon.decode(b, from, from + 20));
  }

  /** Splits "state, N minutes, locked to thread, synctest bubble N" into the h* fields. */
  private boolean parseBracket(int from, int to) {
    hMinutes = -1;
    hLocked = false;
    hGroup = -1;
    hBubble = -1;
    hOther = List.of();
    int stateEnd = indexOf(COMMA_SPACE, from, to);
    if (stateEnd < 0) {
      stateEnd = to;
    }
    if (stateEnd == from) {
      return false;
    }
    hState = canon.string(b, from, stateEnd);
    int i = stateEnd;
    while (i < to) {
      int itemStart = i + 2;
      int itemEnd = indexOf(COMMA_SPACE, itemStart, to);
      if (itemEnd < 0) {
        itemEnd = to;
      }
      item(itemStart, itemEnd);
      i = itemEnd;
    }
    return true;
  }

  private static final byte[] COMMA_SPACE = bytes(", ");

  private void item(int from, int to) {
    int len = to - from;
    if (len > MINUTES.length && regionEquals(to - MINUTES.length, MINUTES)) {
      long m = parseDecimal(from, to - MINUTES.length);
      if (m >= 0) {
        hMinutes = m;
        return;
      }
    } else if (len == LOCKED.length && regionEquals(from, LOCKED)) {
      hLocked = true;
      return;
    } else if (len > SYNCTEST_BUBBLE.length && regionEquals(from, SYNCTEST_BUBBLE)) {
      long n = parseDecimal(from + SYNCTEST_BUBBLE.length, to);
      if (n >= 0) {
        hBubble = n;
        return;
      }
    } else if (len > SYNCTEST_GROUP.length && regionEquals(from, SYNCTEST_GROUP)) {
      long n = parseUnsigned(from + SYNCTEST_GROUP.length, to);
      if (n != -1) {
        hGroup = n;
        return;
      }
    }
    if (hOther.isEmpty()) {
      hOther = new ArrayList<>(2);
    }
    hOther.add(canon.string(b, from, to)); // an item of a newer Go or of a forked runtime
  }

  /**
   * Parses a label set starting at its '{': {@code {k: v, …}} in debug=2 headers (Go 1.27 allows
   * bare {@code [A-Za-z0-9./_]*} text, Go 1.26 quotes everything), {@code {"k":"v", …}} in debug=1.
   * Stores the index after the '}' in end[0]; returns null when the text is not a label set.
   */
  private Labels parseLabels(int open, int[] end, byte[] separator, boolean bare) {
    List<Label> list = new ArrayList<>(4);
    int i = open + 1;
    if (i < e && b[i] == '}') {
      end[0] = i + 1;
      return Labels.empty();
    }
    while (true) {
      i = labelText(i, bare);
      if (i < 0 || !regionEquals(i, separator)) {
        return null;
      }
      String key = quotedValue;
      i = labelText(i + separator.length, bare);
      if (i < 0 || i >= e) {
        return null;
      }
      list.add(Label.of(key, quotedValue));
      if (b[i] == '}') {
        end[0] = i + 1;
        return Labels.of(list);
      }
      if (!regionEquals(i, COMMA_SPACE)) {
        return null;
      }
      i += 2;
    }
  }

  private static final byte[] COLON = bytes(":");
  private static final byte[] COLON_SPACE = bytes(": ");

  /** A quoted string, or (Go 1.27 headers) bare text, into {@link #quotedValue}. */
  private int labelText(int i, boolean bare) {
    if (i < e && b[i] == '"') {
      return quoted(i);
    }
    if (!bare) {
      return -1;
    }
    int j = i;
    while (j < e && isBare(b[j])) {
      j++;
    }
    quotedValue = canon.string(b, i, j);
    return j;
  }

  /** A C symbol as a cgo symbolizer names it: letters, digits and {@code . _ $ / -}. */
  private boolean isSymbol(int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!(c < 0 || isBare(c) || c == '$' || c == '-')) {
        return false;
      }
    }
    return to > from;
  }

  private static boolean isBare(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '/'
        || c == '_';
  }

  // ---------------------------------------------------------------- debug=1

  /**
   * "goroutine profile: total 33", or Go 1.26+'s "goroutineleak profile: total 3". Other profiles of
   * the same text family ({@code threadcreate}, a user's {@code pprof.NewProfile}) count something
   * else than goroutines: their header is text like any other.
   */
  private boolean tryDebug1Header() {
    int at;
    if (regionEquals(s, GOROUTINE_PROFILE)) {
      at = s + GOROUTINE_PROFILE.length - PROFILE_TOTAL.length;
    } else if (regionEquals(s, GOROUTINELEAK_PROFILE)) {
      at = s + GOROUTINELEAK_PROFILE.length - PROFILE_TOTAL.length;
    } else {
      return false;
    }
    long total = parseDecimal(at + PROFILE_TOTAL.length, e);
    if (total < 0) {
      return false;
    }
    if (state == State.RECORD) {
      finishRecord();
    }
    begin(ProfileFormat.DEBUG1, canon.string(b, s, at), total);
    prefix = NONE;
    declaredTotal = total;
    recordSum = 0;
    state = State.RECORDS;
    return true;
  }

  private void records() {
    if (s == e) {
      return;
    }
    if (isDigit(b[s])) {
      int at = s;
      while (at < e && isDigit(b[at])) {
        at++;
      }
      if (at + 1 < e && b[at] == ' ' && b[at + 1] == '@' && recordLine(at)) {
        state = State.RECORD;
        return;
      }
      if (at + 1 < e && b[at] == ' ' && b[at + 1] == '@') {
        problem("expected 'N @ 0x… 0x…'");
        return;
      }
    }
    if (tryDebug1Header()) {
      return;
    }
    if (startsWith(GOROUTINE) && parseHeader(s)) {
      endDump();
      startGoroutine(s);
      return;
    }
    skip();
  }

  private boolean recordLine(int countEnd) {
    long count = parseDecimal(s, countEnd);
    if (count < 0) {
      return false;
    }
    rPcCount = 0;
    int i = countEnd + 2;
    while (i < e) {
      if (i + 3 > e || b[i] != ' ' || b[i + 1] != '0' || b[i + 2] != 'x') {
        return false;
      }
      int hexEnd = i + 3;
      while (hexEnd < e && isHex(b[hexEnd])) {
        hexEnd++;
      }
      if (hexEnd == i + 3 || hexEnd - i - 3 > 16) {
        return false;
      }
      if (rPcCount == rPcs.length) {
        if (rPcCount >= options.maxFramesPerStack()) {
          throw limit("more than " + options.maxFramesPerStack()
              + " PCs in one record (raise ParseOptions.maxFramesPerStack)");
        }
        rPcs = Arrays.copyOf(rPcs, rPcCount * 2);
      }
      rPcs[rPcCount++] = parseHex(i + 3, hexEnd);
      i = hexEnd;
    }
    rCount = count;
    rLabels = Labels.empty();
    rec.clear();
    return true;
  }

  private void record() {
    if (s == e) {
      finishRecord();
      state = State.RECORDS;
      return;
    }
    if (b[s] != '#') {
      malformed("expected a '#' line or a blank line inside a record");
      return;
    }
    if (startsWith(LABELS_1)) {
      int[] end = new int[1];
      Labels l = parseLabels(s + LABELS_1.length - 1, end, COLON, false);
      if (l == null || end[0] != e) {
        malformed("expected '# labels: {\"key\":\"value\", …}'");
        return;
      }
      rLabels = canon.labels(l);
      return;
    }
    // "#\t0x516cb6\tmain.worker+0x36\tgithub.com/acme/main.go:36", tabs padded by tabwriter;
    // the same line is the same frame, so a line seen before costs one lookup
    int lineHash = FrameCache.hash(NONE, 0, b, s, e, false);
    Frame cached = frameCache.get(lineHash, NONE, 0, b, s, e, false);
    if (cached != null) {
      rec.add(cached, "", "");
      return;
    }
    Frame parsed = debug1Frame();
    if (parsed != null) {
      frameCache.put(lineHash, NONE, 0, b, s, e, false, parsed);
      rec.add(parsed, "", "");
    }
  }

  /** Parses a '#' frame line; null (after reporting it) when it is malformed. */
  private Frame debug1Frame() {
    int i = s + 1;
    if (i >= e || b[i] != '\t') {
      malformed("expected '#\\t0x…' frame line");
      return null;
    }
    while (i < e && b[i] == '\t') {
      i++;
    }
    if (i + 2 >= e || b[i] != '0' || b[i + 1] != 'x') {
      malformed("expected a PC after '#\\t'");
      return null;
    }
    int hexEnd = i + 2;
    while (hexEnd < e && isHex(b[hexEnd])) {
      hexEnd++;
    }
    if (hexEnd == i + 2 || hexEnd - i - 2 > 16) {
      malformed("expected a PC after '#\\t'");
      return null;
    }
    long pc = parseHex(i + 2, hexEnd);
    if (hexEnd == e) {
      return canon.frame(Frame.of("", "", 0, OptionalLong.of(pc), OptionalLong.empty(), false));
    }
    int fnStart = hexEnd;
    while (fnStart < e && b[fnStart] == '\t') {
      fnStart++;
    }
    int fnEnd = indexOf((byte) '\t', fnStart);
    if (fnStart == hexEnd || fnEnd < 0) {
      malformed("expected '#\\t0x…\\tfunction+0x…\\tfile:line'");
      return null;
    }
    int fileStart = fnEnd;
    while (fileStart < e && b[fileStart] == '\t') {
      fileStart++;
    }
    int plus = lastIndexOf(PLUS_0X_NOSPACE, fnEnd);
    long offset = -1;
    if (plus > fnStart) {
      offset = parseHex(plus + 3, fnEnd);
    }
    if (plus <= fnStart || (offset == -1 && !allHex(plus + 3, fnEnd))) {
      malformed("expected 'function+0x…' in a frame line");
      return null;
    }
    int colon = lineColon(fileStart - 1, e);
    long line = colon < 0 ? -1 : parseDecimal(colon + 1, e);
    if (line < 0 || line > Integer.MAX_VALUE) {
      malformed("expected 'file:line' at the end of a frame line");
      return null;
    }
    return canon.frame(
        Frame.of(
            canon.string(b, fnStart, plus),
            canon.string(b, fileStart, colon),
            (int) line,
            OptionalLong.of(pc),
            OptionalLong.of(offset),
            false));
  }

  private static final byte[] PLUS_0X_NOSPACE = bytes("+0x");

  private String quotedValue;

  /**
   * Reads the Go-quoted string at {@code at} into {@link #quotedValue}; returns the index after it,
   * or -1. Text without escapes (the usual case) is shared through the canon without copying.
   */
  private int quoted(int at) {
    if (at >= e || b[at] != '"') {
      return -1;
    }
    for (int j = at + 1; j < e; j++) {
      if (b[j] == '"') {
        quotedValue = canon.string(b, at + 1, j);
        return j + 1;
      }
      if (b[j] == '\\') {
        GoStrings.Result r = GoStrings.unquote(b, at, e);
        if (r == null) {
          return -1;
        }
        quotedValue = canon.string(r.value());
        return r.end();
      }
    }
    return -1;
  }

  private void finishRecord() {
    if (state != State.RECORD) {
      return;
    }
    Stack stack = rec.stack();
    recordSum += rCount;
    emit(Sample.of(rCount, stack, rLabels, Arrays.copyOf(rPcs, rPcCount)));
  }

  // ---------------------------------------------------------------- dumps

  private void begin(ProfileFormat format, String type, long total) {
    if (open != null) {
      endDump();
    }
    open = format;
    dumps++;
    samplesInDump = 0;
    textSinceBlock = false;
    ids.clear();
    sink.begin(format, type, total, in.lineNumber());
  }

  /** Ends the debug=2 dump before the goroutine whose header is on {@code line}, and opens the next. */
  private void splitDump(long line) {
    sink.end(diag.build());
    diag = new DiagnosticsCollector();
    dumps++;
    samplesInDump = 0;
    ids.clear();
    ids.add(gId);
    sink.begin(ProfileFormat.DEBUG2, "goroutine", -1, line);
  }

  private void endDump() {
    if (open == null) {
      return;
    }
    if (open == ProfileFormat.DEBUG1 && recordSum != declaredTotal) {
      diag.dumpProblem(
          "header declares total " + declaredTotal + " but the records sum to " + recordSum);
    }
    sink.end(diag.build());
    diag = new DiagnosticsCollector();
    open = null;
    state = State.OUTSIDE;
  }

  private void emit(Sample sample) {
    if (++samples > options.maxSamples()) {
      throw limit("more than " + options.maxSamples()
          + " goroutines or records (raise ParseOptions.maxSamples)");
    }
    samplesInDump++;
    sink.sample(sample);
  }

  private void eof() {
    boolean cut = !in.terminated();
    switch (state) {
      case CALL, FILE, CREATOR_FILE, AFTER_CREATOR -> {
        boolean complete =
            state == State.AFTER_CREATOR
                || (state == State.CALL && (!frames().isEmpty() || gUnavailable));
        if (!complete || cut) {
          problem("input ends inside the block of goroutine " + Long.toUnsignedString(gId));
          gIncomplete = true;
          lastDumpCut = true;
        }
        finishGoroutine();
      }
      case RECORD -> {
        lastDumpCut = cut;
        finishRecord();
      }
      default -> { }
    }
    state = State.OUTSIDE;
    endDump();
  }

  private void skip() {
    if (options.strict()) {
      throw error("unexpected text outside a goroutine block");
    }
    diag.skipped(in.lineNumber());
  }

  private void problem(String message) {
    if (options.strict()) {
      throw error(message);
    }
    diag.problem(message + " (line " + in.lineNumber() + ")");
  }

  /** A problem of the current line; text before any dump is taken for debug=2 (crash logs). */
  private ProfileParseException error(String message) {
    return atLine(open == null ? ProfileFormat.DEBUG2 : open, message);
  }

  /** A limit was exceeded on the current line. */
  private ProfileParseException limit(String message) {
    return atLine(open, message);
  }

  private ProfileParseException atLine(ProfileFormat format, String message) {
    return ProfileParseException.atLine(format, message, in.lineNumber(),
        Canon.decode(b, in.start(), Math.min(in.end(), in.start() + 80)));
  }

  // ---------------------------------------------------------------- bytes

  private boolean startsWith(byte[] p) {
    return regionEquals(s, p);
  }

  private boolean regionEquals(int at, byte[] p) {
    if (at + p.length > e) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (b[at + i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(byte[] p, int from) {
    return indexOf(p, from, e);
  }

  private int indexOf(byte[] p, int from, int to) {
    byte first = p[0];
    for (int i = from; i + p.length <= to; i++) {
      if (b[i] == first && regionEquals(i, p)) {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(byte c, int from) {
    for (int i = from; i < e; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private int lastIndexOf(byte c, int before) {
    for (int i = before - 1; i >= s; i--) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private int lastIndexOf(byte[] p, int before) {
    for (int i = before - p.length; i >= s; i--) {
      if (regionEquals(i, p)) {
        return i;
      }
    }
    return -1;
  }

  private int skipSpace(int i) {
    while (i < e && (b[i] == '\t' || b[i] == ' ')) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(byte c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private boolean allHex(int from, int to) {
    if (from >= to || to - from > 16) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isHex(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** A non-negative decimal that fits in a long, or -1. */
  private long parseDecimal(int from, int to) {
    if (from >= to || to - from > 18) {
      return to - from > 18 && to - from <= 19 ? parseLongDecimal(from, to) : -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private long parseLongDecimal(int from, int to) {
    try {
      long v = Long.parseLong(Canon.decode(b, from, to));
      return v < 0 ? -1 : v;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  /** An unsigned 64-bit decimal (goroutine ids), or -1 when it does not fit (or is 2^64-1). */
  private long parseUnsigned(int from, int to) {
    if (from >= to || to - from > 20) {
      return -1;
    }
    if (to - from < 19) {
      return parseDecimal(from, to);
    }
    try {
      return Long.parseUnsignedLong(Canon.decode(b, from, to));
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  /** Up to 16 hex digits as an unsigned long; -1 (which is also 0xffffffffffffffff) otherwise. */
  private long parseHex(int from, int to) {
    if (from >= to || to - from > 16) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Frames with their parallel argument and extras text, and elision, of one stack. */
  private final class FrameList {
    private final List<Frame> frames = new ArrayList<>(32);
    private final List<String> args = new ArrayList<>(32);
    private final List<String> extras = new ArrayList<>(32);
    private boolean anyArgs;
    private boolean anyExtras;
    private int elisionIndex = -1;
    private int elided = -1;

    void clear() {
      frames.clear();
      args.clear();
      extras.clear();
      anyArgs = false;
      anyExtras = false;
      elisionIndex = -1;
      elided = -1;
    }

    boolean isEmpty() {
      return frames.isEmpty();
    }

    void add(Frame f, String arg, String extra) {
      if (frames.size() >= options.maxFramesPerStack()) {
        throw limit("more than " + options.maxFramesPerStack()
            + " frames in one stack (raise ParseOptions.maxFramesPerStack)");
      }
      frames.add(f);
      args.add(arg);
      extras.add(extra);
      anyArgs |= !arg.isEmpty();
      anyExtras |= !extra.isEmpty();
    }

    void elide(int count) {
      elisionIndex = frames.size();
      elided = count;
    }

    Stack stack() {
      return canon.stack(frames, elisionIndex, elided);
    }

    /** The argument texts; the goroutine copies them when it is built. */
    List<String> args() {
      return anyArgs ? args : List.of();
    }

    List<String> extras() {
      return anyExtras ? extras : List.of();
    }
  }
}
