package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.internal.Interner;
import java.util.ArrayList;
import java.util.List;

/** The frames of one stack being read, with their parallel argument and extras text, and elision. */
final class FrameList {
  private final List<Frame> frames = new ArrayList<>(32);
  private final List<String> args = new ArrayList<>(32);
  private final List<String> extras = new ArrayList<>(32);
  private final int max;
  private final Problems problems;
  private boolean anyArgs;
  private boolean anyExtras;
  private int elisionIndex = -1;
  private int elided = -1;

  FrameList(int maxFrames, Problems problems) {
    this.max = maxFrames;
    this.problems = problems;
  }

  void clear() {
    frames.clear();
    args.clear();
    extras.clear();
    anyArgs = false;
    anyExtras = false;
    elisionIndex = -1;
    elided = -1;
  }

  boolean isEmpty() {
    return frames.isEmpty();
  }

  void add(Frame f, String arg, String extra) {
    if (frames.size() >= max) {
      throw problems.limit("more than " + max + " frames in one stack", "maxFramesPerStack");
    }
    frames.add(f);
    args.add(arg);
    extras.add(extra);
    anyArgs |= !arg.isEmpty();
    anyExtras |= !extra.isEmpty();
  }

  /** Frames were left out here: {@code count} of them, or -1 when Go did not say how many. */
  void elide(int count) {
    elisionIndex = frames.size();
    elided = count;
  }

  Stack stack(Interner interner) {
    return interner.stack(frames, elisionIndex, elided);
  }

  /** The argument texts; the goroutine copies them when it is built. */
  List<String> args() {
    return anyArgs ? args : List.of();
  }

  List<String> extras() {
    return anyExtras ? extras : List.of();
  }
}
