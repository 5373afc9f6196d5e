package io.github.goroutines.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Why a crash dump was written: the lines Go prints before the goroutines of a panic, a fatal
 * error or a signal, and the goroutine it printed first, the one that crashed.
 *
 * <pre>{@code
 * Profile p = GoroutineProfiles.parse(crashLog);
 * p.crash().map(Crash::headline);      // "fatal error: concurrent map writes"
 * p.crash().get().goroutineId();       // 17
 * }</pre>
 *
 * <p>The lines are as printed, in order: {@code panic: …} (with {@code [recovered]} and the nested
 * {@code panic: …} of a chain), {@code fatal error: …}, a signal line such as {@code SIGQUIT: quit}
 * or {@code [signal SIGSEGV: segmentation violation …]}, and its {@code PC=…} line. Instances are
 * immutable.
 *
 * @param lines the headline and the lines that go with it, at least one
 * @param goroutineId the id of the goroutine printed first after them, when known
 */
public record Crash(List<String> lines, OptionalLong goroutineId) {
  /**
   * Copies the lines.
   *
   * @param lines the headline and the lines that go with it, at least one
   * @param goroutineId the id of the goroutine printed first after them, when known
   */
  public Crash {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a crash has a headline");
    }
    Objects.requireNonNull(goroutineId, "goroutineId");
  }

  /**
   * Returns the first line: {@code panic: …}, {@code fatal error: …} or the signal.
   *
   * @return the headline
   */
  public String headline() {
    return lines.get(0);
  }
}
