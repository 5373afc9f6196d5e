package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Diagnostics;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.parse.text.DumpListener;
import java.util.ArrayList;
import java.util.List;

/** Builds the profiles of a whole-input parse from the parser's events, with each dump's line. */
public final class DumpCollector implements DumpListener {
  private final List<Profile> profiles = new ArrayList<>(1);
  private final List<Long> beginLines = new ArrayList<>(1);
  private Profile.Builder current;

  @Override
  public void beginDump(ProfileFormat format, String type, long total, long line) {
    beginLines.add(line);
    current = Profile.builder(format).type(type);
    if (total >= 0) {
      current.declaredTotal(total);
    }
  }

  @Override
  public void crash(Crash crash) {
    current.crash(crash);
  }

  @Override
  public void sample(Sample sample) {
    current.add(sample);
  }

  @Override
  public void endDump(Diagnostics diagnostics) {
    profiles.add(current.diagnostics(diagnostics).build());
    current = null;
  }

  /**
   * Appends samples of the current dump at once (the later parts of a parallel parse).
   *
   * @param samples the samples, in input order
   */
  void addAll(List<Sample> samples) {
    current.addAll(samples);
  }

  /**
   * The dumps read so far.
   *
   * @return the profiles, in input order
   */
  public List<Profile> profiles() {
    return profiles;
  }

  /**
   * The line where each dump starts.
   *
   * @return 1-based line numbers, one per profile
   */
  public List<Long> beginLines() {
    return beginLines;
  }
}
