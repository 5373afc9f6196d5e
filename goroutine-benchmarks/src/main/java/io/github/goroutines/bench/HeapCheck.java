package io.github.goroutines.bench;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.text.TextProfileParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Parses the 100 MB debug=2 benchmark dump once and prints the heap the model retains. Run it with
 * a small heap to prove the bound: {@code java -Xmx256m -cp benchmarks.jar
 * io.github.goroutines.bench.HeapCheck}.
 */
public final class HeapCheck {
  private HeapCheck() {}

  /**
   * Runs the check.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    byte[] input = Dumps.debug2(100_000_000);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    Profile p = TextProfileParser.parse(input, ParseOptions.defaults());
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    System.out.printf("input %.1f MB, %d goroutines; model retains %.1f MB (%.0f bytes per "
            + "goroutine); max heap %.0f MB%n",
        input.length / 1e6, p.goroutines().size(), (after - before) / 1e6,
        (after - before) / (double) p.goroutines().size(),
        Runtime.getRuntime().maxMemory() / 1e6);
  }
}
