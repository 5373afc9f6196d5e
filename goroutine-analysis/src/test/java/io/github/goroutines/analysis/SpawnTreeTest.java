package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpawnTreeTest {
  static Goroutine g(long id, long creator) {
    return Goroutine.builder(id, "chan receive")
        .createdBy(Frame.of("main.spawn", "main.go", 10), creator).build();
  }

  @Test
  void aLongCreationChainIsCountedInLinearTime() {
    Profile.Builder b = Profile.builder(ProfileFormat.DEBUG2);
    int n = 200_000;
    for (int i = 2; i <= n; i++) {
      b.add(Sample.of(g(i, i - 1)));
    }
    SpawnTree tree = SpawnTree.of(b.build());
    assertThat(tree.creators()).hasSize(n - 1);
    assertThat(tree.creators().get(0).creatorId()).isEqualTo(1);
    assertThat(tree.creators().get(0).descendants()).isEqualTo(n - 1);
    assertThat(tree.sites()).containsExactly(
        new SpawnTree.Site("main.spawn main.go:10", n - 1, n - 1, tree.sites().get(0).creatorIds()));
  }

  @Test
  void aCycleInAMalformedDumpEnds() {
    Profile p = Profile.builder(ProfileFormat.DEBUG2)
        .add(Sample.of(g(5, 6))).add(Sample.of(g(6, 5))).add(Sample.of(g(7, 7))).build();
    SpawnTree tree = SpawnTree.of(p);
    assertThat(tree.creators()).extracting(SpawnTree.Creator::creatorId).containsExactly(5L, 6L, 7L);
    assertThat(tree.descendants(5)).isEqualTo(1);
    assertThat(tree.children(7)).extracting(Goroutine::id).containsExactly(7L);
    // as SpawnTree documents, on a cycle the one-pass count may include the goroutine itself:
    // 5 counts 6 and, through 6, itself; 6 counts 5; 7, which names itself, counts nothing
    assertThat(tree.creators()).extracting(SpawnTree.Creator::descendants)
        .containsExactly(2L, 1L, 0L);
  }
}
