package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.testing.Fixtures;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The leak-hunting questions answered on the real-Go fixtures of every version. */
class AnalysisFixtureTest {
  static final String LEAK = "main.handleRequest.func1 example.com/leaky/v2/main.go:87";
  static final String POOL = "main.(*Cache).LoadOrStore example.com/leaky/v2/main.go:49";
  static final String WORKER = "main.worker example.com/leaky/v2/main.go:66";

  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static Profile parse(String v, String name) {
    return GoroutineProfiles.parse(Fixtures.read(v, name));
  }


  static Map<String, Long> counts(Groups groups) {
    return groups.list().stream().collect(Collectors.toMap(Group::key, Group::count));
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void blockingSitesAgreeInEveryFormat(String v) {
    for (String file : List.of("later.debug0.pb.gz", "later.debug1.txt", "later.debug2.txt")) {
      Groups sites = Groups.of(parse(v, file), Grouping.firstUserFrame());
      assertThat(sites.total()).isEqualTo(403);
      assertThat(sites.list()).extracting(Group::key).as(file).startsWith(POOL, LEAK, WORKER);
      assertThat(sites.list()).extracting(Group::count).as(file).startsWith(150L, 120L, 103L);
      assertThat(sites.list().get(0).share()).isEqualTo(150 / 403.0);
      assertThat(sites.list().get(0).representative().contains("main.poolWorker")).isTrue();
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void groupingsOfADump(String v) {
    Profile dump = parse(v, "later.debug2.txt");
    Map<String, Long> states = counts(Groups.of(dump, Grouping.stateClass()));
    // before Go 1.24 the WaitGroup.Wait prints as semacquire; its class is a wait group anyway
    assertThat(states).containsEntry("MUTEX", 152L).containsEntry("WAIT_GROUP", 1L)
        .containsEntry("CHAN_SEND", 122L)
        .containsEntry("CHAN_RECEIVE", 120L)
        .containsEntry("IO_WAIT", 2L)
        .containsEntry("SELECT", 2L)
        .containsEntry("RUNNING", 1L)
        .containsEntry("SYSCALL", 1L)
        .containsEntry("COND", 1L)
        .containsEntry("SLEEP", 1L);
    assertThat(counts(Groups.of(dump, Grouping.creator())))
        .containsEntry("main.handleRequest example.com/leaky/v2/main.go:85", 120L)
        .containsEntry("(unknown)", 1L); // goroutine 1
    // labels: debug=1 of every version, debug=2 headers from Go 1.27 on
    Profile labelled = parse(v, Fixtures.minor(v) >= 27 ? "later.debug2.txt" : "later.debug1.txt");
    assertThat(counts(Groups.of(labelled, Grouping.label("job")))).containsEntry("sync", 3L)
        .containsEntry("(none)", 400L);
    assertThat(counts(Groups.of(labelled, Grouping.label("user")))).containsEntry("alice", 1L);
    assertThat(counts(Groups.of(dump, Grouping.eachFunction())))
        .containsEntry("main.poolWorker", 150L)
        .containsEntry("main.setup.func14", 3L);
    Groups byStack = Groups.of(dump, Grouping.stack());
    assertThat(byStack.list().stream().mapToLong(Group::count).sum()).isEqualTo(403);
    assertThat(byStack.list().get(0).count()).isEqualTo(150);
    assertThat(byStack.list().get(0).goroutineIds()).hasSize(150);
    assertThat(counts(Groups.of(dump, Grouping.of(Grouping.firstUserFrame(), Grouping.stateClass()))))
        .containsEntry(LEAK + " | CHAN_SEND", 120L);
    Group pool = Groups.of(dump, Grouping.firstUserFrame()).get(POOL).orElseThrow();
    assertThat(pool.minWaitMinutes()).hasValue(1);
    assertThat(pool.medianWaitMinutes()).hasValue(1);
    assertThat(pool.maxWaitMinutes()).hasValue(1);
    assertThat(pool.waitCount()).isEqualTo(150);
    Group innermost = Groups.of(parse(v, "later.debug0.pb.gz"), Grouping.innermostFrame()).list().get(0);
    assertThat(innermost.key()).isEqualTo("runtime.gopark");
    assertThat(innermost.count()).isEqualTo(401);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void similarStacksMatchAcrossFormats(String v) {
    Map<String, Long> proto = counts(Groups.of(parse(v, "later.debug0.pb.gz"), Grouping.similarStack()));
    Map<String, Long> text = counts(Groups.of(parse(v, "later.debug2.txt"), Grouping.similarStack()));
    String leak = "main.handleRequest.func1";
    assertThat(proto).containsEntry(leak, 120L);
    assertThat(text).containsEntry(leak, 120L);
    String pool = "sync.(*Mutex).Lock < main.(*Cache).LoadOrStore < main.poolWorker";
    assertThat(proto.entrySet()).filteredOn(e -> e.getKey().endsWith(pool))
        .extracting(Map.Entry::getValue).containsExactly(150L);
    assertThat(text.entrySet()).filteredOn(e -> e.getKey().endsWith(pool))
        .extracting(Map.Entry::getValue).containsExactly(150L);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void findAndFilter(String v) {
    Profile dump = parse(v, "later.debug2.txt");
    List<Sample> waiting = FunctionMatcher.exact("sync.(*WaitGroup).Wait").find(dump);
    assertThat(waiting).hasSize(1);
    Goroutine ticker = waiting.get(0).goroutine().orElseThrow();
    assertThat(ticker.stack().contains("main.ticker")).isTrue();
    assertThat(ticker.waitMinutes()).hasValue(1);
    assertThat(FunctionMatcher.prefix("example.com/leaky/v2/pool%2ev3.").find(dump)).hasSize(3);
    assertThat(FunctionMatcher.regex("^main\\.\\(\\*Cache\\)").find(dump)).hasSize(150);
    assertThat(Filter.all().apply(dump).totalCount()).isEqualTo(403);
    assertThat(Filter.all().stateClasses(EnumSet.of(StateClass.CHAN_SEND)).minWaitMinutes(1)
        .apply(dump).totalCount()).isEqualTo(122);
    assertThat(Filter.all().minWaitMinutes(2).apply(dump).totalCount()).isZero();
    assertThat(Filter.all().label("job", "sync").apply(parse(v, "later.debug1.txt")).totalCount())
        .isEqualTo(3);
    assertThat(Filter.all().creator(FunctionMatcher.exact("main.handleRequest")).apply(dump)
        .totalCount()).isEqualTo(120);
    assertThat(Filter.all().function(FunctionMatcher.exact("main.ticker")).apply(dump).totalCount())
        .isEqualTo(1);
    Profile proto = parse(v, "later.debug0.pb.gz");
    assertThat(Filter.all().stateClasses(EnumSet.of(StateClass.CHAN_SEND)).apply(proto).totalCount())
        .isEqualTo(122);
    assertThat(Filter.all().minWaitMinutes(0).apply(proto).totalCount()).isZero();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void diffNamesTheLeakFirst(String v) {
    for (String format : List.of(".debug0.pb.gz", ".debug1.txt", ".debug2.txt")) {
      Diff d = Diff.of(parse(v, "first" + format), parse(v, "later" + format), Grouping.firstUserFrame());
      assertThat(d.totals()).containsExactly(323L, 403L);
      Diff.Row top = d.rows().get(0);
      assertThat(top.key()).isEqualTo(LEAK);
      assertThat(top.counts()).containsExactly(40L, 120L);
      assertThat(top.delta()).isEqualTo(80);
      assertThat(d.grown()).hasSize(1);
      assertThat(d.get(POOL).orElseThrow().delta()).isZero();
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void leakSuspects(String v) {
    List<Suspect> suspects = LeakSuspects.of(List.of(parse(v, "first.debug0.pb.gz"),
        parse(v, "later.debug0.pb.gz")));
    assertThat(suspects.get(0).site()).isEqualTo(LEAK);
    assertThat(suspects.get(0).stateClass()).isEqualTo(StateClass.CHAN_SEND);
    // the protobuf profiles say when they were taken: 61 s apart
    assertThat(suspects.get(0).evidence().get(0).reason())
        .isEqualTo("grew 40 -> 120 (+80) over 2 snapshots in 1 min 1 s (+1.3/s)");
    assertThat(suspects.get(0).evidence().get(0).kind()).isEqualTo(Suspect.Kind.GROWTH);
    assertThat(suspects.get(0).evidence().get(0).points()).isEqualTo(40.0);
    List<Suspect> dump = LeakSuspects.of(List.of(parse(v, "later.debug2.txt")));
    // idle workers waiting for jobs (103, one minute, not growing) are not a suspect on their own
    assertThat(dump).extracting(Suspect::site).contains(POOL, LEAK).doesNotContain(WORKER);
    assertThat(dump).filteredOn(s -> s.evidence().stream().anyMatch(e -> e.reason().contains("blocked forever")))
        .hasSize(3);
    Suspect pool = dump.stream().filter(s -> s.site().equals(POOL)).findFirst().orElseThrow();
    assertThat(pool.evidence()).extracting(Suspect.Evidence::toString).containsExactly(
        "150 goroutines (37.2% of 403) in state MUTEX (+18.0)",
        "waiting 1 minutes (median; min 1, max 1) (+5.0)");
    assertThat(pool.evidence()).extracting(Suspect.Evidence::kind)
        .containsExactly(Suspect.Kind.SIZE, Suspect.Kind.WAITING);
    assertThat(pool.score()).isEqualTo(23.0);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void spawnTree(String v) {
    SpawnTree tree = SpawnTree.of(parse(v, "later.debug2.txt"));
    SpawnTree.Site leak = tree.sites().stream()
        .filter(s -> s.site().equals("main.handleRequest example.com/leaky/v2/main.go:85"))
        .findFirst().orElseThrow();
    assertThat(leak.count()).isEqualTo(120);
    assertThat(leak.blocked()).isEqualTo(120);
    assertThat(tree.sites().get(0).count()).isEqualTo(150);
    if (Fixtures.minor(v) >= 21) {
      assertThat(leak.creatorIds()).containsExactly(1L);
      assertThat(tree.creators().get(0).creatorId()).isEqualTo(1);
      assertThat(tree.descendants(1)).isEqualTo(402);
      assertThat(tree.creators().get(0).descendants()).isEqualTo(402);
      assertThat(tree.creators().get(0).creator().map(Goroutine::state)).contains("running");
      Goroutine chained = tree.children(1).stream()
          .filter(g -> g.stack().contains("main.chain")).findFirst().orElseThrow();
      assertThat(tree.descendants(chained.id())).isEqualTo(3);
      assertThat(tree.creators()).filteredOn(c -> c.creatorId() == chained.id())
          .extracting(SpawnTree.Creator::descendants).containsExactly(3L);
    } else {
      assertThat(tree.creators()).isEmpty();
    }
    assertThat(SpawnTree.of(parse(v, "later.debug0.pb.gz")).sites()).isEmpty();
  }

  @Test
  void theIncidentReport() {
    String report = TextReports.summary(Summary.of(List.of(parse("1.27", "later.debug2.txt"))), 40);
    assertThat(report).startsWith("goroutine profile (debug=2): 403 goroutines\n");
    assertThat(report).contains(
        "     150  37.2%  " + POOL + "\n                 [sync.Mutex.Lock]  waiting 1 min\n");
    assertThat(report).containsPattern(
        "       1   0\\.2%  main\\.ticker example\\.com/leaky/v2/main\\.go:77\n"
            + " +\\[sync\\.WaitGroup\\.Wait\\]  waiting 1 min\n");
    assertThat(report).contains("Leak suspects:\n");
  }

  @Test
  void attributionMovesFlatToUserCode() {
    Profile p = parse("1.23", "later.debug0.pb.gz");
    assertThat(Top.of(p, false).rows().get(0)).isEqualTo(new Top.Row("runtime.gopark", 401, 401, Top.Inline.NONE));
    Top user = Top.of(p, true);
    assertThat(user.rows().get(0)).isEqualTo(new Top.Row("main.(*Cache).LoadOrStore", 150, 150, Top.Inline.NONE));
    assertThat(user.rows().get(1).function()).isEqualTo("main.handleRequest.func1");
    assertThat(user.rows().stream().mapToLong(Top.Row::flat).sum()).isEqualTo(403);
    assertThat(user.rows()).noneMatch(r -> r.function().equals("runtime.gopark"));
  }

  @Test
  void detectionAndErrors() {
    byte[] gz = Fixtures.read("1.23", "first.debug0.pb.gz");
    assertThat(GoroutineProfiles.detect(gz)).contains(io.github.goroutines.model.ProfileFormat.PROTO);
    assertThat(GoroutineProfiles.detect(Fixtures.read("1.23", "first.debug1.txt")))
        .contains(io.github.goroutines.model.ProfileFormat.DEBUG1);
    assertThat(GoroutineProfiles.detect(Fixtures.read("1.23", "crash.sigquit.txt")))
        .contains(io.github.goroutines.model.ProfileFormat.DEBUG2);
    assertThat(GoroutineProfiles.detect("hello\n".getBytes())).isEmpty();
    assertThatThrownBy(() -> GoroutineProfiles.parse("<html>404 page not found</html>".getBytes()))
        .isInstanceOf(io.github.goroutines.model.ProfileParseException.class)
        .hasMessageContaining("not a goroutine profile: an HTML page")
        .hasMessageContaining("<html>404 page not found</html>");
    assertThatThrownBy(() -> GoroutineProfiles.parse("hello\n".getBytes()))
        .hasMessageContaining("expected gzip or raw protobuf (debug=0)")
        .hasMessageContaining("\"hello\"");
    assertThat(GoroutineProfiles.parseAll(Fixtures.read("1.23", "crash.sigquit.txt"))).hasSize(1);
  }

  @Test
  void neighboursOfAGoroutineProfileAreNamed() {
    // what go tool pprof -top printed for a real profile: a report, not a profile
    assertThatThrownBy(() -> GoroutineProfiles.parse(Fixtures.read("1.27", "later.pprof-top.txt")))
        .hasMessageStartingWith("not a goroutine profile: the text report of go tool pprof (-top)")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> GoroutineProfiles.parse(new byte[0]))
        .hasMessageStartingWith("not a goroutine profile: the input is empty");
    assertThatThrownBy(() -> GoroutineProfiles.parse(" \n\n".getBytes()))
        .hasMessageStartingWith("not a goroutine profile: the input is empty");
    assertThatThrownBy(() -> GoroutineProfiles.parse(
            "threadcreate profile: total 7\n7 @ 0x0 0x0\n#\t0x0\n".getBytes()))
        .hasMessageStartingWith("not a goroutine profile: a threadcreate profile (debug=1 text); it "
            + "counts the stacks that created OS threads, not goroutines; fetch /debug/pprof/goroutine");
    assertThatThrownBy(() -> GoroutineProfiles.parse(
            "--- threadz 1 ---\n\n--- Thread 7f79 (name: main/1) stack: ---\n".getBytes()))
        .hasMessageStartingWith("not a goroutine profile: a C++ threadz thread dump, not Go");
    assertThatThrownBy(() -> GoroutineProfiles.parse(
            "heap profile: 1: 2 [3: 4] @ heap/1048576\n".getBytes()))
        .hasMessageStartingWith("not a goroutine profile: a heap profile");
  }

  @Test
  void rawProtobufIsDetectedByContent() throws Exception {
    byte[] gz = Fixtures.read("1.23", "first.debug0.pb.gz");
    byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
    assertThat(GoroutineProfiles.detect(raw)).contains(io.github.goroutines.model.ProfileFormat.PROTO);
    assertThat(GoroutineProfiles.parse(raw).totalCount()).isEqualTo(323);
  }

  @Test
  void innermostFrameOfTheLeak() {
    Frame f = Groups.of(parse("1.23", "later.debug2.txt"), Grouping.firstUserFrame())
        .get(LEAK).orElseThrow().representative().innermost().orElseThrow();
    assertThat(f.function()).isEqualTo("main.handleRequest.func1");
    assertThat(f.line()).isEqualTo(87);
  }
}
