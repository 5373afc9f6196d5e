package io.github.goroutines.model.internal;

import io.github.goroutines.model.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.List;

/**
 * Hash codes that an input cannot choose: every table keyed by text of a profile (function names,
 * files, label values, location ids) hashes with these, so that names crafted to share a
 * {@code String.hashCode} (2^16 names built from "Aa" and "BB" do) spread like any others.
 *
 * <p>The hash is keyed by a random seed drawn once per JVM, and is not linear in the input: a
 * collision found in one process says nothing of the next. Values therefore differ between runs;
 * nothing may store or print them. Eight bytes are mixed per step, so hashing is also faster than
 * the byte-at-a-time polynomial it replaces.
 */
public final class Hashing {
  private static final long SEED = new SecureRandom().nextLong();
  private static final long K1 = 0x9E3779B97F4A7C15L;
  private static final long K2 = 0xC2B2AE3D27D4EB4FL;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Hashing() {}

  /**
   * Starts a hash; feed it with the {@code add} methods and end it with {@link #finish(long)}.
   *
   * @return the initial state
   */
  public static long start() {
    return SEED;
  }

  /**
   * Adds a byte range (its length too, so that "ab"+"c" and "a"+"bc" differ).
   *
   * @param h the state
   * @param b the bytes
   * @param from first index
   * @param to index after the last
   * @return the new state
   */
  public static long add(long h, byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = step(h, (long) LONGS.get(b, i));
    }
    long tail = (to - from) & 0xFF;
    for (int shift = 8; i < to; i++, shift += 8) {
      tail |= (b[i] & 0xffL) << shift;
    }
    return step(h, tail);
  }

  /**
   * Adds the characters of a string and its length.
   *
   * @param h the state
   * @param s the string
   * @return the new state
   */
  public static long add(long h, String s) {
    int n = s.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      h = step(h, s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48);
    }
    long tail = n & 0xFFFF;
    for (int shift = 16; i < n; i++, shift += 16) {
      tail |= (long) s.charAt(i) << shift;
    }
    return step(h, tail);
  }

  /**
   * Adds a number.
   *
   * @param h the state
   * @param v the number
   * @return the new state
   */
  public static long add(long h, long v) {
    return step(h, v);
  }

  /**
   * Ends a hash.
   *
   * @param h the state
   * @return the hash code, every bit depending on every input bit and on the seed
   */
  public static int finish(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /**
   * Hashes a byte range.
   *
   * @param b the bytes
   * @param from first index
   * @param to index after the last
   * @return the hash code
   */
  public static int bytes(byte[] b, int from, int to) {
    return finish(add(SEED, b, from, to));
  }

  /**
   * Hashes a string's characters.
   *
   * @param s the string
   * @return the hash code
   */
  public static int string(String s) {
    return finish(add(SEED, s));
  }

  /**
   * Hashes a number: a seeded bijection, for tables keyed by ids.
   *
   * @param v the number
   * @return the hash code
   */
  public static int number(long v) {
    return finish(step(SEED, v));
  }

  /**
   * The hash of a stack: its frames' hashes, then its elision. {@code Stack} and the interner's
   * lookup (which has no stack yet) share it.
   *
   * @param frames innermost first
   * @param elided whether Go left frames out
   * @param elidedFrames how many, or -1
   * @param elisionIndex where, or -1
   * @return the hash code
   */
  public static int stack(List<Frame> frames, boolean elided, int elidedFrames, int elisionIndex) {
    long h = SEED;
    for (int i = 0; i < frames.size(); i++) {
      h = step(h, frames.get(i).hashCode());
    }
    h = step(h, (long) elidedFrames << 32 | (elisionIndex & 0xFFFFFFFFL));
    return finish(step(h, elided ? 1 : 0));
  }

  /** One round: the multiply carries make the state's change depend on the unknown seed. */
  private static long step(long h, long w) {
    return Long.rotateLeft(h ^ (w * K2), 31) * K1;
  }
}
