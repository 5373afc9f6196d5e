package io.github.goroutines.model;

import java.util.List;
import java.util.Objects;

/**
 * What a protobuf profile says about itself besides its samples. Text formats carry none of it, so
 * their profiles have {@link #empty()}.
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 *
 * @param sampleTypes the sample value types ({@code [goroutine/count]})
 * @param defaultSampleType the default sample type, or empty
 * @param periodType the period type, or {@link ValueType#NONE}
 * @param period the period (1 for goroutine profiles)
 * @param timeNanos capture time in nanoseconds since the Unix epoch, or 0
 * @param durationNanos duration of a delta profile, or 0
 * @param comments free-form comments
 * @param dropFrames regular expression of frames to drop, or empty
 * @param keepFrames regular expression of frames to keep, or empty
 * @param docUrl documentation link, or empty
 * @param mappings the memory mappings
 */
public record ProfileMetadata(
    List<ValueType> sampleTypes,
    String defaultSampleType,
    ValueType periodType,
    long period,
    long timeNanos,
    long durationNanos,
    List<String> comments,
    String dropFrames,
    String keepFrames,
    String docUrl,
    List<Mapping> mappings) {
  private static final ProfileMetadata EMPTY =
      new ProfileMetadata(
          List.of(), "", ValueType.NONE, 0, 0, 0, List.of(), "", "", "", List.of());

  /**
   * Copies the lists and checks for {@code null}.
   *
   * @param sampleTypes the sample value types ({@code [goroutine/count]})
   * @param defaultSampleType the default sample type, or empty
   * @param periodType the period type, or {@link ValueType#NONE}
   * @param period the period (1 for goroutine profiles)
   * @param timeNanos capture time in nanoseconds since the Unix epoch, or 0
   * @param durationNanos duration of a delta profile, or 0
   * @param comments free-form comments
   * @param dropFrames regular expression of frames to drop, or empty
   * @param keepFrames regular expression of frames to keep, or empty
   * @param docUrl documentation link, or empty
   * @param mappings the memory mappings
   */
  public ProfileMetadata {
    sampleTypes = List.copyOf(sampleTypes);
    Objects.requireNonNull(defaultSampleType, "defaultSampleType");
    Objects.requireNonNull(periodType, "periodType");
    comments = List.copyOf(comments);
    Objects.requireNonNull(dropFrames, "dropFrames");
    Objects.requireNonNull(keepFrames, "keepFrames");
    Objects.requireNonNull(docUrl, "docUrl");
    mappings = List.copyOf(mappings);
  }

  /**
   * Returns the metadata of a text profile: nothing.
   *
   * @return empty metadata
   */
  public static ProfileMetadata empty() {
    return EMPTY;
  }
}
