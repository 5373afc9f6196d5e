package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.internal.Interner;
import io.github.goroutines.parse.text.DumpListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parse of a large text input on several threads, equal to the sequential parse.
 *
 * <p>The input is cut into parts where a goroutine block ({@code goroutine N [}) or a
 * {@code debug=1} record ({@code N @ }) starts after a blank line. The threads take the parts in
 * order and parse each, its lines numbered from its own start: the first part with a
 * {@link TextParser} like any, the others with parsers that {@link TextParser#continuing
 * continue} the dump the first part ends in; then each later part's goroutines get the header
 * line they have in the whole input (the parts' line counts add up). All share one
 * {@link Interner.Shared}, so equal strings, frames, stacks and label sets are one instance across
 * the parts, as in a sequential parse. The later parts' samples are then appended in order to the
 * first parser's dump, and that parser ends the input.
 *
 * <p>The result is used only when the cuts changed nothing: the first part ends where a dump goes
 * on with nothing pending, every later part is goroutine blocks or records only, each complete,
 * with no diagnostic and no dump of its own, and no goroutine id repeats across parts. Otherwise
 * (a log of many dumps, a crash, skipped text, a parse error, a limit) {@link #parse} answers null
 * and the caller parses sequentially, which then reports exactly what it always did.
 */
public final class ParallelText {
  /** The smallest part worth a thread; smaller inputs are parsed sequentially. */
  public static final int MIN_PART = 2 << 20;
  /** The largest part read from a file at once: memory stays bounded by the threads' parts. */
  private static final int MAX_PART = 16 << 20;
  /** Parts per thread, so that the threads finish close together. */
  private static final int PARTS_PER_THREAD = 8;
  /** How far past a cut the search for a boundary reads at once. */
  private static final int WINDOW = 64 << 10;

  private ParallelText() {}

  /**
   * A range of the input as an array range: a view of an array input, or a copy of a file's.
   *
   * @param bytes the array
   * @param from the first byte of the range
   * @param to the end of the range
   */
  public record Part(byte[] bytes, int from, int to) {}

  /** Where the parts come from: an array or a file. */
  public interface Source {
    /**
     * The input's size.
     *
     * @return bytes
     */
    long size();

    /**
     * Bytes of the input.
     *
     * @param from the first
     * @param to the end
     * @param buffer an array to read into when it is large enough (a file's bytes are copied), or
     *     null
     * @return them, in an array
     * @throws IOException when reading fails
     */
    Part read(long from, long to, byte[] buffer) throws IOException;

    /**
     * Tells whether parts are copies, so that their size must stay bounded.
     *
     * @return true for a file
     */
    boolean copies();
  }

  /**
   * The parts of an array.
   *
   * @param input the input; not modified
   * @return the source
   */
  public static Source of(byte[] input) {
    return new Source() {
      @Override
      public long size() {
        return input.length;
      }

      @Override
      public Part read(long from, long to, byte[] buffer) {
        return new Part(input, (int) from, (int) to);
      }

      @Override
      public boolean copies() {
        return false;
      }
    };
  }

  /**
   * The parts of a file, read with positional reads (several threads at once).
   *
   * @param file the open file; not closed
   * @param size its size
   * @return the source
   */
  public static Source of(FileChannel file, long size) {
    return new Source() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public Part read(long from, long to, byte[] buffer) throws IOException {
        int length = Math.toIntExact(to - from);
        byte[] b = buffer != null && buffer.length >= length ? buffer : new byte[length];
        ByteBuffer into = ByteBuffer.wrap(b, 0, length);
        while (into.hasRemaining()) {
          int n = file.read(into, from + into.position());
          if (n < 0) {
            throw new IOException("the file was cut while it was read, at byte "
                + (from + into.position()));
          }
        }
        return new Part(b, 0, length);
      }

      @Override
      public boolean copies() {
        return true;
      }
    };
  }

  /**
   * Parses the input on up to {@link ParseOptions#parallelism()} threads.
   *
   * @param source the input
   * @param options limits and strictness
   * @param sink receives the dumps, as from a sequential parse; when this answers null it may have
   *     received part of them, and must be dropped
   * @param partBytes the size of a part before it is moved to the next boundary
   * @return the parser that read the input and ended it, or null when the input must be parsed
   *     sequentially
   * @throws UncheckedIOException when reading a file fails
   */
  public static TextParser parse(Source source, ParseOptions options, DumpListener sink,
      long partBytes) {
    long[] cuts;
    try {
      cuts = cuts(source, partBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cuts == null || cuts.length < 3) {
      return null;
    }
    return new Run(source, options, sink, cuts).run();
  }

  /**
   * The size of a part for an input, given the threads.
   *
   * @param size the input's size
   * @param options the parallelism
   * @return bytes per part
   */
  public static long partBytes(long size, ParseOptions options) {
    long part = size / ((long) options.parallelism() * PARTS_PER_THREAD);
    return Math.max(MIN_PART, Math.min(MAX_PART, part));
  }

  /** The boundaries of the parts, first 0 and last the size; null when a part would be too big. */
  private static long[] cuts(Source source, long partBytes) throws IOException {
    long size = source.size();
    List<Long> cuts = new ArrayList<>();
    cuts.add(0L);
    for (long at = partBytes; at < size; ) {
      long cut = boundary(source, at, cuts.get(cuts.size() - 1) + 2L * MAX_PART);
      if (cut < 0) {
        if (source.copies() && size - cuts.get(cuts.size() - 1) > 2L * MAX_PART) {
          return null;
        }
        break;
      }
      cuts.add(cut);
      at = cut + partBytes;
    }
    cuts.add(size);
    return cuts.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * The first place at or after {@code at} where a line that starts a block or record follows a
   * blank line, or -1 when there is none before {@code limit} or the input's end.
   */
  private static long boundary(Source source, long at, long limit) throws IOException {
    long size = source.size();
    for (long from = at; from < size && from < limit; from += WINDOW) {
      // the window starts 3 bytes early for the blank line before, and ends 24 bytes late for
      // the start of the line after
      long start = Math.max(0, from - 3);
      long end = Math.min(size, from + WINDOW + 24);
      Part p = source.read(start, end, null);
      for (int i = p.from + (int) (from - start); i < p.to && i < p.from + (int) (from - start)
          + WINDOW; i++) {
        if (i > p.from && p.bytes[i - 1] == '\n' && blankBefore(p, i - 1) && opens(p, i)) {
          return start + (i - p.from);
        }
      }
    }
    return -1;
  }

  /** Whether the line that ends at the newline {@code nl} is empty. */
  private static boolean blankBefore(Part p, int nl) {
    byte[] b = p.bytes;
    return (nl - 1 >= p.from && b[nl - 1] == '\n')
        || (nl - 2 >= p.from && b[nl - 1] == '\r' && b[nl - 2] == '\n');
  }

  private static final byte[] GOROUTINE = Bytes.ascii("goroutine ");

  /** Whether a goroutine header ({@code goroutine 7 [}) or a record ({@code 3 @ 0x}) starts here. */
  private static boolean opens(Part p, int i) {
    byte[] b = p.bytes;
    if (Bytes.regionEquals(b, i, p.to, GOROUTINE)) {
      int d = i + GOROUTINE.length;
      return d < p.to && Bytes.isDigit(b[d]);
    }
    int d = Bytes.digitsEnd(b, i, p.to);
    return d > i && d + 1 < p.to && b[d] == ' ' && b[d + 1] == '@';
  }

  /** The format a part that starts with this line continues. */
  private static ProfileFormat formatOf(Part p) {
    return p.bytes[p.from] == 'g' ? ProfileFormat.DEBUG2 : ProfileFormat.DEBUG1;
  }

  /** One parallel parse. */
  private static final class Run {
    private final Source source;
    private final ParseOptions options;
    private final DumpListener sink;
    private final long[] cuts;
    private final int parts;
    private final Interner.Shared shared = new Interner.Shared();
    private final AtomicBoolean spoiled = new AtomicBoolean();
    private final ProfileFormat[] formats;
    /** The lines of each part, which number the next part's from the input's start. */
    private final long[] lines;
    /** Which parts are parsed, the lines before each, and the first part not yet renumbered. */
    private final boolean[] done;
    private final long[] linesBefore;
    private int frontier;
    private long frontierLines;
    private final List<List<Sample>> samples = new ArrayList<>();
    /** The goroutine ids of each later debug=2 part, read where its goroutines are renumbered. */
    private final long[][] ids;
    /** The sum of the counts of each later debug=1 part. */
    private final long[] counts;
    private volatile Throwable failure;
    private TextParser first;
    /**
     * Each thread's copy of its last part of a file, read into again: the model keeps no
     * reference to the input's bytes, and fresh memory for every part costs page faults.
     */
    private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();

    Run(Source source, ParseOptions options, DumpListener sink, long[] cuts) {
      this.source = source;
      this.options = options;
      this.sink = sink;
      this.cuts = cuts;
      this.parts = cuts.length - 1;
      this.formats = new ProfileFormat[parts];
      this.lines = new long[parts];
      this.done = new boolean[parts];
      this.linesBefore = new long[parts];
      this.ids = new long[parts][];
      this.counts = new long[parts];
      for (int k = 0; k < parts; k++) {
        samples.add(null);
      }
    }

    TextParser run() {
      inParallel(parts, k -> {
        parse(k);
        for (int ready : parsed(k)) {
          renumber(ready);
        }
      });
      return spoiled.get() ? null : merge();
    }

    /**
     * Notes that part {@code k} is parsed, and answers the parts whose header lines can now be
     * renumbered: those up to which every part before is parsed, so that the lines before them are
     * known. A thread mostly renumbers the part it just parsed, while its objects are in the cache.
     */
    private synchronized int[] parsed(int k) {
      done[k] = true;
      int from = frontier;
      while (frontier < parts && done[frontier]) {
        linesBefore[frontier] = frontierLines;
        frontierLines += lines[frontier];
        frontier++;
      }
      return java.util.stream.IntStream.range(Math.max(1, from), frontier).toArray();
    }

    /**
     * Runs {@code task} for 0 to {@code tasks - 1}, each once, on up to {@code parallelism}
     * threads (this one included), in order of claim; stops claiming once the run is spoiled.
     */
    private void inParallel(int tasks, PartTask task) {
      AtomicInteger next = new AtomicInteger();
      Runnable work = () -> {
        for (int k; !spoiled.get() && (k = next.getAndIncrement()) < tasks; ) {
          try {
            task.run(k);
          } catch (ProfileParseException e) {
            spoiled.set(true); // the sequential parse reports it, in its place
          } catch (IOException e) {
            fail(new UncheckedIOException(e));
          } catch (RuntimeException | Error e) {
            fail(e);
          }
        }
      };
      List<Thread> helpers = new ArrayList<>();
      for (int t = 1; t < Math.min(options.parallelism(), tasks); t++) {
        Thread helper = new Thread(work, "goroutines-parse-" + t);
        helper.setDaemon(true);
        helper.start();
        helpers.add(helper);
      }
      work.run();
      boolean interrupted = false;
      for (Thread helper : helpers) {
        while (true) {
          try {
            helper.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable t = failure;
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }

    private void fail(Throwable t) {
      failure = t;
      spoiled.set(true);
    }

    /** Parses part {@code k}, its lines numbered from its own start. */
    private void parse(int k) throws IOException {
      byte[] buffer = buffers.get();
      Part p = source.read(cuts[k], cuts[k + 1], buffer);
      if (p.bytes != buffer && source.copies()) {
        buffers.set(p.bytes); // the next part this thread reads goes into the same memory
      }
      LineReader in = LineReader.of(p.bytes, p.from, p.to, options.maxLineBytes(), 1);
      Interner interner = Interner.unbounded(shared);
      if (k == 0) {
        TextParser parser = new TextParser(in, options, interner, Collector.forwarding(sink));
        parser.read();
        first = parser;
        lines[0] = parser.linesRead();
        formats[0] = parser.continuesAs();
        if (formats[0] == null) {
          spoiled.set(true);
        }
        return;
      }
      List<Sample> found = new ArrayList<>();
      formats[k] = formatOf(p);
      TextParser parser =
          TextParser.continuing(in, options, interner, Collector.of(found), formats[k]);
      parser.read();
      lines[k] = parser.linesRead();
      if (!parser.partEnds()) {
        spoiled.set(true);
        return;
      }
      if (formats[k] == ProfileFormat.DEBUG1) {
        long sum = 0;
        for (Sample s : found) {
          sum += s.count();
          if (sum < 0) { // past 2^63 - 1: the sequential parse says so
            spoiled.set(true);
            return;
          }
        }
        counts[k] = sum;
      }
      samples.set(k, found);
    }

    /**
     * Gives the goroutines of part {@code k} their header lines in the whole input, and notes
     * their ids.
     */
    private void renumber(int k) {
      List<Sample> found = samples.get(k);
      if (found == null || formats[k] != ProfileFormat.DEBUG2) {
        return; // a spoiled part, or debug=1 records, which have no header lines
      }
      long before = linesBefore[k];
      long[] partIds = new long[found.size()];
      for (int i = 0; i < partIds.length; i++) {
        Goroutine g = found.get(i).goroutine().orElseThrow();
        partIds[i] = g.id();
        found.set(i, Sample.of(g.afterLines(before)));
      }
      ids[k] = partIds;
    }

    /** The later parts' samples after the first part's dump, or null when they do not fit. */
    private TextParser merge() {
      for (int k = 1; k < parts; k++) {
        List<Sample> part = samples.get(k);
        if (formats[k] != formats[0] || !first.append(part, ids[k], counts[k])) {
          return null;
        }
        if (sink instanceof DumpCollector c) {
          c.addAll(part);
        } else {
          part.forEach(sink::sample);
        }
        samples.set(k, null);
      }
      first.finish();
      return first;
    }
  }

  /** Work on one part. */
  @FunctionalInterface
  private interface PartTask {
    void run(int part) throws IOException;
  }

  /**
   * Where a part's parser delivers: the first part's to the dumps being built, a later part's to
   * its list of samples (its dump events are ignored: they spoil the part anyway). One class for
   * both, so that the parser's calls to it stay monomorphic when the compiler has made them so.
   */
  private static final class Collector implements DumpListener {
    private final List<Sample> samples;
    private final DumpListener dumps;

    private Collector(List<Sample> samples, DumpListener dumps) {
      this.samples = samples;
      this.dumps = dumps;
    }

    static Collector of(List<Sample> samples) {
      return new Collector(samples, null);
    }

    static Collector forwarding(DumpListener dumps) {
      return new Collector(null, dumps);
    }

    @Override
    public void beginDump(ProfileFormat format, String type, long total, long line) {
      if (dumps != null) {
        dumps.beginDump(format, type, total, line);
      }
    }

    @Override
    public void crash(io.github.goroutines.model.Crash crash) {
      if (dumps != null) {
        dumps.crash(crash);
      }
    }

    @Override
    public void sample(Sample sample) {
      if (samples != null) {
        samples.add(sample);
      } else {
        dumps.sample(sample);
      }
    }

    @Override
    public void endDump(io.github.goroutines.model.Diagnostics diagnostics) {
      if (dumps != null) {
        dumps.endDump(diagnostics);
      }
    }
  }
}
