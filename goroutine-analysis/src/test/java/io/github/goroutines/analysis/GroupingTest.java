package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTest {
  @Test
  void namesRoundTrip() {
    for (String name : List.of("stack", "similar-stack", "innermost", "site", "function", "creator",
        "state-class", "state", "label:tenant", "site+state-class")) {
      assertThat(Grouping.parse(name).name()).isEqualTo(name);
    }
    assertThatThrownBy(() -> Grouping.parse("label:")).hasMessageContaining("unknown grouping");
  }

  @Test
  void unsymbolisedFramesAreNamedByAddress() {
    Frame unknown = Frame.unsymbolized(0x4c0d1f);
    Frame park = Frame.of("runtime.gopark", "runtime/proc.go", 424);
    Profile p = Profile.builder(ProfileFormat.PROTO)
        .add(Sample.of(2, Stack.of(List.of(park, unknown)), Labels.empty()))
        .add(Sample.of(3, Stack.of(List.of(unknown)), Labels.empty()))
        .build();
    // no user frame: the innermost frame is the site; an address stands for a missing symbol
    Groups sites = Groups.of(p, Grouping.firstUserFrame());
    assertThat(sites.list()).extracting(Group::key)
        .containsExactly("0x4c0d1f", "runtime.gopark runtime/proc.go:424");
    assertThat(sites.list()).extracting(Group::count).containsExactly(3L, 2L);
  }
}
