package io.github.goroutines.parse.proto.internal;

import io.github.goroutines.model.Stack;

/**
 * Finds the stack already built for a run of location ids in the sample list, so that samples with
 * the same locations (the same stack under different labels) resolve it once.
 */
final class StackIndex {
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private int[] hashes = new int[256];
  private Stack[] stacks = new Stack[256];
  private LongList ids;
  private int size;

  private static int hash(LongList ids, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      long v = ids.get(i);
      h = 31 * h + (int) (v ^ (v >>> 32));
    }
    return h;
  }

  Stack get(LongList list, int from, int to) {
    ids = list;
    int h = hash(list, from, to);
    int mask = stacks.length - 1;
    for (int slot = (h ^ (h >>> 16)) & mask; stacks[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == h && same(slot, from, to)) {
        return stacks[slot];
      }
    }
    return null;
  }

  private boolean same(int slot, int from, int to) {
    int s = starts[slot];
    if (ends[slot] - s != to - from) {
      return false;
    }
    for (int i = 0; i < to - from; i++) {
      if (ids.get(s + i) != ids.get(from + i)) {
        return false;
      }
    }
    return true;
  }

  void put(LongList list, int from, int to, Stack stack) {
    ids = list;
    if ((size + 1) * 2 > stacks.length) {
      grow();
    }
    place(hash(list, from, to), from, to, stack);
    size++;
  }

  private void place(int h, int from, int to, Stack stack) {
    int mask = stacks.length - 1;
    int slot = (h ^ (h >>> 16)) & mask;
    while (stacks[slot] != null) {
      slot = (slot + 1) & mask;
    }
    starts[slot] = from;
    ends[slot] = to;
    hashes[slot] = h;
    stacks[slot] = stack;
  }

  private void grow() {
    int[] oldStarts = starts;
    int[] oldEnds = ends;
    int[] oldHashes = hashes;
    Stack[] oldStacks = stacks;
    int n = oldStacks.length * 2;
    starts = new int[n];
    ends = new int[n];
    hashes = new int[n];
    stacks = new Stack[n];
    for (int i = 0; i < oldStacks.length; i++) {
      if (oldStacks[i] != null) {
        place(oldHashes[i], oldStarts[i], oldEnds[i], oldStacks[i]);
      }
    }
  }
}
