package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.internal.Interner;

/**
 * Reads the lines of one debug=2 goroutine block after its header: call lines and their file
 * lines, elision markers, {@code created by}, ancestor sections. Hot path: it works on the bytes of
 * the line and creates a frame only for a place it has not seen (see {@link FrameCache}).
 *
 * <pre>
 * CALL           "main.worker(0x0, 0x0?)"  or  "sync.(*Mutex).Lock(...)"      -&gt; FILE
 *                "...21 frames elided..."  /  "...additional frames elided..." -&gt; CALL
 *                "\tgoroutine running on other thread; stack unavailable"    -&gt; CALL
 *                "non-Go function at pc=0x45a1b0"                            -&gt; CALL
 *                "created by main.main in goroutine 1"                       -&gt; CREATOR_FILE
 *                "[originating from goroutine 9]:"                           -&gt; CALL
 *                ""                                                          ends the block
 * FILE           "\texample.com/app/main.go:36 +0x2f fp=0x… sp=0x… pc=0x…"    -&gt; CALL
 * CREATOR_FILE   "\texample.com/app/main.go:45 +0x7e"                        -&gt; AFTER_CREATOR
 * AFTER_CREATOR  ""  ends the block;  "[originating from goroutine 9]:"      -&gt; CALL
 * </pre>
 *
 * A header, or text that is none of these, ends the block before the line; a malformed line ends
 * it as broken (lenient) or throws (strict).
 */
final class Debug2Blocks {
  /** What a line did to the block. */
  enum Outcome {
    /** The line belongs to the block, which goes on. */
    CONTINUES,
    /** The line (blank) ended the block. */
    ENDED,
    /** The block ended before this line, which is to be read again outside it. */
    ENDED_BEFORE,
    /** A malformed line ended the block; it and the lines up to a blank one are its remains. */
    BROKEN,
    /** A call line without its ')': a console may have wrapped it; hold it for the next line. */
    WRAPPED_CALL,
    /** A file line without its position: a console may have wrapped it. */
    WRAPPED_FILE
  }

  private enum Expect {
    CALL,
    FILE,
    CREATOR_FILE,
    AFTER_CREATOR
  }

  private static final byte[] CREATED_BY = Bytes.ascii("created by ");
  private static final byte[] IN_GOROUTINE = Bytes.ascii(" in goroutine ");
  private static final byte[] ORIGINATING = Bytes.ascii("[originating from goroutine ");
  private static final byte[] UNAVAILABLE =
      Bytes.ascii("goroutine running on other thread; stack unavailable");
  private static final byte[] NON_GO = Bytes.ascii("non-Go function at pc=0x");
  private static final byte[] ELIDED_OLD = Bytes.ascii("...additional frames elided...");
  private static final byte[] FRAMES_ELIDED = Bytes.ascii(" frames elided...");
  private static final byte[] PLUS_0X = Bytes.ascii(" +0x");
  private static final byte[] PC_EQ = Bytes.ascii("pc=0x");

  private final TextLine line;
  private final Problems problems;
  private final Interner interner;
  private final GoroutineDraft draft;
  private final FrameCache frameCache = new FrameCache();
  /** Argument text: shared while it repeats, bounded because pointers make most of it unique. */
  private final Interner args = Interner.bounded(16L << 20);
  /** Whether argument and extras text is kept ({@code ParseOptions.tracebackText()}). */
  private final boolean keepText;

  private Expect expect = Expect.CALL;
  // the call line waiting for its file line: raw name bytes (the file line decides whether a
  // cached frame serves), the name as a string once needed, the argument text
  private byte[] callName = new byte[256];
  private int callNameLength;
  private String callFunction;
  private String callArgs;
  /** The pending call had no parentheses (a cgo symbolizer's C frame). */
  private boolean bareCall;
  /** The " fp=… sp=… pc=…" text after the position of the last file line read. */
  private String fileExtras;
  /** The creator's goroutine id of a pending {@code created by}, or -1. */
  private long creatorId;

  Debug2Blocks(TextLine line, Problems problems, Interner interner, int maxFrames,
      boolean keepText) {
    this.line = line;
    this.keepText = keepText;
    this.problems = problems;
    this.interner = interner;
    this.draft = new GoroutineDraft(interner, maxFrames, problems);
  }

  /** A block starts after {@code header}, which is on line {@code headerLine}. */
  void start(Header header, long headerLine) {
    draft.start(header, headerLine);
    expect = Expect.CALL;
  }

  /**
   * Reads the current line of the block.
   *
   * @param mayHold whether a line that a console may have wrapped is to be held (else it is read
   *     as it is)
   * @return what the line did to the block
   */
  Outcome line(boolean mayHold) {
    return switch (expect) {
      case CALL -> call(mayHold);
      case FILE -> file(mayHold);
      case CREATOR_FILE -> creatorFile();
      case AFTER_CREATOR -> afterCreator();
    };
  }

  private Outcome call(boolean mayHold) {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    if (s == e) {
      return Outcome.ENDED;
    }
    byte c = b[s];
    if (c == 'g' && line.startsWith(HeaderParser.GOROUTINE)) {
      return Outcome.ENDED_BEFORE; // the next header, without the blank line Go prints
    }
    if (c == '\t' || c == ' ') {
      if (line.at(line.skipSpace(s), UNAVAILABLE)) {
        draft.stackUnavailable();
        return Outcome.CONTINUES;
      }
      return malformed("expected a call line, got a file line without one");
    }
    if (c == '.' && e - s >= 5 && b[s + 1] == '.' && b[s + 2] == '.') {
      return elision();
    }
    if (c == 'c' && line.startsWith(CREATED_BY)) {
      return createdBy();
    }
    if (c == '[' && line.startsWith(ORIGINATING)) {
      return originating();
    }
    if (c == 'n' && line.startsWith(NON_GO)) {
      long pc = Bytes.parseHex(b, s + NON_GO.length, e);
      if (pc == -1 && !Bytes.allHex(b, s + NON_GO.length, e)) {
        return malformed("expected a hex PC after 'non-Go function at pc='");
      }
      draft.frames().add(interner.frame(Frame.of("non-Go function", "", 0).withPc(pc)), "", "");
      return Outcome.CONTINUES;
    }
    if (b[e - 1] == ')') {
      int paren = Bytes.lastIndexOf(b, (byte) '(', s, e - 1);
      if (paren > s) {
        pendingCall(s, paren, keepText ? args.string(b, paren + 1, e - 1) : "", false);
        return Outcome.CONTINUES;
      }
      return malformed("expected a call line such as 'main.worker(0x0)'");
    }
    if (isSymbol(b, s, e)) {
      // a C frame named by a cgo symbolizer, without parentheses ("C.foo"), if a file line follows
      pendingCall(s, e, "", true);
      return Outcome.CONTINUES;
    }
    if (mayHold) {
      // "main.(*T).Method(0xc000010000, {0x5323" whose ")" a narrow console put on the next line
      int paren = Bytes.lastIndexOf(b, (byte) '(', s, e);
      if (paren > s && Bytes.indexOf(b, (byte) ' ', s, paren) < 0) {
        return Outcome.WRAPPED_CALL;
      }
    }
    // text after the last frame without a blank line ("exit status 2" of go run, a log line);
    // before any frame it is what is left of a broken block
    return draft.hasOwnFrames() || draft.isStackUnavailable() ? Outcome.ENDED_BEFORE
        : Outcome.BROKEN;
  }

  private void pendingCall(int from, int to, String arguments, boolean bare) {
    int n = to - from;
    if (callName.length < n) {
      callName = new byte[Math.max(n, callName.length * 2)];
    }
    System.arraycopy(line.b, from, callName, 0, n);
    callNameLength = n;
    callFunction = null;
    callArgs = arguments;
    bareCall = bare;
    expect = Expect.FILE;
  }

  private Outcome elision() {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    if (e - s == ELIDED_OLD.length && line.startsWith(ELIDED_OLD)) {
      draft.frames().elide(-1); // Go <= 1.20, and ancestor sections
      return Outcome.CONTINUES;
    }
    int digitsEnd = Bytes.digitsEnd(b, s + 3, e);
    if (digitsEnd > s + 3 && e - digitsEnd == FRAMES_ELIDED.length
        && line.at(digitsEnd, FRAMES_ELIDED)) {
      long n = Bytes.parseDecimal(b, s + 3, digitsEnd); // Go 1.21+: "...N frames elided..."
      draft.frames().elide(n < 0 || n > Integer.MAX_VALUE ? -1 : (int) n);
      return Outcome.CONTINUES;
    }
    return malformed("expected '...N frames elided...' or '...additional frames elided...'");
  }

  private Outcome createdBy() {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    int nameEnd = e;
    long creator = -1;
    int inAt = Bytes.lastIndexOf(b, IN_GOROUTINE, s, e);
    if (inAt > s + CREATED_BY.length) {
      long id = Bytes.parseUnsigned(b, inAt + IN_GOROUTINE.length, e);
      if (id != -1) {
        creator = id; // Go 1.21+
        nameEnd = inAt;
      }
    }
    if (nameEnd <= s + CREATED_BY.length) {
      return malformed("expected a function after 'created by'");
    }
    pendingCall(s + CREATED_BY.length, nameEnd, "", false);
    creatorId = creator;
    expect = Expect.CREATOR_FILE;
    return Outcome.CONTINUES;
  }

  private Outcome originating() {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    int close = e - 2;
    long id = close > s + ORIGINATING.length && b[close] == ']' && b[e - 1] == ':'
        ? Bytes.parseDecimal(b, s + ORIGINATING.length, close)
        : -1;
    if (id < 0) {
      return malformed("expected '[originating from goroutine N]:'");
    }
    draft.originating(id);
    expect = Expect.CALL;
    return Outcome.CONTINUES;
  }

  /** The function of the pending call line, made a string on first use. */
  private String callFunction() {
    if (callFunction == null) {
      callFunction = interner.string(callName, 0, callNameLength);
    }
    return callFunction;
  }

  private Outcome file(boolean mayHold) {
    Frame f = cachedFrame(callArgs.equals("..."));
    if (f == null && mayHold && !bareCall && line.s < line.e
        && (line.b[line.s] == '\t' || line.b[line.s] == ' ')) {
      return Outcome.WRAPPED_FILE; // "\texample.com/a/very/long/pa" + "th/main.go:36 +0x2f"
    }
    if (f == null && bareCall) {
      // the word was not a C frame but text after the block: the block ended before it
      expect = Expect.CALL;
      return Outcome.ENDED_BEFORE;
    }
    if (f == null) {
      // the call is kept without a source position
      return malformed("expected a file line such as '\\tmain.go:36 +0x2f' after a call line");
    }
    draft.frames().add(f, callArgs, fileExtras);
    expect = Expect.CALL;
    return Outcome.CONTINUES;
  }

  private Outcome creatorFile() {
    Frame f = cachedFrame(false);
    if (f == null) {
      return malformed("expected a file line after 'created by'");
    }
    draft.createdBy(f, creatorId);
    expect = Expect.AFTER_CREATOR;
    return Outcome.CONTINUES;
  }

  private Outcome afterCreator() {
    if (line.blank()) {
      return Outcome.ENDED;
    }
    if (line.b[line.s] == '[' && line.startsWith(ORIGINATING)) {
      return originating();
    }
    // Go prints a blank line after every block; without one the block still ended here
    return Outcome.ENDED_BEFORE;
  }

  private Outcome malformed(String message) {
    problems.problem(message);
    draft.incomplete();
    return Outcome.BROKEN;
  }

  /**
   * The frame of the pending call (or created-by) name and the current file line, from the frame
   * cache when this place was seen before; null when the line is not a file line.
   */
  private Frame cachedFrame(boolean inlined) {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    boolean indented = s < e && (b[s] == '\t' || b[s] == ' ');
    int t = indented ? line.skipSpace(s) : s;
    int keyEnd = extrasStart(t);
    if (!indented && (keyEnd < 0 || bareCall)) {
      return null; // a line without its tab must look like a position to be read as one
    }
    int h = 0;
    if (keyEnd > t) {
      h = FrameCache.hash(callName, callNameLength, b, t, keyEnd, inlined);
      Frame f = frameCache.get(h, callName, callNameLength, b, t, keyEnd, inlined);
      if (f != null) {
        fileExtras = keepText && keyEnd < e ? interner.string(b, keyEnd + 1, e) : "";
        noteTabless(indented);
        return f;
      }
    }
    Frame f = fileFrame(callFunction(), inlined, t);
    if (f != null) {
      noteTabless(indented);
    }
    if (f != null && keyEnd > t) {
      frameCache.put(h, callName, callNameLength, b, t, keyEnd, inlined, f);
    }
    return f;
  }

  /** Where " fp=" or " pc=" extras start after "file:line +0x…", or the line end; -1: no line. */
  private int extrasStart(int t) {
    byte[] b = line.b;
    int e = line.e;
    int colon = Bytes.lineColon(b, t, e);
    if (colon < 0) {
      return -1;
    }
    int i = Bytes.digitsEnd(b, colon + 1, e);
    if (line.at(i, PLUS_0X)) {
      i += PLUS_0X.length;
      while (i < e && Bytes.isHex(b[i])) {
        i++;
      }
    }
    return i;
  }

  private void noteTabless(boolean indented) {
    if (!indented) {
      problems.repaired("file lines without their leading tab, read as positions");
    }
  }

  /**
   * Parses "file:line[ +0xoff][ extras]" starting at {@code t} (after the tab); null when the line
   * is not a file line.
   */
  private Frame fileFrame(String function, boolean inlined, int t) {
    byte[] b = line.b;
    int e = line.e;
    if (t >= e) {
      return null;
    }
    fileExtras = "";
    if (line.at(t, PC_EQ)) {
      // cgo frame with a symbolizer but no file: "\tpc=0x45a1b0"
      fileExtras = keepText ? interner.string(b, t, e) : "";
      return interner.frame(Frame.of(function, "", 0));
    }
    int colon = Bytes.lineColon(b, t, e);
    if (colon < 0) {
      return null;
    }
    int digitsEnd = Bytes.digitsEnd(b, colon + 1, e);
    long lineNumber = Bytes.parseDecimal(b, colon + 1, digitsEnd);
    if (lineNumber < 0 || lineNumber > Integer.MAX_VALUE) {
      return null;
    }
    long offset = -1;
    boolean hasOffset = false;
    int rest = digitsEnd;
    if (line.at(rest, PLUS_0X)) {
      int hexEnd = rest + PLUS_0X.length;
      while (hexEnd < e && Bytes.isHex(b[hexEnd])) {
        hexEnd++;
      }
      offset = Bytes.parseHex(b, rest + PLUS_0X.length, hexEnd);
      hasOffset = hexEnd > rest + PLUS_0X.length && hexEnd - rest - PLUS_0X.length <= 16;
      if (!hasOffset) {
        return null;
      }
      rest = hexEnd;
    }
    if (rest < e) {
      // " fp=0x… sp=0x… pc=0x…", " pc=0x…"
      fileExtras = keepText ? interner.string(b, rest + 1, e) : "";
    }
    Frame f = Frame.of(function, interner.string(b, t, colon), (int) lineNumber, inlined);
    return interner.frame(hasOffset ? f.withEntryOffset(offset) : f);
  }

  /** A C symbol as a cgo symbolizer names it: letters, digits and {@code . _ $ / -}. */
  private static boolean isSymbol(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!(c < 0 || LabelSets.isBare(c) || c == '$' || c == '-')) {
        return false;
      }
    }
    return to > from;
  }

  /**
   * Ends the block and builds its goroutine; a pending call or creator without its file line is
   * kept without a position, and the goroutine marked incomplete.
   */
  Goroutine finish() {
    if (expect == Expect.FILE) {
      draft.frames().add(interner.frame(Frame.of(callFunction(), "", 0)), callArgs, "");
      draft.incomplete();
    } else if (expect == Expect.CREATOR_FILE) {
      draft.createdBy(interner.frame(Frame.of(callFunction(), "", 0)), creatorId);
      draft.incomplete();
    }
    expect = Expect.CALL;
    if (!draft.hasOwnFrames() && !draft.isStackUnavailable() && !draft.isIncomplete()) {
      draft.incomplete();
      problems.problem("goroutine " + Long.toUnsignedString(draft.id()) + " has no frames");
    }
    return draft.build();
  }

  /**
   * The input ended inside the block; says whether the block was cut short, which is then
   * reported. A block whose last line was read whole is complete, final newline or not.
   */
  boolean inputEnds() {
    boolean complete = expect == Expect.AFTER_CREATOR
        || (expect == Expect.CALL && (!draft.frames().isEmpty() || draft.isStackUnavailable()));
    if (complete) {
      return false; // also without a final newline: the last line was read whole
    }
    problems.problem("input ends inside the block of goroutine " + Long.toUnsignedString(draft.id()));
    draft.incomplete();
    return true;
  }

  long id() {
    return draft.id();
  }

  int headerLine() {
    return draft.headerLine();
  }
}
