package io.github.goroutines.model;

import java.util.List;

/**
 * What a lenient parse passed over: lines outside goroutine blocks (panic messages, log text,
 * register dumps), blocks that ended early, and problems that did not stop the parse (for example a
 * declared total that differs from the sum of the records).
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 *
 * @param skippedLines how many non-blank lines were outside any block
 * @param firstSkippedLines the 1-based numbers of the first few of them (at most 10)
 * @param incompleteBlocks how many blocks were cut short
 * @param problems short messages with line numbers: the first 100 line problems, a count of the
 *     others, then problems of the whole dump (a declared total that differs from the records)
 */
public record Diagnostics(
    long skippedLines, List<Long> firstSkippedLines, int incompleteBlocks, List<String> problems) {
  private static final Diagnostics NONE = new Diagnostics(0, List.of(), 0, List.of());

  /**
   * Copies the lists.
   *
   * @param skippedLines how many non-blank lines were outside any block
   * @param firstSkippedLines the 1-based numbers of the first few of them
   * @param incompleteBlocks how many blocks were cut short
   * @param problems short messages with line numbers
   */
  public Diagnostics {
    firstSkippedLines = List.copyOf(firstSkippedLines);
    problems = List.copyOf(problems);
  }

  /**
   * Returns diagnostics for a clean parse.
   *
   * @return no diagnostics
   */
  public static Diagnostics none() {
    return NONE;
  }

  /**
   * Tells whether anything was passed over or reported.
   *
   * @return true when the parse was clean
   */
  public boolean clean() {
    return skippedLines == 0 && incompleteBlocks == 0 && problems.isEmpty();
  }
}
