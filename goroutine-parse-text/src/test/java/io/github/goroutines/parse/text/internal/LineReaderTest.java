package io.github.goroutines.parse.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.ProfileParseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** White-box tests of the line splitter, over arrays and over streams that arrive in pieces. */
class LineReaderTest {
  /** The lines of {@code text} and whether the last was terminated, both ways. */
  static List<String> lines(String text, int maxLine) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> fromArray = read(LineReader.of(bytes, maxLine));
    // one byte per read: every line and every \r\n crosses a buffer refill
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
    assertThat(read(LineReader.of(trickle, maxLine))).isEqualTo(fromArray);
    return fromArray;
  }

  private static List<String> read(LineReader r) {
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(r.lineNumber() + ":" + new String(r.buf(), r.start(), r.end() - r.start(),
          StandardCharsets.UTF_8) + (r.terminated() ? "" : "<cut>"));
    }
    return out;
  }

  @Test
  void everyLineEnding() {
    assertThat(lines("a\nb\r\nc\rd", 100)).containsExactly("1:a", "2:b", "3:c", "4:d<cut>");
    assertThat(lines("a\r\n\r\nb\n", 100)).containsExactly("1:a", "2:", "3:b");
    assertThat(lines("a\r", 100)).containsExactly("1:a");
    assertThat(lines("", 100)).isEmpty();
    assertThat(lines("\n", 100)).containsExactly("1:");
  }

  /** The reader looks at eight bytes at a time: every ending at every offset of a word. */
  @Test
  void everyEndingAtEveryOffsetOfAWord() {
    java.util.Random random = new java.util.Random(14);
    char[] alphabet = {'a', 'b', '\n', '\r', 'x', 'y', 'z', ' '};
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(70); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      List<String> expected = new ArrayList<>();
      String t = text.toString();
      String[] parts = t.split("\r\n|\r|\n", -1);
      boolean terminated = t.isEmpty() || t.endsWith("\n") || t.endsWith("\r");
      int count = terminated ? parts.length - 1 : parts.length;
      for (int i = 0; i < count; i++) {
        expected.add((i + 1) + ":" + parts[i] + (i == count - 1 && !terminated ? "<cut>" : ""));
      }
      assertThat(lines(t, 1000)).as("%s", t.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(expected);
    }
  }

  @Test
  void linesLongerThanTheBufferGrowIt() {
    String big = "x".repeat(200_000);
    assertThat(lines(big + "\n" + big, 300_000)).containsExactly("1:" + big, "2:" + big + "<cut>");
  }

  @Test
  void aLineOverTheLimitNamesItsNumberAndTheOption() {
    for (String text : new String[] {"ok\n" + "y".repeat(11) + "\n", "ok\n" + "y".repeat(11)}) {
      LineReader r = LineReader.of(text.getBytes(StandardCharsets.UTF_8), 10);
      assertThat(r.next()).isTrue();
      assertThatThrownBy(r::next)
          .isInstanceOfSatisfying(ProfileParseException.class, e -> {
            assertThat(e.lineNumber()).hasValue(2);
            assertThat(e.limit()).contains("maxLineBytes");
            assertThat(e.excerpt()).startsWith("yyyyyyyyyy");
          })
          .hasMessageStartingWith("line longer than 10 bytes (raise ParseOptions.maxLineBytes)");
    }
    assertThatThrownBy(() -> lines("z".repeat(100), 10)).isInstanceOf(ProfileParseException.class);
  }

  @Test
  void theCallersArrayIsNeverWritten() {
    byte[] bytes = "a\r\nb\rc\n".getBytes(StandardCharsets.UTF_8);
    byte[] copy = bytes.clone();
    read(LineReader.of(bytes, 100));
    assertThat(bytes).isEqualTo(copy);
  }
}
