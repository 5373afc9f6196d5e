package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.ProfileParseException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The error for input that holds no goroutine dump, the last parser of the chain: it names what the
 * input looks like when that is a known neighbour of a goroutine profile (another pprof profile, a
 * pprof report, a C++ thread dump, an HTML page, an empty file), and where to get a goroutine
 * profile instead.
 */
public final class NotAProfile {
  private static final String FETCH =
      "fetch /debug/pprof/goroutine (debug=0, 1 or 2) or save a runtime.Stack or crash dump";

  /** How many of the first bytes of the input the description reads. */
  public static final int HEAD = 4096;

  private NotAProfile() {}

  /**
   * The error for input that holds no dump.
   *
   * @param input the input, or at least its first {@link #HEAD} bytes
   * @return the exception
   */
  public static ProfileParseException error(byte[] input) {
    String head = new String(input, 0, Math.min(input.length, HEAD), StandardCharsets.UTF_8);
    String first = firstLine(head);
    return ProfileParseException.atLine(null, describe(head, first), 1, first);
  }

  private static String describe(String head, String first) {
    if (head.isBlank()) {
      return "not a goroutine profile: the input is empty; " + FETCH;
    }
    int at = first.indexOf(" profile: total ");
    if (at > 0 && first.indexOf(' ') == at) {
      String name = first.substring(0, at);
      String counts = name.equals("threadcreate")
          ? "it counts the stacks that created OS threads, not goroutines"
          : "it does not count goroutines";
      return "not a goroutine profile: a " + name + " profile (debug=1 text); " + counts + "; " + FETCH;
    }
    if (first.startsWith("heap profile: ")) {
      return "not a goroutine profile: a heap profile (debug=1 text); " + FETCH;
    }
    if (first.startsWith("--- contention:") || first.startsWith("--- mutex:")) {
      return "not a goroutine profile: a block or mutex profile (debug=1 text); " + FETCH;
    }
    if (first.startsWith("--- threadz")) {
      return "not a goroutine profile: a C++ threadz thread dump, not Go; " + FETCH;
    }
    if ((first.startsWith("File: ") || first.startsWith("Type: "))
        && (head.contains("\nShowing nodes accounting for ") || head.contains("flat%"))) {
      return "not a goroutine profile: the text report of go tool pprof (-top), which has no "
          + "stacks; give the file pprof read (or its -traces output), or " + FETCH;
    }
    String lower = first.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return "not a goroutine profile: an HTML page (the pprof index?); " + FETCH;
    }
    return "not a goroutine profile: expected gzip or raw protobuf (debug=0), "
        + "'goroutine profile: total N' (debug=1) or 'goroutine N [state]:' (debug=2); "
        + "input starts with";
  }

  private static String firstLine(String head) {
    String text = head.stripLeading();
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
  }
}
