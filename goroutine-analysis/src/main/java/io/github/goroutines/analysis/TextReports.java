package io.github.goroutines.analysis;

import static io.github.goroutines.analysis.internal.GoFormat.printable;
import static io.github.goroutines.analysis.internal.GoFormat.printableLines;

import io.github.goroutines.analysis.internal.GoFormat;
import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Plain-text reports: {@link #top(Profile, Top)} and {@link #traces(Profile)} read like
 * {@code go tool pprof -top} and {@code -traces}; {@link #summary(Summary, int)} is the leak-hunting
 * report (totals by state, top blocking sites with wait times, suspects); {@link #diff(Diff, int)}
 * shows growth between snapshots.
 *
 * <p>Every report ends with a newline and depends only on its input, so it can be compared with a
 * recorded file. Text from the profile is made safe for a terminal: control characters, line
 * breaks within a name and bidirectional overrides are printed as escapes such as
 * {@code \x1b}. Thread-safe.
 */
public final class TextReports {
  private TextReports() {}

  /**
   * The header pprof prints: file, build id, comments, type, time, and duration for delta profiles.
   *
   * @param p the profile
   * @return the header lines
   */
  static List<String> header(Profile p) {
    List<String> lines = new ArrayList<>();
    if (!p.metadata().mappings().isEmpty()) {
      Mapping m = p.metadata().mappings().get(0);
      if (!m.filename().isEmpty()) {
        String f = m.filename();
        lines.add("File: " + printable(f.substring(f.lastIndexOf('/') + 1)));
      }
      if (!m.buildId().isEmpty()) {
        lines.add("Build ID: " + printable(m.buildId()));
      }
    }
    for (String c : p.metadata().comments()) {
      if (!c.startsWith("#")) {
        lines.add(printable(c));
      }
    }
    lines.add("Type: " + printable(p.type()));
    if (p.metadata().timeNanos() != 0) {
      lines.add("Time: " + GoFormat.time(p.metadata().timeNanos()));
    }
    return lines;
  }

  /**
   * Formats a {@link Top} like {@code go tool pprof -top}: the rows whose cum reaches pprof's
   * default node fraction (0.5% of the total), flat, flat%, sum%, cum, cum%, name and inline mark.
   *
   * @param profile the profile the table was computed from (for the header)
   * @param top the table
   * @return the report
   */
  public static String top(Profile profile, Top top) {
    StringBuilder sb = new StringBuilder();
    for (String line : header(profile)) {
      sb.append(line).append('\n');
    }
    if (top.attributedToUserCode()) {
      sb.append("Runtime and standard-library frames attributed to the first user frame\n");
    }
    List<Top.Row> shown = top.shownRows();
    long shownFlat = shown.stream().mapToLong(Top.Row::flat).sum();
    long total = top.total();
    sb.append(String.format(Locale.ROOT, "Showing nodes accounting for %d, %s of %d total%n",
        shownFlat, GoFormat.percentage(shownFlat, total).trim(), total));
    int dropped = top.rows().size() - top.rowsAboveCutoff();
    if (total != 0 && dropped > 0) {
      sb.append("Dropped ").append(dropped).append(dropped == 1 ? " node" : " nodes")
          .append(" (cum <= ").append(Math.abs((long) (total * 0.005))).append(")\n");
    }
    if (!shown.isEmpty() && shown.size() < top.rowsAboveCutoff()) {
      sb.append("Showing top ").append(shown.size()).append(" nodes out of ")
          .append(top.rowsAboveCutoff()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "%10s %5s%% %5s%% %10s %5s%%%n", "flat", "flat", "sum",
        "cum", "cum"));
    long sum = 0;
    for (Top.Row r : shown) {
      sum += r.flat();
      sb.append(String.format(Locale.ROOT, "%10d %s %s %10d %s  %s%s%n", r.flat(),
          GoFormat.percentage(r.flat(), total), GoFormat.percentage(sum, total), r.cum(),
          GoFormat.percentage(r.cum(), total), printable(r.function()),
          r.inline() == Top.Inline.NONE ? "" : " " + r.inline().mark()));
    }
    return printableLines(sb.toString());
  }

  /**
   * Lists every sample like {@code go tool pprof -traces}: labels, then the count and the frames,
   * innermost first, inlined frames marked.
   *
   * @param profile the profile
   * @return the report
   */
  public static String traces(Profile profile) {
    return traces(profile, 0);
  }

  /**
   * Lists the {@code limit} largest samples like {@link #traces(Profile)}, most goroutines first
   * (ties in profile order), and says how many stacks were left out.
   *
   * @param profile the profile
   * @param limit the most stacks shown; 0 for all of them, in profile order, as pprof prints them
   * @return the report
   */
  public static String traces(Profile profile, int limit) {
    String separator = "-----------+-------------------------------------------------------\n";
    StringBuilder sb = new StringBuilder();
    for (String line : header(profile)) {
      sb.append(line).append('\n');
    }
    List<Sample> samples = traceSamples(profile);
    List<Sample> shown = samples;
    if (limit > 0 && samples.size() > limit) {
      shown = samples.stream()
          .sorted(java.util.Comparator.comparingLong((Sample x) -> Math.abs(x.count())).reversed())
          .limit(limit).toList();
    }
    for (Sample s : shown) {
      sb.append(separator);
      List<String> labels = new ArrayList<>();
      List<String> numeric = new ArrayList<>();
      // like pprof, which drops labels whose value is empty (Go omits the value in the proto)
      Map<String, List<String>> strings = s.labels().asMap();
      strings.forEach((k, v) -> {
        List<String> nonEmpty = v.stream().filter(x -> !x.isEmpty()).toList();
        if (!nonEmpty.isEmpty()) {
          labels.add(String.format(Locale.ROOT, "%10s:  %s%n", printable(k),
              printable(String.join(" ", nonEmpty))));
        }
      });
      Map<String, List<String>> numbers = new java.util.TreeMap<>();
      for (Label l : s.labels().list()) {
        if (l.numeric()) {
          numbers.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l.number() + l.unit());
        }
      }
      numbers.forEach((k, v) -> numeric.add(String.format(Locale.ROOT, "%10s:  %s%n", printable(k),
          printable(String.join(" ", v)))));
      labels.sort(null);
      numeric.sort(null);
      labels.forEach(sb::append);
      numeric.forEach(sb::append);
      boolean first = true;
      for (Frame f : s.stack().frames()) {
        sb.append(String.format(Locale.ROOT, "%10s   %s%s%n", first ? Long.toString(s.count()) : "",
            printable(f.function()), f.inlined() ? " (inline)" : ""));
        first = false;
      }
    }
    sb.append(separator);
    if (shown.size() < samples.size()) {
      long rest = samples.stream().mapToLong(Sample::count).sum()
          - shown.stream().mapToLong(Sample::count).sum();
      sb.append(String.format(Locale.ROOT, "  ... and %d more stacks (%d goroutines)%n",
          samples.size() - shown.size(), rest));
    }
    return printableLines(sb.toString());
  }

  /**
   * The samples {@code traces} prints: those with a stack; for {@code debug=2}, whose samples are
   * single goroutines, those with the same stack and labels as one, in order of first appearance,
   * as the {@code debug=0} profile of the same moment holds them.
   */
  private static List<Sample> traceSamples(Profile profile) {
    if (profile.format() != ProfileFormat.DEBUG2) {
      return profile.samples().stream().filter(x -> !x.stack().isEmpty()).toList();
    }
    record Key(Stack stack, Labels labels) {}
    Map<Key, long[]> counts = new LinkedHashMap<>();
    for (Sample x : profile.samples()) {
      if (!x.stack().isEmpty()) {
        counts.computeIfAbsent(new Key(x.stack(), x.labels()), k -> new long[1])[0] += x.count();
      }
    }
    List<Sample> merged = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> merged.add(Sample.of(n[0], k.stack(), k.labels())));
    return merged;
  }

  /**
   * The goroutines whose stack has a function that {@code matcher} accepts, grouped: count, wait
   * minutes and ids of each group, its stack and creator. When nothing matches, it names the
   * functions that contain the pattern ({@link FunctionMatcher#nearMisses}).
   *
   * @param profile the profile
   * @param matcher which functions
   * @param grouping how the matching goroutines are grouped
   * @param limit the most groups shown
   * @return the report
   */
  public static String find(Profile profile, FunctionMatcher matcher, Grouping grouping, int limit) {
    Profile found = Filter.all().function(matcher).apply(profile);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d goroutines match %s%n", found.totalCount(), matcher));
    if (found.samples().isEmpty()) {
      List<Map.Entry<String, Long>> near = matcher.nearMisses(profile, 5);
      if (!near.isEmpty()) {
        sb.append("Functions that contain it (give one of them, or use --prefix or --regex):\n");
        near.forEach(e -> sb.append(String.format(Locale.ROOT, "%8d  %s%n", e.getValue(),
            printable(e.getKey()))));
      }
      return printableLines(sb.toString());
    }
    Groups groups = Groups.of(found, grouping);
    for (Group g : groups.top(limit)) {
      sb.append(String.format(Locale.ROOT, "%n%d goroutines%s%s%n", g.count(),
          g.waitCount() > 0 ? ", waiting " + minutes(g) : "", ids(g.goroutineIds())));
      sb.append(stack(g.representative(), "    "));
      g.goroutines().stream().findFirst().flatMap(Goroutine::createdBy).ifPresent(c ->
          sb.append("    created by ").append(printable(c.function())).append("  ")
              .append(printable(c.location())).append('\n'));
    }
    if (groups.list().size() > limit) {
      sb.append(String.format(Locale.ROOT, "%n... and %d more groups%n", groups.list().size() - limit));
    }
    return printableLines(sb.toString());
  }

  private static String minutes(Group g) {
    long min = g.minWaitMinutes().getAsLong();
    long max = g.maxWaitMinutes().getAsLong();
    return (min == max ? Long.toString(min) : min + "-" + max) + " min";
  }

  private static String ids(List<Long> ids) {
    if (ids.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (goroutine ");
    for (int i = 0; i < Math.min(8, ids.size()); i++) {
      sb.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(ids.get(i)));
    }
    return sb.append(ids.size() > 8 ? ", …)" : ")").toString();
  }

  /**
   * The leak-hunting report: total and declared total of the latest snapshot (and of every snapshot
   * when there are several), goroutines by state, the top sites with their state and wait minutes,
   * then the leak suspects with their evidence.
   *
   * @param summary the computed summary
   * @param limit the most sites and suspects shown
   * @return the report
   */
  public static String summary(Summary summary, int limit) {
    Objects.requireNonNull(summary, "summary");
    Profile p = summary.latest();
    StringBuilder sb = new StringBuilder();
    p.crash().ifPresent(c -> crash(sb, p, c));
    boolean delta = summary.isDelta();
    sb.append(delta
        ? String.format(Locale.ROOT, "%s profile (%s), a delta: %+d goroutines in all (counts are "
            + "differences between two profiles)", printable(p.type()), p.format().displayName(),
            p.totalCount())
        : String.format(Locale.ROOT, "%s profile (%s): %d goroutines", printable(p.type()),
            p.format().displayName(), p.totalCount()));
    if (summary.snapshots().size() > 1) {
      List<Long> totals = summary.totals();
      sb.append(", ").append(summary.snapshots().size()).append(" snapshots: ")
          .append(series(totals));
      long change = totals.get(totals.size() - 1) - totals.get(0);
      summary.elapsed().ifPresent(d -> sb.append(" in ").append(Snapshots.duration(d))
          .append(change == 0 ? "" : " (" + Snapshots.rate(change, d) + ")"));
    }
    sb.append('\n');
    if (summary.reordered()) {
      sb.append("  snapshots put in the order they were taken\n");
    }
    diagnostics(sb, p.diagnostics());
    sb.append("\nBy state:\n");
    summary.byState().forEach((state, count) -> sb.append(delta
        ? String.format(Locale.ROOT, "%+8d  %s%n", count,
            state.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        : String.format(Locale.ROOT, "%8d %6s  %s%n", count,
            LeakSuspects.percent(p.totalCount() == 0 ? 0 : (double) count / p.totalCount()),
            state.name().toLowerCase(Locale.ROOT).replace('_', ' '))));
    Groups sites = summary.sites();
    sb.append(sites.grouping().name().equals("site") ? "\nTop blocking sites (first user frame):\n"
        : "\nTop groups by " + sites.grouping().name() + ":\n");
    for (Group g : sites.top(limit)) {
      group(sb, g, delta, true);
    }
    more(sb, sites.list().size(), limit, sites.grouping().name().equals("site") ? "site" : "group");
    if (!summary.waiters().isEmpty()) {
      sb.append("\nWaiting for other goroutines (WaitGroup.Wait, Cond.Wait):\n");
      for (Group g : summary.waiters().subList(0, Math.min(3, summary.waiters().size()))) {
        group(sb, g, false, true);
      }
      more(sb, summary.waiters().size(), 3, "site");
    }
    sb.append('\n');
    suspects(sb, summary, limit);
    return printableLines(sb.toString());
  }

  /**
   * The leak suspects of a summary, as its report ends: each with its score, evidence, creators
   * and stack. {@code diff --watch} ends with it.
   *
   * @param summary the computed summary
   * @param limit the most suspects shown
   * @return the section, starting {@code Leak suspects:}
   */
  public static String suspects(Summary summary, int limit) {
    Objects.requireNonNull(summary, "summary");
    StringBuilder sb = new StringBuilder();
    suspects(sb, summary, limit);
    return printableLines(sb.toString());
  }

  private static void suspects(StringBuilder sb, Summary summary, int limit) {
    List<Suspect> suspects = summary.suspects();
    sb.append("Leak suspects:");
    if (summary.isDelta()) {
      sb.append(" not ranked in a delta profile: summarise or diff the two profiles instead\n");
    } else if (suspects.isEmpty()) {
      sb.append(" none (no blocked site scores ").append((int) LeakSuspects.THRESHOLD)
          .append(" or more)\n");
    } else {
      sb.append('\n');
    }
    int rank = 0;
    for (Suspect s : suspects.subList(0, Math.min(limit, suspects.size()))) {
      sb.append(String.format(Locale.ROOT, "%3d. %s  [score %.1f]%n", ++rank, printable(s.site()),
          s.score()));
      for (Suspect.Evidence e : s.evidence()) {
        sb.append("       - ").append(printable(e.toString())).append('\n');
      }
      creators(sb, "       ", s.creators(), s.count());
      folded(sb, "       ", s.representative());
    }
    more(sb, suspects.size(), limit, "suspect");
    if (summary.ignoredCount() > 0) {
      sb.append("  ").append(summary.ignoredCount())
          .append(" goroutines ignored by the rules, not considered\n");
    }
  }

  /**
   * Any grouping of a profile, as the summary lists its sites: per group its count and share, its
   * states and wait minutes, and the {@code go} statements that created it (debug=2).
   *
   * <pre>{@code
   * TextReports.groups(Groups.of(dump, Grouping.parse("label:tenant")), 10);
   * }</pre>
   *
   * @param groups the groups of one profile
   * @param limit the most groups shown, largest first
   * @return the report
   */
  public static String groups(Groups groups, int limit) {
    Objects.requireNonNull(groups, "groups");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Goroutines by %s: %d in %d groups%n",
        groups.grouping().name(), groups.total(), groups.list().size()));
    for (Group g : groups.top(limit)) {
      // grouped by creator, the key says it already
      group(sb, g, false, !groups.grouping().name().equals("creator"));
    }
    more(sb, groups.list().size(), limit, "group");
    return printableLines(sb.toString());
  }

  /**
   * Who created the goroutines of a {@code debug=2} dump: the {@code go} statements with how many
   * goroutines each made and how many of those are blocked, then the goroutines that created the
   * most, directly or through their children (Go 1.21+ prints the creator's id).
   *
   * @param tree the spawn tree of a dump
   * @param limit the most sites and creators shown
   * @return the report
   */
  public static String tree(SpawnTree tree, int limit) {
    Objects.requireNonNull(tree, "tree");
    StringBuilder sb = new StringBuilder();
    if (tree.sites().isEmpty()) {
      return "No creators: only debug=2 dumps say which go statement created each goroutine.\n";
    }
    sb.append("Goroutines by the go statement that created them:\n");
    for (SpawnTree.Site site : tree.sites().subList(0, Math.min(limit, tree.sites().size()))) {
      sb.append(String.format(Locale.ROOT, "%8d  %8d blocked  %s%s%n", site.count(),
          site.blocked(), printable(site.site()), ids(site.creatorIds())));
    }
    more(sb, tree.sites().size(), limit, "site");
    if (!tree.creators().isEmpty()) {
      sb.append("\nGoroutines that created the most, directly or through their children:\n");
      for (SpawnTree.Creator c : tree.creators().subList(0,
          Math.min(limit, tree.creators().size()))) {
        sb.append(String.format(Locale.ROOT, "%8d  goroutine %s", c.descendants(),
            Long.toUnsignedString(c.creatorId())));
        c.creator().ifPresentOrElse(g -> {
          sb.append(" [").append(printable(g.state())).append(']');
          Grouping.site(g.stack()).ifPresent(f -> sb.append(" at ")
              .append(printable(Grouping.siteKey(f))));
        }, () -> sb.append(" (no longer alive)"));
        sb.append(String.format(Locale.ROOT, ": %d children, %d of them blocked%n", c.children(),
            c.blocked()));
      }
      more(sb, tree.creators().size(), limit, "creator");
    }
    return printableLines(sb.toString());
  }

  /**
   * What a parse passed over or repaired, as {@link #summary} prints it: a line each, starting
   * {@code "  parse: "}, the first five problems in full.
   *
   * @param d the diagnostics of a profile
   * @return the lines, empty when the parse was clean
   */
  public static String diagnostics(Diagnostics d) {
    StringBuilder sb = new StringBuilder();
    diagnostics(sb, d);
    return printableLines(sb.toString());
  }

  private static void diagnostics(StringBuilder sb, Diagnostics d) {
    if (d.skippedLines() > 0) {
      sb.append("  parse: ").append(d.skippedLines()).append(" lines outside goroutine blocks")
          .append(" skipped (first at line ").append(d.firstSkippedLines().get(0)).append(")\n");
    }
    if (d.incompleteBlocks() > 0) {
      sb.append("  parse: ").append(d.incompleteBlocks()).append(" blocks cut short\n");
    }
    int shown = Math.min(5, d.problems().size());
    for (String problem : d.problems().subList(0, shown)) {
      sb.append("  parse: ").append(printable(problem)).append('\n');
    }
    if (d.problems().size() > shown) {
      sb.append("  parse: ... and ").append(d.problems().size() - shown).append(" more\n");
    }
  }

  /**
   * A crash's headline as Go printed it, then the goroutine that crashed and where: the first
   * lines of the summary of a crash log.
   */
  private static void crash(StringBuilder sb, Profile p, Crash c) {
    for (String line : c.lines()) {
      sb.append(printable(line)).append('\n');
    }
    if (c.goroutineId().isPresent()) {
      long id = c.goroutineId().getAsLong();
      sb.append("  in goroutine ").append(Long.toUnsignedString(id));
      p.goroutines().stream().filter(g -> g.idKnown() && g.id() == id).findFirst().ifPresent(g -> {
        sb.append(" [").append(printable(g.state())).append(']');
        Grouping.site(g.stack()).ifPresent(f -> sb.append(" at ")
            .append(printable(Grouping.siteKey(f))));
      });
      sb.append('\n');
    }
    sb.append('\n');
  }

  /**
   * One group as the summary and {@link #groups} list it: count and share (a signed count in a
   * delta profile), key; its states and wait minutes; its creators.
   */
  private static void group(StringBuilder sb, Group g, boolean delta, boolean withCreators) {
    sb.append(delta ? String.format(Locale.ROOT, "%+8d  %s%n", g.count(), printable(g.key()))
        : String.format(Locale.ROOT, "%8d %6s  %s%n", g.count(),
            LeakSuspects.percent(g.share()), printable(g.key())));
    sb.append("                 ").append(statesOf(g)).append(waits(g)).append('\n');
    if (withCreators) {
      creators(sb, "                 ", g.creators(), g.count());
    }
  }

  /** "created by f file:line", with counts when a group has several creators (three shown). */
  private static void creators(StringBuilder sb, String indent, List<Group.Creator> creators,
      long count) {
    if (creators.isEmpty()) {
      return;
    }
    sb.append(indent).append("created by ");
    if (creators.size() == 1 && creators.get(0).count() == count) {
      sb.append(printable(creators.get(0).site())).append('\n');
      return;
    }
    for (int i = 0; i < Math.min(3, creators.size()); i++) {
      Group.Creator c = creators.get(i);
      sb.append(i == 0 ? "" : ", ").append(printable(c.site())).append(" (").append(c.count())
          .append(')');
    }
    if (creators.size() > 3) {
      sb.append(" and ").append(creators.size() - 3).append(" more");
    }
    sb.append('\n');
  }

  /**
   * A stack as a suspect shows it: from its blocking site out to its callers, at most five frames,
   * the runtime's frames left out and counted.
   */
  private static void folded(StringBuilder sb, String indent, Stack stack) {
    List<Frame> frames = stack.frames();
    Frame site = Grouping.site(stack).orElse(null);
    int start = site == null ? frames.size() : frames.indexOf(site);
    if (start < 0) {
      return;
    }
    int shown = 0;
    int rest = 0;
    for (int i = start; i < frames.size(); i++) {
      Frame f = frames.get(i);
      if (f.functionName().kind() == io.github.goroutines.model.FrameKind.RUNTIME) {
        continue;
      }
      if (shown == 5) {
        rest++;
        continue;
      }
      sb.append(indent).append(shown == 0 ? "at " : "   ").append(printable(f.function()))
          .append("  ").append(printable(f.location())).append('\n');
      shown++;
    }
    if (rest > 0) {
      sb.append(indent).append("   ... ").append(rest).append(rest == 1 ? " more frame\n"
          : " more frames\n");
    }
  }

  /** "a -> b -> c". */
  static String series(List<Long> counts) {
    StringBuilder sb = new StringBuilder();
    for (long c : counts) {
      sb.append(sb.length() == 0 ? "" : " -> ").append(c);
    }
    return sb.toString();
  }

  /**
   * Formats a diff: totals per snapshot, then the groups that changed, largest growth first.
   *
   * @param diff the diff
   * @param limit the most rows shown
   * @return the report
   */
  public static String diff(Diff diff, int limit) {
    StringBuilder sb = new StringBuilder();
    List<Long> totals = diff.totals();
    sb.append("Goroutines per snapshot: ").append(series(totals));
    long change = totals.get(totals.size() - 1) - totals.get(0);
    sb.append(String.format(Locale.ROOT, " (%+d)", change));
    diff.elapsed().ifPresent(d -> sb.append(" in ").append(Snapshots.duration(d))
        .append(change == 0 ? "" : " (" + Snapshots.rate(change, d) + ")"));
    sb.append('\n');
    if (diff.reordered()) {
      sb.append("  snapshots put in the order they were taken\n");
    }
    sb.append("Changes by ").append(diff.grouping().name()).append(":\n");
    List<Diff.Row> changed = diff.rows().stream().filter(r -> r.delta() != 0).toList();
    for (Diff.Row r : changed.subList(0, Math.min(limit, changed.size()))) {
      String rate = diff.elapsed().filter(d -> r.delta() != 0)
          .map(d -> "  " + Snapshots.rate(r.delta(), d)).orElse("");
      sb.append(String.format(Locale.ROOT, "%+8d  %-20s %s%s%s%n", r.delta(), series(r.counts()),
          printable(r.key()),
          r.isNew() ? "  (new)" : r.isGone() ? "  (gone)" : "", rate));
    }
    if (changed.isEmpty()) {
      sb.append("  no group changed\n");
    }
    more(sb, changed.size(), limit, "changed group");
    return printableLines(sb.toString());
  }

  /**
   * Formats a stack, innermost first, one frame per line, as {@code function file:line}.
   *
   * @param stack the stack
   * @param indent text put before each line
   * @return the lines
   */
  public static String stack(Stack stack, String indent) {
    StringBuilder sb = new StringBuilder();
    List<Frame> frames = stack.frames();
    for (int i = 0; i < frames.size(); i++) {
      if (stack.elisionIndex().orElse(-1) == i) {
        sb.append(indent).append("...").append(stack.elidedFrames().isPresent()
            ? stack.elidedFrames().getAsInt() + " frames elided..." : "additional frames elided...")
            .append('\n');
      }
      Frame f = frames.get(i);
      sb.append(indent).append(printable(f.function())).append(f.inlined() ? " (inline)" : "")
          .append("  ").append(printable(f.location())).append('\n');
    }
    if (stack.elisionIndex().orElse(-1) == frames.size()) {
      sb.append(indent).append("...additional frames elided...\n");
    }
    return printableLines(sb.toString());
  }

  private static String statesOf(Group g) {
    Map<String, Long> states = g.states();
    StringBuilder sb = new StringBuilder();
    states.forEach((state, count) -> sb.append(sb.length() == 0 ? "" : ", ")
        .append(printable(state)).append(states.size() > 1 ? " x" + count : ""));
    return "[" + sb + "]";
  }

  private static String waits(Group g) {
    if (g.waitCount() == 0) {
      return "";
    }
    long min = g.minWaitMinutes().getAsLong();
    long max = g.maxWaitMinutes().getAsLong();
    String range = min == max ? min + " min" : min + "-" + max + " min, median "
        + g.medianWaitMinutes().getAsLong();
    return "  waiting " + range + (g.waitCount() < g.count() ? " (" + g.waitCount() + " of "
        + g.count() + " printed minutes)" : "");
  }

  private static void more(StringBuilder sb, int size, int limit, String what) {
    if (size > limit) {
      sb.append(String.format(Locale.ROOT, "  ... and %d more %ss%n", size - limit, what));
    }
  }
}
