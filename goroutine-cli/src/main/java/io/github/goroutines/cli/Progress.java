package io.github.goroutines.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on standard error for work that takes more than a second, shown only when
 * standard error is a terminal; erased when the work ends.
 */
final class Progress implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final PrintWriter err;
  private volatile boolean shown;

  private Progress(ScheduledExecutorService timer, PrintWriter err) {
    this.timer = timer;
    this.err = err;
  }

  static Progress start(PrintWriter err, String what) {
    if (System.console() == null) {
      return new Progress(null, err);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    Progress p = new Progress(timer, err);
    timer.schedule(() -> {
      p.shown = true;
      err.print("\r" + what + " ...");
      err.flush();
    }, 1, TimeUnit.SECONDS);
    return p;
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
