package io.github.goroutines.model.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Stack;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deduplication tables of one parse: strings (looked up by byte range, so a hit allocates
 * nothing), frames, stacks and label sets. One instance per parse, dropped with it; never shared
 * between threads. The threads of one parallel parse each have their own, over one {@link Shared}
 * whose thread-safe tables give every value its one instance: a value new to a thread's tables is
 * looked up there, so what the threads build is shared as one thread's tables would share it.
 *
 * <p>A bounded interner counts what its tables hold, in bytes (an estimate of the objects, names
 * included), and clears them all when that passes the bound: a streaming parse of an endless log of
 * ever new names stays in bounded memory while still sharing within recent input.
 */
public final class Interner {
  /** The estimated heap of a String and its key copy, beyond the bytes themselves. */
  private static final int STRING_OVERHEAD = 80;
  private static final int FRAME_BYTES = 64;
  private static final int STACK_OVERHEAD = 80;
  private static final int LABEL_BYTES = 48;

  private final long byteBound;
  private long held;
  private byte[][] keys;
  private String[] values;
  private int[] hashes;
  private int size;
  private final InternTable<Frame> frames = new InternTable<>();
  private Stack[] stackTable = new Stack[256];
  private int stackCount;
  private final InternTable<Labels> labels = new InternTable<>();
  private final Shared shared;

  private Interner(long byteBound, Shared shared) {
    this.byteBound = byteBound;
    this.shared = shared;
    reset(256);
  }

  /**
   * The instances of one parse that several threads share: consulted only for values new to a
   * thread's own tables, so a parse of thousands of goroutines in a few hundred stacks touches it a
   * few hundred times per thread.
   */
  public static final class Shared {
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Frame, Frame> frames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Stack, Stack> stacks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Labels, Labels> labels = new ConcurrentHashMap<>();

    private static <T> T one(ConcurrentHashMap<T, T> table, T value) {
      T held = table.putIfAbsent(value, value);
      return held == null ? value : held;
    }
  }

  /**
   * Creates tables that keep everything, for a parse whose input is in memory anyway.
   *
   * @return the tables
   */
  public static Interner unbounded() {
    return new Interner(Long.MAX_VALUE, null);
  }

  /**
   * Creates one thread's tables of a parallel parse, which keep everything.
   *
   * @param shared the instances all threads of the parse share
   * @return the tables
   */
  public static Interner unbounded(Shared shared) {
    return new Interner(Long.MAX_VALUE, java.util.Objects.requireNonNull(shared, "shared"));
  }

  /**
   * Creates tables that are cleared whenever they hold more than about {@code bytes}.
   *
   * @param bytes the bound
   * @return the tables
   */
  public static Interner bounded(long bytes) {
    return new Interner(bytes, null);
  }

  /**
   * Counts what a new entry holds; past the bound, every table is cleared first.
   *
   * @return true when the tables were cleared
   */
  private boolean charge(long bytes) {
    held += bytes;
    if (held <= byteBound) {
      return false;
    }
    reset(256);
    frames.clear();
    java.util.Arrays.fill(stackTable, null);
    stackCount = 0;
    labels.clear();
    held = bytes;
    return true;
  }

  private void reset(int capacity) {
    keys = new byte[capacity][];
    values = new String[capacity];
    hashes = new int[capacity];
    size = 0;
  }

  /**
   * Returns the string of a byte range, decoded as UTF-8 (invalid bytes become U+FFFD), shared
   * with earlier equal ranges.
   *
   * @param b the bytes
   * @param from first index
   * @param to index after the last
   * @return the string
   */
  public String string(byte[] b, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return "";
    }
    int h = Hashing.bytes(b, from, to);
    int mask = keys.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (true) {
      byte[] k = keys[slot];
      if (k == null) {
        break;
      }
      if (hashes[slot] == h && Arrays.equals(k, 0, k.length, b, from, to)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    String s = decode(b, from, to);
    if (this.shared != null) {
      s = Shared.one(this.shared.strings, s);
    }
    if (charge(STRING_OVERHEAD + 2L * len)) {
      slot = (h ^ (h >>> 16)) & (keys.length - 1); // the cleared table is empty
    }
    keys[slot] = Arrays.copyOfRange(b, from, to);
    values[slot] = s;
    hashes[slot] = h;
    if (++size * 2 > keys.length) {
      grow();
    }
    return s;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldValues = values;
    int[] oldHashes = hashes;
    keys = new byte[oldKeys.length * 2][];
    values = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  /**
   * Decodes UTF-8 leniently; pure ASCII takes the fast Latin-1 path.
   *
   * @param b the bytes
   * @param from first index
   * @param to index after the last
   * @return the string
   */
  public static String decode(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
      }
    }
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * Returns the shared instance equal to a string (for strings not read from bytes).
   *
   * @param s the string
   * @return the shared string
   */
  public String string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return string(b, 0, b.length);
  }

  /**
   * Returns the shared frame equal to {@code f}.
   *
   * @param f a frame
   * @return the shared instance
   */
  public Frame frame(Frame f) {
    Frame held = frames.get(f);
    if (held != null) {
      return held;
    }
    Frame one = this.shared == null ? f : Shared.one(this.shared.frames, f);
    charge(FRAME_BYTES);
    frames.add(one);
    return one;
  }

  /**
   * Returns the shared stack of these frames, creating it only when it is new: the usual case,
   * thousands of goroutines parked in one place, allocates nothing.
   *
   * @param frames innermost first (not kept)
   * @param elisionIndex as {@link Stack#of(List, int, int)}
   * @param elidedFrames as {@link Stack#of(List, int, int)}
   * @return the shared stack
   */
  public Stack stack(List<Frame> frames, int elisionIndex, int elidedFrames) {
    if (frames.isEmpty() && elisionIndex < 0) {
      return Stack.empty();
    }
    boolean elided = elisionIndex >= 0;
    int elidedCount = elided ? Math.max(-1, elidedFrames) : -1;
    int h = Hashing.stack(frames, elided, elidedCount, elisionIndex);
    Stack found = findStack(h, frames, elisionIndex, elidedCount);
    return found != null ? found : addStack(Stack.of(frames, elisionIndex, elidedFrames));
  }

  private Stack findStack(int h, List<Frame> frames, int elisionIndex, int elidedFrames) {
    int mask = stackTable.length - 1;
    for (int slot = (h ^ (h >>> 16)) & mask; stackTable[slot] != null; slot = (slot + 1) & mask) {
      Stack s = stackTable[slot];
      if (s.hashCode() == h
          && s.depth() == frames.size()
          && s.elisionIndex().orElse(-1) == elisionIndex
          && s.elidedFrames().orElse(-1) == elidedFrames
          && sameFrames(s.frames(), frames)) {
        return s;
      }
    }
    return null;
  }

  /** Equal frame lists; the frames of one parse are shared, so most compare by identity. */
  private static boolean sameFrames(List<Frame> a, List<Frame> b) {
    for (int i = 0, n = a.size(); i < n; i++) {
      Frame x = a.get(i);
      Frame y = b.get(i);
      if (x != y && !x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private Stack addStack(Stack made) {
    Stack s = this.shared == null ? made : Shared.one(this.shared.stacks, made);
    charge(STACK_OVERHEAD + 4L * s.depth());
    if ((stackCount + 1) * 2 > stackTable.length) {
      Stack[] old = stackTable;
      stackTable = new Stack[old.length * 2];
      for (Stack o : old) {
        if (o != null) {
          place(o);
        }
      }
    }
    place(s);
    stackCount++;
    return s;
  }

  private void place(Stack s) {
    int mask = stackTable.length - 1;
    int slot = (s.hashCode() ^ (s.hashCode() >>> 16)) & mask;
    while (stackTable[slot] != null) {
      slot = (slot + 1) & mask;
    }
    stackTable[slot] = s;
  }

  /**
   * Returns the shared label set equal to {@code l}.
   *
   * @param l a label set
   * @return the shared instance
   */
  public Labels labels(Labels l) {
    if (l.isEmpty()) {
      return Labels.empty();
    }
    Labels held = labels.get(l);
    if (held != null) {
      return held;
    }
    Labels one = this.shared == null ? l : Shared.one(this.shared.labels, l);
    charge((long) LABEL_BYTES * l.size());
    labels.add(one);
    return one;
  }
}
