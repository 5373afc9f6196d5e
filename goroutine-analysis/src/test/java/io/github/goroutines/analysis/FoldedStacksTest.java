package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.FoldedStacks.Root;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Folded stacks of real Go output: the counts add up, roots and folding do what they say. */
class FoldedStacksTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static long sum(String folded) {
    return folded.lines().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void countsSumToTheTotalInEveryFormat(String v) {
    for (String name : List.of("later.debug0.pb.gz", "later.debug1.txt", "later.debug2.txt")) {
      Profile p = GoroutineProfiles.parse(Fixtures.read(v, name));
      for (Root root : Root.values()) {
        String folded = FoldedStacks.of(p, root, false);
        assertThat(sum(folded)).as("go%s %s %s", v, name, root).isEqualTo(403);
        assertThat(folded.lines()).allMatch(l -> l.matches("[^ ].* -?\\d+"));
      }
    }
    Profile proto = GoroutineProfiles.parse(Fixtures.read(v, "later.debug0.pb.gz"));
    String classes = FoldedStacks.of(proto, Root.STATE_CLASS, true);
    assertThat(classes).contains("chan send;main.handleRequest.func1 120\n")
        .doesNotContain("runtime.gopark");
    assertThat(FoldedStacks.of(proto, Root.NONE, false))
        .contains("main.handleRequest.func1;runtime.chansend1;runtime.chansend;runtime.gopark 120\n");
    Profile dump = GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt"));
    assertThat(FoldedStacks.of(dump, Root.STATE, false))
        .contains("chan send;main.handleRequest.func1 120\n");
  }

  @Test
  void namesSplitBackIntoTheirFrames() {
    Stack odd = Stack.of(List.of(Frame.of("main.a;b", "a.go", 1), Frame.of("main.x\ny", "a.go", 2)));
    Profile p = Profile.builder(ProfileFormat.PROTO).type("goroutine")
        .add(Sample.of(3, odd, Labels.empty())).add(Sample.of(2, Stack.empty(), Labels.empty()))
        .build();
    assertThat(FoldedStacks.of(p, Root.NONE, false))
        .isEqualTo("(no stack) 2\nmain.x\\ny;main.a:b 3\n");
  }
}
