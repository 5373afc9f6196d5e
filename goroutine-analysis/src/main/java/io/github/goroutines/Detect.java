package io.github.goroutines;

/** Content sniffing for {@link GoroutineProfiles#detect(byte[])}. */
final class Detect {
  private Detect() {}

  /** The first non-blank line is {@code NAME profile: total N}. */
  static boolean isDebug1(byte[] b) {
    int i = 0;
    while (i < b.length && (b[i] == '\n' || b[i] == '\r' || b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    int start = i;
    while (i < b.length && b[i] != ' ' && b[i] != '\n') {
      i++;
    }
    if (i == start || !regionMatches(b, i, " profile: total ")) {
      return false;
    }
    i += " profile: total ".length();
    int digits = i;
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i > digits && (i == b.length || b[i] == '\n' || b[i] == '\r');
  }

  /** Some line holds {@code goroutine N } followed by {@code [} or a {@code key=} field. */
  static boolean hasDebug2Header(byte[] b) {
    byte[] word = "goroutine ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + word.length < b.length; i++) {
      if (b[i] != 'g') {
        continue;
      }
      for (int k = 1; k < word.length; k++) {
        if (b[i + k] != word[k]) {
          continue outer;
        }
      }
      int j = i + word.length;
      int digits = j;
      while (j < b.length && b[j] >= '0' && b[j] <= '9') {
        j++;
      }
      if (j > digits && j + 1 < b.length && b[j] == ' ') {
        byte next = b[j + 1];
        if (next == '[' || (next >= 'a' && next <= 'z')) {
          // the line must end with ':' (labels may stand between the bracket and it)
          int end = j;
          while (end < b.length && b[end] != '\n' && b[end] != '\r') {
            end++;
          }
          int last = end - 1;
          if (last > j && b[last] == ':') {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The first byte is a protobuf tag of a top-level {@code Profile} field (1 to 15) with the wire
   * type that field uses (Go's encoder starts with {@code 5a}, period_type; others with
   * {@code 0a}, sample_type), and the input is not text.
   */
  static boolean looksLikeProto(byte[] b) {
    if (b.length < 2 || isText(b)) {
      return false;
    }
    int tag = b[0] & 0xff;
    int field = tag >>> 3;
    int wire = tag & 7;
    if (field < 1 || field > 15) {
      return false;
    }
    if (field == 13) {
      return wire == 0 || wire == 2; // comment: packed or not
    }
    boolean lengthDelimited = field <= 6 || field == 11;
    return lengthDelimited ? wire == 2 : wire == 0;
  }

  /** No control bytes but white space in the first 512 bytes: text, not protobuf. */
  private static boolean isText(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 512); i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean regionMatches(byte[] b, int at, String s) {
    if (at + s.length() > b.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
