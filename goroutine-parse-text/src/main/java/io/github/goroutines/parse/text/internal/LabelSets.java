package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.internal.Interner;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads label sets and Go-quoted strings: {@code {"k":"v", …}} of debug=1's {@code # labels:} line,
 * {@code {k: v, …}} of Go 1.27 debug=2 headers (bare {@code [A-Za-z0-9./_]*} text or quoted), and
 * Go 1.26's always-quoted {@code labels:{"k": "v"}}. Text without escapes (the usual case) is
 * shared through the interner without copying.
 */
final class LabelSets {
  /** A label set and the index after its closing brace. */
  record Parsed(Labels labels, int end) {}

  /** A string and the index after it. */
  private record Text(String value, int end) {}

  static final byte[] COLON = Bytes.ascii(":");
  static final byte[] COLON_SPACE = Bytes.ascii(": ");
  private static final byte[] COMMA_SPACE = Bytes.ascii(", ");

  private final Interner interner;

  LabelSets(Interner interner) {
    this.interner = interner;
  }

  /**
   * Parses the label set whose '{' is at {@code open}.
   *
   * @param separator {@link #COLON} (debug=1) or {@link #COLON_SPACE} (debug=2)
   * @param bare whether unquoted text is allowed (Go 1.27 headers)
   * @return the labels and where they end, or null when the text is not a label set
   */
  Parsed parse(byte[] b, int open, int e, byte[] separator, boolean bare) {
    List<Label> list = new ArrayList<>(4);
    int i = open + 1;
    if (i < e && b[i] == '}') {
      return new Parsed(Labels.empty(), i + 1);
    }
    while (true) {
      Text key = text(b, i, e, bare);
      if (key == null || !Bytes.regionEquals(b, key.end(), e, separator)) {
        return null;
      }
      Text value = text(b, key.end() + separator.length, e, bare);
      if (value == null || value.end() >= e) {
        return null;
      }
      list.add(Label.of(key.value(), value.value()));
      i = value.end();
      if (b[i] == '}') {
        return new Parsed(Labels.of(list), i + 1);
      }
      if (!Bytes.regionEquals(b, i, e, COMMA_SPACE)) {
        return null;
      }
      i += 2;
    }
  }

  /** A quoted string, or (where allowed) bare text. */
  private Text text(byte[] b, int i, int e, boolean bare) {
    if (i < e && b[i] == '"') {
      return quoted(b, i, e);
    }
    if (!bare) {
      return null;
    }
    int j = i;
    while (j < e && isBare(b[j])) {
      j++;
    }
    return new Text(interner.string(b, i, j), j);
  }

  private Text quoted(byte[] b, int at, int e) {
    for (int j = at + 1; j < e; j++) {
      if (b[j] == '"') {
        return new Text(interner.string(b, at + 1, j), j + 1);
      }
      if (b[j] == '\\') {
        GoStrings.Result r = GoStrings.unquote(b, at, e);
        return r == null ? null : new Text(interner.string(r.value()), r.end());
      }
    }
    return null;
  }

  static boolean isBare(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Bytes.isDigit(c) || c == '.'
        || c == '/' || c == '_';
  }
}
