package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Suspect.Kind;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suspects worth acting on, on real Go output: a healthy server raises none, a proven leak is always
 * one, the growing leak leads with its rate, and expected goroutines can be ignored.
 */
class LeakSuspectsTest {
  static final String LEAK = AnalysisFixtureTest.LEAK;

  static List<String> versions() {
    return AnalysisFixtureTest.versions();
  }

  static Profile parse(String v, String name) {
    return AnalysisFixtureTest.parse(v, name);
  }

  /**
   * main in select {}, a listener in Accept, a kept-alive connection idle on both ends, a
   * signal.Notify loop, all idle for a minute: the old scoring made main.main a suspect (25 points
   * for select {} and 5 for its age).
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aHealthyServerHasNoSuspect(String v) {
    for (String format : List.of("debug0.pb.gz", "debug1.txt", "debug2.txt")) {
      Profile p = parse(v, "healthy." + format);
      assertThat(p.totalCount()).as(format).isEqualTo(8);
      assertThat(LeakSuspects.of(List.of(p))).as("go%s healthy.%s", v, format).isEmpty();
    }
  }

  /** What lowered the healthy server's sites, and why: the reasons the report shows. */
  @Test
  void idlePatternsSayWhy() {
    Profile p = parse("1.27", "healthy.debug2.txt");
    Groups sites = Groups.of(p, Grouping.firstUserFrame());
    Group main = sites.list().stream().filter(g -> g.key().startsWith("main.main "))
        .findFirst().orElseThrow();
    assertThat(IdlePatterns.of(main, StateClass.SELECT)).contains(
        "the main goroutine, parked while the program serves");
    // Without user code a goroutine is named by its entry function, not by runtime_pollWait:
    // the listener and both ends of the connection are three sites, each with its reason.
    assertThat(site(sites, "net/http.Serve ")).isPresent().get()
        .satisfies(g -> assertThat(IdlePatterns.of(g, StateClass.IO_WAIT)).contains(
            "a listener waiting in Accept for connections: idle by design"));
    assertThat(site(sites, "net/http.(*conn).serve ")).isPresent().get()
        .satisfies(g -> assertThat(IdlePatterns.of(g, StateClass.IO_WAIT)).contains(
            "connections idle in the network poller: servers and clients keep them open for the "
                + "next request"));
    assertThat(site(sites, "net/http.(*persistConn).readLoop ")).isPresent();
    assertThat(site(sites, "os/signal.loop ")).isPresent().get()
        .satisfies(g -> assertThat(IdlePatterns.of(g, StateClass.SYSCALL)).contains(
            "the os/signal delivery loop: idle by design"));
    assertThat(sites.list()).extracting(Group::key)
        .noneMatch(k -> k.startsWith("internal/poll.") || k.startsWith("runtime."));
  }

  private static java.util.Optional<Group> site(Groups sites, String prefix) {
    return sites.list().stream().filter(g -> g.key().startsWith(prefix)).findFirst();
  }

  /** Go 1.26+: every site of a goroutineleak profile is a suspect, citing the runtime's proof. */
  @Test
  void everySiteOfALeakProfileIsProven() {
    for (String name : List.of("leak.debug0.pb.gz", "leak.debug1.txt")) {
      Profile leak = parse("1.27", name);
      assertThat(leak.type()).isEqualTo("goroutineleak");
      List<Suspect> suspects = LeakSuspects.of(List.of(leak));
      Groups sites = Groups.of(leak, Grouping.firstUserFrame());
      assertThat(suspects).as(name).extracting(Suspect::site)
          .containsExactlyInAnyOrderElementsOf(sites.list().stream().map(Group::key).toList());
      assertThat(suspects).as(name).allSatisfy(s -> assertThat(s.evidence())
          .anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(Kind.PROVEN_LEAK);
            assertThat(e.reason()).contains("(goroutineleak profile)");
          }));
      Suspect handler = suspects.stream().filter(s -> s.site().equals(LEAK)).findFirst()
          .orElseThrow();
      assertThat(handler.count()).isEqualTo(120);
      assertThat(handler.evidence().get(0).reason())
          .isEqualTo("the runtime proved all 120 can never run again (goroutineleak profile)");
    }
    // the (leaked) markers of the debug=2 dump written after it count as the same proof
    List<Suspect> marked = LeakSuspects.of(List.of(parse("1.27", "leaked.debug2.txt")));
    assertThat(marked.stream().filter(s -> s.site().equals(LEAK)).findFirst().orElseThrow()
        .evidence()).extracting(Suspect.Evidence::kind).contains(Kind.PROVEN_LEAK);
  }

  /** The leak leads in every pairing of formats; with times known, with its rate. */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void theGrowingLeakLeadsInEveryPairingOfFormats(String v) {
    List<String> formats = List.of("debug0.pb.gz", "debug1.txt", "debug2.txt");
    for (String first : formats) {
      for (String later : formats) {
        List<Suspect> s = LeakSuspects.of(List.of(parse(v, "first." + first),
            parse(v, "later." + later)));
        assertThat(s).as("%s then %s", first, later).isNotEmpty();
        assertThat(s.get(0).site()).as("%s then %s", first, later).isEqualTo(LEAK);
        assertThat(s.get(0).evidence().get(0).reason()).as("%s then %s", first, later)
            .startsWith("grew 40 -> 120 (+80) over 2 snapshots");
      }
    }
    Profile first = parse(v, "first.debug2.txt").takenAt(Instant.parse("2026-12-03T10:00:00Z"));
    Profile later = parse(v, "later.debug2.txt").takenAt(Instant.parse("2026-12-03T10:02:00Z"));
    Suspect leak = LeakSuspects.of(List.of(first, later)).get(0);
    assertThat(leak.evidence().get(0).reason())
        .isEqualTo("grew 40 -> 120 (+80) over 2 snapshots in 2 min (+40.0/min)");
  }

  @Test
  void snapshotsAreComparedInTheOrderTheyWereTaken() {
    Profile first = parse("1.27", "first.debug0.pb.gz");
    Profile later = parse("1.27", "later.debug0.pb.gz");
    Diff backwards = Diff.of(List.of(later, first), Grouping.firstUserFrame());
    assertThat(backwards.reordered()).isTrue();
    assertThat(backwards.totals()).containsExactly(323L, 403L);
    assertThat(backwards.elapsed()).hasValueSatisfying(d ->
        assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(63)));
    assertThat(backwards.rows().get(0).delta()).isEqualTo(80);
    assertThat(backwards.ratePerSecond(backwards.rows().get(0)).getAsDouble()).isBetween(1.2, 1.4);
    Summary summary = Summary.of(List.of(later, first));
    assertThat(summary.reordered()).isTrue();
    assertThat(summary.totals()).containsExactly(323L, 403L);
    assertThat(TextReports.summary(summary, 3)).startsWith("goroutine profile (debug=0): 403 "
        + "goroutines, 2 snapshots: 323 -> 403 in 1 min 1 s (+1.3/s)\n"
        + "  snapshots put in the order they were taken\n");
    assertThat(Diff.of(List.of(first, later), Grouping.firstUserFrame()).reordered()).isFalse();
  }

  @Test
  void ignoreRulesTakeExpectedGoroutinesOut() {
    List<Profile> snapshots = List.of(parse("1.27", "first.debug2.txt"),
        parse("1.27", "later.debug2.txt"));
    List<String> all = LeakSuspects.of(snapshots).stream().map(Suspect::site).toList();
    assertThat(all).contains(LEAK, "main.setup.func5 example.com/leaky/v2/main.go:161");
    IgnoreRules rules = IgnoreRules.parse(List.of(
        "# expected in this service", "", "ignore-top main.handleRequest.func1",
        "ignore main.setup*"));
    Summary summary = Summary.of(snapshots, Grouping.firstUserFrame(), rules);
    assertThat(summary.suspects()).extracting(Suspect::site)
        .doesNotContain(LEAK).noneMatch(site -> site.startsWith("main.setup."));
    assertThat(summary.ignoredCount()).isGreaterThanOrEqualTo(120 + 5);
    assertThat(TextReports.summary(summary, 10)).contains("  " + summary.ignoredCount()
        + " goroutines ignored by the rules, not considered\n");
    // a frame anywhere: runtime.gopark is in every blocked stack of a protobuf profile
    List<Profile> protobuf = List.of(parse("1.27", "first.debug0.pb.gz"),
        parse("1.27", "later.debug0.pb.gz"));
    assertThat(LeakSuspects.of(protobuf)).isNotEmpty();
    assertThat(LeakSuspects.of(protobuf, IgnoreRules.none().ignore("runtime.gopark"))).isEmpty();
    // ignore-top looks at the first frame of user code only
    assertThat(LeakSuspects.of(protobuf, IgnoreRules.none().ignoreTop("runtime.gopark")))
        .isEqualTo(LeakSuspects.of(protobuf));
    assertThatThrownBy(() -> IgnoreRules.parse(List.of("ignore-top a", "skip b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2 is not");
    assertThatThrownBy(() -> IgnoreRules.none().ignore("*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The healthy server's one kept-alive connection holds three goroutines of net/http, none with
   * user code: the server's (*conn).serve, the client's readLoop and writeLoop. Those are what the
   * rule drops, in every format; the gen program's raw connection, read by a goroutine of its own
   * code, is not.
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void idleConnectionsAreTheStandardLibrarysGoroutinesOnAConnection(String v) {
    IgnoreRules idle = IgnoreRules.none().ignoreIdleConnections();
    for (String name : List.of("healthy.debug0.pb.gz", "healthy.debug1.txt", "healthy.debug2.txt")) {
      Profile healthy = parse(v, name);
      assertThat(idle.ignoredCount(healthy)).as(name).isEqualTo(3);
      assertThat(idle.apply(healthy).samples()).as(name).noneMatch(s -> s.stack().frames().stream()
          .anyMatch(f -> f.function().equals("net/http.(*conn).serve")
              || f.function().startsWith("net/http.(*persistConn).")));
    }
    assertThat(idle.ignoredCount(parse(v, "later.debug2.txt"))).isZero();
    assertThat(IgnoreRules.parse(List.of("ignore-idle-connections")).ignoredCount(
        parse(v, "healthy.debug2.txt"))).isEqualTo(3);
    assertThat(idle.isEmpty()).isFalse();
  }

  /**
   * The goroutines of the request that takes a snapshot, as Go 1.27 and 1.19 printed them while
   * testdata/service answered /debug/pprof/goroutine: the handler running on (*conn).serve, and the
   * connection's background reader, caught before its first frame ran. A handler of the program
   * blocked on a connection keeps its user frame and is not dropped.
   */
  @Test
  void theSnapshotsOwnRequestIsAConnectionsToo() {
    String dump = "goroutine 35 [runnable]:\n"
        + "net/http.(*connReader).startBackgroundRead.gowrap2()\n"
        + "\tnet/http/server.go:738\n"
        + "runtime.goexit({})\n"
        + "\truntime/asm_amd64.s:1264 +0x1\n"
        + "created by net/http.(*connReader).startBackgroundRead in goroutine 34\n"
        + "\tnet/http/server.go:738 +0xb6\n\n"
        + "goroutine 27 [running]:\n"
        + "runtime/pprof.writeGoroutineStacks({0x75cfe0, 0xc0001320e0})\n"
        + "\truntime/pprof/pprof.go:692 +0x70\n"
        + "net/http/pprof.handler.ServeHTTP({0xc0000c0221, 0x9}, {0x75ee60, 0xc0001320e0}, 0x0)\n"
        + "\tnet/http/pprof/pprof.go:253 +0x4a5\n"
        + "net/http.(*conn).serve(0xc0000afc20, {0x75f320, 0xc00009b3b0})\n"
        + "\tnet/http/server.go:1991 +0x607\n"
        + "created by net/http.(*Server).Serve\n"
        + "\tnet/http/server.go:3102 +0x4db\n\n"
        + "goroutine 40 [IO wait]:\n"
        + "net.(*conn).Read(0xc000090000, {0xc000092000, 0x1000, 0x1000})\n"
        + "\tnet/net.go:196 +0x45\n"
        + "main.proxy(...)\n"
        + "\texample.com/service/main.go:50\n"
        + "net/http.(*conn).serve(0xc0000afc20, {0x75f320, 0xc00009b3b0})\n"
        + "\tnet/http/server.go:1991 +0x607\n"
        + "created by net/http.(*Server).Serve\n"
        + "\tnet/http/server.go:3102 +0x4db\n";
    Profile p = GoroutineProfiles.parse(dump.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Profile kept = IgnoreRules.none().ignoreIdleConnections().apply(p);
    assertThat(kept.goroutines()).extracting(g -> g.id()).containsExactly(40L);
  }

  @Test
  void aProfileCanBeGivenItsTime() {
    Profile p = parse("1.27", "later.debug2.txt");
    assertThat(p.time()).isEmpty();
    Instant at = Instant.parse("2026-12-03T10:00:00.123456789Z");
    Profile timed = p.takenAt(at);
    assertThat(timed.time()).contains(at);
    assertThat(timed.samples()).isEqualTo(p.samples());
    assertThat(timed.declaredTotal()).isEqualTo(p.declaredTotal());
    assertThat(p.time()).isEmpty(); // unchanged
    assertThat(parse("1.27", "later.debug0.pb.gz").time()).hasValueSatisfying(t ->
        assertThat(t).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
    assertThatThrownBy(() -> p.takenAt(Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.takenAt(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    assertThat(GoroutineProfiles.parse(Fixtures.read("1.27", "healthy.debug2.txt")).time())
        .isEmpty();
  }

  /** Each site and suspect names the go statements that made its goroutines (debug=2). */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void sitesAndSuspectsNameTheirCreators(String v) {
    Profile dump = parse(v, "later.debug2.txt");
    Groups sites = Groups.of(dump, Grouping.firstUserFrame());
    Group pool = sites.list().get(0);
    assertThat(pool.key()).isEqualTo(AnalysisFixtureTest.POOL);
    assertThat(pool.creators()).containsExactly(
        new Group.Creator("main.setup example.com/leaky/v2/main.go:137", 150));
    Group workers = sites.list().stream().filter(g -> g.key().equals(AnalysisFixtureTest.WORKER))
        .findFirst().orElseThrow();
    assertThat(workers.creators()).extracting(Group.Creator::count).containsExactly(100L, 3L);
    Group ticker = sites.list().stream().filter(g -> g.key().startsWith("main.ticker "))
        .findFirst().orElseThrow();
    assertThat(ticker.creators()).extracting(Group.Creator::site)
        .containsExactly("main.setup example.com/leaky/v2/main.go:142");
    assertThat(ticker.samples().get(0).stateClass()).isEqualTo(StateClass.WAIT_GROUP);
    Suspect leak = LeakSuspects.of(List.of(parse(v, "first.debug2.txt"), dump)).get(0);
    assertThat(leak.creators()).containsExactly(
        new Group.Creator("main.handleRequest example.com/leaky/v2/main.go:85", 120));
    assertThat(Groups.of(parse(v, "later.debug0.pb.gz"), Grouping.firstUserFrame()).list())
        .allSatisfy(g -> assertThat(g.creators()).isEmpty());
  }

  /**
   * What {@code go tool pprof -proto -base later first} writes: counts that are differences. They
   * print signed, without shares, and rank no suspects.
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aDeltaProfilePrintsAsDeltas(String v) {
    Profile delta = parse(v, "delta.debug0.pb.gz");
    assertThat(delta.totalCount()).isEqualTo(-80);
    Summary summary = Summary.of(List.of(delta));
    assertThat(summary.isDelta()).isTrue();
    assertThat(summary.suspects()).isEmpty();
    String text = TextReports.summary(summary, 10);
    assertThat(text).startsWith("goroutine profile (debug=0), a delta: -80 goroutines in all "
        + "(counts are differences between two profiles)\n")
        .contains("     -80  chan send\n")
        .contains("     -80  " + LEAK + "\n")
        .contains("Leak suspects: not ranked in a delta profile")
        .doesNotContain("%");
    assertThat(Summary.of(List.of(parse(v, "later.debug0.pb.gz"))).isDelta()).isFalse();
  }

  /**
   * The workerpool incident: 150 workers queue on the cache's mutex, and the reaper waits for them
   * in WaitGroup.Wait. The summary names both, with the go statements that made them, in every
   * format of every Go version (before 1.24 the reaper prints as semacquire).
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void theWorkerpoolIncidentNamesTheMutexSiteAndTheReaper(String v) {
    for (String format : List.of("debug0.pb.gz", "debug1.txt", "debug2.txt")) {
      Summary s = Summary.of(List.of(parse(v, "later." + format)));
      assertThat(s.sites().list().get(0).key()).isEqualTo(AnalysisFixtureTest.POOL);
      assertThat(s.waiters()).extracting(Group::key).as(format)
          .contains("main.ticker example.com/leaky/v2/main.go:77");
      if (format.equals("debug2.txt")) {
        assertThat(s.sites().list().get(0).creators()).extracting(Group.Creator::site)
            .containsExactly("main.setup example.com/leaky/v2/main.go:137");
        assertThat(TextReports.summary(s, 10)).contains(
            "Waiting for other goroutines (WaitGroup.Wait, Cond.Wait):\n")
            .contains("       1   0.2%  main.ticker example.com/leaky/v2/main.go:77\n")
            .contains("                 created by main.setup example.com/leaky/v2/main.go:142\n");
      }
    }
  }
}
