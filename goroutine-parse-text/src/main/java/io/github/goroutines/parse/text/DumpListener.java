package io.github.goroutines.parse.text;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;

/**
 * Receives goroutines and records one by one from
 * {@link TextProfileParser#stream(java.io.InputStream, io.github.goroutines.model.ParseOptions,
 * DumpListener)}, so that input of any size can be scanned in small memory.
 *
 * <pre>{@code
 * TextProfileParser.stream(in, ParseOptions.defaults(), sample -> {
 *   if (sample.stack().contains("sync.(*WaitGroup).Wait")) {
 *     hits.incrementAndGet();
 *   }
 * });
 * }</pre>
 *
 * <p>Calls come from the thread that called {@code stream}, in input order.
 */
@FunctionalInterface
public interface DumpListener {
  /**
   * A dump starts (an input may hold several).
   *
   * @param format {@link ProfileFormat#DEBUG1} or {@link ProfileFormat#DEBUG2}
   * @param type the profile name: {@code goroutine}, or {@code goroutineleak} (debug=1, Go 1.26+)
   * @param declaredTotal the header's total (debug=1), or -1 when the dump has no header total
   * @param line the 1-based line where the dump starts
   */
  default void beginDump(ProfileFormat format, String type, long declaredTotal, long line) {}

  /**
   * The dump that just began is a crash's: what Go printed before its goroutines. Called after
   * {@link #beginDump} and before the dump's first sample.
   *
   * @param crash the headline, and the goroutine that crashed
   */
  default void crash(Crash crash) {}

  /**
   * A debug=1 record or a debug=2 goroutine (then {@link Sample#goroutine()} is present).
   *
   * @param sample the sample
   */
  void sample(Sample sample);

  /**
   * The dump ends.
   *
   * @param diagnostics what a lenient parse passed over in it
   */
  default void endDump(Diagnostics diagnostics) {}
}
