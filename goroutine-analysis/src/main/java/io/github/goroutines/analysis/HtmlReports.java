package io.github.goroutines.analysis;

import io.github.goroutines.analysis.internal.GoFormat;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained HTML page of a summary: totals, goroutines by state, an icicle graph of the
 * merged stacks of the latest snapshot (width = goroutines, colour = state class, runtime frames
 * foldable, click to zoom, a search box), the top blocking sites with their waits, creators and
 * stacks, the leak suspects with their evidence, and over several snapshots a growth chart per
 * site and an icicle graph of the difference between the first and the last.
 *
 * <pre>{@code
 * Summary s = Summary.of(List.of(GoroutineProfiles.parse(first), GoroutineProfiles.parse(later)));
 * Files.writeString(Path.of("report.html"), HtmlReports.of(s, 20));
 * }</pre>
 *
 * <p>Everything is in the one file: styles and the page's small script are inline, and the page's
 * content security policy forbids any network access. The graphs are SVG written here, so the
 * tables and graphs read without JavaScript; the script adds zoom, search, folding and filtering.
 * Every text of the input (names, paths, labels, panic values) is escaped. The size depends on the
 * number of distinct stacks, not on the number of goroutines.
 */
public final class HtmlReports {
  /** Width of the graphs in SVG units. */
  static final int WIDTH = 1200;
  static final int ROW = 18;

  private HtmlReports() {}

  /**
   * The page of a summary.
   *
   * @param summary the summary of one or more snapshots
   * @param limit the most sites and suspects listed
   * @return the HTML document
   */
  public static String of(Summary summary, int limit) {
    Objects.requireNonNull(summary, "summary");
    Profile p = summary.latest();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
        .append("<title>goroutines: ").append(p.totalCount()).append(" goroutines</title>\n")
        .append("<style>").append(STYLE).append("</style></head><body>\n");
    h.append("<h1 id=\"headline\">").append(escape(headline(summary))).append("</h1>\n");
    p.crash().ifPresent(c -> h.append("<pre class=\"crash\">")
        .append(escape(String.join("\n", c.lines()))).append("</pre>\n"));
    states(h, summary);
    if (summary.snapshots().size() > 1) {
      growth(h, summary, limit);
    }
    flame(h, p, summary);
    if (summary.snapshots().size() > 1) {
      diffFlame(h, summary);
    }
    sites(h, summary, limit);
    suspects(h, summary, limit);
    labels(h, p);
    h.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static String headline(Summary summary) {
    Profile p = summary.latest();
    StringBuilder sb = new StringBuilder();
    sb.append(p.type()).append(" profile (").append(p.format().displayName()).append("): ")
        .append(p.totalCount()).append(" goroutines");
    if (summary.snapshots().size() > 1) {
      sb.append(", ").append(summary.snapshots().size()).append(" snapshots: ");
      List<Long> totals = summary.totals();
      for (int i = 0; i < totals.size(); i++) {
        sb.append(i == 0 ? "" : " -> ").append(totals.get(i));
      }
      summary.elapsed().ifPresent(d -> sb.append(" in ").append(Snapshots.duration(d)));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ states

  private static void states(StringBuilder h, Summary summary) {
    long total = summary.latest().totalCount();
    h.append("<section><h2>Goroutines by state</h2>\n<div class=\"bar\" id=\"states\">");
    summary.byState().forEach((state, count) -> {
      double share = total == 0 ? 0 : 100.0 * count / total;
      h.append("<div class=\"seg\" style=\"width:").append(fmt(share)).append("%;background:")
          .append(colour(state)).append("\" title=\"").append(escape(name(state))).append(": ")
          .append(count).append("\"></div>");
    });
    h.append("</div>\n<ul class=\"legend\">");
    summary.byState().forEach((state, count) -> h.append("<li><span class=\"swatch\" style=\"")
        .append("background:").append(colour(state)).append("\"></span>").append(escape(name(state)))
        .append(": ").append(count).append(" (").append(LeakSuspects.percent(
            total == 0 ? 0 : (double) count / total)).append(")</li>"));
    h.append("</ul></section>\n");
  }

  // ------------------------------------------------------------------ icicle graphs

  /** A frame of the merged stacks: the goroutines whose stacks pass through it from the root. */
  static final class Node {
    final String function;
    final String location;
    long count;
    long maxWait = -1;
    final Map<StateClass, Long> states = new EnumMap<>(StateClass.class);
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String function, String location) {
      this.function = function;
      this.location = location;
    }

    StateClass dominant() {
      StateClass best = StateClass.OTHER;
      long most = -1;
      for (Map.Entry<StateClass, Long> e : states.entrySet()) {
        if (e.getValue() > most) {
          best = e.getKey();
          most = e.getValue();
        }
      }
      return best;
    }
  }

  /**
   * The merged stacks of a profile, outermost frame first under a root of every goroutine.
   *
   * @param p the profile
   * @param foldRuntime whether runtime frames are left out
   * @return the root
   */
  static Node tree(Profile p, boolean foldRuntime) {
    // goroutines of one stack first (a million goroutines are a few hundred stacks), then the
    // stacks into the tree
    Map<Stack, Node> byStack = new LinkedHashMap<>();
    for (Sample s : p.samples()) {
      long wait = s.goroutine().map(g -> g.waitMinutes().orElse(-1)).orElse(-1L);
      add(byStack.computeIfAbsent(s.stack(), k -> new Node("", "")), Math.abs(s.count()),
          s.stateClass(), wait);
    }
    Node root = new Node("all goroutines", "");
    byStack.forEach((stack, counts) -> {
      merge(root, counts);
      Node at = root;
      List<Frame> frames = stack.frames();
      for (int i = frames.size() - 1; i >= 0; i--) {
        Frame f = frames.get(i);
        if (foldRuntime && f.kind() == FrameKind.RUNTIME) {
          continue;
        }
        at = at.children.computeIfAbsent(key(f), k -> node(f));
        merge(at, counts);
      }
    });
    return root;
  }

  /** Where a frame's node hangs under its parent: its function and position. */
  private static String key(Frame f) {
    return f.function() + "\n" + f.file() + ":" + f.line() + (f.function().isEmpty()
        ? "\n" + f.pc().orElse(0) : "");
  }

  private static Node node(Frame f) {
    String function = f.function().isEmpty()
        ? f.pc().isPresent() ? "0x" + Long.toHexString(f.pc().getAsLong()) : "?"
        : f.function();
    return new Node(function, f.file().isEmpty() ? "" : f.file() + ":" + f.line());
  }

  private static void merge(Node node, Node counts) {
    node.count += counts.count;
    counts.states.forEach((s, n) -> node.states.merge(s, n, Long::sum));
    node.maxWait = Math.max(node.maxWait, counts.maxWait);
  }

  private static void add(Node node, long n, StateClass state, long wait) {
    node.count += n;
    node.states.merge(state, n, Long::sum);
    node.maxWait = Math.max(node.maxWait, wait);
  }

  /** One rectangle per node: x from the goroutines before it at its depth, width its count. */
  static List<String> rectangles(Node root, long total, Map<Node, Long> growth) {
    List<String> out = new ArrayList<>();
    layout(root, 0, 0, total, growth, out);
    return out;
  }

  private static void layout(Node node, long before, int depth, long total,
      Map<Node, Long> growth, List<String> out) {
    double scale = total == 0 ? 0 : (double) WIDTH / total;
    double x = before * scale;
    double w = node.count * scale;
    String fill = growth == null ? colour(node.dominant()) : growthColour(growth, node);
    StringBuilder g = new StringBuilder(256);
    g.append("<g class=\"f\" data-fn=\"").append(escape(node.function)).append("\" data-x=\"")
        .append(before).append("\" data-n=\"").append(node.count).append("\" data-d=\"")
        .append(depth).append("\"><rect x=\"").append(fmt(x)).append("\" y=\"")
        .append(depth * ROW).append("\" width=\"").append(fmt(w)).append("\" height=\"")
        .append(ROW - 1).append("\" fill=\"").append(fill).append("\"/>");
    if (w > 40) {
      g.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(depth * ROW + 13)
          .append("\">").append(escape(clip(node.function, (int) (w / 7)))).append("</text>");
    }
    g.append("<title>").append(escape(tooltip(node, total, growth))).append("</title></g>");
    out.add(g.toString());
    long at = before;
    for (Node child : node.children.values()) {
      layout(child, at, depth + 1, total, growth, out);
      at += child.count;
    }
  }

  private static String tooltip(Node node, long total, Map<Node, Long> growth) {
    StringBuilder sb = new StringBuilder(node.function);
    if (!node.location.isEmpty()) {
      sb.append("\n").append(node.location);
    }
    sb.append("\n").append(node.count).append(" goroutines (")
        .append(LeakSuspects.percent(total == 0 ? 0 : (double) node.count / total)).append(")");
    if (growth != null) {
      sb.append(String.format(Locale.ROOT, ", %+d since the first snapshot",
          growth.getOrDefault(node, 0L)));
    }
    node.states.forEach((s, n) -> sb.append("\n").append(name(s)).append(": ").append(n));
    if (node.maxWait >= 0) {
      sb.append("\nwaiting up to ").append(node.maxWait).append(" minutes");
    }
    return sb.toString();
  }

  private static int depth(Node node) {
    int d = 0;
    for (Node c : node.children.values()) {
      d = Math.max(d, depth(c));
    }
    return d + 1;
  }

  private static void svg(StringBuilder h, String id, Node root, long total,
      Map<Node, Long> growth, boolean hidden) {
    List<String> rects = rectangles(root, total, growth);
    h.append("<svg class=\"flame\" id=\"").append(id).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(depth(root) * ROW).append("\" width=\"100%\"")
        .append(hidden ? " style=\"display:none\"" : "").append(">");
    rects.forEach(h::append);
    h.append("</svg>\n");
  }

  private static void flame(StringBuilder h, Profile p, Summary summary) {
    long total = Math.max(1, p.samples().stream().mapToLong(s -> Math.abs(s.count())).sum());
    h.append("<section><h2>Where the goroutines are</h2>\n<p class=\"controls\">")
        .append("<input id=\"search\" type=\"search\" placeholder=\"search functions\"> ")
        .append("<span id=\"matched\"></span> <label><input id=\"fold\" type=\"checkbox\"> fold")
        .append(" runtime frames</label> <button id=\"reset\" type=\"button\">reset zoom</button>")
        .append("</p>\n");
    svg(h, "flame", tree(p, false), total, null, false);
    svg(h, "flame-folded", tree(p, true), total, null, true);
    h.append("<ul class=\"legend\">");
    for (StateClass s : StateClass.values()) {
      h.append("<li><span class=\"swatch\" style=\"background:").append(colour(s))
          .append("\"></span>").append(escape(name(s))).append("</li>");
    }
    h.append("</ul></section>\n");
  }

  private static void diffFlame(StringBuilder h, Summary summary) {
    List<Profile> snaps = summary.snapshots();
    Profile first = snaps.get(0);
    Profile last = snaps.get(snaps.size() - 1);
    Node before = tree(first, true);
    Node after = tree(last, true);
    Map<Node, Long> growth = new java.util.IdentityHashMap<>();
    change(after, before, growth);
    long total = Math.max(1, after.count);
    h.append("<section><h2>What grew from the first snapshot to the last</h2>\n")
        .append("<p>Width: goroutines in the last snapshot; <span class=\"swatch\" style=\"")
        .append("background:#d9534f\"></span> grew, <span class=\"swatch\" style=\"background:")
        .append("#5cb85c\"></span> shrank, grey unchanged (runtime frames folded).</p>\n");
    svg(h, "diff", after, total, growth, false);
    h.append("</section>\n");
  }

  /** The change of each node of {@code after} against the same path in {@code before}. */
  private static void change(Node after, Node before, Map<Node, Long> growth) {
    growth.put(after, after.count - (before == null ? 0 : before.count));
    for (Map.Entry<String, Node> e : after.children.entrySet()) {
      change(e.getValue(), before == null ? null : before.children.get(e.getKey()), growth);
    }
  }

  private static String growthColour(Map<Node, Long> growth, Node node) {
    long d = growth.getOrDefault(node, 0L);
    return d > 0 ? "#d9534f" : d < 0 ? "#5cb85c" : "#bbbbbb";
  }

  // ------------------------------------------------------------------ growth chart

  private static void growth(StringBuilder h, Summary summary, int limit) {
    List<Profile> snaps = summary.snapshots();
    List<Group> top = summary.sites().top(Math.min(limit, 8));
    List<Groups> grouped = new ArrayList<>();
    for (Profile snap : snaps) {
      grouped.add(Groups.of(snap, summary.sites().grouping()));
    }
    long max = 1;
    List<long[]> series = new ArrayList<>();
    for (Group g : top) {
      long[] counts = new long[snaps.size()];
      for (int i = 0; i < snaps.size(); i++) {
        counts[i] = grouped.get(i).get(g.key()).map(Group::count).orElse(0L);
        max = Math.max(max, counts[i]);
      }
      series.add(counts);
    }
    int w = 800;
    int ht = 240;
    int left = 50;
    h.append("<section><h2>Growth per site</h2>\n<svg id=\"growth\" viewBox=\"0 0 ")
        .append(w + left + 10).append(' ').append(ht + 40).append("\" width=\"70%\">");
    h.append("<line x1=\"").append(left).append("\" y1=\"").append(ht).append("\" x2=\"")
        .append(left + w).append("\" y2=\"").append(ht).append("\" stroke=\"#333\"/>")
        .append("<line x1=\"").append(left).append("\" y1=\"0\" x2=\"").append(left)
        .append("\" y2=\"").append(ht).append("\" stroke=\"#333\"/>")
        .append("<text x=\"2\" y=\"12\">").append(max).append("</text><text x=\"2\" y=\"")
        .append(ht).append("\">0</text>");
    for (int i = 0; i < snaps.size(); i++) {
      double x = left + (snaps.size() == 1 ? 0 : (double) w * i / (snaps.size() - 1));
      String anchor = i == 0 ? "start" : i == snaps.size() - 1 ? "end" : "middle";
      h.append("<text class=\"tick\" text-anchor=\"").append(anchor).append("\" x=\"")
          .append(fmt(x)).append("\" y=\"").append(ht + 16).append("\">").append(escape(when(snaps.get(i), i))).append("</text>");
    }
    for (int k = 0; k < series.size(); k++) {
      long[] counts = series.get(k);
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < counts.length; i++) {
        double x = left + (counts.length == 1 ? 0 : (double) w * i / (counts.length - 1));
        double y = ht - (double) ht * counts[i] / max;
        points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
      }
      h.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(PALETTE[k % PALETTE.length]).append("\" points=\"").append(points.toString()
              .strip()).append("\"><title>").append(escape(top.get(k).key())).append(": ")
          .append(joined(counts)).append("</title></polyline>");
    }
    h.append("</svg>\n<ul class=\"legend\">");
    for (int k = 0; k < series.size(); k++) {
      h.append("<li><span class=\"swatch\" style=\"background:").append(PALETTE[k % PALETTE.length])
          .append("\"></span>").append(escape(top.get(k).key())).append(": ")
          .append(joined(series.get(k))).append("</li>");
    }
    h.append("</ul></section>\n");
  }

  private static String when(Profile p, int index) {
    long nanos = p.metadata().timeNanos();
    return nanos == 0 ? "#" + (index + 1)
        : Instant.ofEpochSecond(nanos / 1_000_000_000L).toString().replace('T', ' ');
  }

  private static String joined(long[] counts) {
    StringBuilder sb = new StringBuilder();
    for (long c : counts) {
      sb.append(sb.length() == 0 ? "" : " -> ").append(c);
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ tables

  private static void sites(StringBuilder h, Summary summary, int limit) {
    Groups sites = summary.sites();
    h.append("<section><h2>Top blocking sites</h2>\n<table id=\"sites\"><thead><tr><th>site</th>")
        .append("<th>goroutines</th><th>share</th><th>wait min / median / max</th>")
        .append("<th>created by</th></tr></thead><tbody>\n");
    for (Group g : sites.top(limit)) {
      h.append("<tr class=\"site\"><td><details><summary>").append(escape(g.key()))
          .append("</summary><pre>").append(escape(stack(g))).append("</pre></details></td><td>")
          .append(g.count()).append("</td><td>").append(LeakSuspects.percent(g.share()))
          .append("</td><td>").append(waits(g)).append("</td><td>");
      List<Group.Creator> creators = g.creators();
      for (int i = 0; i < Math.min(3, creators.size()); i++) {
        h.append(i == 0 ? "" : "<br>").append(escape(creators.get(i).site())).append(" (")
            .append(creators.get(i).count()).append(')');
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static String waits(Group g) {
    if (g.waitCount() == 0) {
      return "";
    }
    return g.minWaitMinutes().getAsLong() + " / " + g.medianWaitMinutes().getAsLong() + " / "
        + g.maxWaitMinutes().getAsLong() + " min";
  }

  private static String stack(Group g) {
    StringBuilder sb = new StringBuilder();
    for (Frame f : g.representative().frames()) {
      sb.append(f.function()).append('\n');
      if (!f.file().isEmpty()) {
        sb.append("    ").append(f.file()).append(':').append(f.line()).append('\n');
      }
    }
    return sb.toString();
  }

  private static void suspects(StringBuilder h, Summary summary, int limit) {
    h.append("<section><h2>Leak suspects</h2>\n");
    List<Suspect> list = summary.suspects();
    if (list.isEmpty()) {
      h.append("<p id=\"no-suspects\">No leak suspects.</p></section>\n");
      return;
    }
    h.append("<ol id=\"suspects\">\n");
    for (Suspect s : list.subList(0, Math.min(limit, list.size()))) {
      h.append("<li class=\"suspect\"><b class=\"site\">").append(escape(s.site()))
          .append("</b>: ").append(s.count()).append(" goroutines, ")
          .append(escape(name(s.stateClass()))).append(", score ")
          .append(String.format(Locale.ROOT, "%.1f", s.score())).append("<ul>");
      for (Suspect.Evidence e : s.evidence()) {
        h.append("<li>").append(escape(e.reason())).append("</li>");
      }
      h.append("</ul></li>\n");
    }
    h.append("</ol></section>\n");
  }

  private static void labels(StringBuilder h, Profile p) {
    Map<String, Long> sets = new LinkedHashMap<>();
    for (Sample s : p.samples()) {
      if (!s.labels().isEmpty()) {
        sets.merge(s.labels().toString(), Math.abs(s.count()), Long::sum);
      }
    }
    if (sets.isEmpty()) {
      return;
    }
    h.append("<section><h2>Labels</h2>\n<p><input id=\"label-filter\" type=\"search\" ")
        .append("placeholder=\"filter labels\"></p>\n<table id=\"labels\"><tbody>\n");
    sets.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(200).forEach(e -> h.append("<tr class=\"label\"><td>").append(escape(e.getKey()))
            .append("</td><td>").append(e.getValue()).append("</td></tr>\n"));
    h.append("</tbody></table></section>\n");
  }

  // ------------------------------------------------------------------ text

  /**
   * Text as HTML: markup characters escaped, and what a terminal or browser would act on shown as
   * printable escapes.
   *
   * @param text any text
   * @return the escaped text
   */
  static String escape(String text) {
    String t = GoFormat.printable(text);
    StringBuilder sb = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String clip(String s, int chars) {
    return s.length() <= chars ? s : s.substring(0, Math.max(1, chars - 1)) + "…";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String name(StateClass s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static final String[] PALETTE = {"#d9534f", "#337ab7", "#f0ad4e", "#5cb85c",
      "#9b59b6", "#17a2b8", "#795548", "#e83e8c"};

  static String colour(StateClass s) {
    return switch (s) {
      case RUNNING -> "#2e7d32";
      case RUNNABLE -> "#66bb6a";
      case SYSCALL -> "#8d6e63";
      case IO_WAIT -> "#90caf9";
      case CHAN_RECEIVE -> "#ef5350";
      case CHAN_SEND -> "#ff8a65";
      case SELECT -> "#ffb74d";
      case MUTEX -> "#ab47bc";
      case WAIT_GROUP -> "#7e57c2";
      case COND -> "#5c6bc0";
      case SLEEP -> "#26c6da";
      case RUNTIME -> "#bdbdbd";
      case OTHER -> "#e0e0e0";
    };
  }

  private static final String STYLE = """
      body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
      h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em}
      .bar{display:flex;height:22px;width:100%;border:1px solid #999}
      .seg{height:100%}
      .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
      .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
      svg.flame text{font:11px monospace;pointer-events:none}
      svg.flame rect{stroke:#fff;stroke-width:.5;cursor:pointer}
      svg.flame g.match rect{stroke:#000;stroke-width:2}
      svg.flame g.dim rect{opacity:.35}
      #growth text{font:11px sans-serif}
      table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3em .6em;
      text-align:left;vertical-align:top}pre{margin:.3em 0;font-size:12px}
      pre.crash{background:#fee;padding:.5em}
      """;

  /** Zoom, search, folding and label filtering; it reads the graphs' data attributes only. */
  private static final String SCRIPT = """
      (function () {
        var W = 1200;
        function graphs() { return document.querySelectorAll('svg.flame'); }
        function zoom(svg, g) {
          var x0 = +g.dataset.x, n = +g.dataset.n, d = +g.dataset.d;
          svg.querySelectorAll('g.f').forEach(function (e) {
            var ex = +e.dataset.x, en = +e.dataset.n, ed = +e.dataset.d;
            var inside = ex + en > x0 && ex < x0 + n;
            var r = e.querySelector('rect'), t = e.querySelector('text');
            if (!inside || (ed < d && en < n)) { e.style.display = 'none'; return; }
            e.style.display = '';
            var x = Math.max(0, (ex - x0) / n * W), w = Math.min(W, en / n * W) ;
            if (ed < d) { x = 0; w = W; }
            r.setAttribute('x', x); r.setAttribute('width', w);
            if (t) { t.setAttribute('x', x + 3); }
          });
        }
        graphs().forEach(function (svg) {
          svg.addEventListener('click', function (ev) {
            var g = ev.target.closest('g.f');
            if (g) { zoom(svg, g); }
          });
        });
        document.getElementById('reset').addEventListener('click', function () {
          graphs().forEach(function (svg) {
            var root = svg.querySelector('g.f');
            if (root) { zoom(svg, root); }
          });
        });
        document.getElementById('fold').addEventListener('change', function (ev) {
          document.getElementById('flame').style.display = ev.target.checked ? 'none' : '';
          document.getElementById('flame-folded').style.display = ev.target.checked ? '' : 'none';
          search();
        });
        function search() {
          var q = document.getElementById('search').value.trim().toLowerCase();
          var svg = document.getElementById(document.getElementById('fold').checked
              ? 'flame-folded' : 'flame');
          var total = +svg.querySelector('g.f').dataset.n, matched = 0, covered = [];
          svg.querySelectorAll('g.f').forEach(function (e) {
            var hit = q !== '' && e.dataset.d !== '0'
                && e.dataset.fn.toLowerCase().indexOf(q) >= 0;
            e.classList.toggle('match', hit);
            e.classList.toggle('dim', q !== '' && !hit);
            if (hit) {
              var x = +e.dataset.x, n = +e.dataset.n;
              var inner = covered.some(function (c) { return x >= c[0] && x + n <= c[1]; });
              if (!inner) { covered.push([x, x + n]); matched += n; }
            }
          });
          document.getElementById('matched').textContent = q === '' ? ''
              : matched + ' goroutines (' + (100 * matched / total).toFixed(1) + '%)';
        }
        document.getElementById('search').addEventListener('input', search);
        var filter = document.getElementById('label-filter');
        if (filter) {
          filter.addEventListener('input', function () {
            var q = filter.value.toLowerCase();
            document.querySelectorAll('tr.label').forEach(function (tr) {
              tr.style.display = tr.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
            });
          });
        }
        var params = new URLSearchParams(location.hash.slice(1));
        if (params.get('search')) {
          document.getElementById('search').value = params.get('search');
          search();
        }
      })();
      """;
}
