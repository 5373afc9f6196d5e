package io.github.goroutines.parse.proto;

import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
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
  private ProtoProfileParser() {}

  /**
   * Tells whether the bytes start with the gzip magic {@code 1f 8b}.
   *
   * @param input the input
   * @return true for gzip
   */
  public static boolean isGzip(byte[] input) {
    return Gunzip.isGzip(input);
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
    byte[] message = isGzip(input) ? Gunzip.inflate(input, options.maxDecompressedBytes()) : input;
    return new ProtoDecoder(message, options).decode();
  }
}
