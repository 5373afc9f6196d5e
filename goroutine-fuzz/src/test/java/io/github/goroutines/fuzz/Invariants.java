package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.analysis.Groups;
import io.github.goroutines.analysis.JsonReports;
import io.github.goroutines.analysis.Summary;
import io.github.goroutines.analysis.TextReports;
import io.github.goroutines.analysis.Top;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import java.util.List;

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

  static void check(Profile p) {
    long sum = 0;
    int goroutines = 0;
    for (Sample s : p.samples()) {
      assertThat(s.stack()).isNotNull();
      assertThat(s.labels()).isNotNull();
      for (Frame f : s.stack().frames()) {
        assertThat(f.function()).isNotNull();
        assertThat(f.line()).isNotNegative();
        assertThat(f.functionName()).isNotNull();
      }
      sum += s.count();
      if (s.goroutine().isPresent()) {
        Goroutine g = s.goroutine().get();
        goroutines++;
        assertThat(s.count()).isEqualTo(1);
        assertThat(g.stack()).isSameAs(s.stack());
        assertThat(g.arguments()).hasSize(g.stack().depth());
        assertThat(g.frameExtras()).hasSize(g.stack().depth());
        assertThat(g.state()).isNotNull();
        g.waitMinutes().ifPresent(m -> assertThat(m).isNotNegative());
      }
    }
    assertThat(p.totalCount()).isEqualTo(sum);
    assertThat(p.goroutines()).hasSize(goroutines);
    if (p.declaredTotal().isPresent() && p.declaredTotal().getAsLong() != sum) {
      assertThat(p.diagnostics().problems()).anyMatch(m -> m.startsWith("header declares total"));
    }
    // the analysis API must accept whatever a parser accepted
    Groups.of(p, Grouping.firstUserFrame());
    Groups.of(p, Grouping.of(Grouping.stack(), Grouping.stateClass()));
    TextReports.top(p, Top.of(p, true));
    TextReports.summary(Summary.of(List.of(p)), 5);
    JsonReports.profile(p);
  }
}
