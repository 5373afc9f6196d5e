package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;

/**
 * Where the text parsers report what is wrong with the current line: a lenient parse records it in
 * the diagnostics of the dump being read, a strict one throws; limits always throw. Every report
 * names the line and shows its first bytes.
 */
final class Problems {
  private final boolean strict;
  private final TextLine line;
  private DiagnosticsCollector diagnostics = new DiagnosticsCollector();
  /** The format of the dump being read, or null between dumps. */
  private ProfileFormat format;

  Problems(boolean strict, TextLine line) {
    this.strict = strict;
    this.line = line;
  }

  void dumpStarts(ProfileFormat dump) {
    format = dump;
  }

  /** Ends the dump: its diagnostics, and a fresh collector for the next. */
  Diagnostics dumpEnds() {
    Diagnostics d = diagnostics.build();
    diagnostics = new DiagnosticsCollector();
    format = null;
    return d;
  }

  /** A non-blank line outside any block. */
  void skipped() {
    if (strict) {
      throw error("unexpected text outside a goroutine block");
    }
    diagnostics.skipped(line.number);
  }

  /**
   * An earlier line turned out to be text outside goroutine blocks (a crash's headline that no
   * goroutine followed).
   */
  void skippedAt(long number) {
    if (strict) {
      throw ProfileParseException.atLine(format == null ? ProfileFormat.DEBUG2 : format,
          "unexpected text outside a goroutine block", number, "");
    }
    diagnostics.skipped(number);
  }

  /** A malformed line; lenient parsing goes on. */
  void problem(String message) {
    if (strict) {
      throw error(message);
    }
    note(message + " (line " + line.number + ")");
  }

  /** Something a strict parse accepts too, worth saying (it names its own line). */
  void note(String message) {
    diagnostics.problem(message);
  }

  /** Damage done by a log collector or console, repaired on the current line (counted by kind). */
  void repaired(String what) {
    diagnostics.repaired(what, line.number);
  }

  /** A problem of the whole dump, kept however many line problems came before. */
  void dumpProblem(String message) {
    diagnostics.dumpProblem(message);
  }

  void incomplete() {
    diagnostics.incomplete();
  }

  /** A problem of the current line; text before any dump is taken for debug=2 (crash logs). */
  ProfileParseException error(String message) {
    return ProfileParseException.atLine(format == null ? ProfileFormat.DEBUG2 : format, message,
        line.number, line.excerpt());
  }

  /**
   * A limit of {@link io.github.goroutines.model.ParseOptions} was exceeded on the current line.
   *
   * @param exceeded what went past it, with the limit ("more than 100 frames in one stack")
   * @param option the option's name
   */
  ProfileParseException limit(String exceeded, String option) {
    return ProfileParseException.limitAtLine(format, exceeded, option, line.number, line.excerpt());
  }
}
