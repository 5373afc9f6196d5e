package io.github.goroutines.model;

/**
 * The markers the runtime appends to a wait reason, the one place their grammar lives:
 * {@code (leaked)} (Go 1.26+ leak detector), {@code (scan)} (the collector scans the stack),
 * {@code (durable)} (Go 1.25+ synctest) and its Go 1.24 spelling {@code (synctest)}. A marker
 * stands after the reason, followed by the end or another marker:
 * {@code sync.WaitGroup.Wait (leaked)}, {@code select (scan) (durable)}.
 */
final class StateMarkers {
  private static final String LEAKED = " (leaked)";
  private static final String SCAN = " (scan)";
  private static final String DURABLE = " (durable)";
  private static final String SYNCTEST = " (synctest)";
  private static final String[] ALL = {LEAKED, SCAN, DURABLE, SYNCTEST};

  private StateMarkers() {}

  static boolean leaked(String state) {
    return has(state, LEAKED);
  }

  static boolean scan(String state) {
    return has(state, SCAN);
  }

  static boolean durable(String state) {
    return has(state, DURABLE) || has(state, SYNCTEST);
  }

  /** The state without its markers: {@code chan receive (nil chan)} stays as it is. */
  static String base(String state) {
    String s = state;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String marker : ALL) {
        if (s.endsWith(marker)) {
          s = s.substring(0, s.length() - marker.length());
          changed = true;
        }
      }
    }
    return s;
  }

  private static boolean has(String state, String marker) {
    int at = state.indexOf(marker);
    return at > 0 && (at + marker.length() == state.length()
        || state.charAt(at + marker.length()) == ' ');
  }
}
