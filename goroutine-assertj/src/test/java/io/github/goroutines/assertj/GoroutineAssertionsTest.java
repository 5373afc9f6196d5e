package io.github.goroutines.assertj;

import static io.github.goroutines.assertj.GoroutineAssertions.assertThat;
import static io.github.goroutines.assertj.GoroutineAssertions.assertThatSnapshots;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.analysis.Diff;
import io.github.goroutines.analysis.FunctionMatcher;
import io.github.goroutines.analysis.Grouping;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.StateClass;
import io.github.goroutines.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assertions on the real fixtures: gen's leak (main.handleRequest.func1 grows 40 -> 120 over a
 * minute), its other goroutines that never move, and the healthy server. Failure messages are
 * asserted whole: they are the product.
 */
class GoroutineAssertionsTest {
  static final String LEAK = "main.handleRequest.func1 example.com/leaky/v2/main.go:87";
  static final List<String> FORMATS = List.of("debug0.pb.gz", "debug1.txt", "debug2.txt");

  static Profile parse(String v, String name) {
    return GoroutineProfiles.parse(Fixtures.read(v, name));
  }

  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void theLeakFailsLeaksNothingInEveryFormatAndGoVersion(String v) {
    for (String format : FORMATS) {
      Profile first = parse(v, "first." + format);
      Profile later = parse(v, "later." + format);
      assertThatThrownBy(() -> assertThatSnapshots(first, later).leaksNothing()).as(format)
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("Expecting no goroutine to leak, but 1 site grew by 80 (323 -> "
              + "403 goroutines over 2 snapshots")
          .hasMessageContaining("\n  +80 at " + LEAK + " (40 -> 120)\n");
      // what the service expects, or what did not grow, passes
      assertThatCode(() -> assertThatSnapshots(first, later)
          .ignoringTopFunction("main.handleRequest.func1").leaksNothing()).doesNotThrowAnyException();
      assertThatCode(() -> assertThatSnapshots(first, later).grewAtMost(80)
          .hasNoGrowthAt("main.worker").hasNoGrowthAt("main.(*Cache).LoadOrStore "
              + "example.com/leaky/v2/main.go:49")).as(format).doesNotThrowAnyException();
      assertThatCode(() -> assertThatSnapshots(later, later).leaksNothing())
          .doesNotThrowAnyException();
      if (format.startsWith("debug0")) {
        // protobuf profiles say when they were taken: given backwards, they are put in order
        assertThatThrownBy(() -> assertThatSnapshots(later, first).leaksNothing())
            .hasMessageContaining("\n  +80 at " + LEAK + " (40 -> 120)\n");
      } else {
        // text dumps do not: the same counts the other way round are a leak shrinking back
        assertThatCode(() -> assertThatSnapshots(later, first).leaksNothing())
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void leaksNothingNamesTheSiteItsGrowthStateWaitCreatorAndStack() {
    Profile first = parse("1.25", "first.debug2.txt");
    Profile later = parse("1.25", "later.debug2.txt");
    assertThatThrownBy(() -> assertThatSnapshots(first, later).as("checkout").leaksNothing())
        .hasMessage("[checkout] Expecting no goroutine to leak, but 1 site grew by 80 (323 -> 403 "
            + "goroutines over 2 snapshots):\n"
            + "\n"
            + "  +80 at " + LEAK + " (40 -> 120)\n"
            + "      chan send, waiting 1 minutes\n"
            + "      created by main.handleRequest example.com/leaky/v2/main.go:85 (120)\n"
            + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n");
    // protobuf profiles say when they were taken, and carry the runtime's frames, left out here
    assertThatThrownBy(() -> assertThatSnapshots(parse("1.25", "first.debug0.pb.gz"),
        parse("1.25", "later.debug0.pb.gz")).leaksNothing())
        .hasMessage("Expecting no goroutine to leak, but 1 site grew by 80 (323 -> 403 goroutines "
            + "over 2 snapshots, 61 s apart):\n"
            + "\n"
            + "  +80 at " + LEAK + " (40 -> 120)\n"
            + "      chan send\n"
            + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n");
  }

  @Test
  void aBaselineLeavesOutTheGoroutinesThatWereThereBefore() {
    Profile first = parse("1.25", "first.debug2.txt");
    Profile later = parse("1.25", "later.debug2.txt");
    // by goroutine id: the 80 goroutines started after the first snapshot are left
    assertThatThrownBy(() -> assertThat(later).ignoringGoroutinesOf(first).hasTotalAtMost(79))
        .hasMessage("Expecting at most 79 goroutines, but there are 80; the largest sites:\n"
            + "\n"
            + "  80 at " + LEAK + "\n"
            + "      chan send, waiting 1 minutes\n"
            + "      created by main.handleRequest example.com/leaky/v2/main.go:85 (80)\n"
            + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n"
            + "\n"
            + "(323 goroutines not counted: ignoringGoroutinesOf(a baseline of 323))");
    assertThatCode(() -> assertThat(later).ignoringGoroutinesOf(first).hasTotalAtMost(80)
        .hasAtMost(0).goroutinesAt("main.worker")).doesNotThrowAnyException();
    // by count per similar stack when there are no ids
    for (String format : FORMATS) {
      assertThatThrownBy(() -> assertThat(parse("1.25", "later." + format))
          .ignoringGoroutinesOf(parse("1.25", "first." + format)).hasTotalAtMost(79))
          .as(format).hasMessageStartingWith(
              "Expecting at most 79 goroutines, but there are 80; the largest sites:\n\n  80 at "
                  + LEAK + "\n");
    }
    // in every snapshot of a growth check: what is new since the baseline still grew
    assertThatThrownBy(() -> assertThatSnapshots(first, later).ignoringGoroutinesOf(first)
        .leaksNothing()).hasMessageContaining("  +80 at " + LEAK + " (0 -> 80)\n")
        .hasMessageEndingWith("\n(323 goroutines not counted: ignoringGoroutinesOf(a baseline of "
            + "323))");
  }

  @Test
  void functionsAndStates() {
    Profile later = parse("1.25", "later.debug2.txt");
    assertThatThrownBy(() -> assertThat(later).hasNoGoroutinesIn("main.handleRequest.func1"))
        .hasMessage("Expecting no goroutine in main.handleRequest.func1, but found 120 at 1 site:\n"
            + "\n"
            + "  120 at " + LEAK + "\n"
            + "      chan send, waiting 1 minutes\n"
            + "      created by main.handleRequest example.com/leaky/v2/main.go:85 (120)\n"
            + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n");
    // any frame: sync.(*WaitGroup).Wait is below main.ticker
    assertThatThrownBy(() -> assertThat(later)
        .hasNoGoroutinesIn(FunctionMatcher.exact("sync.(*WaitGroup).Wait")))
        .hasMessage("Expecting no goroutine in a function matching = sync.(*WaitGroup).Wait, but "
            + "found 1 at 1 site:\n"
            + "\n"
            + "  1 at main.ticker example.com/leaky/v2/main.go:77\n"
            + "      sync.WaitGroup.Wait, waiting 1 minutes\n"
            + "      created by main.setup example.com/leaky/v2/main.go:142 (1)\n"
            + "        sync.runtime_SemacquireWaitGroup  runtime/sema.go:114\n"
            + "        sync.(*WaitGroup).Wait  sync/waitgroup.go:206\n"
            + "        main.ticker  example.com/leaky/v2/main.go:77\n");
    assertThatThrownBy(() -> assertThat(later).hasNoGoroutinesInState(StateClass.WAIT_GROUP))
        .hasMessageStartingWith("Expecting no goroutine in state WAIT_GROUP, but found 1 at 1 "
            + "site:\n\n  1 at main.ticker example.com/leaky/v2/main.go:77\n");
    assertThatThrownBy(() -> assertThat(later).hasNoGoroutinesIn("example.com/leaky/v2/pool*"))
        .hasMessageStartingWith("Expecting no goroutine in example.com/leaky/v2/pool*, but found ");
    assertThatCode(() -> assertThat(later).ignoringFunction("main.handleRequest*")
        .hasNoGoroutinesIn("main.handleRequest.func1").hasNoGoroutinesIn("main.nothing")
        .hasNoGoroutinesInState(StateClass.RUNNABLE)).doesNotThrowAnyException();
  }

  @Test
  void countsAtASite() {
    Profile later = parse("1.25", "later.debug2.txt");
    assertThatThrownBy(() -> assertThat(later).as("after the scenario").hasAtMost(10)
        .goroutinesAt("main.worker"))
        .hasMessage("[after the scenario] Expecting at most 10 goroutines at main.worker, but "
            + "there are 103:\n"
            + "\n"
            + "  103 at main.worker example.com/leaky/v2/main.go:66\n"
            + "      chan receive, waiting 1 minutes\n"
            + "      created by main.setup example.com/leaky/v2/main.go:132 (100)\n"
            + "      created by main.setup example.com/leaky/v2/main.go:218 (3)\n"
            + "        main.worker  example.com/leaky/v2/main.go:66\n");
    assertThatCode(() -> assertThat(later).hasAtMost(103).goroutinesAt("main.worker")
        .hasAtMost(120).goroutinesAt(LEAK).hasAtMost(0).goroutinesAt("main.work"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(later).hasAtMostGoroutinesAt(119, LEAK))
        .hasMessageStartingWith("Expecting at most 119 goroutines at " + LEAK
            + ", but there are 120:\n");
  }

  @Test
  void totalsTrimTheReportToFiveSites() {
    assertThatThrownBy(() -> assertThat(parse("1.25", "later.debug2.txt")).hasTotalAtMost(402))
        .hasMessageStartingWith("Expecting at most 402 goroutines, but there are 403; the largest "
            + "sites:\n\n  150 at main.(*Cache).LoadOrStore example.com/leaky/v2/main.go:49\n"
            + "      sync.Mutex.Lock, waiting 1 minutes\n")
        .hasMessageEndingWith("\n  and 25 more sites\n")
        .satisfies(e -> Assertions.assertThat(e.getMessage().split("\n  [0-9]+ at ")).hasSize(6));
    assertThatCode(() -> assertThat(parse("1.25", "later.debug0.pb.gz")).hasTotalAtMost(403))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void waitTimesNeedDebug2(String v) {
    Profile later = parse(v, "later.debug2.txt");
    // Go printed "1 minutes": waited at least a minute, not known to be longer
    assertThatCode(() -> assertThat(later).hasNoGoroutinesBlockedLongerThan(Duration.ofMinutes(1)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(later).ignoringGoroutinesOf(parse(v, "first.debug2.txt"))
        .hasNoGoroutinesBlockedLongerThan(Duration.ofSeconds(59)))
        .hasMessageStartingWith("Expecting no goroutine blocked longer than 59 seconds, but found "
            + "80 at 1 site:\n\n  80 at " + LEAK + "\n      chan send, waiting 1 minutes\n");
    for (String format : List.of("debug0.pb.gz", "debug1.txt")) {
      assertThatThrownBy(() -> assertThat(parse(v, "later." + format))
          .hasNoGoroutinesBlockedLongerThan(Duration.ofMinutes(5)))
          .hasMessage("Expecting no goroutine blocked longer than 5 minutes, but the profile is "
              + (format.startsWith("debug0") ? "debug=0" : "debug=1") + ", which has no wait "
              + "times: take it with debug=2");
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void leakSuspects(String v) {
    for (String format : FORMATS) {
      assertThatCode(() -> assertThat(parse(v, "healthy." + format)).hasNoLeakSuspects())
          .as(format).doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> assertThat(parse(v, "later.debug2.txt")).hasNoLeakSuspects())
        .hasMessageStartingWith("Expecting no leak suspect, but found ")
        .hasMessageContaining("  1 at main.setup.func2 example.com/leaky/v2/main.go:148 (score "
            + "30.0: 1 blocked forever: nothing can wake them (chan receive (nil chan)))\n"
            + "      chan receive (nil chan), waiting 1 minutes\n");
  }

  @Test
  void aDiffAloneKnowsCountsAndOneStack() {
    Profile first = parse("1.25", "first.debug2.txt");
    Profile later = parse("1.25", "later.debug2.txt");
    Diff bySite = Diff.of(List.of(first, later), Grouping.firstUserFrame());
    assertThatThrownBy(() -> assertThat(bySite).leaksNothing())
        .hasMessage("Expecting no goroutine to leak, but 1 site grew by 80 (323 -> 403 goroutines "
            + "over 2 snapshots):\n"
            + "\n"
            + "  +80 at " + LEAK + " (40 -> 120)\n"
            + "        main.handleRequest.func1  example.com/leaky/v2/main.go:87\n");
    assertThatCode(() -> assertThat(bySite).ignoringTopFunction("main.handleRequest.func1")
        .leaksNothing().hasNoGrowthAt("main.worker")).doesNotThrowAnyException();
    // a baseline's count per group comes off every snapshot's
    assertThatCode(() -> assertThat(bySite).ignoringGoroutinesOf(later).leaksNothing())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(bySite).grewAtMost(79))
        .hasMessageStartingWith("Expecting at most 79 more goroutines, but there are 80 more (323 "
            + "-> 403 goroutines over 2 snapshots); the sites that grew:\n\n  +80 at " + LEAK);
    // any grouping: by state class
    Diff byState = Diff.of(List.of(first, later), Grouping.stateClass());
    assertThatThrownBy(() -> assertThat(byState).hasNoGrowthAt("CHAN_SEND"))
        .hasMessageStartingWith("Expecting no growth at CHAN_SEND, but it grew by 80 (323 -> 403 "
            + "goroutines over 2 snapshots):\n\n  +80 at CHAN_SEND (42 -> 122)\n");
  }

  @Test
  void softAssertionsCollectEveryFailure() {
    Profile first = parse("1.25", "first.debug2.txt");
    Profile later = parse("1.25", "later.debug2.txt");
    GoroutineSoftAssertions softly = new GoroutineSoftAssertions();
    softly.assertThat(later).hasAtMost(10).goroutinesAt("main.worker")
        .hasNoGoroutinesIn("main.handleRequest.func1").hasTotalAtMost(1000);
    softly.assertThatSnapshots(first, later).ignoringIdleConnections().leaksNothing();
    softly.assertThat(Diff.of(List.of(first, later), Grouping.firstUserFrame())).grewAtMost(100);
    Assertions.assertThat(softly.errorsCollected()).extracting(Throwable::getMessage)
        .map(m -> m.substring(0, m.indexOf(',')))
        .containsExactly("Expecting at most 10 goroutines at main.worker",
            "Expecting no goroutine in main.handleRequest.func1",
            "Expecting no goroutine to leak");
    assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
  }

  @Test
  void namesFromTheDumpCannotDriveTheTerminal() {
    String dump = "goroutine 7 [chan receive\u001b[1m\u0007, 3 minutes]:\n"
        + "main.evil\u001b[31mred(...)\n\t/app/main.go:10 +0x1d\n"
        + "created by main.main in goroutine 1\n\t/app/main.go:5 +0x2e\n";
    Profile p = GoroutineProfiles.parse(dump.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(() -> assertThat(p).hasTotalAtMost(0))
        .hasMessage("Expecting at most 0 goroutines, but there are 1; the largest sites:\n"
            + "\n"
            + "  1 at main.evil\\x1b[... /app/main.go:10\n"
            + "      chan receive\\x1b[1m\\x07, waiting 3 minutes\n"
            + "      created by main.main /app/main.go:5 (1)\n"
            + "        main.evil\\x1b[31mred  /app/main.go:10\n");
  }

  @Test
  void misuseIsSaidPlainly() {
    assertThatThrownBy(() -> assertThat((Profile) null).hasTotalAtMost(1))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> GoroutineAssertions.assertThatSnapshots(
        List.of(parse("1.25", "first.debug2.txt"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("growth needs two snapshots or more, not 1");
    assertThatThrownBy(() -> assertThat(parse("1.25", "first.debug2.txt")).ignoringFunction("*"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
