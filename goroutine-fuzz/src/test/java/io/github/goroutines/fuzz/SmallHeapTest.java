package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.parse.text.DumpListener;
import io.github.goroutines.parse.text.TextProfileParser;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Xmx64m} (a second surefire execution): hostile inputs fail with
 * our exception, and a 50 MB real-shaped dump streams through, without running out of memory.
 */
@Tag("small-heap")
class SmallHeapTest {
  /** Produces {@code size} bytes by repeating a block pattern, without holding them. */
  static final class Repeating extends InputStream {
    private final byte[] head;
    private final byte[] body;
    private final long size;
    private long pos;

    Repeating(byte[] head, byte[] body, long size) {
      this.head = head;
      this.body = body;
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int done = 0; done < n; ) {
        byte[] from = pos < head.length ? head : body;
        int at = pos < head.length ? (int) pos : (int) ((pos - head.length) % body.length);
        int chunk = Math.min(n - done, from.length - at);
        System.arraycopy(from, at, b, off + done, chunk);
        done += chunk;
        pos += chunk;
      }
      return n;
    }
  }

  @Test
  void heapIsSmall() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(80L << 20);
  }

  @Test
  void gzipBomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 1024; i++) { // 1 GiB
        gz.write(zeros);
      }
    }
    assertThatThrownBy(() -> GoroutineProfiles.parse(out.toByteArray()))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("ParseOptions.maxDecompressedBytes");
  }

  @Test
  void aHundredMegabyteLineThroughTheStream() {
    byte[] head = "goroutine 1 [running]:\nmain.f(".getBytes(StandardCharsets.UTF_8);
    InputStream line = new Repeating(head, new byte[] {'0', 'x', '1', ','}, 100L << 20);
    assertThatThrownBy(() -> TextProfileParser.stream(line, ParseOptions.defaults(), s -> { }))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("ParseOptions.maxLineBytes");
  }

  @Test
  void fiftyMegabyteDumpStreamsInSmallMemory() {
    String dump = Fixtures.text("1.27", "later.debug2.txt");
    // drop the writer goroutine so the repeated pattern is a valid sequence of blocks
    byte[] blocks = dump.substring(dump.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
    AtomicLong goroutines = new AtomicLong();
    AtomicLong dumps = new AtomicLong();
    DumpListener listener = new DumpListener() {
      @Override
      public void beginDump(io.github.goroutines.model.ProfileFormat format, String type,
          long total, long line) {
        dumps.incrementAndGet();
      }

      @Override
      public void sample(Sample s) {
        goroutines.addAndGet(s.count());
      }
    };
    long size = 50L << 20;
    int found = TextProfileParser.stream(new Repeating(new byte[0], blocks, size),
        ParseOptions.defaults(), listener);
    long perCopy = dump.split("\n\ngoroutine ").length - 1;
    assertThat(goroutines.get()).isGreaterThanOrEqualTo(size / blocks.length * perCopy);
    // the repeated ids start a new dump at every copy
    assertThat(found).isEqualTo((int) dumps.get()).isGreaterThan(100);
  }

  /** A dump of {@code count} goroutine blocks, each made by {@code block} as it is read. */
  static final class Blocks extends InputStream {
    private final int count;
    private final IntFunction<String> block;
    private int next;
    private byte[] current = new byte[0];
    private int at;

    Blocks(int count, IntFunction<String> block) {
      this.count = count;
      this.block = block;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == current.length) {
        if (next == count) {
          return -1;
        }
        current = block.apply(next++).getBytes(StandardCharsets.UTF_8);
        at = 0;
      }
      int n = Math.min(len, current.length - at);
      System.arraycopy(current, at, b, off, n);
      at += n;
      return n;
    }
  }

  /** Goroutines, each in a function of its own 2 KB name. */
  static Blocks uniqueNames(int goroutines) {
    return new Blocks(goroutines, i -> {
      String name = "main.f" + i + "_" + "x".repeat(2048);
      return "goroutine " + (i + 1) + " [select]:\n" + name + "()\n\t/src/" + name + ".go:1 +0x1\n\n";
    });
  }

  /** 100,000 names of 2 KB each: the tables that share names are bounded in bytes. */
  @Test
  void uniqueLongNamesStreamInSmallMemory() {
    AtomicLong goroutines = new AtomicLong();
    int dumps = TextProfileParser.stream(uniqueNames(100_000), ParseOptions.defaults(),
        s -> goroutines.addAndGet(s.count()));
    assertThat(dumps).isEqualTo(1);
    assertThat(goroutines.get()).isEqualTo(100_000);
  }

  /**
   * The whole model of 200,000 goroutines, each with its own pointer arguments as Go prints them,
   * in this 64 MB heap: the argument text is not kept unless asked, and the rest is shared.
   */
  @Test
  void theModelOfALargeDumpFitsWithoutItsArgumentText() {
    InputStream dump = new Blocks(200_000, i -> String.format("goroutine %d [chan receive, %d "
        + "minutes]:%nmain.worker(0xc0%08x, 0x5)%n\t/src/app/main.go:36 +0x2f%n"
        + "main.run(0xc0%08x, {0x%x, 0x10})%n\t/src/app/main.go:20 +0x1c%n"
        + "created by main.start in goroutine 1%n\t/src/app/main.go:12 +0x65%n%n",
        i + 2, (i + 1) % 60, (i + 1) * 64, (i + 1) * 128, 0x5323ba + i + 1));
    var p = GoroutineProfiles.parse(dump, ParseOptions.defaults());
    assertThat(p.goroutines()).hasSize(200_000);
    assertThat(p.goroutines().get(199_999).waitMinutes()).hasValue(200_000 % 60);
    assertThat(p.goroutines().get(0).traceback().arguments()).containsOnly("");
  }

  /** Past what an array or an int holds: nothing is cut, every goroutine arrives. */
  @Test
  void moreThanTwoGigabytesStreamWhole() {
    String dump = Fixtures.text("1.27", "later.debug2.txt");
    byte[] blocks = dump.substring(dump.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
    long perCopy = dump.split("\n\ngoroutine ").length - 1;
    long copies = (2L << 30) / blocks.length + 1000;
    AtomicLong goroutines = new AtomicLong();
    int dumps = TextProfileParser.stream(new Repeating(new byte[0], blocks, copies * blocks.length),
        ParseOptions.defaults(), s -> goroutines.addAndGet(s.count()));
    assertThat(goroutines.get()).isEqualTo(copies * perCopy);
    assertThat(dumps).isEqualTo((int) copies); // the ids repeat: a dump per copy
  }
}
