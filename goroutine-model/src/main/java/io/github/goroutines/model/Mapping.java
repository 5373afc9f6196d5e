package io.github.goroutines.model;

import java.util.Objects;

/**
 * A protobuf {@code Mapping}: an executable region of the profiled process (the binary, shared
 * libraries, {@code [vdso]}). Addresses are unsigned 64-bit values.
 *
 * @param id the mapping id (non-zero)
 * @param memoryStart start address
 * @param memoryLimit end address
 * @param fileOffset offset in the file
 * @param filename the file, or empty
 * @param buildId the build id in hex, or empty (Go writes one for the main binary since 1.24)
 * @param hasFunctions whether every location in it was symbolised
 * @param hasFilenames as written by the producer
 * @param hasLineNumbers as written by the producer
 * @param hasInlineFrames as written by the producer
 */
public record Mapping(
    long id,
    long memoryStart,
    long memoryLimit,
    long fileOffset,
    String filename,
    String buildId,
    boolean hasFunctions,
    boolean hasFilenames,
    boolean hasLineNumbers,
    boolean hasInlineFrames) {
  /**
   * Checks the components.
   *
   * @param id the mapping id (non-zero)
   * @param memoryStart start address
   * @param memoryLimit end address
   * @param fileOffset offset in the file
   * @param filename the file, or empty
   * @param buildId the build id in hex, or empty (Go writes one for the main binary since 1.24)
   * @param hasFunctions whether every location in it was symbolised
   * @param hasFilenames as written by the producer
   * @param hasLineNumbers as written by the producer
   * @param hasInlineFrames as written by the producer
   */
  public Mapping {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(buildId, "buildId");
  }
}
