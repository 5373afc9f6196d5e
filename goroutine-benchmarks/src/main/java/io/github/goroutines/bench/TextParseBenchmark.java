package io.github.goroutines.bench;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.text.TextProfileParser;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses about 100 MB of debug=1 or debug=2 text into the full, deduplicated model (and, for
 * {@code stream}, without keeping it). MB/s = input size / time per operation; the sizes are
 * printed at setup. {@code parse} runs on one thread, {@code parseParallel} on every core (the
 * default). {@code lineSplit} is the floor of any line-oriented reader on the same input
 * in the same run: it reads the stream in 64 KiB chunks and finds every line, as Go's
 * {@code bufio.Scanner} does, and does nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class TextParseBenchmark {
  @Param({"debug1", "debug2"})
  public String format;

  private byte[] input;

  @Setup(Level.Trial)
  public void setUp() {
    input = format.equals("debug1") ? Dumps.debug1(100_000_000) : Dumps.debug2(100_000_000);
    Profile p = TextProfileParser.parse(input, ParseOptions.defaults());
    System.out.printf("%n%s input: %d bytes, %d samples, %d goroutines%n", format, input.length,
        p.samples().size(), p.totalCount());
  }

  private static final ParseOptions ONE_THREAD = ParseOptions.defaults().withParallelism(1);

  @Benchmark
  public Profile parse() {
    return TextProfileParser.parse(input, ONE_THREAD);
  }

  /** The same parse on every core ({@link ParseOptions#parallelism()}'s default). */
  @Benchmark
  public Profile parseParallel() {
    return TextProfileParser.parse(input, ParseOptions.defaults());
  }

  @Benchmark
  public long stream() {
    LongAdder count = new LongAdder();
    TextProfileParser.stream(new ByteArrayInputStream(input), ONE_THREAD,
        s -> count.add(s.count()));
    return count.sum();
  }

  @Benchmark
  public long lineSplit() throws java.io.IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    byte[] buffer = new byte[64 * 1024];
    long lines = 0;
    long longest = 0;
    long current = 0;
    for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          long length = current + i - start;
          longest = Math.max(longest, length);
          lines++;
          current = 0;
          start = i + 1;
        }
      }
      current += n - start;
    }
    return lines * 31 + longest;
  }
}
