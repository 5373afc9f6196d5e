package io.github.goroutines.parse.text.internal;

/**
 * What the text parser remembers to tell where one debug=2 dump ends and the next begins (see
 * {@link TextParser}): the goroutine ids of the dump, whether text followed its blocks, and whether
 * the thread sections of a {@code GOTRACEBACK=crash} dump are being read.
 */
final class DumpBoundaries {
  private final LongSet ids = new LongSet();
  private long samplesInDump;
  /** After the {@code -----} of a crash's thread section, until its goroutine. */
  private boolean afterSeparator;
  /** Non-blank text was skipped since the last goroutine block of the dump. */
  private boolean textSinceBlock;
  /** The lines up to the next blank line are the rest of a block that a malformed line ended. */
  private boolean brokenBlock;
  /** The goroutine being read is one the dump already holds (a crash's thread section). */
  private boolean seenInDump;
  /** The goroutine being read opens a new dump, if it has a stack. */
  private boolean opensDump;

  void dumpStarts() {
    samplesInDump = 0;
    textSinceBlock = false;
    ids.clear();
  }

  /** Adds a goroutine id; false when the dump holds it already. Id 0 (a thread's g0) never repeats. */
  boolean addId(long id) {
    return id == 0 || ids.add(id);
  }

  void goroutineStarts(boolean repeated, String state) {
    seenInDump = repeated;
    opensDump = textSinceBlock && !afterSeparator && samplesInDump > 0 && state.equals("running");
    textSinceBlock = false;
    afterSeparator = false;
    brokenBlock = false;
  }

  void sample() {
    samplesInDump++;
  }

  void samples(long n) {
    samplesInDump += n;
  }

  long samplesInDump() {
    return samplesInDump;
  }

  void separator() {
    afterSeparator = true;
  }

  boolean afterSeparator() {
    return afterSeparator;
  }

  void brokenBlock() {
    brokenBlock = true;
  }

  void blankLine() {
    brokenBlock = false;
  }

  /** Text after the blocks that opens no dump; an indented line is a frame's, not between dumps. */
  void text(byte first) {
    if (!afterSeparator && !brokenBlock && first != '\t' && first != ' ') {
      textSinceBlock = true;
    }
  }

  /** Nothing between the blocks of the dump so far that the next line's reading depends on. */
  boolean plain() {
    return !afterSeparator && !textSinceBlock && !brokenBlock;
  }

  boolean seenInDump() {
    return seenInDump;
  }

  boolean opensDump() {
    return opensDump;
  }
}
