package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flat and cumulative goroutine counts per function, as {@code go tool pprof -top} computes them:
 * <em>flat</em> counts the goroutines whose innermost frame is the function, <em>cum</em> those
 * that have it anywhere on the stack (once per goroutine, however deep the recursion).
 *
 * <p>On a goroutine profile pprof's answer is {@code runtime.gopark 99%}, which says nothing. With
 * {@code attributeToUserCode}, the frames inside the runtime and the standard library above the
 * first user frame are cut off first, so flat goes to the place in your code where goroutines
 * block:
 *
 * <pre>{@code
 * Top.of(profile, false).rows().get(0);  // runtime.gopark, flat 401 of 403
 * Top.of(profile, true).rows().get(0);   // main.(*Cache).LoadOrStore, flat 150
 * }</pre>
 *
 * <p>Rows are sorted like pprof's: flat (by magnitude) descending, then name, then cum. Instances
 * are immutable and safe for use by multiple threads.
 */
public final class Top {
  private final List<Row> rows;
  private final List<Row> shown;
  private final long total;
  private final long cutoff;
  private final boolean attributed;

  /**
   * One function.
   *
   * @param function the function name
   * @param flat goroutines whose innermost (or, attributed, first user) frame it is
   * @param cum goroutines with it on their stack
   * @param inline whether the calls into it were inlined
   */
  public record Row(String function, long flat, long cum, Inline inline) {}

  /** How pprof marks a function by the calls into it. */
  public enum Inline {
    /** No call into it was inlined: no mark. */
    NONE(""),
    /** Every call into it was inlined: {@code (inline)}. */
    INLINE("(inline)"),
    /** Some calls were: {@code (partial-inline)}. */
    PARTIAL("(partial-inline)");

    private final String mark;

    Inline(String mark) {
      this.mark = mark;
    }

    /**
     * Returns the mark pprof prints after the name.
     *
     * @return the mark, empty for {@link #NONE}
     */
    public String mark() {
      return mark;
    }
  }

  private Top(List<Row> rows, List<Row> shown, long total, long cutoff, boolean attributed,
      int aboveCutoff) {
    this.rows = List.copyOf(rows);
    this.shown = List.copyOf(shown);
    this.total = total;
    this.cutoff = cutoff;
    this.attributed = attributed;
    this.aboveCutoff = aboveCutoff;
  }

  private final int aboveCutoff;

  /**
   * Computes the rows.
   *
   * @param profile the profile
   * @param attributeToUserCode whether to cut runtime and standard-library frames above the first
   *     user frame first
   * @return the table
   */
  public static Top of(Profile profile, boolean attributeToUserCode) {
    return of(profile, attributeToUserCode, 0);
  }

  /**
   * Computes the rows, showing at most {@code nodeCount} of them, like {@code go tool pprof -top
   * -nodecount=N}: the first N rows above the node cutoff, with inline marks among those N.
   *
   * @param profile the profile
   * @param attributeToUserCode whether to cut runtime and standard-library frames above the first
   *     user frame first
   * @param nodeCount the most rows shown; 0 for no limit
   * @return the table
   * @throws IllegalArgumentException when {@code nodeCount} is negative
   */
  public static Top of(Profile profile, boolean attributeToUserCode, int nodeCount) {
    Objects.requireNonNull(profile, "profile");
    if (nodeCount < 0) {
      throw new IllegalArgumentException("nodeCount must be 0 or more, got " + nodeCount);
    }
    Map<String, long[]> nodes = new HashMap<>(); // flat, cum
    Set<String> seen = new HashSet<>();
    long total = 0;
    for (Sample s : profile.samples()) {
      long w = s.count();
      if (w == 0) {
        continue;
      }
      total += Math.abs(w);
      List<Frame> frames = s.stack().frames();
      int innermost = innermost(s, attributeToUserCode);
      seen.clear();
      for (int i = frames.size() - 1; i >= innermost; i--) {
        String name = frames.get(i).function();
        if (seen.add(name)) {
          nodes.computeIfAbsent(name, k -> new long[2])[1] += w;
        }
      }
      if (innermost < frames.size()) {
        nodes.get(frames.get(innermost).function())[0] += w;
      }
    }
    long flatSum = 0;
    for (long[] v : nodes.values()) {
      flatSum += v[0];
    }
    long cutoff = Math.abs((long) (flatSum * 0.005));
    Set<String> kept = new HashSet<>();
    nodes.forEach((name, v) -> {
      if (Math.abs(v[1]) >= cutoff) {
        kept.add(name);
      }
    });
    int aboveCutoff = kept.size();
    if (nodeCount > 0 && kept.size() > nodeCount) {
      List<Row> ranked = new ArrayList<>(kept.size());
      for (String name : kept) {
        long[] v = nodes.get(name);
        ranked.add(new Row(name, v[0], v[1], Inline.NONE));
      }
      ranked.sort(PPROF_ORDER);
      kept.clear();
      ranked.subList(0, nodeCount).forEach(r -> kept.add(r.function()));
    }
    Map<String, Inline> fullLabels = inlineLabels(profile, attributeToUserCode, null);
    Map<String, Inline> trimmedLabels = inlineLabels(profile, attributeToUserCode, kept);
    List<Row> rows = new ArrayList<>(nodes.size());
    List<Row> shown = new ArrayList<>(kept.size());
    for (Map.Entry<String, long[]> e : nodes.entrySet()) {
      long[] v = e.getValue();
      if (v[0] == 0 && v[1] == 0) {
        continue;
      }
      rows.add(new Row(e.getKey(), v[0], v[1], fullLabels.getOrDefault(e.getKey(), Inline.NONE)));
      if (kept.contains(e.getKey())) {
        shown.add(new Row(e.getKey(), v[0], v[1], trimmedLabels.getOrDefault(e.getKey(), Inline.NONE)));
      }
    }
    rows.sort(PPROF_ORDER);
    shown.sort(PPROF_ORDER);
    return new Top(rows, shown, total, cutoff, attributeToUserCode, aboveCutoff);
  }

  /** pprof's FlatNameOrder: |flat| descending, name, |cum| descending. */
  private static final Comparator<Row> PPROF_ORDER =
      Comparator.comparingLong((Row r) -> Math.abs(r.flat())).reversed()
          .thenComparing(Row::function)
          .thenComparing(Comparator.comparingLong((Row r) -> Math.abs(r.cum())).reversed());

  private static int innermost(Sample s, boolean attributeToUserCode) {
    if (!attributeToUserCode) {
      return 0;
    }
    Frame site = Grouping.site(s.stack()).orElse(null);
    return site == null ? 0 : Math.max(0, s.stack().frames().indexOf(site));
  }

  /**
   * pprof marks a function "(inline)" when every call edge into it was inlined, "(partial-inline)"
   * when some were. Edges join each frame to its nearest caller among the kept functions (all
   * functions when {@code kept} is null), once per sample, never from a function to itself.
   */
  private static Map<String, Inline> inlineLabels(Profile profile, boolean attribute, Set<String> kept) {
    Map<String, Map<String, Boolean>> in = new HashMap<>(); // callee -> caller -> all inline
    Set<String> seenEdge = new HashSet<>();
    for (Sample s : profile.samples()) {
      if (s.count() == 0) {
        continue;
      }
      List<Frame> frames = s.stack().frames();
      seenEdge.clear();
      String parent = null;
      for (int i = frames.size() - 1; i >= innermost(s, attribute); i--) {
        Frame f = frames.get(i);
        String name = f.function();
        if (kept != null && !kept.contains(name)) {
          continue;
        }
        if (parent != null && !parent.equals(name) && seenEdge.add(parent + "\n" + name)) {
          in.computeIfAbsent(name, k -> new HashMap<>()).merge(parent, f.inlined(), Boolean::logicalAnd);
        }
        parent = name;
      }
    }
    Map<String, Inline> labels = new HashMap<>();
    in.forEach((callee, edges) -> {
      boolean inline = edges.containsValue(true);
      boolean direct = edges.containsValue(false);
      if (inline) {
        labels.put(callee, direct ? Inline.PARTIAL : Inline.INLINE);
      }
    });
    return labels;
  }

  /**
   * Returns every function, in pprof's order.
   *
   * @return an unmodifiable list
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns the total: the sum of the samples' absolute counts, as pprof computes it.
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  /**
   * Tells whether runtime frames were attributed to user code.
   *
   * @return the switch
   */
  public boolean attributedToUserCode() {
    return attributed;
  }

  /**
   * Returns the rows pprof shows by default: those whose cum reaches 0.5% of the sum of flat values
   * ({@code -nodefraction=0.005}). Their inline marks consider calls among these rows only, as
   * pprof's trimmed graph does.
   *
   * @return an unmodifiable list
   */
  public List<Row> shownRows() {
    return shown;
  }

  /**
   * Returns how many rows reach the node cutoff; more than {@link #shownRows()} holds when a node
   * count limited them (pprof's "Showing top N nodes out of M").
   *
   * @return the number of rows above the cutoff
   */
  public int rowsAboveCutoff() {
    return aboveCutoff;
  }

  /**
   * Returns pprof's node cutoff: 0.5% of the sum of flat values, truncated.
   *
   * @return the cutoff
   */
  public long nodeCutoff() {
    return cutoff;
  }
}
