package io.github.goroutines.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one exception every parser of this library throws for malformed or unacceptable input.
 *
 * <p>It says where: a 1-based line number for the text formats, a 0-based byte offset for protobuf
 * (offsets count bytes of the decompressed message), and a short excerpt of the input with control
 * characters escaped. Its message reads {@code problem: "excerpt" (debug=2, line 42)}.
 *
 * <p>Instances are immutable.
 */
public final class ProfileParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_EXCERPT = 60;

  /** The format being parsed, or null when it was not known yet. */
  private final transient ProfileFormat format;
  /** What is wrong, without position. */
  private final String problem;
  /** 1-based line, or -1. */
  private final long lineNumber;
  /** 0-based byte offset, or -1. */
  private final long byteOffset;
  /** Escaped excerpt of the input. */
  private final String excerpt;
  /** The option of {@link ParseOptions} whose limit was exceeded, or null. */
  private final String limit;

  private ProfileParseException(ProfileFormat format, String problem, long lineNumber,
      long byteOffset, String excerpt, String limit) {
    super(render(format, problem, lineNumber, byteOffset, excerpt));
    this.format = format;
    this.problem = problem;
    this.lineNumber = lineNumber;
    this.byteOffset = byteOffset;
    this.excerpt = excerpt;
    this.limit = limit;
  }

  /**
   * Creates an exception for a text format.
   *
   * @param format the format being parsed, or {@code null} when it is not known yet
   * @param problem what is wrong and what was expected
   * @param lineNumber 1-based line number
   * @param excerpt the offending text (it is shortened and escaped here)
   * @return the exception, never {@code null}
   */
  public static ProfileParseException atLine(
      ProfileFormat format, String problem, long lineNumber, CharSequence excerpt) {
    return new ProfileParseException(format, problem, lineNumber, -1, escape(excerpt), null);
  }

  /**
   * Creates the exception for a limit of {@link ParseOptions} exceeded in text input; the message
   * says which option to raise.
   *
   * @param format the format being parsed, or {@code null} when it is not known yet
   * @param exceeded what went past the limit, with the limit, e.g. {@code more than 100 frames in
   *     one stack}
   * @param option the name of the {@link ParseOptions} component, e.g. {@code maxFramesPerStack}
   * @param lineNumber 1-based line number
   * @param excerpt the offending text
   * @return the exception, never {@code null}
   */
  public static ProfileParseException limitAtLine(ProfileFormat format, String exceeded,
      String option, long lineNumber, CharSequence excerpt) {
    return new ProfileParseException(format, exceeded + " (raise ParseOptions." + option + ")",
        lineNumber, -1, escape(excerpt), option);
  }

  /**
   * Creates the exception for a limit of {@link ParseOptions} exceeded in binary input.
   *
   * @param format the format being parsed, or {@code null} when it is not known yet
   * @param exceeded what went past the limit, with the limit
   * @param option the name of the {@link ParseOptions} component, e.g. {@code maxSamples}
   * @param byteOffset 0-based byte offset
   * @param excerpt raw bytes around the offset, may be empty
   * @return the exception, never {@code null}
   */
  public static ProfileParseException limitAtOffset(ProfileFormat format, String exceeded,
      String option, long byteOffset, byte[] excerpt) {
    return new ProfileParseException(format, exceeded + " (raise ParseOptions." + option + ")", -1,
        byteOffset, hex(excerpt), option);
  }

  /**
   * Creates an exception for a binary format.
   *
   * @param format the format being parsed, or {@code null} when it is not known yet
   * @param problem what is wrong and what was expected
   * @param byteOffset 0-based byte offset
   * @param excerpt raw bytes around the offset (they are shown in hex), may be empty
   * @return the exception, never {@code null}
   */
  public static ProfileParseException atOffset(
      ProfileFormat format, String problem, long byteOffset, byte[] excerpt) {
    return new ProfileParseException(format, problem, -1, byteOffset, hex(excerpt), null);
  }

  private static String hex(byte[] excerpt) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < excerpt.length && i < 16; i++) {
      if (i > 0) {
        hex.append(' ');
      }
      hex.append(Character.forDigit((excerpt[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(excerpt[i] & 0xf, 16));
    }
    return hex.toString();
  }

  /**
   * Returns the {@link ParseOptions} component whose limit the input exceeded, so that a front end
   * can name its own option for it.
   *
   * @return the component name, such as {@code maxInputBytes}, or empty when no limit was exceeded
   */
  public Optional<String> limit() {
    return Optional.ofNullable(limit);
  }

  /**
   * Returns the format that was being parsed.
   *
   * @return the format, or empty when the input was not recognised as any format
   */
  public Optional<ProfileFormat> format() {
    return Optional.ofNullable(format);
  }

  /**
   * Returns the problem without position or excerpt.
   *
   * @return the problem, never {@code null}
   */
  public String problem() {
    return problem;
  }

  /**
   * Returns the 1-based line number of the offending line (text formats).
   *
   * @return the line number, or empty for binary input
   */
  public OptionalLong lineNumber() {
    return lineNumber < 0 ? OptionalLong.empty() : OptionalLong.of(lineNumber);
  }

  /**
   * Returns the 0-based byte offset of the problem (protobuf, and gzip streams).
   *
   * @return the offset, or empty for text input
   */
  public OptionalLong byteOffset() {
    return byteOffset < 0 ? OptionalLong.empty() : OptionalLong.of(byteOffset);
  }

  /**
   * Returns a short excerpt of the input at the problem: escaped text, or hex bytes for binary input.
   *
   * @return the excerpt, possibly empty, never {@code null}
   */
  public String excerpt() {
    return excerpt;
  }

  private static String render(
      ProfileFormat format, String problem, long line, long offset, String excerpt) {
    StringBuilder sb = new StringBuilder(problem);
    if (!excerpt.isEmpty()) {
      sb.append(offset >= 0 ? ": [" : ": \"").append(excerpt).append(offset >= 0 ? "]" : "\"");
    }
    sb.append(" (");
    if (format != null) {
      sb.append(format.displayName()).append(", ");
    }
    sb.append(line >= 0 ? "line " + line : "byte offset " + offset).append(')');
    return sb.toString();
  }

  /** Shortens to about 60 characters and escapes control characters and quotes. */
  static String escape(CharSequence text) {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(text.length(), MAX_EXCERPT);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (text.length() > MAX_EXCERPT) {
      sb.append("...");
    }
    return sb.toString();
  }
}
