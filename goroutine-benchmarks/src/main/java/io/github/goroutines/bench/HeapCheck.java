package io.github.goroutines.bench;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.text.TextProfileParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Parses the 100 MB debug=2 benchmark dump once and prints the heap the model retains. Run it with
 * a small heap to prove the bound: {@code java -Xmx256m -cp benchmarks.jar
 * io.github.goroutines.bench.HeapCheck}. Given a file ({@code bench/data/huge/g1m.debug2.txt} of
 * {@code bench/make-huge.sh}), it parses that with {@code GoroutineProfiles.parse(Path)} instead,
 * as a library user would, streaming from the file.
 */
public final class HeapCheck {
  private HeapCheck() {}

  /**
   * Runs the check.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    if (args.length == 1) {
      file(Path.of(args[0]));
      return;
    }
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

  private static void file(Path file) {
    long start = System.nanoTime();
    // a file past the default limit of 1 GiB: the limit guards the heap, which streaming spares
    Profile p = GoroutineProfiles.parse(file, ParseOptions.defaults().withMaxInputBytes(1L << 40));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = memory.getHeapMemoryUsage().getUsed();
    System.out.printf("%s: %.1f MB, %d goroutines in %.1f s; heap after GC %.1f MB (%.0f bytes "
            + "per goroutine); max heap %.0f MB%n",
        file, file.toFile().length() / 1e6, p.totalCount(), seconds, used / 1e6,
        used / (double) p.totalCount(), Runtime.getRuntime().maxMemory() / 1e6);
  }
}
