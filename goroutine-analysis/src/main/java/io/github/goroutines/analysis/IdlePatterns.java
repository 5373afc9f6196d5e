package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import java.util.Optional;
import java.util.Set;

/**
 * Goroutines every healthy Go program has, which wait by design: they lower a site's score, with
 * the reason shown, instead of making it a suspect. Growth and proof still count against them.
 */
final class IdlePatterns {
  /** Frames of a goroutine that waits for connections. */
  private static final Set<String> LISTENERS = Set.of(
      "net.(*TCPListener).Accept", "net.(*UnixListener).Accept", "internal/poll.(*FD).Accept",
      "net/http.(*Server).Serve");
  /** Frames of a connection's reader or writer that waits for the other end. */
  private static final Set<String> CONNECTIONS = Set.of(
      "net/http.(*conn).serve", "net/http.(*connReader).backgroundRead",
      "net/http.(*persistConn).readLoop",
      "net/http.(*persistConn).writeLoop", "net/http.(*http2serverConn).serve",
      "net/http.(*http2ClientConn).readLoop", "net.(*conn).Read", "net.(*netFD).Read",
      "crypto/tls.(*Conn).Read");
  /** Frames of the standard library's signal delivery. */
  private static final Set<String> SIGNALS = Set.of("os/signal.signal_recv", "os/signal.loop");

  private IdlePatterns() {}

  /**
   * Why a group of goroutines is idle by design, or empty.
   *
   * @param g the group, one blocking site
   * @param state its most common state class
   */
  static Optional<String> of(Group g, StateClass state) {
    Stack stack = g.representative();
    if (has(stack, LISTENERS)) {
      return Optional.of("a listener waiting in Accept for connections: idle by design");
    }
    if ((state == StateClass.IO_WAIT || state == StateClass.SELECT) && has(stack, CONNECTIONS)) {
      return Optional.of("connections idle in the network poller: servers and clients keep them "
          + "open for the next request");
    }
    if (has(stack, SIGNALS)) {
      return Optional.of("the os/signal delivery loop: idle by design");
    }
    Optional<Frame> user = stack.firstUserFrame();
    if (user.isEmpty()) {
      return Optional.of("a background goroutine of the runtime or the standard library (no frame "
          + "of user code)");
    }
    if (g.count() == 1 && user.get().function().equals("main.main")) {
      return Optional.of("the main goroutine, parked while the program serves");
    }
    return Optional.empty();
  }

  /**
   * Tells whether a goroutine is the standard library's, on an open connection with no user code:
   * a kept-alive connection's reader or writer waiting for the other end, or the server's
   * goroutines of a request the standard library itself answers (a pprof handler, and the
   * connection's background reader while it runs), in any state.
   */
  static boolean idleConnection(Stack stack) {
    if (stack.firstUserFrame().isPresent()) {
      return false;
    }
    for (Frame f : stack.frames()) {
      // the background reader, also while only its go statement's wrapper (Go 1.22+) has run
      if (CONNECTIONS.contains(f.function())
          || f.function().startsWith("net/http.(*connReader).")) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Stack stack, Set<String> functions) {
    for (Frame f : stack.frames()) {
      if (functions.contains(f.function())) {
        return true;
      }
    }
    return false;
  }
}
