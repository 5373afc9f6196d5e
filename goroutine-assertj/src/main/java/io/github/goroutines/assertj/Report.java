package io.github.goroutines.assertj;

import static io.github.goroutines.analysis.internal.GoFormat.printable;

import io.github.goroutines.analysis.Group;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.Stack;
import java.util.List;
import java.util.Map;

/**
 * The part of a failure message that shows the offending goroutines, as goleak's report does, but
 * per site and trimmed: at most {@value #SITES} sites, each with its state, wait minutes, creators
 * and one stack of at most {@value #FRAMES} frames.
 */
final class Report {
  static final int SITES = 5;
  static final int FRAMES = 10;
  static final int CREATORS = 3;

  private final StringBuilder sb = new StringBuilder();
  private int sites;
  private int hidden;

  /**
   * Adds a site.
   *
   * @param head the first line, without indent: {@code +80 at SITE (40 -> 120)}
   * @param group the site's goroutines in the latest snapshot, for state, wait and creators; null
   *     when only a stack is known (a {@link io.github.goroutines.analysis.Diff} of counts)
   * @param stack a stack of the site
   */
  Report site(String head, Group group, Stack stack) {
    if (sites == SITES) {
      hidden++;
      return this;
    }
    sites++;
    sb.append("\n  ").append(printable(head)).append('\n');
    if (group != null) {
      sb.append("      ").append(states(group)).append(waits(group)).append('\n');
      List<Group.Creator> creators = group.creators();
      for (Group.Creator c : creators.subList(0, Math.min(CREATORS, creators.size()))) {
        sb.append("      created by ").append(printable(c.site())).append(" (").append(c.count()).append(")\n");
      }
      if (creators.size() > CREATORS) {
        sb.append("      and ").append(creators.size() - CREATORS).append(" more creators\n");
      }
    }
    String[] lines = TextReports.stack(fromBlockingCall(stack), "        ").split("\n");
    for (int i = 0; i < Math.min(FRAMES, lines.length); i++) {
      if (!lines[i].isEmpty()) {
        sb.append(lines[i]).append('\n');
      }
    }
    if (lines.length > FRAMES) {
      sb.append("        ... ").append(lines.length - FRAMES).append(" more frames\n");
    }
    return this;
  }

  /**
   * The stack from its first frame outside the runtime ({@code sync.(*Mutex).Lock}, the user's
   * function), as a {@code debug=2} dump prints it: the runtime's parking frames of the protobuf
   * formats say nothing the state does not.
   */
  static Stack fromBlockingCall(Stack stack) {
    List<Frame> frames = stack.frames();
    int first = 0;
    while (first < frames.size() && frames.get(first).kind() == FrameKind.RUNTIME) {
      first++;
    }
    int elision = stack.elisionIndex().orElse(-1);
    if (first == 0 || first == frames.size() || (elision >= 0 && elision < first)) {
      return stack;
    }
    return Stack.of(frames.subList(first, frames.size()), elision < 0 ? -1 : elision - first,
        stack.elidedFrames().orElse(-1));
  }

  @Override
  public String toString() {
    return sb + (hidden == 0 ? "" : "\n  and " + hidden + " more " + (hidden == 1 ? "site" : "sites")
        + "\n");
  }

  /** {@code chan send} or {@code chan receive x3, select x1}. */
  static String states(Group g) {
    Map<String, Long> states = g.states();
    StringBuilder out = new StringBuilder();
    states.forEach((state, count) -> out.append(out.length() == 0 ? "" : ", ")
        .append(printable(state)).append(states.size() > 1 ? " x" + count : ""));
    return out.toString();
  }

  /** {@code , waiting 1 minutes} or {@code , waiting 2 to 892 minutes (median 14)}, or nothing. */
  static String waits(Group g) {
    if (g.waitCount() == 0) {
      return "";
    }
    long min = g.minWaitMinutes().getAsLong();
    long max = g.maxWaitMinutes().getAsLong();
    return min == max ? ", waiting " + max + " minutes"
        : ", waiting " + min + " to " + max + " minutes (median " + g.medianWaitMinutes().getAsLong()
            + ")";
  }

  static String goroutines(long n) {
    return n == 1 ? "1 goroutine" : n + " goroutines";
  }

  static String sites(long n) {
    return n == 1 ? "1 site" : n + " sites";
  }
}
