package io.github.goroutines.model;

/**
 * How strictly to parse and how much to accept. Every limit exists so that a hostile or broken
 * profile fails with a {@link ProfileParseException} naming the option, instead of exhausting memory.
 *
 * <pre>{@code
 * ParseOptions strict = ParseOptions.defaults().withStrict(true);
 * ParseOptions big = ParseOptions.defaults().withMaxInputBytes(8L << 30);
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 *
 * @param strict whether the first problem throws (default {@code false}: text outside goroutine
 *     blocks is skipped and reported in {@link Diagnostics}, a malformed block is cut short)
 * @param maxInputBytes the most bytes read from an input (default 1 GiB); streaming text parsing
 *     does not hold the input and ignores it
 * @param maxDecompressedBytes the largest protobuf message accepted, after gzip decompression or
 *     as it came (default 32 MiB; a Go goroutine profile of 100,000 goroutines with distinct labels
 *     is under 4 MiB); decoding it needs at most about 13 times as much heap
 * @param maxLineBytes the longest text line accepted (default 16 MiB; Go writes lines of about
 *     20 KB at most, panic values and labels can be longer)
 * @param maxFramesPerStack the most frames in one stack, and PCs in one {@code debug=1} record
 *     (default 100,000)
 * @param maxSamples the most samples, records or goroutines in one profile, counted per dump of
 *     an input that holds several (default 50,000,000)
 * @param tracebackText whether {@code debug=2} parsing keeps what a traceback prints beside the
 *     facts, each frame's argument text and {@code fp=} extras ({@link Traceback#arguments()});
 *     default {@code false}: analysis needs none of it, and it is most of the heap a large dump
 *     would take (mostly unique pointer values)
 * @param parallelism the most threads one parse of a large text input (an array or a file of
 *     several MiB) uses, the calling thread included (default: the available processors, at most
 *     8; {@code 1} parses on the calling thread only). The input is cut at goroutine and record
 *     boundaries and the parts are parsed at once; the result equals the sequential parse's in
 *     every value and in what it shares. Streams are parsed on the calling thread.
 */
public record ParseOptions(
    boolean strict,
    long maxInputBytes,
    long maxDecompressedBytes,
    int maxLineBytes,
    int maxFramesPerStack,
    long maxSamples,
    boolean tracebackText,
    int parallelism) {
  /** The most threads a parse uses by default, however many processors the machine has. */
  private static final int MAX_DEFAULT_PARALLELISM = 8;
  private static final ParseOptions DEFAULTS =
      new ParseOptions(false, 1L << 30, 32L << 20, 16 << 20, 100_000, 50_000_000L, false,
          Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_PARALLELISM));

  /**
   * Checks that limits are positive.
   *
   * @param strict whether the first problem throws (default {@code false}: text outside goroutine
   *     blocks is skipped and reported in {@link Diagnostics}, a malformed block is cut short)
   * @param maxInputBytes the most bytes read from an input (default 1 GiB); streaming text parsing
   *     does not hold the input and ignores it
   * @param maxDecompressedBytes the largest protobuf message accepted, after gzip decompression or
   *     as it came (default 32 MiB; a Go goroutine profile of 100,000 goroutines with distinct
   *     labels is under 4 MiB); decoding it needs at most about 13 times as much heap
   * @param maxLineBytes the longest text line accepted (default 16 MiB; Go writes lines of about
   *     20 KB at most, panic values and labels can be longer)
   * @param maxFramesPerStack the most frames in one stack, and PCs in one {@code debug=1} record
   *     (default 100,000)
   * @param maxSamples the most samples, records or goroutines in one profile, counted per dump of
   *     an input that holds several (default 50,000,000)
   * @param tracebackText whether {@code debug=2} frames keep their argument and {@code fp=} text
   *     (default {@code false})
   * @param parallelism the most threads of one parse, at least 1 (default: the processors, at
   *     most 8)
   */
  public ParseOptions {
    positive("maxInputBytes", maxInputBytes);
    positive("maxDecompressedBytes", maxDecompressedBytes);
    positive("maxLineBytes", maxLineBytes);
    positive("maxFramesPerStack", maxFramesPerStack);
    positive("maxSamples", maxSamples);
    positive("parallelism", parallelism);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
  }

  /**
   * Returns the defaults: lenient, with the limits documented on the components.
   *
   * @return the default options
   */
  public static ParseOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with {@link #strict()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withStrict(boolean value) {
    return new ParseOptions(value, maxInputBytes, maxDecompressedBytes, maxLineBytes,
        maxFramesPerStack, maxSamples, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #maxInputBytes()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withMaxInputBytes(long value) {
    return new ParseOptions(strict, value, maxDecompressedBytes, maxLineBytes,
        maxFramesPerStack, maxSamples, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #maxDecompressedBytes()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withMaxDecompressedBytes(long value) {
    return new ParseOptions(strict, maxInputBytes, value, maxLineBytes,
        maxFramesPerStack, maxSamples, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #maxLineBytes()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withMaxLineBytes(int value) {
    return new ParseOptions(strict, maxInputBytes, maxDecompressedBytes, value,
        maxFramesPerStack, maxSamples, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #maxFramesPerStack()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withMaxFramesPerStack(int value) {
    return new ParseOptions(strict, maxInputBytes, maxDecompressedBytes, maxLineBytes,
        value, maxSamples, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #maxSamples()} set.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withMaxSamples(long value) {
    return new ParseOptions(strict, maxInputBytes, maxDecompressedBytes, maxLineBytes,
        maxFramesPerStack, value, tracebackText, parallelism);
  }

  /**
   * Returns a copy with {@link #tracebackText()} set: {@code true} keeps each {@code debug=2}
   * frame's argument text ({@code (0xc000010000, 0x5)}, which tells which mutex or channel
   * goroutines share) and its {@code fp=} extras, for tools that show or re-print a dump.
   *
   * @param value the new value
   * @return the new options
   */
  public ParseOptions withTracebackText(boolean value) {
    return new ParseOptions(strict, maxInputBytes, maxDecompressedBytes, maxLineBytes,
        maxFramesPerStack, maxSamples, value, parallelism);
  }

  /**
   * Returns a copy with {@link #parallelism()} set: {@code 1} keeps a parse on the calling thread.
   *
   * @param value the most threads of one parse, at least 1
   * @return the new options
   */
  public ParseOptions withParallelism(int value) {
    return new ParseOptions(strict, maxInputBytes, maxDecompressedBytes, maxLineBytes,
        maxFramesPerStack, maxSamples, tracebackText, value);
  }
}
