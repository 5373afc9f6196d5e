package io.github.goroutines.bench;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.parse.proto.ProtoProfileParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
 * Decodes real goroutine profiles: {@code large-100k} (bench/data, 100,000 samples over 2,048
 * stacks, made by Go 1.23) and {@code parsec} (the 268,978-goroutine profile of the public corpus).
 * {@code gunzip} only inflates, {@code decode} only decodes the inflated message, {@code parse}
 * does both as {@link ProtoProfileParser#parse} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ProtoParseBenchmark {
  @Param({"large-100k", "parsec"})
  public String file;

  private byte[] gz;
  private byte[] raw;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    gz = Dumps.proto(file);
    raw = new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    Profile p = ProtoProfileParser.parse(gz, ParseOptions.defaults());
    System.out.printf("%n%s: %d bytes gzip, %d bytes raw, %d samples, %d goroutines%n", file,
        gz.length, raw.length, p.samples().size(), p.totalCount());
  }

  @Benchmark
  public byte[] gunzip() throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      return in.readAllBytes();
    }
  }

  @Benchmark
  public Profile decode() {
    return ProtoProfileParser.parse(raw, ParseOptions.defaults());
  }

  @Benchmark
  public Profile parse() {
    return ProtoProfileParser.parse(gz, ParseOptions.defaults());
  }
}
