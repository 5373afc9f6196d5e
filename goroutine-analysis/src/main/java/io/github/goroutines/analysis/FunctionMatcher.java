package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches function names on a goroutine's own stack (not its creator, not ancestor sections): what
 * one does with a text editor on {@code goroutine?debug=2}, searching for
 * {@code sync.(*WaitGroup).Wait}.
 *
 * <pre>{@code
 * List<Sample> waiting = FunctionMatcher.exact("sync.(*WaitGroup).Wait").find(profile);
 * FunctionMatcher.prefix("github.com/acme/");
 * FunctionMatcher.regex("\\(\\*Pool(\\[\\.\\.\\.\\])?\\)\\.Get");
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class FunctionMatcher {
  private final String description;
  private final String text;
  private final Pattern pattern;
  private final boolean prefix;

  private FunctionMatcher(String description, String text, Pattern pattern, boolean prefix) {
    this.description = description;
    this.text = text;
    this.pattern = pattern;
    this.prefix = prefix;
  }

  /**
   * Matches a function name exactly as Go prints it.
   *
   * @param function the name
   * @return the matcher
   */
  public static FunctionMatcher exact(String function) {
    return new FunctionMatcher("= " + function, Objects.requireNonNull(function, "function"), null,
        false);
  }

  /**
   * Matches names that start with a prefix (a package path, for example).
   *
   * @param prefix the prefix
   * @return the matcher
   */
  public static FunctionMatcher prefix(String prefix) {
    return new FunctionMatcher("^ " + prefix, Objects.requireNonNull(prefix, "prefix"), null, true);
  }

  /**
   * Matches names in which a regular expression finds a match.
   *
   * @param regex a {@link Pattern} expression
   * @return the matcher
   * @throws java.util.regex.PatternSyntaxException when the expression is invalid
   */
  public static FunctionMatcher regex(String regex) {
    return new FunctionMatcher("~ " + regex, null, Pattern.compile(regex), false);
  }

  /**
   * Tells whether a function name matches.
   *
   * @param function the name
   * @return true on a match
   */
  public boolean matches(String function) {
    if (pattern != null) {
      return pattern.matcher(function).find();
    }
    return prefix ? function.startsWith(text) : function.equals(text);
  }

  /**
   * Tells whether some frame of a stack matches.
   *
   * @param stack the stack
   * @return true on a match
   */
  public boolean matches(Stack stack) {
    for (Frame f : stack.frames()) {
      if (matches(f.function())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the samples (goroutines, for debug=2) whose stack has a matching function.
   *
   * @param profile the profile
   * @return the samples in profile order
   */
  public List<Sample> find(Profile profile) {
    return profile.samples().stream().filter(s -> matches(s.stack())).toList();
  }

  /**
   * Names what the user may have meant when nothing matches: the functions of the profile whose name
   * contains this exact or prefix matcher's text, ignoring case and the {@code (*T)} spelling of
   * methods ({@code WaitGroup.Wait} finds {@code sync.(*WaitGroup).Wait}). Most goroutines first.
   *
   * <pre>{@code
   * FunctionMatcher.exact("WaitGroup.Wait").nearMisses(profile, 5);  // [sync.(*WaitGroup).Wait]
   * }</pre>
   *
   * @param profile the profile
   * @param max the most names returned
   * @return function names, each with the goroutines that have it on their stack; empty for a
   *     regular expression
   */
  public List<Map.Entry<String, Long>> nearMisses(Profile profile, int max) {
    Objects.requireNonNull(profile, "profile");
    if (text == null) {
      return List.of();
    }
    String wanted = loose(text);
    Map<String, Long> counts = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Sample s : profile.samples()) {
      seen.clear();
      for (Frame f : s.stack().frames()) {
        if (seen.add(f.function()) && loose(f.function()).contains(wanted)) {
          counts.merge(f.function(), s.count(), Long::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(0, max))
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .toList();
  }

  private static String loose(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '(' && c != ')' && c != '*') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return description;
  }
}
