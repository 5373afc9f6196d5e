package io.github.goroutines.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Stack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** White-box tests of the shared tables: the interner, the long-keyed map, the bounded reader. */
class InternerTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void stringsAreSharedByByteRange() {
    Interner t = Interner.unbounded();
    byte[] b = bytes("main.worker main.worker é \u00ff");
    String a = t.string(b, 0, 11);
    assertThat(a).isEqualTo("main.worker").isSameAs(t.string(b, 12, 23));
    assertThat(t.string(b, 24, 26)).isEqualTo("é");
    assertThat(t.string(b, 0, 0)).isEmpty();
    for (int i = 0; i < 2000; i++) { // the table grows several times
      byte[] k = bytes("k" + i);
      assertThat(t.string(k, 0, k.length)).isEqualTo("k" + i);
    }
    assertThat(t.string(b, 0, 11)).isSameAs(a);
    assertThat(t.string("main.worker")).isSameAs(a);
    byte[] invalid = {'a', (byte) 0xfe, 'b'};
    assertThat(t.string(invalid, 0, 3)).isEqualTo("a\ufffdb");
  }

  @Test
  void aBoundedInternerForgetsWhenFull() {
    Interner t = Interner.bounded(10_000);
    byte[] b = bytes("first");
    String first = t.string(b, 0, 5);
    for (int i = 0; i < 150; i++) {
      byte[] k = bytes("k" + i);
      t.string(k, 0, k.length);
    }
    String again = t.string(b, 0, 5);
    assertThat(again).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void framesLabelsAndStacksAreShared() {
    Interner t = Interner.unbounded();
    Frame f = t.frame(Frame.of("main.f", "m.go", 3));
    assertThat(t.frame(Frame.of("main.f", "m.go", 3))).isSameAs(f);
    assertThat(t.frame(Frame.of("main.f", "m.go", 3, true))).isNotSameAs(f);
    Labels l = t.labels(Labels.of(List.of(Label.of("k", "v"))));
    assertThat(t.labels(Labels.of(List.of(Label.of("k", "v"))))).isSameAs(l);
    List<Frame> frames = new ArrayList<>(List.of(f, Frame.of("main.main", "m.go", 9)));
    Stack s = t.stack(frames, -1, -1);
    frames.set(1, Frame.of("main.main", "m.go", 9)); // an equal, other frame object
    assertThat(t.stack(frames, -1, -1)).isSameAs(s);
    assertThat(t.stack(frames, 1, 5)).isNotSameAs(s).satisfies(x -> assertThat(x.elided()).isTrue());
    assertThat(t.stack(List.of(), -1, -1)).isSameAs(Stack.empty());
  }

  @Test
  void longIntMap() {
    LongIntMap m = new LongIntMap();
    assertThat(m.get(7)).isEqualTo(-1);
    for (int i = 1; i <= 10_000; i++) {
      assertThat(m.put(i * 0x100000000L, i)).isTrue(); // keys that differ in their high bits only
    }
    assertThat(m.put(0x100000000L, 99)).isFalse();
    assertThat(m.get(0x100000000L)).isEqualTo(1);
    assertThat(m.get(10_000 * 0x100000000L)).isEqualTo(10_000);
    assertThat(m.put(-1L, 5)).isTrue();
    assertThat(m.get(-1L)).isEqualTo(5);
    assertThat(m.size()).isEqualTo(10_001);
    assertThat(m.get(0)).isEqualTo(-1);
    assertThatThrownBy(() -> m.put(0, 1)).isInstanceOf(IllegalArgumentException.class);
    m.clear();
    assertThat(m.size()).isZero();
    assertThat(m.get(-1L)).isEqualTo(-1);
  }

  @Test
  void boundedInput() throws Exception {
    byte[] data = new byte[100_000];
    assertThat(BoundedInput.readAll(new ByteArrayInputStream(data), 100_000)).hasSize(100_000);
    assertThat(BoundedInput.readAll(new ByteArrayInputStream(new byte[0]), 0)).isEmpty();
    assertThatThrownBy(() -> BoundedInput.readAll(new ByteArrayInputStream(data), 99_999))
        .hasMessageStartingWith("input larger than 99999 bytes (raise ParseOptions.maxInputBytes)");
    try (var in = BoundedInput.of(new ByteArrayInputStream(data), 50_000)) {
      assertThat(in.readNBytes(50_000)).hasSize(50_000);
      assertThatThrownBy(in::read).hasMessageContaining("maxInputBytes");
    }
  }
}
