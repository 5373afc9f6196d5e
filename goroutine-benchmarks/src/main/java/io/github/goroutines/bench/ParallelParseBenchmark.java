package io.github.goroutines.bench;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.text.TextProfileParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 200 MB debug=2 dump parsed on one thread and on every core, in one run: the ratio of the
 * two is the parallel speed-up on this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
public class ParallelParseBenchmark {
  private static final ParseOptions ONE_THREAD = ParseOptions.defaults().withParallelism(1);
  private static final ParseOptions EVERY_CORE = ParseOptions.defaults();

  private byte[] input;

  @Setup(Level.Trial)
  public void setUp() {
    input = Dumps.debug2(200_000_000);
    Profile p = TextProfileParser.parse(input, EVERY_CORE);
    System.out.printf("%ndebug2 input: %d bytes, %d goroutines, %d threads%n", input.length,
        p.totalCount(), EVERY_CORE.parallelism());
  }

  @Benchmark
  public Profile sequential() {
    return TextProfileParser.parse(input, ONE_THREAD);
  }

  @Benchmark
  public Profile parallel() {
    return TextProfileParser.parse(input, EVERY_CORE);
  }
}
