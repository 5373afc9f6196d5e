package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.analysis.Top;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import java.util.List;
import java.util.Optional;

/** What every parse result must satisfy, and what every failure must look like. */
final class Invariants {
  private Invariants() {}

  /** The only throwable a parser may raise for bad input, with a position. */
  static void checkFailure(Throwable t) {
    if (!(t instanceof ProfileParseException e)) {
      throw new AssertionError("not a ProfileParseException: " + t, t);
    }
    assertThat(e.lineNumber().isPresent() || e.byteOffset().isPresent())
        .as("position of %s", e.getMessage()).isTrue();
    assertThat(e.getMessage()).isNotBlank();
  }

  static void check(List<Profile> profiles) {
    for (Profile p : profiles) {
      check(p);
    }
  }

  /**
   * {@code detect} and {@code parse} agree: what detect refuses, parse refuses as no goroutine
   * profile; what it takes for text, parse never refuses so.
   */
  static void checkAgreement(byte[] data, ParseOptions options) {
    Optional<ProfileFormat> detected = GoroutineProfiles.detect(data);
    try {
      GoroutineProfiles.parseAll(data, options);
      assertThat(detected).as("parsed what detect refused").isPresent();
    } catch (ProfileParseException e) {
      boolean notAProfile = e.problem().startsWith("not a goroutine profile");
      if (detected.isEmpty()) {
        assertThat(notAProfile).as("refused by detect, but by parse for: %s", e.getMessage()).isTrue();
      } else if (detected.get() != ProfileFormat.PROTO) {
        assertThat(notAProfile).as("recognised as %s, refused: %s", detected.get(), e.getMessage())
            .isFalse();
      }
    }
  }

  static void check(Profile p) {
    long sum = 0;
    int goroutines = 0;
    for (Sample s : p.samples()) {
      for (Frame f : s.stack().frames()) {
        assertThat(f.line()).isNotNegative();
      }
      sum += s.count();
      if (s.goroutine().isPresent()) {
        Goroutine g = s.goroutine().get();
        goroutines++;
        assertThat(s.count()).isEqualTo(1);
        assertThat(g.stack()).isSameAs(s.stack());
        assertThat(g.traceback().arguments()).hasSize(g.stack().depth());
        assertThat(g.traceback().frameExtras()).hasSize(g.stack().depth());
        g.waitMinutes().ifPresent(m -> assertThat(m).isNotNegative());
      }
    }
    assertThat(p.totalCount()).isEqualTo(sum);
    assertThat(p.goroutines()).hasSize(goroutines);
    if (p.declaredTotal().isPresent() && p.declaredTotal().getAsLong() != sum) {
      assertThat(p.diagnostics().problems()).anyMatch(m -> m.startsWith("header declares total"));
    }
    // the analysis API must accept whatever a parser accepted, and count it the same
    assertThat(Groups.of(p, Grouping.firstUserFrame()).total()).isEqualTo(sum);
    assertThat(Groups.of(p, Grouping.of(Grouping.stack(), Grouping.stateClass())).list().stream()
        .mapToLong(g -> g.count()).sum()).isEqualTo(sum);
    assertThat(TextReports.top(p, Top.of(p, true))).contains("Showing nodes accounting for");
    String summary = TextReports.summary(Summary.of(List.of(p)), 5);
    String profileLine = p.samples().stream().anyMatch(x -> x.count() < 0)
        ? p.type() + " profile (" + p.format().displayName() + "), a delta: "
            + String.format(java.util.Locale.ROOT, "%+d", sum) + " goroutines"
        : p.type() + " profile (" + p.format().displayName() + "): " + sum + " goroutines";
    // a crash's headline comes first; then the profile's line
    assertThat(p.crash().isPresent() ? summary.substring(summary.indexOf("\n\n") + 2) : summary)
        .startsWith(profileLine);
    assertThat(JsonReports.profile(p)).contains("\"totalCount\" : " + sum + ",");
  }
}
