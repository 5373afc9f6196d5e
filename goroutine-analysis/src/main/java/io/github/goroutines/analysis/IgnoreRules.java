package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Goroutines a leak check expects and does not count, like goleak's {@code IgnoreAnyFunction} and
 * {@code IgnoreTopFunction}: a rule names a function, matched exactly or, ending in {@code *}, as a
 * prefix. {@code ignore} matches any frame of a stack; {@code ignore-top} only the innermost frame of
 * user code (the blocking site). Ignored goroutines leave the suspects and
 * {@code --fail-on-suspects}; the reports say how many there were.
 *
 * <pre>{@code
 * IgnoreRules rules = IgnoreRules.none()
 *     .ignore("go.opencensus.io/stats/view.(*worker).start")
 *     .ignoreTop("main.(*Server).acceptLoop");
 * Summary s = Summary.of(snapshots, Grouping.firstUserFrame(), rules);
 * // a file of rules, as goroutines --ignore-file reads it:
 * IgnoreRules fromFile = IgnoreRules.parse(List.of("# known", "ignore-top main.reaper"));
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class IgnoreRules {
  private static final IgnoreRules NONE = new IgnoreRules(List.of(), List.of(), false);

  private final List<String> anyFrame;
  private final List<String> topFrame;
  private final boolean idleConnections;

  private IgnoreRules(List<String> anyFrame, List<String> topFrame, boolean idleConnections) {
    this.anyFrame = List.copyOf(anyFrame);
    this.topFrame = List.copyOf(topFrame);
    this.idleConnections = idleConnections;
  }

  /**
   * Returns the rules that ignore nothing.
   *
   * @return no rules
   */
  public static IgnoreRules none() {
    return NONE;
  }

  /**
   * Adds a rule that ignores goroutines with the function anywhere in their stack.
   *
   * @param function a function name, or a prefix followed by {@code *}
   * @return the rules with this one added
   */
  public IgnoreRules ignore(String function) {
    List<String> more = new ArrayList<>(anyFrame);
    more.add(checked(function));
    return new IgnoreRules(more, topFrame, idleConnections);
  }

  /**
   * Adds a rule that ignores goroutines whose innermost frame of user code is the function.
   *
   * @param function a function name, or a prefix followed by {@code *}
   * @return the rules with this one added
   */
  public IgnoreRules ignoreTop(String function) {
    List<String> more = new ArrayList<>(topFrame);
    more.add(checked(function));
    return new IgnoreRules(anyFrame, more, idleConnections);
  }

  /**
   * Adds a rule that ignores the goroutines {@code net/http} keeps per open connection when no user
   * code is on their stack: a kept-alive connection waiting for the next request ({@code
   * (*conn).serve}, {@code (*persistConn).readLoop} and {@code writeLoop}, HTTP/2's), and a request
   * the standard library answers itself, such as the {@code /debug/pprof} one taking the snapshot,
   * with its connection's background reader. A check driven from outside the process needs it: the
   * test's own HTTP client keeps connections alive, each one a goroutine of the server, and the
   * snapshot's own request shows up in it. A goroutine in a handler of the program has user code on
   * its stack and is never ignored by this rule.
   *
   * <p>In a rules file: {@code ignore-idle-connections}.
   *
   * @return the rules with this one added
   */
  public IgnoreRules ignoreIdleConnections() {
    return new IgnoreRules(anyFrame, topFrame, true);
  }

  /**
   * Reads rules, one per line: {@code ignore FUNCTION}, {@code ignore-top FUNCTION} or
   * {@code ignore-idle-connections}; blank lines and lines starting with {@code #} are skipped.
   *
   * @param lines the lines of a rules file
   * @return these rules added to none
   * @throws IllegalArgumentException naming the first line that is not a rule, and its number
   */
  public static IgnoreRules parse(List<String> lines) {
    IgnoreRules rules = none();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words.length == 1 && words[0].equals("ignore-idle-connections")) {
        rules = rules.ignoreIdleConnections();
        continue;
      }
      if (words.length != 2 || !Set.of("ignore", "ignore-top").contains(words[0])) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not 'ignore FUNCTION', "
            + "'ignore-top FUNCTION' or 'ignore-idle-connections': " + line);
      }
      rules = words[0].equals("ignore") ? rules.ignore(words[1]) : rules.ignoreTop(words[1]);
    }
    return rules;
  }

  /**
   * Tells whether there are no rules.
   *
   * @return true for {@link #none()}
   */
  public boolean isEmpty() {
    return anyFrame.isEmpty() && topFrame.isEmpty() && !idleConnections;
  }

  /**
   * Tells whether a sample is ignored.
   *
   * @param s the sample
   * @return true when a rule matches its stack
   */
  public boolean ignores(Sample s) {
    if (idleConnections && IdlePatterns.idleConnection(s.stack())) {
      return true;
    }
    List<Frame> frames = s.stack().frames();
    for (String rule : anyFrame) {
      for (Frame f : frames) {
        if (matches(rule, f.function())) {
          return true;
        }
      }
    }
    if (!topFrame.isEmpty()) {
      Optional<Frame> top = s.stack().firstUserFrame();
      String function = top.map(Frame::function).orElse("");
      for (String rule : topFrame) {
        if (top.isPresent() && matches(rule, function)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The profile without the goroutines the rules ignore.
   *
   * @param profile a profile
   * @return the profile itself when nothing is ignored
   */
  public Profile apply(Profile profile) {
    if (isEmpty()) {
      return profile;
    }
    List<Sample> kept = profile.samples().stream().filter(s -> !ignores(s)).toList();
    if (kept.size() == profile.samples().size()) {
      return profile;
    }
    return profile.withSamples(kept);
  }

  /**
   * Counts the goroutines of a profile that the rules ignore.
   *
   * @param profile a profile
   * @return the sum of the ignored samples' counts
   */
  public long ignoredCount(Profile profile) {
    return isEmpty() ? 0
        : profile.samples().stream().filter(this::ignores).mapToLong(Sample::count).sum();
  }

  private static boolean matches(String rule, String function) {
    return rule.endsWith("*") ? function.startsWith(rule.substring(0, rule.length() - 1))
        : function.equals(rule);
  }

  private static String checked(String function) {
    Objects.requireNonNull(function, "function");
    if (function.isBlank() || function.equals("*")) {
      throw new IllegalArgumentException("an ignore rule names a function, not '" + function + "'");
    }
    return function.strip();
  }

  @Override
  public String toString() {
    return "IgnoreRules[ignore=" + anyFrame + ", ignoreTop=" + topFrame
        + (idleConnections ? ", ignoreIdleConnections" : "") + "]";
  }
}
