package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.List;
import java.util.Objects;
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

  @Override
  public String toString() {
    return description;
  }
}
