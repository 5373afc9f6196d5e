package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.internal.Interner;
import java.util.Arrays;

/**
 * Reads debug=1 records (hot path):
 *
 * <pre>
 * 3 @ 0x46e68e 0x4080fc 0x407cd2 0x516cb7 0x475ea1        the record line: count and PCs
 * # labels: {"user":"alice"}
 * #	0x516cb6	main.worker+0x36	github.com/acme/main.go:36
 *                                                          a blank line ends the record
 * </pre>
 *
 * The columns of a {@code #} line are padded with tabs by Go's tabwriter: one or more.
 */
final class Debug1Records {
  private static final byte[] LABELS = Bytes.ascii("# labels: {");
  private static final byte[] PLUS_0X = Bytes.ascii("+0x");
  private static final byte[] NONE = new byte[0];

  private final TextLine line;
  private final Problems problems;
  private final Interner interner;
  private final LabelSets labelSets;
  private final int maxFrames;
  private final FrameList frames;
  /** Frames by the bytes of their {@code #} line: the same line is the same frame. */
  private final FrameCache frameCache = new FrameCache();

  private long count;
  private long[] pcs = new long[64];
  private int pcCount;
  private Labels labels;

  Debug1Records(TextLine line, Problems problems, Interner interner, LabelSets labelSets, int maxFrames) {
    this.line = line;
    this.problems = problems;
    this.interner = interner;
    this.labelSets = labelSets;
    this.maxFrames = maxFrames;
    this.frames = new FrameList(maxFrames, problems);
  }

  /**
   * Reads {@code N @ 0x… 0x…} at the start of the line, whose count ends at {@code countEnd}.
   *
   * @return true when a record starts here
   */
  boolean start(int countEnd) {
    byte[] b = line.b;
    int e = line.e;
    long n = Bytes.parseDecimal(b, line.s, countEnd);
    if (n < 0) {
      return false;
    }
    pcCount = 0;
    for (int i = countEnd + 2; i < e; ) {
      if (i + 3 > e || b[i] != ' ' || b[i + 1] != '0' || b[i + 2] != 'x') {
        return false;
      }
      int hexEnd = i + 3;
      while (hexEnd < e && Bytes.isHex(b[hexEnd])) {
        hexEnd++;
      }
      if (hexEnd == i + 3 || hexEnd - i - 3 > 16) {
        return false;
      }
      if (pcCount >= maxFrames) {
        throw problems.limit("more than " + maxFrames + " PCs in one record", "maxFramesPerStack");
      }
      if (pcCount == pcs.length) {
        pcs = Arrays.copyOf(pcs, pcCount * 2);
      }
      pcs[pcCount++] = Bytes.parseHex(b, i + 3, hexEnd);
      i = hexEnd;
    }
    count = n;
    labels = Labels.empty();
    frames.clear();
    return true;
  }

  /**
   * Reads a line of the record.
   *
   * @return false when the line does not belong to the record (after reporting it)
   */
  boolean line() {
    byte[] b = line.b;
    int s = line.s;
    int e = line.e;
    if (b[s] != '#') {
      problems.problem("expected a '#' line or a blank line inside a record");
      return false;
    }
    if (line.startsWith(LABELS)) {
      LabelSets.Parsed parsed = labelSets.parse(b, s + LABELS.length - 1, e, LabelSets.COLON, false);
      if (parsed == null || parsed.end() != e) {
        problems.problem("expected '# labels: {\"key\":\"value\", …}'");
        return false;
      }
      labels = interner.labels(parsed.labels());
      return true;
    }
    // the thousandth record through the same place costs one lookup
    int lineHash = FrameCache.hash(NONE, 0, b, s, e, false);
    Frame cached = frameCache.get(lineHash, NONE, 0, b, s, e, false);
    if (cached != null) {
      frames.add(cached, "", "");
      return true;
    }
    Frame parsed = frame();
    if (parsed == null) {
      return false;
    }
    frameCache.put(lineHash, NONE, 0, b, s, e, false, parsed);
    frames.add(parsed, "", "");
    return true;
  }

  /** Parses "#\t0x516cb6\tmain.worker+0x36\tmain.go:36"; null (after reporting it) if malformed. */
  private Frame frame() {
    byte[] b = line.b;
    int e = line.e;
    int i = line.s + 1;
    if (i >= e || b[i] != '\t') {
      problems.problem("expected '#\\t0x…' frame line");
      return null;
    }
    while (i < e && b[i] == '\t') {
      i++;
    }
    if (i + 2 >= e || b[i] != '0' || b[i + 1] != 'x') {
      problems.problem("expected a PC after '#\\t'");
      return null;
    }
    int hexEnd = i + 2;
    while (hexEnd < e && Bytes.isHex(b[hexEnd])) {
      hexEnd++;
    }
    if (hexEnd == i + 2 || hexEnd - i - 2 > 16) {
      problems.problem("expected a PC after '#\\t'");
      return null;
    }
    long pc = Bytes.parseHex(b, i + 2, hexEnd);
    if (hexEnd == e) {
      return interner.frame(Frame.unsymbolized(pc));
    }
    int fnStart = hexEnd;
    while (fnStart < e && b[fnStart] == '\t') {
      fnStart++;
    }
    int fnEnd = Bytes.indexOf(b, (byte) '\t', fnStart, e);
    if (fnStart == hexEnd || fnEnd < 0) {
      problems.problem("expected '#\\t0x…\\tfunction+0x…\\tfile:line'");
      return null;
    }
    int fileStart = fnEnd;
    while (fileStart < e && b[fileStart] == '\t') {
      fileStart++;
    }
    int plus = Bytes.lastIndexOf(b, PLUS_0X, line.s, fnEnd);
    long offset = plus > fnStart ? Bytes.parseHex(b, plus + 3, fnEnd) : -1;
    if (plus <= fnStart || (offset == -1 && !Bytes.allHex(b, plus + 3, fnEnd))) {
      problems.problem("expected 'function+0x…' in a frame line");
      return null;
    }
    int colon = Bytes.lineColon(b, fileStart - 1, e);
    long lineNumber = colon < 0 ? -1 : Bytes.parseDecimal(b, colon + 1, e);
    if (lineNumber < 0 || lineNumber > Integer.MAX_VALUE) {
      problems.problem("expected 'file:line' at the end of a frame line");
      return null;
    }
    return interner.frame(Frame.of(interner.string(b, fnStart, plus), interner.string(b, fileStart, colon),
        (int) lineNumber).withPc(pc).withEntryOffset(offset));
  }

  /** The record read, as a sample. */
  Sample finish() {
    return Sample.of(count, frames.stack(interner), labels, Arrays.copyOf(pcs, pcCount));
  }

  /** Its count, for the dump's declared total. */
  long count() {
    return count;
  }

  /** Lowers the count, so that the dump's total stays within a {@code long}. */
  void cutCount(long value) {
    count = value;
  }
}
