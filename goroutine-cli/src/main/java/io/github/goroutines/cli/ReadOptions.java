package io.github.goroutines.cli;

import io.github.goroutines.model.ParseOptions;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How inputs are read: strictness, the size limit, and the time a URL may take. */
final class ReadOptions {
  @Option(names = "--strict", description = "fail on the first problem instead of skipping it, "
      + "and on snapshots given out of time order")
  boolean strict;

  @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
      description = "time a URL may take to connect and to answer, e.g. 10s, 2m (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--max-bytes", defaultValue = "1073741824", paramLabel = "BYTES",
      description = "the largest input accepted (default: ${DEFAULT-VALUE})")
  long maxBytes;

  @Option(names = "--threads", paramLabel = "N",
      description = "threads that parse one large text file (default: the processors, at most 8, "
          + "on machines with more than 2; else 1)")
  Integer threads;

  /**
   * The threads of a parse when none are asked for. A new JVM spends its first second compiling
   * the parser: on 2 cores a second parsing thread takes the core the compiler needs, and a 200 MB
   * dump took 1.0-1.4 s on 2 threads against 0.7-0.9 s on one (README, Performance).
   */
  static int defaultThreads() {
    int processors = Runtime.getRuntime().availableProcessors();
    return processors > 2 ? ParseOptions.defaults().parallelism() : 1;
  }

  /** The longest time a duration option takes: a day. */
  static final Duration LONGEST = Duration.ofHours(24);

  ParseOptions parseOptions() {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("--max-bytes must be at least 1, not " + maxBytes);
    }
    if (threads != null && (threads < 1 || threads > 64)) {
      throw new IllegalArgumentException("--threads must be from 1 to 64, not " + threads);
    }
    return ParseOptions.defaults().withStrict(strict).withMaxInputBytes(maxBytes)
        .withParallelism(threads != null ? threads : defaultThreads());
  }

  /** How inputs are opened; it checks every reading option first. */
  Inputs inputs(InputStream stdin) {
    parseOptions();
    return new Inputs(stdin, duration("--timeout", timeout, Duration.ofMillis(1)));
  }

  /**
   * Durations such as {@code 30s}, {@code 2m}, {@code 500ms}, from {@code min} to a day.
   *
   * @throws IllegalArgumentException naming the option, for anything else
   */
  static Duration duration(String option, String text, Duration min) {
    Duration d = parseDuration(text);
    if (d == null) {
      throw new IllegalArgumentException(option + " takes a duration such as 500ms, 30s or 2m, "
          + "not '" + text + "'");
    }
    if (d.compareTo(min) < 0 || d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(option + " must be from " + Inputs.human(min)
          + " to 24h, not " + text.strip());
    }
    return d;
  }

  /** The duration, or null when the text is none; beyond the range of a Duration is over a day. */
  private static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > 18) {
      return digits == 0 ? null : LONGEST.plusDays(1); // 19 digits or more: far beyond a day
    }
    long n = Long.parseLong(t.substring(0, digits));
    return switch (t.substring(digits)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> n > LONGEST.toMinutes() ? LONGEST.plusDays(1) : Duration.ofMinutes(n);
      case "h" -> n > LONGEST.toHours() ? LONGEST.plusDays(1) : Duration.ofHours(n);
      default -> null;
    };
  }
}
