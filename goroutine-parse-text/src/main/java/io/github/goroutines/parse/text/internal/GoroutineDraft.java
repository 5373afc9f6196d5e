package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Ancestor;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Traceback;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.internal.Interner;
import java.util.ArrayList;
import java.util.List;

/**
 * The debug=2 goroutine being read: its header, frames, creator and ancestor sections, until its
 * block ends and it is built. One draft is reused for every goroutine of a parse.
 */
final class GoroutineDraft {
  private final Interner interner;
  private final FrameList own;
  private final FrameList ancestor;
  private final List<Ancestor> ancestors = new ArrayList<>(0);
  /** One builder for every goroutine of the parse (what it builds is copied or immutable). */
  private final Goroutine.Builder builder = Goroutine.builder(0, "");
  private Header header;
  private int headerLine;
  private boolean stackUnavailable;
  private boolean incomplete;
  private Frame createdBy;
  private long creatorId;
  /** Inside a {@code [originating from goroutine N]:} section (GODEBUG=tracebackancestors). */
  private boolean inAncestor;
  private long ancestorId;
  private Frame ancestorCreatedBy;

  GoroutineDraft(Interner interner, int maxFrames, Problems problems) {
    this.interner = interner;
    own = new FrameList(maxFrames, problems);
    ancestor = new FrameList(maxFrames, problems);
  }

  void start(Header h, long line) {
    header = h;
    headerLine = (int) Math.min(Integer.MAX_VALUE, line);
    stackUnavailable = false;
    incomplete = false;
    createdBy = null;
    creatorId = -1;
    ancestors.clear();
    own.clear();
    inAncestor = false;
  }

  long id() {
    return header.id;
  }

  int headerLine() {
    return headerLine;
  }

  /** The frames being read: the goroutine's own, or those of the current ancestor section. */
  FrameList frames() {
    return inAncestor ? ancestor : own;
  }

  boolean hasOwnFrames() {
    return !own.isEmpty();
  }

  void stackUnavailable() {
    stackUnavailable = true;
  }

  boolean isStackUnavailable() {
    return stackUnavailable;
  }

  void incomplete() {
    incomplete = true;
  }

  boolean isIncomplete() {
    return incomplete;
  }

  /** {@code created by}: of the goroutine (with its creator's id, or -1), or of the ancestor. */
  void createdBy(Frame f, long creator) {
    if (inAncestor) {
      ancestorCreatedBy = f;
    } else {
      createdBy = f;
      creatorId = creator;
    }
  }

  /** A {@code [originating from goroutine N]:} line starts an ancestor section. */
  void originating(long id) {
    endAncestor();
    inAncestor = true;
    ancestorId = id;
    ancestorCreatedBy = null;
    ancestor.clear();
  }

  private void endAncestor() {
    if (inAncestor) {
      Stack stack = ancestor.stack(interner);
      ancestors.add(ancestorCreatedBy == null ? Ancestor.of(ancestorId, stack)
          : Ancestor.of(ancestorId, stack, ancestorCreatedBy));
      inAncestor = false;
    }
  }

  /** Builds the goroutine; the draft can then start the next one. */
  Goroutine build() {
    endAncestor();
    Header h = header;
    List<String> args = own.args();
    List<String> extras = own.extras();
    Goroutine.Builder g = builder.reset(h.id, h.state)
        .lockedToThread(h.lockedToThread)
        .labels(h.labels)
        .stack(own.stack(interner))
        .ancestors(ancestors)
        .stackUnavailable(stackUnavailable)
        .incomplete(incomplete);
    if (args.isEmpty() && extras.isEmpty() && h.fields.isEmpty() && h.otherItems.isEmpty()) {
      g.headerLine(headerLine); // the usual case: no details to keep beside the line
    } else {
      g.traceback(new Traceback(args, extras, h.fields, h.otherItems, headerLine));
    }
    if (!h.idKnown) {
      g.idUnknown();
    }
    if (h.waitMinutes >= 0) {
      g.waitMinutes(h.waitMinutes);
    }
    if (h.synctestGroup >= 0) {
      g.synctestGroup(h.synctestGroup);
    }
    if (h.synctestBubble >= 0) {
      g.synctestBubble(h.synctestBubble);
    }
    if (createdBy != null) {
      g.createdBy(createdBy, creatorId);
    }
    return g.build();
  }
}
