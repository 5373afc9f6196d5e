package io.github.goroutines.analysis;

import io.github.goroutines.analysis.internal.GoFormat;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folded (collapsed) stacks, one line per distinct stack, {@code root;…;leaf count}: the input of
 * flamegraph.pl, inferno and speedscope. The counts sum to the profile's total.
 *
 * <pre>{@code
 * String folded = FoldedStacks.of(profile, FoldedStacks.Root.STATE_CLASS, true);
 * // chan send;main.handleRequest.func1 120
 * }</pre>
 *
 * <p>Frames are function names, outermost first; a name's control characters are escaped as the
 * text reports escape them and a {@code ;} inside one becomes {@code :}, so every line splits
 * back into the frames it came from. Lines are sorted, as the collapse scripts sort them.
 */
public final class FoldedStacks {
  /** What stands at the root of every stack, so that a flame graph splits goroutines by it. */
  public enum Root {
    /** Nothing: the goroutine's outermost frame is the root. */
    NONE,
    /** The state as Go printed it ({@code chan receive}, {@code sync.Mutex.Lock}), else the class. */
    STATE,
    /** The state class, such as {@code chan receive} or {@code mutex}. */
    STATE_CLASS
  }

  private FoldedStacks() {}

  /**
   * Folds a profile's stacks.
   *
   * @param profile the profile
   * @param root what to put at the root of each stack
   * @param foldRuntime whether to leave out the runtime's frames ({@code runtime.gopark} and its
   *     kind), so that each stack ends where the goroutine waits in Go code
   * @return the lines, each ending with a newline
   */
  public static String of(Profile profile, Root root, boolean foldRuntime) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(root, "root");
    Map<String, Long> counts = new TreeMap<>();
    for (Sample s : profile.samples()) {
      List<String> names = new ArrayList<>();
      switch (root) {
        case STATE -> names.add(s.goroutine().map(g -> g.state())
            .filter(x -> !x.isEmpty()).orElse(className(s)));
        case STATE_CLASS -> names.add(className(s));
        case NONE -> { }
      }
      List<Frame> frames = s.stack().frames();
      for (int i = frames.size() - 1; i >= 0; i--) {
        Frame f = frames.get(i);
        if (foldRuntime && f.kind() == FrameKind.RUNTIME) {
          continue;
        }
        names.add(f.function().isEmpty()
            ? f.pc().isPresent() ? "0x" + Long.toHexString(f.pc().getAsLong()) : "?"
            : f.function());
      }
      if (names.isEmpty()) {
        names.add("(no stack)");
      }
      StringBuilder key = new StringBuilder();
      for (String n : names) {
        if (key.length() > 0) {
          key.append(';');
        }
        key.append(GoFormat.printable(n).replace(';', ':'));
      }
      counts.merge(key.toString(), s.count(), Long::sum);
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, n) -> sb.append(k).append(' ').append(n).append('\n'));
    return sb.toString();
  }

  private static String className(Sample s) {
    return s.stateClass().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
