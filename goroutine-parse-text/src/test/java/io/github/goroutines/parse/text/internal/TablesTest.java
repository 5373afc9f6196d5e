package io.github.goroutines.parse.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** White-box tests of the text parser's tables: the frame cache and the set of goroutine ids. */
class TablesTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void frameCacheKeysOnBothRangesAndTheInlinedFlag() {
    FrameCache cache = new FrameCache();
    byte[] name = bytes("main.worker");
    byte[] line = bytes("\tmain.go:36 +0x2f");
    Frame f = Frame.of("main.worker", "main.go", 36);
    int h = FrameCache.hash(name, name.length, line, 1, line.length, false);
    assertThat(cache.get(h, name, name.length, line, 1, line.length, false)).isNull();
    cache.put(h, name, name.length, line, 1, line.length, false, f);
    assertThat(cache.get(h, name, name.length, line, 1, line.length, false)).isSameAs(f);
    int inlined = FrameCache.hash(name, name.length, line, 1, line.length, true);
    assertThat(cache.get(inlined, name, name.length, line, 1, line.length, true)).isNull();
    // a shorter name with the same bytes overall is another key
    assertThat(cache.get(h, name, name.length - 1, line, 1, line.length, false)).isNull();
    for (int i = 0; i < 5000; i++) { // grows past its first table
      byte[] k = bytes("\tf" + i + ".go:1");
      int hk = FrameCache.hash(name, name.length, k, 0, k.length, false);
      cache.put(hk, name, name.length, k, 0, k.length, false, Frame.of("f", "f" + i, 1));
    }
    assertThat(cache.get(h, name, name.length, line, 1, line.length, false)).isSameAs(f);
    byte[] k = bytes("\tf4999.go:1");
    assertThat(cache.get(FrameCache.hash(name, name.length, k, 0, k.length, false), name,
        name.length, k, 0, k.length, false).file()).isEqualTo("f4999");
  }

  @Test
  void frameCacheIsClearedWhenFull() {
    FrameCache cache = new FrameCache();
    byte[] name = bytes("g");
    for (int i = 0; i <= 1 << 16; i++) {
      byte[] k = bytes(Integer.toString(i));
      cache.put(FrameCache.hash(name, 1, k, 0, k.length, false), name, 1, k, 0, k.length, false,
          Frame.of("g", Integer.toString(i), 1));
    }
    byte[] first = bytes("0");
    assertThat(cache.get(FrameCache.hash(name, 1, first, 0, 1, false), name, 1, first, 0, 1, false))
        .as("the first entry went with the clear").isNull();
    byte[] last = bytes(Integer.toString(1 << 16));
    assertThat(cache.get(FrameCache.hash(name, 1, last, 0, last.length, false), name, 1, last, 0,
        last.length, false)).isNotNull();
  }

  @Test
  void idSetUsesItsBitmapAndItsTable() {
    LongSet ids = new LongSet();
    for (long id : new long[] {0, 1, 63, 64, (1 << 24) - 1, 1 << 24, Long.MAX_VALUE, -1L,
        Long.MIN_VALUE}) {
      assertThat(ids.add(id)).as("first %s", Long.toUnsignedString(id)).isTrue();
      assertThat(ids.add(id)).as("again %s", Long.toUnsignedString(id)).isFalse();
    }
    ids.clear();
    assertThat(ids.add(64)).isTrue();
    assertThat(ids.add(-1L)).isTrue();
  }
}
