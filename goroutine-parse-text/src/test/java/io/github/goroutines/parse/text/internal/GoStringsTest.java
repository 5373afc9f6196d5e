package io.github.goroutines.parse.text.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoStringsTest {
  @Test
  void unquotesEveryEscape() {
    assertThat(GoStrings.unquote("\"a \\\"q\\\" é\\n\\t\"")).isEqualTo("a \"q\" é\n\t");
    assertThat(GoStrings.unquote("\"\\a\\b\\f\\r\\v\\\\\"")).isEqualTo("\u0007\b\f\r\u000b\\");
    assertThat(GoStrings.unquote("\"\\x07\\u00e9\\U0001F600\"")).isEqualTo("\u0007é\uD83D\uDE00");
    assertThat(GoStrings.unquote("\"\\xe4\\xb8\\xad\"")).isEqualTo("中");
    assertThat(GoStrings.unquote("\"a\\xfeb\"")).isEqualTo("a\uFFFDb");
    assertThat(GoStrings.unquote("\"\\101\\142\"")).isEqualTo("Ab");
    assertThat(GoStrings.unquote("\"\"")).isEmpty();
  }

  @Test
  void reportsTheEndOfTheQuotedText() {
    byte[] b = "{\"brace\":\"}]\", \"x\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    GoStrings.Result key = GoStrings.unquote(b, 1, b.length);
    assertThat(key.value()).isEqualTo("brace");
    GoStrings.Result value = GoStrings.unquote(b, key.end() + 1, b.length);
    assertThat(value.value()).isEqualTo("}]");
    assertThat(b[value.end()]).isEqualTo((byte) ',');
  }

  @Test
  void rejectsBrokenText() {
    assertThatThrownBy(() -> GoStrings.unquote("\"abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoStrings.unquote("\"\\q\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoStrings.unquote("\"\\x1\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoStrings.unquote("\"\\")).isInstanceOf(IllegalArgumentException.class);
  }
}
