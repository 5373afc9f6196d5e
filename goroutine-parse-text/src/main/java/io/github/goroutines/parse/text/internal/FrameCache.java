package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.internal.Hashing;
import java.util.Arrays;

/**
 * Remembers the frame parsed from a pair of byte ranges (the function of a call line and the
 * position of its file line), so that the thousandth goroutine parked at the same place costs one
 * hash lookup and no allocation. Part of the parser's hot path; bounded: cleared when it holds
 * 65,536 entries or 16 MiB of keys, whichever comes first.
 */
final class FrameCache {
  private static final int MAX = 1 << 16;
  private static final long MAX_KEY_BYTES = 16L << 20;

  private byte[][] keys = new byte[1024][];
  private Frame[] frames = new Frame[1024];
  private int[] hashes = new int[1024];
  private int size;
  private long keyBytes;

  /** Hash of a key: a function name, the inlined flag, and the "file:line +0x…" bytes. */
  static int hash(byte[] name, int nameLength, byte[] b, int from, int to, boolean inlined) {
    long h = Hashing.add(Hashing.start(), name, 0, nameLength);
    return Hashing.finish(Hashing.add(h, b, from, to) ^ (inlined ? 1 : 0));
  }

  Frame get(int h, byte[] name, int nameLength, byte[] b, int from, int to, boolean inlined) {
    int mask = keys.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (true) {
      byte[] k = keys[slot];
      if (k == null) {
        return null;
      }
      if (hashes[slot] == h && matches(k, name, nameLength, b, from, to, inlined)) {
        return frames[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  void put(int h, byte[] name, int nameLength, byte[] b, int from, int to, boolean inlined, Frame f) {
    int keyLength = nameLength + 1 + (to - from);
    if (size >= MAX || keyBytes + keyLength > MAX_KEY_BYTES) {
      Arrays.fill(keys, null);
      Arrays.fill(frames, null);
      size = 0;
      keyBytes = 0;
    }
    keyBytes += keyLength;
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    byte[] k = new byte[keyLength];
    System.arraycopy(name, 0, k, 0, nameLength);
    k[nameLength] = separator(inlined);
    System.arraycopy(b, from, k, nameLength + 1, to - from);
    keys[slot] = k;
    frames[slot] = f;
    hashes[slot] = h;
    size++;
  }

  /** A byte that cannot occur inside a line, different for inlined frames. */
  private static byte separator(boolean inlined) {
    return inlined ? (byte) '\r' : (byte) '\n';
  }

  private static boolean matches(byte[] k, byte[] name, int nameLength, byte[] b, int from, int to,
      boolean inlined) {
    if (k.length != nameLength + 1 + (to - from) || k[nameLength] != separator(inlined)) {
      return false;
    }
    return Arrays.equals(k, 0, nameLength, name, 0, nameLength)
        && Arrays.equals(k, nameLength + 1, k.length, b, from, to);
  }

  private void grow() {
    byte[][] oldKeys = keys;
    Frame[] oldFrames = frames;
    int[] oldHashes = hashes;
    keys = new byte[oldKeys.length * 2][];
    frames = new Frame[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        frames[slot] = oldFrames[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
