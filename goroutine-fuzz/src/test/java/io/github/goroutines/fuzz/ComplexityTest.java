package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.analysis.Top;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.parse.text.TextProfileParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Cost grows with the input, not faster: each case is timed on an input and on one four times as
 * large (best of several runs, after a warm-up; more runs when the ratio fails, as a pause of the
 * shared machine can make it), and the larger may cost at most ten times as much: linear work
 * costs four (up to 5.4 measured, as the larger input leaves the processor's caches), the quadratic
 * cases these guard against sixteen and more. Lines are 2 and 8 MiB, both beyond the caches. Colliding names are timed against names of the same shape
 * that do not collide. Ratios measured in one run hold on a noisy machine where absolute times do
 * not.
 */
class ComplexityTest {
  private static final int RUNS = 5;
  /**
   * The most four times the input may cost: linear is 4 (4.3 to 5.4 measured on a quiet machine),
   * quadratic 16 and, at these sizes, far more; a neighbour that contends for memory slows the
   * larger input more than the smaller, which once made a linear case measure 9.
   */
  private static final double LINEAR = 10.0;

  /** The fastest of {@link #RUNS} runs, in nanoseconds. */
  private static long best(byte[] input, Consumer<byte[]> work) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      work.accept(input);
      best = Math.min(best, System.nanoTime() - t);
    }
    return best;
  }

  /**
   * The fastest run of each input, the runs interleaved (a, b, a, b, …) so that a busy spell of
   * the shared machine slows both alike; in nanoseconds, at least a millisecond each.
   */
  private static long[] bestOfEach(byte[] a, byte[] b, Consumer<byte[]> work) {
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < RUNS; i++) {
      byte[][] inputs = {a, b};
      for (int k = 0; k < 2; k++) {
        long t = System.nanoTime();
        work.accept(inputs[k]);
        best[k] = Math.min(best[k], System.nanoTime() - t);
      }
    }
    best[0] = Math.max(best[0], 1_000_000);
    best[1] = Math.max(best[1], 1_000_000);
    return best;
  }

  /**
   * Asserts that {@code b} costs less than {@code bound} times {@code a}; a ratio that fails is
   * measured up to twice more, keeping the fastest runs, before it counts.
   */
  private static void assertRatio(String what, byte[] a, byte[] b, Consumer<byte[]> work,
      double bound) {
    work.accept(a);
    work.accept(b);
    long[] t = bestOfEach(a, b, work);
    for (int round = 0; round < 2 && t[1] >= bound * t[0]; round++) {
      long[] again = bestOfEach(a, b, work);
      t[0] = Math.min(t[0], again[0]);
      t[1] = Math.min(t[1], again[1]);
    }
    assertThat((double) t[1] / t[0])
        .as("%s: %.1f ms for %d bytes, %.1f ms for %d", what, t[0] / 1e6, a.length, t[1] / 1e6,
            b.length)
        .isLessThan(bound);
  }

  private static void assertLinear(String what, IntFunction<byte[]> input, int size,
      Consumer<byte[]> work) {
    assertRatio(what, input.apply(size), input.apply(4 * size), work, LINEAR);
  }

  /**
   * Parses leniently on one thread (the cost of the algorithm, not of the machine's cores); what
   * cannot be a profile is refused, which is fine here.
   */
  private static void parse(byte[] input) {
    try {
      GoroutineProfiles.parseAll(input, ParseOptions.defaults().withParallelism(1));
    } catch (ProfileParseException e) {
      Invariants.checkFailure(e);
    }
  }

  @Test
  void oneLongLineCostsItsLength() {
    for (String context : Hostile.CONTEXTS) {
      for (String fragment : Hostile.FRAGMENTS) {
        assertLinear("'" + fragment + "' repeated after '" + context + "'",
            size -> Hostile.longLine(context, fragment, size), 2 << 20,
            ComplexityTest::parse);
      }
    }
  }

  @Test
  void aLongLineIsRefusedAsFastAsItIsRead() {
    // before any dump: detection reads it once, whatever it repeats
    assertLinear("detection", size -> Hostile.longLine("", "goroutine 1 [", size), 1 << 20,
        input -> TextProfileParser.recognize(input));
  }

  private static List<String> names(int bits, boolean colliding) {
    return IntStream.range(0, 1 << bits)
        .mapToObj(i -> colliding ? Hostile.collidingName(i, bits) : Hostile.plainName(i, bits))
        .toList();
  }

  /** Colliding names may cost at most three times what other names of the same shape cost. */
  private static void assertNoWorseThanPlain(String what, IntFunction<byte[]> dump,
      Consumer<byte[]> work) {
    byte[] plain = dump.apply(0);
    byte[] colliding = dump.apply(1);
    assertThat(colliding.length).isEqualTo(plain.length);
    assertRatio(what + " (plain, then colliding names)", plain, colliding, work, 3.0);
  }

  /** Parse and the reports a user runs: summary, top, diff against itself. */
  private static void parseAndReport(byte[] input) {
    Profile p = GoroutineProfiles.parse(input);
    TextReports.summary(Summary.of(List.of(p), Grouping.parse("site")), 10);
    TextReports.top(p, Top.of(p, true));
    TextReports.diff(Diff.of(p, p, Grouping.parse("stack")), 10);
  }

  @Test
  void namesWithOneHashCostWhatOtherNamesCost() {
    int bits = 14;
    assertNoWorseThanPlain("debug=2 function names",
        c -> Hostile.debug2(names(bits, c == 1)), ComplexityTest::parseAndReport);
    assertNoWorseThanPlain("debug=1 label values",
        c -> Hostile.debug1Labels(names(bits, c == 1)), ComplexityTest::parseAndReport);
    assertNoWorseThanPlain("protobuf function names",
        c -> Hostile.protoFunctions(names(bits, c == 1)), ComplexityTest::parseAndReport);
  }

  @Test
  void collidingNamesStayDistinct() {
    List<String> colliding = names(10, true);
    assertThat(colliding.get(0).hashCode()).isEqualTo(colliding.get(1023).hashCode());
    Profile p = GoroutineProfiles.parse(Hostile.debug2(colliding));
    assertThat(p.goroutines()).extracting(g -> g.stack().frames().get(0).function())
        .containsExactlyElementsOf(colliding);
    Profile proto = GoroutineProfiles.parse(Hostile.protoFunctions(colliding));
    assertThat(proto.samples()).extracting(s -> s.stack().frames().get(0).function())
        .containsExactlyElementsOf(colliding);
  }

  /**
   * A dump of many goroutines with large ids, then many small dumps: each small dump costs its own
   * size, not that of the tables the big one grew (which clearing them once per dump did).
   */
  @Test
  void eachDumpCostsItsOwnSize() {
    StringBuilder big = new StringBuilder();
    for (long id = 1L << 40; id < (1L << 40) + 200_000; id++) {
      big.append("goroutine ").append(id).append(" [select]:\nmain.f()\n\t/a.go:1 +0x1\n\n");
    }
    String small = "goroutine 1 [running]:\nmain.g()\n\t/a.go:2 +0x1\n\npanic: again\n\n";
    byte[] bigOnly = big.toString().getBytes(StandardCharsets.UTF_8);
    byte[] smallOnly = small.repeat(20_000).getBytes(StandardCharsets.UTF_8);
    byte[] both = (big + small.repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    for (byte[] input : List.of(bigOnly, smallOnly, both)) {
      parse(input);
    }
    long tBig = best(bigOnly, ComplexityTest::parse);
    long tSmall = Math.max(best(smallOnly, ComplexityTest::parse), 1_000_000);
    long tBoth = best(both, ComplexityTest::parse);
    for (int round = 0; round < 2 && tBoth - tBig >= 3 * tSmall; round++) {
      tBig = Math.min(tBig, best(bigOnly, ComplexityTest::parse));
      tSmall = Math.max(Math.min(tSmall, best(smallOnly, ComplexityTest::parse)), 1_000_000);
      tBoth = Math.min(tBoth, best(both, ComplexityTest::parse));
    }
    assertThat((double) (tBoth - tBig) / tSmall)
        .as("20,000 small dumps: %.1f ms alone, %.1f ms after a dump of 200,000 (%.1f ms)",
            tSmall / 1e6, (tBoth - tBig) / 1e6, tBig / 1e6)
        .isLessThan(3.0);
  }
}
