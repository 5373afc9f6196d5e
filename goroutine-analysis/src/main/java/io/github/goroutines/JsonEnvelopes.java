package io.github.goroutines;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Dumps that arrive inside JSON log lines, found by content and unwrapped before the text parser
 * reads them:
 *
 * <ul>
 *   <li>docker's json-file log, {@code {"log":"goroutine 1 [running]:\n","stream":"stderr",…}}: the
 *       {@code log} fields, in order;
 *   <li>{@code go test -json}, {@code {"Action":"output","Output":"…\n",…}}: the {@code Output}
 *       fields;
 *   <li>a structured logger's message with the dump in one field ({@code stacktrace}, {@code stack},
 *       any string field that holds a goroutine header and a line break): that field.
 * </ul>
 *
 * Lines that are not JSON objects are kept as they are.
 */
final class JsonEnvelopes {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** The text inside the envelopes, and what the envelopes were. */
  record Unwrapped(byte[] text, String source) {}

  private JsonEnvelopes() {}

  /** Whether the input starts like JSON lines: its first non-blank byte is '{'. */
  static boolean looksLikeJson(byte[] head) {
    for (byte c : head) {
      if (c == '{') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != (byte) 0xef && c != (byte) 0xbb
          && c != (byte) 0xbf) {
        return false;
      }
    }
    return false;
  }

  /**
   * Unwraps JSON log lines.
   *
   * @param input the bytes
   * @return the text inside, or null when the input is not JSON lines that carry text
   */
  static Unwrapped unwrap(byte[] input) {
    if (!looksLikeJson(input)) {
      return null;
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream(input.length);
    String source = null;
    int from = 0;
    while (from < input.length) {
      int to = from;
      while (to < input.length && input[to] != '\n') {
        to++;
      }
      Line line = read(input, from, to);
      if (line == null) {
        text.write(input, from, Math.min(to + 1, input.length) - from); // not JSON: as it is
      } else if (line.text != null) {
        byte[] inside = line.text.getBytes(StandardCharsets.UTF_8);
        text.write(inside, 0, inside.length);
        if (line.wholeDump && (inside.length == 0 || inside[inside.length - 1] != '\n')) {
          text.write('\n');
        }
        source = source == null ? line.source : source;
      }
      from = to + 1;
    }
    return source == null ? null : new Unwrapped(text.toByteArray(), source);
  }

  /** What one JSON line carries: a line of output, or a whole dump in one field. */
  private record Line(String text, String source, boolean wholeDump) {}

  /** The text a JSON object line carries, a line with no text, or null when it is not JSON. */
  private static Line read(byte[] b, int from, int to) {
    int start = from;
    while (start < to && (b[start] == ' ' || b[start] == '\t' || b[start] == '\r')) {
      start++;
    }
    if (start == to || b[start] != '{') {
      return null;
    }
    String log = null;
    String output = null;
    String dump = null;
    try (JsonParser p = JSON.createParser(b, start, to - start)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          String v = p.getText();
          if (name.equals("log")) {
            log = v;
          } else if (name.equals("Output")) {
            output = v;
          } else if (dump == null && holdsADump(v)) {
            dump = v;
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return null; // not a JSON object after all
    }
    if (log != null) {
      return new Line(log, "docker json-file log lines (their \"log\" fields)", false);
    }
    if (output != null) {
      return new Line(output, "go test -json events (their \"Output\" fields)", false);
    }
    if (dump != null) {
      return new Line(dump, "a dump inside a JSON log message", true);
    }
    return new Line(null, null, false);
  }

  /** A line break, and a goroutine header ("goroutine 12 [") or a debug=1 header. */
  private static boolean holdsADump(String v) {
    if (v.indexOf('\n') < 0) {
      return false;
    }
    if (v.contains(" profile: total ")) {
      return true;
    }
    for (int at = v.indexOf("goroutine "); at >= 0; at = v.indexOf("goroutine ", at + 1)) {
      int i = at + "goroutine ".length();
      int digits = i;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        i++;
      }
      if (i > digits && v.startsWith(" [", i)) {
        return true;
      }
    }
    return false;
  }
}
