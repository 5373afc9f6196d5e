package io.github.goroutines.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One goroutine profile or dump, in the uniform view every format shares: samples of
 * <em>count x stack x labels</em>, with per-goroutine detail for {@code debug=2}.
 *
 * <pre>{@code
 * Profile p = GoroutineProfiles.parse(bytes);
 * p.format();          // DEBUG2
 * p.totalCount();      // 1877
 * p.goroutines();      // one entry per goroutine of a debug=2 dump, empty otherwise
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class Profile {
  private final ProfileFormat format;
  private final String type;
  private final long declaredTotal;
  private final boolean hasDeclaredTotal;
  private final List<Sample> samples;
  private final List<Goroutine> goroutines;
  private final long totalCount;
  private final ProfileMetadata metadata;
  private final Diagnostics diagnostics;
  private final Crash crash;

  private Profile(Builder b) {
    this.format = b.format;
    this.type = b.type;
    this.declaredTotal = b.declaredTotal;
    this.hasDeclaredTotal = b.hasDeclaredTotal;
    // the builder's list, not a copy: a builder that is used again copies it first
    this.samples = Collections.unmodifiableList(b.samples);
    b.shared = true;
    List<Goroutine> gs = new ArrayList<>(samples.size());
    long total = 0;
    for (Sample s : samples) {
      try {
        total = Math.addExact(total, s.count());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the samples' counts sum past the range of a long");
      }
      s.goroutine().ifPresent(gs::add);
    }
    this.goroutines = gs.isEmpty() ? List.of() : Collections.unmodifiableList(gs);
    this.totalCount = total;
    this.metadata = b.metadata;
    this.diagnostics = b.diagnostics;
    this.crash = b.crash;
  }

  /**
   * Starts a profile.
   *
   * @param format the source format
   * @return a builder
   */
  public static Builder builder(ProfileFormat format) {
    return new Builder(format);
  }

  /**
   * Returns the format the profile was read from.
   *
   * @return the format, never {@code null}
   */
  public ProfileFormat format() {
    return format;
  }

  /**
   * Returns the profile name: {@code goroutine}, or {@code goroutineleak} for Go 1.26+'s leak
   * profile, or the name of the {@code debug=1} header ({@code threadcreate}).
   *
   * @return the type, never {@code null}
   */
  public String type() {
    return type;
  }

  /**
   * Returns the total the input declares ({@code goroutine profile: total N}).
   *
   * @return the total, or empty when the format has no header total
   */
  public OptionalLong declaredTotal() {
    return hasDeclaredTotal ? OptionalLong.of(declaredTotal) : OptionalLong.empty();
  }

  /**
   * Returns the sum of the sample counts: the number of goroutines.
   *
   * @return the total count
   */
  public long totalCount() {
    return totalCount;
  }

  /**
   * Returns the samples in input order.
   *
   * @return an unmodifiable list, never {@code null}
   */
  public List<Sample> samples() {
    return samples;
  }

  /**
   * Returns the goroutines of a {@code debug=2} dump in dump order (not sorted by id).
   *
   * @return an unmodifiable list, empty for {@code debug=0} and {@code debug=1}
   */
  public List<Goroutine> goroutines() {
    return goroutines;
  }

  /**
   * Returns the protobuf metadata.
   *
   * @return the metadata; {@link ProfileMetadata#empty()} for text formats
   */
  public ProfileMetadata metadata() {
    return metadata;
  }

  /**
   * Returns when the profile was taken: protobuf's {@code time_nanos}, or what
   * {@link #takenAt(Instant)} set.
   *
   * @return the instant, or empty when the input does not say (text formats)
   */
  public Optional<Instant> time() {
    long nanos = metadata.timeNanos();
    return nanos <= 0 ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L));
  }

  /**
   * Returns this profile as taken at an instant the caller knows (the time a dump was fetched or
   * written); diffs then report how fast groups grew.
   *
   * <pre>{@code
   * Profile later = GoroutineProfiles.parse(body).takenAt(Instant.now());
   * }</pre>
   *
   * @param instant when the profile was taken, after the epoch
   * @return a profile equal to this one but for its time
   * @throws IllegalArgumentException for an instant not after the epoch, or past the year 2262
   */
  public Profile takenAt(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long nanos;
    try {
      nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L),
          instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("not representable in nanoseconds: " + instant);
    }
    if (nanos <= 0) {
      throw new IllegalArgumentException("not after the epoch: " + instant);
    }
    ProfileMetadata m = metadata;
    return copy(samples, new ProfileMetadata(m.sampleTypes(), m.defaultSampleType(),
        m.periodType(), m.period(), nanos, m.durationNanos(), m.comments(), m.dropFrames(),
        m.keepFrames(), m.docUrl(), m.mappings()), diagnostics);
  }

  /**
   * Returns this profile with other samples and all else the same (format, type, declared total,
   * metadata, diagnostics, crash): what a filter or a rewrite of the samples gives.
   *
   * @param replacement the samples, in order
   * @return the new profile
   */
  public Profile withSamples(List<Sample> replacement) {
    return copy(Objects.requireNonNull(replacement, "replacement"), metadata, diagnostics);
  }

  /**
   * Returns this profile with other diagnostics, such as one more problem that a caller noticed.
   *
   * @param replacement the diagnostics
   * @return the new profile
   */
  public Profile withDiagnostics(Diagnostics replacement) {
    return copy(samples, metadata, Objects.requireNonNull(replacement, "replacement"));
  }

  private Profile copy(List<Sample> samples, ProfileMetadata metadata, Diagnostics diagnostics) {
    Builder b = builder(format).type(type).addAll(samples).metadata(metadata)
        .diagnostics(diagnostics).crash(crash);
    if (hasDeclaredTotal) {
      b.declaredTotal(declaredTotal);
    }
    return b.build();
  }

  /**
   * Returns why the dump was written, when it is a crash's: a panic, a fatal error or a signal.
   *
   * @return the crash, or empty for a profile and for a dump a program asked for
   */
  public Optional<Crash> crash() {
    return Optional.ofNullable(crash);
  }

  /**
   * Returns what a lenient parse passed over.
   *
   * @return the diagnostics, never {@code null}
   */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * Profiles are equal when their content is: format, type, declared total, samples in order,
   * metadata and diagnostics. Two parses of the same input are equal.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Profile p
        && p.format == format
        && p.hasDeclaredTotal == hasDeclaredTotal
        && p.declaredTotal == declaredTotal
        && p.totalCount == totalCount
        && p.type.equals(type)
        && p.samples.equals(samples)
        && p.metadata.equals(metadata)
        && p.diagnostics.equals(diagnostics)
        && Objects.equals(p.crash, crash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(format, type, totalCount, samples.size(), metadata);
  }

  @Override
  public String toString() {
    return "Profile["
        + format.displayName()
        + ", "
        + type
        + ", "
        + samples.size()
        + " samples, "
        + totalCount
        + " goroutines]";
  }

  /** Collects the parts of a {@link Profile}. Not thread-safe. */
  public static final class Builder {
    private final ProfileFormat format;
    private String type = "goroutine";
    private long declaredTotal;
    private boolean hasDeclaredTotal;
    private List<Sample> samples = new ArrayList<>();
    /** Whether a built profile holds {@link #samples}: the next change copies them first. */
    private boolean shared;
    private ProfileMetadata metadata = ProfileMetadata.empty();
    private Diagnostics diagnostics = Diagnostics.none();
    private Crash crash;

    private Builder(ProfileFormat format) {
      this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Sets the profile name.
     *
     * @param type the name
     * @return this builder
     */
    public Builder type(String type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets why a crash dump was written.
     *
     * @param crash the crash, or {@code null} for none
     * @return this builder
     */
    public Builder crash(Crash crash) {
      this.crash = crash;
      return this;
    }

    /**
     * Sets the declared total.
     *
     * @param total the total
     * @return this builder
     */
    public Builder declaredTotal(long total) {
      this.declaredTotal = total;
      this.hasDeclaredTotal = true;
      return this;
    }

    /**
     * Appends a sample.
     *
     * @param sample the sample
     * @return this builder
     */
    public Builder add(Sample sample) {
      Objects.requireNonNull(sample, "sample");
      if (shared) {
        samples = new ArrayList<>(samples);
        shared = false;
      }
      samples.add(sample);
      return this;
    }

    /**
     * Appends samples.
     *
     * @param more the samples
     * @return this builder
     */
    public Builder addAll(List<Sample> more) {
      for (Sample s : more) {
        Objects.requireNonNull(s, "sample");
      }
      if (shared) {
        samples = new ArrayList<>(samples);
        shared = false;
      }
      samples.addAll(more);
      return this;
    }

    /**
     * Sets the metadata.
     *
     * @param metadata the metadata
     * @return this builder
     */
    public Builder metadata(ProfileMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Sets the diagnostics.
     *
     * @param diagnostics the diagnostics
     * @return this builder
     */
    public Builder diagnostics(Diagnostics diagnostics) {
      this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile, never {@code null}
     * @throws IllegalArgumentException when the counts sum past the range of a {@code long} (the
     *     parsers refuse or cut such counts first)
     */
    public Profile build() {
      return new Profile(this);
    }
  }
}
