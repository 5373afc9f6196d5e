package io.github.goroutines.parse.proto;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.parse.proto.internal.Gunzip;
import io.github.goroutines.parse.proto.internal.ProtoDecoder;
import java.util.Objects;

/**
 * Decodes {@code debug=0} goroutine profiles: {@code profile.proto}, gzip-compressed as Go writes it
 * or raw (detected by the gzip magic bytes, never by name).
 *
 * <p>It reads every field of {@code profile.proto} in any order (Go writes the string table last and
 * Locations before the Functions they name), packed and unpacked repeated fields, inlined frames and
 * numeric labels, and accepts {@code goroutine/count} and Go 1.26+'s {@code goroutineleak/count}
 * profiles, including delta profiles with negative counts. Any other profile (heap, CPU) is rejected
 * with an error that names what it is.
 *
 * <p>Decoding runs in two passes, as google/pprof does: raw ids first, then resolution with explicit
 * range checks, so an id or string index that does not exist is a {@link ProfileParseException}
 * with the byte offset of the message that used it. Decompression stops at
 * {@link ParseOptions#maxDecompressedBytes()}. The caller's array is never modified. Thread-safe.
 */
public final class ProtoProfileParser {
  /** How many first bytes {@link #recognizes(byte[])} reads: a stream's prefix of this size will do. */
  public static final int RECOGNIZED_PREFIX = 512;

  private ProtoProfileParser() {}

  /**
   * Tells whether the input is this parser's: it starts with the gzip magic {@code 1f 8b}, or it is
   * binary (a control byte other than white space in its first 512 bytes) and starts with the tag
   * of a top-level {@code Profile} field (1 to 15) with the wire type that field uses (Go's encoder
   * starts with {@code 5a}, period_type; others with {@code 0a}, sample_type). What it recognises
   * may still be malformed: {@link #parse} then says where.
   *
   * @param input the input; not modified
   * @return true for gzip or raw protobuf
   */
  public static boolean recognizes(byte[] input) {
    Objects.requireNonNull(input, "input");
    if (Gunzip.isGzip(input)) {
      return true;
    }
    if (input.length < 2 || isText(input)) {
      return false;
    }
    int tag = input[0] & 0xff;
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
    for (int i = 0; i < Math.min(b.length, RECOGNIZED_PREFIX); i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes a goroutine profile.
   *
   * @param input gzip-compressed or raw protobuf; not modified
   * @param options limits ({@code strict} has no effect: protobuf input is either valid or not)
   * @return the profile
   * @throws ProfileParseException when the input is not a valid goroutine profile, with the byte
   *     offset (in the decompressed message, or in the gzip stream for decompression errors)
   */
  public static Profile parse(byte[] input, ParseOptions options) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(options, "options");
    byte[] message;
    if (Gunzip.isGzip(input)) {
      message = Gunzip.inflate(input, options.maxDecompressedBytes());
    } else if (input.length > options.maxDecompressedBytes()) {
      // the limit bounds the message however it arrives: decoding costs memory in proportion
      throw ProfileParseException.limitAtOffset(ProfileFormat.PROTO, "protobuf message of "
          + input.length + " bytes, more than " + options.maxDecompressedBytes(),
          "maxDecompressedBytes", options.maxDecompressedBytes(), new byte[0]);
    } else {
      message = input;
    }
    return new ProtoDecoder(message, options).decode();
  }
}
