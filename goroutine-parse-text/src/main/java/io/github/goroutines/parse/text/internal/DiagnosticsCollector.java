package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects {@link Diagnostics} during one parse, keeping only the first few details. */
public final class DiagnosticsCollector {
  private static final int MAX_LINES = 10;
  private static final int MAX_PROBLEMS = 100;

  private long skippedLines;
  private final List<Long> firstSkipped = new ArrayList<>();
  private int incompleteBlocks;
  private final List<String> problems = new ArrayList<>();
  private long droppedProblems;
  private final List<String> summary = new ArrayList<>(1);
  /** Repairs by kind: how many, and the line of the first. */
  private final Map<String, long[]> repairs = new LinkedHashMap<>(2);

  /**
   * Records a line outside any block.
   *
   * @param line its 1-based number
   */
  public void skipped(long line) {
    skippedLines++;
    if (firstSkipped.size() < MAX_LINES) {
      firstSkipped.add(line);
    }
  }

  /** Records a block that was cut short. */
  public void incomplete() {
    incompleteBlocks++;
  }

  /**
   * Records a problem that did not stop the parse.
   *
   * @param message what and where
   */
  public void problem(String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(message);
    } else {
      droppedProblems++;
    }
  }

  /**
   * Records a repair of damage that a log collector or console did (a prefix, a lost tab, a
   * wrapped line): counted by kind, reported once per kind with the first line.
   *
   * @param what what was repaired, a plural noun phrase ("file lines without their leading tab")
   * @param line the 1-based line of this one
   */
  public void repaired(String what, long line) {
    long[] seen = repairs.computeIfAbsent(what, k -> new long[] {0, line});
    seen[0]++;
  }

  /**
   * Records a problem about the whole dump (a declared total that does not match): kept even when
   * the list of line problems is full.
   *
   * @param message what
   */
  public void dumpProblem(String message) {
    summary.add(message);
  }

  /**
   * Returns what was collected.
   *
   * @return the diagnostics
   */
  public Diagnostics build() {
    if (skippedLines == 0 && incompleteBlocks == 0 && problems.isEmpty() && summary.isEmpty()
        && repairs.isEmpty()) {
      return Diagnostics.none();
    }
    List<String> all = new ArrayList<>(problems);
    if (droppedProblems > 0) {
      all.add("... and " + droppedProblems + " more problems");
    }
    repairs.forEach((what, seen) -> all.add("repaired " + seen[0] + " " + what
        + " (first at line " + seen[1] + ")"));
    all.addAll(summary);
    return new Diagnostics(skippedLines, firstSkipped, incompleteBlocks, all);
  }
}
