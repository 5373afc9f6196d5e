package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What makes goroutines belong together. Each sample gets one key (a string, so that keys of
 * different snapshots compare), except with {@link #eachFunction()}, where a sample belongs to the
 * group of every function on its stack.
 *
 * <pre>{@code
 * Grouping.firstUserFrame();                                     // the blocking site in your code
 * Grouping.of(Grouping.firstUserFrame(), Grouping.stateClass()); // site and state
 * Grouping.label("tenant");
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class Grouping {
  private enum Kind {
    STACK,
    SIMILAR_STACK,
    INNERMOST_FRAME,
    FIRST_USER_FRAME,
    EACH_FUNCTION,
    CREATOR,
    STATE_CLASS,
    STATE,
    LABEL,
    COMPOSITE
  }

  private static final String NO_STACK = "(no stack)";
  private static final String UNKNOWN = "(unknown)";

  private final Kind kind;
  private final String label;
  private final List<Grouping> parts;

  private Grouping(Kind kind, String label, List<Grouping> parts) {
    this.kind = kind;
    this.label = label;
    this.parts = parts;
  }

  /**
   * Identical stacks: same functions, files and lines (arguments are not part of a stack).
   *
   * @return the grouping
   */
  public static Grouping stack() {
    return new Grouping(Kind.STACK, "", List.of());
  }

  /**
   * Similar stacks: the same functions, ignoring line numbers, runtime frames, compiler wrappers and
   * the spelling of generic type arguments, so stacks from different Go versions or formats match.
   *
   * @return the grouping
   */
  public static Grouping similarStack() {
    return new Grouping(Kind.SIMILAR_STACK, "", List.of());
  }

  /**
   * The innermost frame's function (often {@code runtime.gopark} in protobuf profiles).
   *
   * @return the grouping
   */
  public static Grouping innermostFrame() {
    return new Grouping(Kind.INNERMOST_FRAME, "", List.of());
  }

  /**
   * The first frame of user code, skipping runtime and standard-library frames: the place in your
   * program where the goroutine blocks, as {@code function file:line}. A stack with no user frame
   * falls back to its outermost standard-library frame (the entry function, such as
   * {@code net/http.(*Server).Serve}, the same in every format), then to its innermost frame.
   *
   * @return the grouping
   */
  public static Grouping firstUserFrame() {
    return new Grouping(Kind.FIRST_USER_FRAME, "", List.of());
  }

  /**
   * Every function on the stack: a sample counts once in the group of each function it contains.
   *
   * @return the grouping
   */
  public static Grouping eachFunction() {
    return new Grouping(Kind.EACH_FUNCTION, "", List.of());
  }

  /**
   * The {@code created by} site, {@code function file:line}; {@code (unknown)} for formats without
   * it (debug=0 and debug=1) and for goroutine 1.
   *
   * @return the grouping
   */
  public static Grouping creator() {
    return new Grouping(Kind.CREATOR, "", List.of());
  }

  /**
   * The {@link io.github.goroutines.model.StateClass}, inferred from the stack where the format
   * has no state.
   *
   * @return the grouping
   */
  public static Grouping stateClass() {
    return new Grouping(Kind.STATE_CLASS, "", List.of());
  }

  /**
   * The state as printed, without the {@code (leaked)}/{@code (durable)} markers; the class name for
   * formats without states.
   *
   * @return the grouping
   */
  public static Grouping state() {
    return new Grouping(Kind.STATE, "", List.of());
  }

  /**
   * The value of one pprof label; {@code (none)} when the sample has no such label.
   *
   * @param key the label key
   * @return the grouping
   */
  public static Grouping label(String key) {
    return new Grouping(Kind.LABEL, Objects.requireNonNull(key, "key"), List.of());
  }

  /**
   * Several groupings at once; the key joins the parts' keys with {@code " | "}.
   *
   * @param parts the groupings, at least one
   * @return the grouping
   */
  public static Grouping of(Grouping... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("at least one grouping");
    }
    if (parts.length == 1) {
      return parts[0];
    }
    return new Grouping(Kind.COMPOSITE, "", List.copyOf(Arrays.asList(parts)));
  }

  /**
   * Returns a short name: {@code stack}, {@code similar-stack}, {@code innermost}, {@code site},
   * {@code function}, {@code creator}, {@code state-class}, {@code state}, {@code label:KEY}, or the
   * parts' names joined with {@code +}.
   *
   * @return the name
   */
  public String name() {
    return switch (kind) {
      case STACK -> "stack";
      case SIMILAR_STACK -> "similar-stack";
      case INNERMOST_FRAME -> "innermost";
      case FIRST_USER_FRAME -> "site";
      case EACH_FUNCTION -> "function";
      case CREATOR -> "creator";
      case STATE_CLASS -> "state-class";
      case STATE -> "state";
      case LABEL -> "label:" + label;
      case COMPOSITE -> String.join("+", parts.stream().map(Grouping::name).toList());
    };
  }

  /**
   * Parses a name as {@link #name()} prints it.
   *
   * @param name for example {@code site}, {@code label:tenant} or {@code site+state-class}
   * @return the grouping
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Grouping parse(String name) {
    if (name.contains("+")) {
      return of(Arrays.stream(name.split("\\+")).map(Grouping::parse).toArray(Grouping[]::new));
    }
    return switch (name) {
      case "stack" -> stack();
      case "similar-stack" -> similarStack();
      case "innermost" -> innermostFrame();
      case "site" -> firstUserFrame();
      case "function" -> eachFunction();
      case "creator" -> creator();
      case "state-class" -> stateClass();
      case "state" -> state();
      default -> {
        if (name.startsWith("label:") && name.length() > 6) {
          yield label(name.substring(6));
        }
        throw new IllegalArgumentException("unknown grouping '" + name + "': expected stack, "
            + "similar-stack, innermost, site, function, creator, state-class, state, label:KEY, "
            + "or several joined with +");
      }
    };
  }

  /** Tells whether the keys depend on the stack alone, so they can be computed once per stack. */
  boolean stackOnly() {
    return switch (kind) {
      case STACK, SIMILAR_STACK, INNERMOST_FRAME, FIRST_USER_FRAME, EACH_FUNCTION -> true;
      case COMPOSITE -> parts.stream().allMatch(Grouping::stackOnly);
      default -> false;
    };
  }

  /** The keys of a sample (one, except for {@link #eachFunction()}). */
  List<String> keys(Sample s) {
    return switch (kind) {
      case STACK -> List.of(stackKey(s.stack()));
      case SIMILAR_STACK -> List.of(similarKey(s.stack()));
      case INNERMOST_FRAME -> List.of(s.stack().innermost()
          .map(f -> FunctionName.normalize(f.function())).orElse(NO_STACK));
      case FIRST_USER_FRAME -> List.of(site(s.stack()).map(Grouping::siteKey).orElse(NO_STACK));
      case EACH_FUNCTION -> {
        Set<String> functions = new LinkedHashSet<>();
        for (Frame f : s.stack().frames()) {
          functions.add(FunctionName.normalize(f.function()));
        }
        yield functions.isEmpty() ? List.of(NO_STACK) : List.copyOf(functions);
      }
      case CREATOR -> List.of(s.goroutine().flatMap(g -> g.createdBy()).map(Grouping::siteKey)
          .orElse(UNKNOWN));
      case STATE_CLASS -> List.of(s.stateClass().name());
      case STATE -> List.of(s.goroutine().map(g -> g.baseState()).orElse(s.stateClass().name()));
      case LABEL -> List.of(s.labels().get(label).orElse("(none)"));
      case COMPOSITE -> {
        List<String> keys = List.of("");
        for (Grouping part : parts) {
          List<String> next = new ArrayList<>();
          for (String prefix : keys) {
            for (String k : part.keys(s)) {
              next.add(prefix.isEmpty() ? k : prefix + " | " + k);
            }
          }
          keys = next;
        }
        yield keys;
      }
    };
  }

  /**
   * The blocking site of a stack: its first user frame; for a goroutine without user code, its
   * outermost standard-library frame, the entry function that tells what it is
   * ({@code net/http.(*Server).Serve}, {@code net/http.(*persistConn).readLoop}); else its innermost
   * frame.
   *
   * @param stack a stack
   * @return the frame, empty for an empty stack
   */
  public static Optional<Frame> site(Stack stack) {
    Optional<Frame> user = stack.firstUserFrame();
    if (user.isPresent()) {
      return user;
    }
    // No user code: the goroutine is the standard library's (a listener, a connection's reader).
    // Its entry function says which, in every format; where it waits (runtime_pollWait) does not.
    List<Frame> frames = stack.frames();
    for (int i = frames.size() - 1; i >= 0; i--) {
      Frame f = frames.get(i);
      if (!f.function().isEmpty() && f.kind() == FrameKind.STANDARD_LIBRARY) {
        return Optional.of(f);
      }
    }
    return stack.innermost();
  }

  static String siteKey(Frame f) {
    if (f.function().isEmpty()) {
      // no symbol: the address is all there is
      return f.pc().isPresent() ? "0x" + Long.toHexString(f.pc().getAsLong()) : "(unknown)";
    }
    String function = FunctionName.normalize(f.function()); // [go.shape.int] and [...] alike
    return f.line() > 0 ? function + " " + f.file() + ":" + f.line() : function;
  }

  private static String stackKey(Stack stack) {
    if (stack.isEmpty()) {
      return NO_STACK;
    }
    StringBuilder sb = new StringBuilder();
    for (Frame f : stack.frames()) {
      if (sb.length() > 0) {
        sb.append(" < ");
      }
      sb.append(siteKey(f));
    }
    stack.elidedFrames().ifPresent(n -> sb.append(" (").append(n).append(" frames elided)"));
    return sb.toString();
  }

  private static String similarKey(Stack stack) {
    StringBuilder sb = new StringBuilder();
    for (Frame f : stack.frames()) {
      FunctionName n = f.functionName();
      if (n.kind() == FrameKind.RUNTIME || n.suffix().contains("wrap") || n.suffix().equals("-fm")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(" < ");
      }
      sb.append(n.normalized());
    }
    return sb.length() == 0 ? NO_STACK : sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grouping g && g.name().equals(name());
  }

  @Override
  public int hashCode() {
    return name().hashCode();
  }

  @Override
  public String toString() {
    return name();
  }
}
