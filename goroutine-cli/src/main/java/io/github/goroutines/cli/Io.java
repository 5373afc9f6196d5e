package io.github.goroutines.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The streams of one run.
 *
 * @param stdin standard input
 * @param stdinIsTerminal whether standard input is a terminal: then it is read only when named
 *     ({@code -}); otherwise it is read when no input is named ({@code ./app 2>&1 | goroutines})
 * @param out standard output
 * @param err standard error
 * @param bytesOut standard output for bytes ({@code convert --to pprof -o -}), under {@code out}:
 *     flush {@code out} before writing to it
 */
record Io(InputStream stdin, boolean stdinIsTerminal, PrintWriter out, PrintWriter err,
    OutputStream bytesOut) {
  /** Streams whose standard output takes text only (bytes are refused with a message). */
  Io(InputStream stdin, boolean stdinIsTerminal, PrintWriter out, PrintWriter err) {
    this(stdin, stdinIsTerminal, out, err, null);
  }
}
