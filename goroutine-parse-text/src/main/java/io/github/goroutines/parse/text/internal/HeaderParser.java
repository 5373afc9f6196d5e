package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Labels;
import io.github.goroutines.model.internal.Interner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses debug=2 headers, {@code goroutine N [state, items]:}, as every Go version writes them:
 *
 * <pre>
 * goroutine 20 [chan receive, 7 minutes]:                        all versions
 * goroutine 7 [sleep, locked to thread]:
 * goroutine 1 gp=0xc0000061c0 m=0 mp=0x5c0e60 [running]:        crash dumps, Go 1.22/1.23+
 * goroutine 9 [chan receive, synctest bubble 3]:                 Go 1.25+ (1.24: synctest group N)
 * goroutine 5 [chan receive labels:{"k": "v"}]:                  Go 1.26, GODEBUG=tracebacklabels=1
 * goroutine 5 [chan receive] {tenant: alpha}:                    Go 1.27
 * </pre>
 *
 * The whole rest of the line must belong to the header; the state keeps its spaces and
 * parentheses, and items this parser does not know are kept as they are.
 */
final class HeaderParser {
  static final byte[] GOROUTINE = Bytes.ascii("goroutine ");
  private static final byte[] MINUTES = Bytes.ascii(" minutes");
  private static final byte[] LOCKED = Bytes.ascii("locked to thread");
  private static final byte[] SYNCTEST_GROUP = Bytes.ascii("synctest group ");
  private static final byte[] SYNCTEST_BUBBLE = Bytes.ascii("synctest bubble ");
  private static final byte[] LABELS_126 = Bytes.ascii(" labels:{");
  private static final byte[] COMMA_SPACE = Bytes.ascii(", ");
  private static final String MAX_UNSIGNED = Long.toUnsignedString(-1L);

  private final Interner interner;
  private final LabelSets labelSets;
  /** The one header this parser fills. */
  private final Header header = new Header();

  HeaderParser(Interner interner, LabelSets labelSets) {
    this.interner = interner;
    this.labelSets = labelSets;
  }

  /**
   * Parses the header that starts at {@code at} (at "goroutine ") and ends the line.
   *
   * @return the header (the same instance each time), or null when the line is not one
   */
  Header parse(TextLine line, int at) {
    byte[] b = line.b;
    int e = line.e;
    int i = at + GOROUTINE.length;
    int idEnd = Bytes.digitsEnd(b, i, e);
    if (idEnd == i || idEnd >= e || b[idEnd] != ' ') {
      return null;
    }
    long id = Bytes.parseUnsigned(b, i, idEnd);
    String damage = null;
    boolean idFits =
        id != -1 || (idEnd - i == 20 && MAX_UNSIGNED.equals(Interner.decode(b, i, idEnd)));
    if (!idFits) {
      damage = "the id " + Interner.decode(b, i, Math.min(idEnd, i + 40))
          + (idEnd > i + 40 ? "…" : "") + " does not fit in 64 bits: kept with an unknown id";
      id = 0;
    }
    i = idEnd;
    Map<String, String> fields = Map.of();
    while (i + 1 < e && b[i] == ' ' && b[i + 1] != '[') {
      // " gp=0xc0000061c0 m=0 mp=0x5c0e60"
      int keyStart = i + 1;
      int eq = keyStart;
      while (eq < e && b[eq] != '=' && b[eq] != ' ') {
        eq++;
      }
      if (eq >= e || b[eq] != '=' || eq == keyStart) {
        return null;
      }
      int valueEnd = eq + 1;
      while (valueEnd < e && b[valueEnd] != ' ') {
        valueEnd++;
      }
      if (fields.isEmpty()) {
        fields = new LinkedHashMap<>(4);
      }
      fields.put(interner.string(b, keyStart, eq), interner.string(b, eq + 1, valueEnd));
      i = valueEnd;
    }
    if (i + 1 >= e || b[i] != ' ' || b[i + 1] != '[') {
      return null;
    }
    int bracket = i + 2;
    int firstClose = Bytes.indexOf(b, (byte) ']', bracket, e);
    if (firstClose < 0) {
      return null;
    }
    Labels labels = Labels.empty();
    int contentEnd = firstClose;
    int close = firstClose;
    int inside = Bytes.indexOf(b, LABELS_126, bracket, firstClose);
    if (inside >= 0) {
      // Go 1.26: labels inside the brackets, which their quoted text may contain
      LabelSets.Parsed parsed =
          labelSets.parse(b, inside + LABELS_126.length - 1, e, LabelSets.COLON_SPACE, false);
      contentEnd = inside;
      if (parsed != null && parsed.end() + 1 < e && b[parsed.end()] == ']') {
        labels = parsed.labels();
        close = parsed.end();
      } else if (b[e - 1] == ':' && b[e - 2] == ']' && e - 2 > inside) {
        damage = join(damage, unreadableLabels(b, inside + 1, e - 2));
        close = e - 2;
      } else {
        return null;
      }
    }
    int after = close + 1;
    if (after + 1 < e && b[after] == ' ' && b[after + 1] == '{') {
      // Go 1.27: labels after the brackets
      LabelSets.Parsed parsed = labelSets.parse(b, after + 1, e, LabelSets.COLON_SPACE, true);
      if (parsed != null) {
        labels = parsed.labels();
        after = parsed.end();
      } else if (b[e - 1] == ':') {
        damage = join(damage, unreadableLabels(b, after + 1, e - 1));
        after = e - 1;
      } else {
        return null;
      }
    }
    if (after != e - 1 || b[after] != ':') {
      return null;
    }
    Header h = bracket(b, bracket, contentEnd, id,
        labels.isEmpty() ? labels : interner.labels(labels), fields);
    if (h != null) {
      h.damage = join(damage, h.damage);
      h.idKnown = idFits;
    }
    return h;
  }

  private static String join(String a, String b) {
    return a == null ? b : b == null ? a : a + "; " + b;
  }

  private static String unreadableLabels(byte[] b, int from, int to) {
    String text = Interner.decode(b, from, Math.min(to, from + 60));
    return "unreadable labels " + text + (to > from + 60 ? "…" : "") + " dropped";
  }

  /**
   * The header of frames that Go printed without one (a Windows exception in external code): an
   * unknown id, the given state, nothing else.
   */
  Header unknown(String state) {
    Header h = header;
    h.id = 0;
    h.idKnown = false;
    h.state = state;
    h.waitMinutes = -1;
    h.lockedToThread = false;
    h.synctestGroup = -1;
    h.synctestBubble = -1;
    h.labels = Labels.empty();
    h.fields = Map.of();
    h.otherItems = List.of();
    h.damage = null;
    return h;
  }

  /** Splits "state, N minutes, locked to thread, synctest bubble N" (the items from the left). */
  private Header bracket(byte[] b, int from, int to, long id, Labels labels,
      Map<String, String> fields) {
    int stateEnd = Bytes.indexOf(b, COMMA_SPACE, from, to);
    if (stateEnd < 0) {
      stateEnd = to;
    }
    if (stateEnd == from) {
      return null;
    }
    String state = interner.string(b, from, stateEnd);
    long minutes = -1;
    boolean locked = false;
    long group = -1;
    long bubble = -1;
    List<String> other = List.of();
    String damage = null;
    for (int i = stateEnd; i < to; ) {
      int start = i + 2;
      int end = Bytes.indexOf(b, COMMA_SPACE, start, to);
      if (end < 0) {
        end = to;
      }
      i = end;
      int len = end - start;
      if (len > MINUTES.length && Bytes.regionEquals(b, end - MINUTES.length, end, MINUTES)) {
        long m = Bytes.parseDecimal(b, start, end - MINUTES.length);
        if (m >= 0) {
          minutes = m;
          continue;
        }
        if (Bytes.digitsEnd(b, start, end - MINUTES.length) == end - MINUTES.length) {
          damage = "a wait of " + Interner.decode(b, start, end)
              + " does not fit in 64 bits: kept as a state item, not as the wait";
        }
      } else if (len == LOCKED.length && Bytes.regionEquals(b, start, end, LOCKED)) {
        locked = true;
        continue;
      } else if (len > SYNCTEST_BUBBLE.length && Bytes.regionEquals(b, start, end, SYNCTEST_BUBBLE)) {
        long n = Bytes.parseDecimal(b, start + SYNCTEST_BUBBLE.length, end);
        if (n >= 0) {
          bubble = n;
          continue;
        }
      } else if (len > SYNCTEST_GROUP.length && Bytes.regionEquals(b, start, end, SYNCTEST_GROUP)) {
        long n = Bytes.parseUnsigned(b, start + SYNCTEST_GROUP.length, end);
        if (n != -1) {
          group = n;
          continue;
        }
      }
      if (other.isEmpty()) {
        other = new ArrayList<>(2);
      }
      other.add(interner.string(b, start, end)); // an item of a newer Go or of a forked runtime
    }
    Header h = header;
    h.id = id;
    h.idKnown = true;
    h.state = state;
    h.waitMinutes = minutes;
    h.lockedToThread = locked;
    h.synctestGroup = group;
    h.synctestBubble = bubble;
    h.labels = labels;
    h.fields = fields;
    h.otherItems = other;
    h.damage = damage;
    return h;
  }
}
