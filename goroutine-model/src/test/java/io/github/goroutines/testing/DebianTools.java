package io.github.goroutines.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Programs some tests need (Debian's {@code chromium}, {@code npm}, {@code golang-go}): found on
 * the path, or installed with {@code apt-get} when this process runs as root on Debian, saying so;
 * null when neither, and the caller skips with a message.
 */
public final class DebianTools {
  private DebianTools() {}

  /**
   * Finds a command, installing its package when it is missing and that is possible.
   *
   * @param command the program's name on the path
   * @param debianPackage the package that has it
   * @param user the test, named in what is printed
   * @return the program, or null (the caller skips)
   */
  public static Path find(String command, String debianPackage, String user) throws Exception {
    Path found = which(command);
    if (found == null && Files.isExecutable(Path.of("/usr/bin/apt-get"))
        && "root".equals(System.getProperty("user.name"))) {
      System.out.println(user + ": " + command + " is not installed; installing Debian's "
          + debianPackage + " with apt-get");
      Process p = new ProcessBuilder("apt-get", "install", "-y", "-q", debianPackage)
          .inheritIO().start();
      if (p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0) {
        found = which(command);
      }
    }
    if (found == null) {
      System.out.println(user + ": SKIPPED, " + command + " is not installed and could not be"
          + " (apt-get install " + debianPackage + ")");
    }
    return found;
  }

  private static Path which(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
