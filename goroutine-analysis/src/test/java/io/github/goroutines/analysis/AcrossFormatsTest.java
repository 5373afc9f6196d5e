package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Profile;
import io.github.goroutines.model.StateClass;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One moment of one process, written by Go as debug=0, debug=1 and debug=2, is one truth: the same
 * sites with the same counts, the same state classes, and no group that a diff across formats
 * calls new or gone. debug=1 hides the runtime frames that tell a channel operation or a select,
 * so its goroutines there are {@link StateClass#OTHER} (unless a protobuf of the same binary names
 * them); every class it does tell agrees.
 */
class AcrossFormatsTest {
  static List<String> versions() {
    return AnalysisFixtureTest.versions();
  }

  static Map<String, Long> sites(Profile p) {
    Map<String, Long> sites = new TreeMap<>();
    Groups.of(p, Grouping.firstUserFrame()).list().forEach(g -> sites.put(g.key(), g.count()));
    return sites;
  }

  /** Site and state class of every goroutine, counted. */
  static Map<String, Long> sitesAndStates(Profile p) {
    Map<String, Long> keys = new TreeMap<>();
    Groups.of(p, Grouping.of(Grouping.firstUserFrame(), Grouping.stateClass())).list()
        .forEach(g -> keys.put(g.key(), g.count()));
    return keys;
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void oneMomentInThreeFormatsIsOneTruth(String v) {
    for (String moment : List.of("first", "later", "healthy")) {
      Profile proto = AnalysisFixtureTest.parse(v, moment + ".debug0.pb.gz");
      Profile debug1 = AnalysisFixtureTest.parse(v, moment + ".debug1.txt");
      Profile debug2 = AnalysisFixtureTest.parse(v, moment + ".debug2.txt");
      assertThat(sites(debug2)).as("go%s %s: sites of debug=2 and debug=0", v, moment)
          .isEqualTo(sites(proto));
      assertThat(sites(debug1)).as("go%s %s: sites of debug=1 and debug=0", v, moment)
          .isEqualTo(sites(proto));
      assertThat(sitesAndStates(debug2)).as("go%s %s: states of debug=2 and debug=0", v, moment)
          .isEqualTo(sitesAndStates(proto));
      assertThat(Summary.of(List.of(debug2)).byState()).isEqualTo(Summary.of(List.of(proto))
          .byState());
      Map<String, Long> told = new TreeMap<>(sitesAndStates(debug1));
      told.keySet().removeIf(k -> k.endsWith(" | " + StateClass.OTHER.name()));
      assertThat(sitesAndStates(proto)).as("go%s %s: what debug=1 tells agrees", v, moment)
          .containsAllEntriesOf(told);
      for (Profile other : List.of(debug1, debug2)) {
        Diff d = Diff.of(List.of(proto, other), Grouping.firstUserFrame());
        assertThat(d.rows()).as("go%s %s: %s against debug=0", v, moment, other.format())
            .allSatisfy(r -> assertThat(r.delta()).as(r.key()).isZero());
      }
    }
  }

  /**
   * debug=1 hides a record's leading runtime frames, but prints their addresses: beside a protobuf
   * of the same binary (here the first moment's), they are named, and debug=1 tells every state
   * class; beside another binary's protobuf nothing changes.
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aProtobufOfTheSameBinaryNamesWhatDebug1Hides(String v) {
    Profile first = AnalysisFixtureTest.parse(v, "first.debug0.pb.gz");
    Profile later = AnalysisFixtureTest.parse(v, "later.debug0.pb.gz");
    Profile debug1 = AnalysisFixtureTest.parse(v, "later.debug1.txt");
    assertThat(Summary.of(List.of(debug1)).byState()).containsKey(StateClass.OTHER);

    Summary both = Summary.of(List.of(first, debug1));
    assertThat(both.byState()).isEqualTo(Summary.of(List.of(later)).byState())
        .doesNotContainKey(StateClass.OTHER);
    assertThat(sitesAndStates(both.latest())).isEqualTo(sitesAndStates(later));
    assertThat(both.suspects().get(0).evidence()).extracting(Suspect.Evidence::reason)
        .contains("120 goroutines (29.8% of 403) in state CHAN_SEND");
    var chan = both.latest().samples().stream()
        .filter(x -> x.stack().contains("main.handleRequest.func1")).findFirst().orElseThrow();
    assertThat(chan.stack().frames().get(0).function()).isEqualTo("runtime.gopark");
    assertThat(chan.stack().contains("runtime.chansend1")).isTrue();
    assertThat(debug1.samples()).as("the caller's profile is untouched")
        .noneMatch(x -> x.stack().contains("runtime.gopark"));
    Diff d = Diff.of(List.of(later, both.latest()), Grouping.of(Grouping.firstUserFrame(),
        Grouping.stateClass()));
    assertThat(d.rows()).allSatisfy(r -> assertThat(r.delta()).as(r.key()).isZero());

    String other = v.equals("1.27") ? "1.19" : "1.27";
    Profile stranger = AnalysisFixtureTest.parse(other, "first.debug0.pb.gz");
    assertThat(Summary.of(List.of(stranger, debug1)).byState())
        .isEqualTo(Summary.of(List.of(debug1)).byState());
  }

  /** Before Go 1.24 a WaitGroup.Wait prints as semacquire; its class is still WAIT_GROUP. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aWaitGroupIsAWaitGroupOnEveryVersion(String v) {
    Profile debug2 = AnalysisFixtureTest.parse(v, "later.debug2.txt");
    var ticker = debug2.goroutines().stream()
        .filter(g -> g.stack().contains("sync.(*WaitGroup).Wait")).findFirst().orElseThrow();
    assertThat(ticker.stateClass()).isEqualTo(StateClass.WAIT_GROUP);
    if (v.equals("1.19") || v.equals("1.21") || v.equals("1.23")) {
      assertThat(ticker.state()).isEqualTo("semacquire");
    } else {
      assertThat(ticker.state()).isEqualTo("sync.WaitGroup.Wait");
    }
  }
}
