package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.testing.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact values from the dumps testdata/make.sh wrote with real Go 1.19 … 1.27. */
class FixtureTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static Profile parse(String version, String name) {
    return TextProfileParser.parse(Fixtures.read(version, name), ParseOptions.defaults().withStrict(true));
  }


  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void totalsOfBothMoments(String v) {
    for (String moment : List.of("first", "later")) {
      long expected = moment.equals("first") ? 323 : 403;
      Profile d1 = parse(v, moment + ".debug1.txt");
      assertThat(d1.declaredTotal()).hasValue(expected);
      assertThat(d1.totalCount()).isEqualTo(expected);
      assertThat(d1.diagnostics().clean()).isTrue();
      Profile d2 = parse(v, moment + ".debug2.txt");
      assertThat(d2.goroutines()).hasSize((int) expected);
      assertThat(d2.goroutines()).noneMatch(Goroutine::incomplete);
      assertThat(d2.diagnostics().clean()).isTrue();
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void twoParsesOfOneInputAreEqual(String v) {
    for (String name : List.of("later.debug1.txt", "later.debug2.txt", "crash.sigquit.txt")) {
      byte[] input = Fixtures.read(v, name);
      Profile once = TextProfileParser.parse(input, ParseOptions.defaults());
      Profile fromStream = TextProfileParser.parse(new java.io.ByteArrayInputStream(input),
          ParseOptions.defaults());
      assertThat(fromStream).as(name).isEqualTo(once).hasSameHashCodeAs(once);
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void debug1AndDebug2OfOneMomentAgreeOnStacks(String v) {
    for (String moment : List.of("first", "later")) {
      Map<List<String>, Long> d1 = new HashMap<>();
      for (Sample s : parse(v, moment + ".debug1.txt").samples()) {
        if (!isWriter(s.stack())) {
          d1.merge(normalize(s.stack()), s.count(), Long::sum);
        }
      }
      Map<List<String>, Long> d2 = new HashMap<>();
      for (Goroutine g : parse(v, moment + ".debug2.txt").goroutines()) {
        if (!isWriter(g.stack())) {
          d2.merge(normalize(g.stack()), 1L, Long::sum);
        }
      }
      assertThat(d2).isEqualTo(d1);
      assertThat(d1.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(
          moment.equals("first") ? 322 : 402);
    }
  }

  /** The goroutine that wrote the dump; its frames differ between the two writes. */
  static boolean isWriter(Stack s) {
    return s.frames().stream().anyMatch(f -> f.function().startsWith("runtime/pprof."))
        && s.frames().stream().anyMatch(f -> f.function().equals("main.writeProfile"));
  }

  /**
   * Functions without runtime frames and compiler wrappers (debug=2 hides them), at most the
   * innermost 20 (debug=1 stops at 32 PCs before Go 1.23, debug=2 elides after 50 or 100).
   */
  static List<String> normalize(Stack s) {
    return s.frames().stream()
        .filter(f -> f.kind() != FrameKind.RUNTIME)
        .map(Frame::functionName)
        .filter(n -> !n.suffix().contains("wrap") && !n.suffix().equals("-fm"))
        .map(FunctionName::normalized)
        .limit(20)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void theIncidentGoroutines(String v) {
    Profile later = parse(v, "later.debug2.txt");
    List<Goroutine> pool = later.goroutines().stream()
        .filter(g -> g.stack().contains("main.(*Cache).LoadOrStore")).toList();
    assertThat(pool).hasSize(150).allSatisfy(g -> {
      assertThat(g.state()).isEqualTo(Fixtures.minor(v) >= 20 ? "sync.Mutex.Lock" : "semacquire");
      assertThat(g.stateClass()).isEqualTo(StateClass.MUTEX);
      assertThat(g.waitMinutes()).hasValue(1);
      assertThat(g.stack().firstUserFrame().map(Frame::function))
          .contains("main.(*Cache).LoadOrStore");
      assertThat(g.createdBy().map(Frame::function)).contains("main.setup");
      assertThat(g.creatorId()).isEqualTo(Fixtures.minor(v) >= 21
          ? java.util.OptionalLong.of(1) : java.util.OptionalLong.empty());
    });
    Goroutine ticker = later.goroutines().stream()
        .filter(g -> g.stack().contains("main.ticker")).findFirst().orElseThrow();
    assertThat(ticker.state()).isEqualTo(Fixtures.minor(v) >= 24 ? "sync.WaitGroup.Wait" : "semacquire");
    assertThat(ticker.waitMinutes()).hasValue(1);
    assertThat(ticker.stack().frames()).extracting(Frame::function)
        .containsSubsequence("sync.(*WaitGroup).Wait", "main.ticker");
    Goroutine firstTicker = parse(v, "first.debug2.txt").goroutines().stream()
        .filter(g -> g.stack().contains("main.ticker")).findFirst().orElseThrow();
    assertThat(firstTicker.waitMinutes()).isEmpty();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void theLeakGrows(String v) {
    for (String moment : List.of("first", "later")) {
      List<Goroutine> leaked = parse(v, moment + ".debug2.txt").goroutines().stream()
          .filter(g -> g.stack().innermost().map(Frame::function)
              .filter(f -> f.equals("main.handleRequest.func1")).isPresent())
          .toList();
      assertThat(leaked).hasSize(moment.equals("first") ? 40 : 120)
          .allSatisfy(g -> assertThat(g.state()).isEqualTo("chan send"));
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void everyWayOfBlocking(String v) {
    Map<String, Long> states = parse(v, "later.debug2.txt").goroutines().stream()
        .collect(Collectors.groupingBy(Goroutine::state, Collectors.counting()));
    assertThat(states).containsEntry("chan send", 121L)
        .containsEntry("chan receive (nil chan)", 1L)
        .containsEntry("chan send (nil chan)", 1L)
        .containsEntry("select", 1L)
        .containsEntry("select (no cases)", 1L)
        .containsEntry("sync.Cond.Wait", 1L)
        .containsEntry("sleep", 1L)
        .containsEntry("IO wait", 2L)
        .containsEntry("syscall", 1L)
        .containsEntry("running", 1L);
    if (Fixtures.minor(v) >= 20) {
      assertThat(states).containsEntry("sync.RWMutex.RLock", 1L).containsEntry("sync.RWMutex.Lock", 1L);
    }
    Goroutine locked = parse(v, "later.debug2.txt").goroutines().stream()
        .filter(Goroutine::lockedToThread).findFirst().orElseThrow();
    assertThat(locked.state()).isEqualTo("chan receive");
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void deepRecursionIsCut(String v) {
    Goroutine deep = parse(v, "later.debug2.txt").goroutines().stream()
        .filter(g -> g.stack().contains("main.recurse")).findFirst().orElseThrow();
    if (Fixtures.minor(v) >= 21) {
      assertThat(deep.stack().elided()).isTrue();
      assertThat(deep.stack().elidedFrames()).hasValue(51);
      assertThat(deep.stack().elisionIndex()).hasValue(50);
      assertThat(deep.stack().depth()).isEqualTo(100);
    } else {
      // Go 1.19 counts hidden frames against its limit of 100 and prints no marker
      assertThat(deep.stack().elided()).isFalse();
      assertThat(deep.stack().depth()).isEqualTo(97);
    }
    Sample record = parse(v, "later.debug1.txt").samples().stream()
        .filter(s -> s.stack().contains("main.recurse")).findFirst().orElseThrow();
    assertThat(record.addresses().count()).isEqualTo(Fixtures.minor(v) >= 23 ? 128 : 32);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void labelsOfDebug1AndOfGo127Headers(String v) {
    Map<String, List<String>> expected = Map.of(
        "bell", List.of("\u0007"), "empty", List.of(""), "raw", List.of("a\uFFFDb"),
        "req", List.of("a \"q\" é\n\t"), "user", List.of("alice"), "zh", List.of("中"));
    Sample labelled = parse(v, "later.debug1.txt").samples().stream()
        .filter(s -> s.labels().get("user").isPresent()).findFirst().orElseThrow();
    assertThat(labelled.labels().asMap()).isEqualTo(expected);
    assertThat(labelled.count()).isEqualTo(1);
    long jobs = parse(v, "later.debug1.txt").samples().stream()
        .filter(s -> s.labels().get("job").filter("sync"::equals).isPresent())
        .mapToLong(Sample::count).sum();
    assertThat(jobs).isEqualTo(3);
    List<Goroutine> withLabels = parse(v, "later.debug2.txt").goroutines().stream()
        .filter(g -> !g.labels().isEmpty()).toList();
    if (Fixtures.minor(v) >= 27) {
      assertThat(withLabels).hasSize(4);
      assertThat(withLabels).anySatisfy(g -> assertThat(g.labels().asMap()).isEqualTo(expected));
    } else {
      assertThat(withLabels).isEmpty();
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void crashOutput(String v) {
    Profile panic = TextProfileParser.parse(Fixtures.read(v, "crash.panic.txt"), ParseOptions.defaults());
    assertThat(panic.goroutines().get(0).state()).isEqualTo("running");
    assertThat(panic.goroutines().get(0).stack().contains("main.main")).isTrue();
    assertThat(panic.goroutines()).hasSizeGreaterThan(300).noneMatch(Goroutine::incomplete);
    // the panic's line is its crash's headline, not text skipped
    assertThat(panic.crash().map(c -> c.headline()))
        .contains("panic: fixture crash: all goroutines follow");
    assertThat(panic.diagnostics().skippedLines()).isZero();
    List<Profile> quit = TextProfileParser.parseAll(Fixtures.read(v, "crash.sigquit.txt"),
        ParseOptions.defaults().withTracebackText(true));
    assertThat(quit).hasSize(1);
    List<Goroutine> gs = quit.get(0).goroutines();
    assertThat(gs).hasSizeGreaterThan(300).noneMatch(Goroutine::incomplete);
    // GOTRACEBACK=system: runtime frames with fp/sp/pc, system goroutines; gp= headers from 1.23
    assertThat(gs).anySatisfy(g -> assertThat(g.traceback().frameExtras()).anyMatch(x -> x.startsWith("fp=0x")));
    if (Fixtures.minor(v) >= 23) {
      assertThat(gs).allSatisfy(g -> assertThat(g.traceback().headerFields()).containsKeys("gp", "m"));
    }
    // GODEBUG=tracebackancestors=2
    assertThat(gs).anySatisfy(g -> assertThat(g.ancestors()).isNotEmpty());
    assertThat(gs).anySatisfy(g -> assertThat(g.stateClass()).isEqualTo(StateClass.RUNTIME));
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void leakProfileOfGo127(String v) {
    if (!Fixtures.exists(v, "leak.debug1.txt")) {
      assertThat(Fixtures.minor(v)).isLessThan(26);
      return;
    }
    Profile leak = parse(v, "leak.debug1.txt");
    assertThat(leak.type()).isEqualTo("goroutineleak");
    Profile after = parse(v, "leaked.debug2.txt");
    long marked = after.goroutines().stream().filter(Goroutine::leaked).count();
    assertThat(marked).isEqualTo(leak.declaredTotal().orElseThrow());
    assertThat(after.goroutines().stream().filter(Goroutine::leaked))
        .allSatisfy(g -> assertThat(g.waitMinutes()).isEmpty());
  }
}
