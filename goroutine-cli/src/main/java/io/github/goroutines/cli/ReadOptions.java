package io.github.goroutines.cli;

import io.github.goroutines.model.ParseOptions;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How inputs are read: strictness, the size limit, and the time a URL may take. */
final class ReadOptions {
  @Option(names = "--strict", description = "fail on the first problem instead of skipping it")
  boolean strict;

  @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
      description = "time a URL may take to connect and to answer, e.g. 10s, 2m (default: ${DEFAULT-VALUE})")
  String timeout;

  @Option(names = "--max-bytes", defaultValue = "1073741824", paramLabel = "BYTES",
      description = "the largest input accepted (default: ${DEFAULT-VALUE})")
  long maxBytes;

  ParseOptions parseOptions() {
    return ParseOptions.defaults().withStrict(strict).withMaxInputBytes(maxBytes);
  }

  Inputs inputs(InputStream stdin) {
    return new Inputs(stdin, duration(timeout));
  }

  /** Durations such as {@code 30s}, {@code 2m}, {@code 500ms}. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          break;
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 2m)");
  }
}
