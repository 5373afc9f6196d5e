package io.github.goroutines.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard input is a terminal, which Java 17 cannot ask directly. */
final class Terminal {
  private Terminal() {}

  static boolean stdinIsTerminal() {
    Path fd0 = Path.of("/proc/self/fd/0");
    if (Files.isSymbolicLink(fd0)) {
      // Linux: the link names the device; a pipe, a file or /dev/null is not a terminal
      try {
        String target = Files.readSymbolicLink(fd0).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through
      }
    }
    // elsewhere: a console exists only when both standard input and output are terminals
    return System.console() != null;
  }
}
