package io.github.goroutines.analysis;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the runtime frames a {@code debug=1} record leaves out, from a protobuf snapshot of the
 * same binary.
 *
 * <p>{@code debug=1} prints a record's return addresses ({@code @ 0x486e6a 0x4167bc …}) but no
 * {@code #} line for its leading {@code runtime.*} frames: the {@code runtime.chansend} that makes
 * a goroutine a channel sender is hidden, and the goroutine's state class is {@code OTHER}. A
 * protobuf profile names every location; its addresses are the call instructions, one before the
 * return addresses. When a protobuf snapshot agrees with every {@code #} line of a {@code debug=1}
 * snapshot it can check, and names at least one, the two come from one binary and the hidden
 * frames are filled in from it; otherwise nothing changes.
 */
final class HiddenFrames {
  private HiddenFrames() {}

  /**
   * The snapshots, each {@code debug=1} one with its hidden frames named when a protobuf snapshot
   * of the same binary is among them; the same list when nothing could be named.
   */
  static List<Profile> named(List<Profile> snapshots) {
    Map<Long, List<Frame>> symbols = null;
    List<Profile> out = null;
    for (int i = 0; i < snapshots.size(); i++) {
      Profile p = snapshots.get(i);
      if (p.format() != ProfileFormat.DEBUG1) {
        continue;
      }
      if (symbols == null) {
        symbols = symbols(snapshots);
        if (symbols.isEmpty()) {
          return snapshots;
        }
      }
      Profile named = named(p, symbols);
      if (named != p) {
        out = out == null ? new ArrayList<>(snapshots) : out;
        out.set(i, named);
      }
    }
    return out == null ? snapshots : List.copyOf(out);
  }

  /** Every protobuf location's frames, innermost (inlined) first, by address. */
  private static Map<Long, List<Frame>> symbols(List<Profile> snapshots) {
    Map<Long, List<Frame>> symbols = new HashMap<>();
    for (Profile p : snapshots) {
      if (p.format() != ProfileFormat.PROTO) {
        continue;
      }
      for (Sample s : p.samples()) {
        List<Frame> frames = s.stack().frames();
        int i = 0;
        while (i < frames.size()) {
          Frame f = frames.get(i);
          int end = i + 1;
          while (end < frames.size() && samePc(frames.get(end), f)) {
            end++;
          }
          if (f.pc().isPresent() && !f.function().isEmpty()) {
            symbols.putIfAbsent(f.pc().getAsLong(), List.copyOf(frames.subList(i, end)));
          }
          i = end;
        }
      }
    }
    return symbols;
  }

  private static boolean samePc(Frame a, Frame b) {
    return a.pc().isPresent() && b.pc().isPresent() && a.pc().getAsLong() == b.pc().getAsLong();
  }

  /** The profile with its hidden frames named, or itself when the symbols are not its binary's. */
  private static Profile named(Profile p, Map<Long, List<Frame>> symbols) {
    int agree = 0;
    for (Sample s : p.samples()) {
      long[] addresses = s.addresses().toArray();
      Arrays.sort(addresses); // unsigned order does not matter: only equality is asked
      for (Frame f : s.stack().frames()) {
        // only a frame at a return address can be checked: debug=1 gives inlined frames their own
        if (f.pc().isEmpty() || !returnAddress(addresses, f.pc().getAsLong())) {
          continue;
        }
        List<Frame> known = symbols.get(f.pc().getAsLong());
        if (known == null) {
          continue;
        }
        // Go prints a generic instantiation as [go.shape.int] in protobuf and [...] in text
        if (!FunctionName.normalize(known.get(0).function())
            .equals(FunctionName.normalize(f.function()))) {
          return p; // another binary
        }
        agree++;
      }
    }
    if (agree == 0) {
      return p;
    }
    List<Sample> samples = new ArrayList<>(p.samples().size());
    boolean changed = false;
    for (Sample s : p.samples()) {
      Sample named = named(s, symbols);
      changed |= named != s;
      samples.add(named);
    }
    if (!changed) {
      return p;
    }
    return p.withSamples(samples);
  }

  private static boolean returnAddress(long[] sortedAddresses, long pc) {
    return Arrays.binarySearch(sortedAddresses, pc + 1) >= 0;
  }

  /** The sample with the frames before its first {@code #} line named, when all of them can be. */
  private static Sample named(Sample s, Map<Long, List<Frame>> symbols) {
    long[] addresses = s.addresses().toArray();
    List<Frame> frames = s.stack().frames();
    if (addresses.length == 0 || frames.isEmpty() || frames.get(0).pc().isEmpty()) {
      return s;
    }
    long first = frames.get(0).pc().getAsLong();
    int hidden = 0;
    while (hidden < addresses.length && addresses[hidden] - 1 != first) {
      hidden++;
    }
    if (hidden == 0 || hidden == addresses.length) {
      return s; // nothing hidden, or the first line is not at a return address
    }
    List<Frame> named = new ArrayList<>(hidden + frames.size());
    for (int i = 0; i < hidden; i++) {
      List<Frame> known = symbols.get(addresses[i] - 1);
      if (known == null) {
        return s;
      }
      named.addAll(known);
    }
    named.addAll(frames);
    Stack stack = s.stack();
    Stack full = stack.elisionIndex().isPresent()
        ? Stack.of(named, stack.elisionIndex().getAsInt() + named.size() - frames.size(),
            stack.elidedFrames().orElse(-1))
        : Stack.of(named);
    return Sample.of(s.count(), full, s.labels(), addresses);
  }
}
