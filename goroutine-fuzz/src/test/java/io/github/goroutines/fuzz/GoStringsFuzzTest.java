package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.goroutines.parse.text.internal.GoStrings;

/**
 * Fuzzes the Go string unquoter: it never throws on any bytes, and what it returns ends after a
 * closing quote inside the input.
 */
class GoStringsFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void unquote(byte[] data) {
    for (int from = 0; from < Math.min(data.length, 4); from++) {
      GoStrings.Result r = GoStrings.unquote(data, from, data.length);
      if (r != null) {
        assertThat(r.end()).isBetween(from + 2, data.length);
        assertThat(data[r.end() - 1]).isEqualTo((byte) '"');
        assertThat(r.value()).isNotNull();
      }
    }
  }
}
