package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.Sample;
import io.github.goroutines.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several dumps in one file, as real Go writes them (testdata/make.sh): a service log with two
 * runtime.Stack dumps and a panic, debug=1 profiles appended by a cron job, and one
 * GOTRACEBACK=crash dump whose thread sections must not split it.
 */
class MultiDumpFixtureTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static List<Profile> all(String version, String name) {
    return TextProfileParser.parseAll(Fixtures.read(version, name), ParseOptions.defaults());
  }

  static long leaked(Profile p) {
    return p.samples().stream()
        .filter(s -> s.stack().frames().stream()
            .anyMatch(f -> f.function().equals("main.handleRequest.func1")))
        .mapToLong(Sample::count).sum();
  }

  static Set<Long> ids(Profile p) {
    Set<Long> ids = new HashSet<>();
    p.goroutines().forEach(g -> ids.add(g.id()));
    return ids;
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void aServiceLogSplitsWhereEachDumpStarts(String v) {
    List<Profile> dumps = all(v, "multi.log.txt");
    assertThat(dumps).extracting(Profile::totalCount).containsExactly(48L, 56L, 55L);
    assertThat(dumps).extracting(MultiDumpFixtureTest::leaked).containsExactly(4L, 12L, 12L);
    // each runtime.Stack dump starts with the goroutine that wrote it; the two writers differ,
    // and neither belongs to the other dump (a repeated-id split put the second one in the first)
    Goroutine writer1 = dumps.get(0).goroutines().get(0);
    Goroutine writer2 = dumps.get(1).goroutines().get(0);
    for (Goroutine w : List.of(writer1, writer2)) {
      assertThat(w.state()).isEqualTo("running");
      assertThat(w.stack().frames()).extracting(Frame::function).contains("main.dumpFrom.func1");
    }
    assertThat(ids(dumps.get(0))).doesNotContain(writer2.id());
    assertThat(ids(dumps.get(1))).doesNotContain(writer1.id());
    // the panic opens the third dump: the panicking main goroutine first
    Goroutine panicking = dumps.get(2).goroutines().get(0);
    assertThat(panicking.id()).isEqualTo(1);
    assertThat(panicking.stack().frames()).extracting(Frame::function)
        .contains("main.serviceLog", "main.main");
    assertThat(dumps).allSatisfy(d -> assertThat(d.goroutines()).noneMatch(Goroutine::incomplete));

    Profile last = TextProfileParser.parse(Fixtures.read(v, "multi.log.txt"), ParseOptions.defaults());
    assertThat(last.totalCount()).isEqualTo(55);
    assertThat(last.diagnostics().problems()).last().asString()
        .startsWith("input holds 3 dumps; this is dump 3, from line ");
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void profilesAppendedByACronJobAreASeries(String v) {
    List<Profile> dumps = all(v, "multi.debug1.txt");
    assertThat(dumps).extracting(p -> p.declaredTotal().getAsLong()).containsExactly(47L, 51L, 55L);
    assertThat(dumps).extracting(Profile::totalCount).containsExactly(47L, 51L, 55L);
    assertThat(dumps).extracting(MultiDumpFixtureTest::leaked).containsExactly(4L, 8L, 12L);
    // the date line before each profile is text outside it
    assertThat(dumps.get(2).diagnostics().problems()).isEmpty();
  }

  private static final Pattern HEADER = Pattern.compile("(?m)^goroutine (\\d+) ");

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void threadSectionsOfACrashStayOneDump(String v) {
    String text = Fixtures.text(v, "crash.traceback-crash.txt");
    int firstSeparator = text.indexOf("\n-----\n");
    assertThat(firstSeparator).isPositive();
    // the oracle, from the text: headers, and non-zero ids that a thread section shows again
    List<Long> repeats = new ArrayList<>();
    Set<Long> before = new HashSet<>();
    int headers = 0;
    Matcher m = HEADER.matcher(text);
    while (m.find()) {
      headers++;
      long id = Long.parseLong(m.group(1));
      if (m.start() < firstSeparator) {
        before.add(id);
      } else if (id != 0 && before.contains(id)) {
        repeats.add(id);
      }
    }
    List<Profile> dumps = all(v, "crash.traceback-crash.txt");
    assertThat(dumps).hasSize(1);
    Profile crash = dumps.get(0);
    assertThat(crash.goroutines()).hasSize(headers - repeats.size());
    List<Long> nonZero = crash.goroutines().stream().map(Goroutine::id).filter(id -> id != 0).toList();
    assertThat(nonZero).doesNotHaveDuplicates();
    assertThat(crash.diagnostics().problems()).hasSize(repeats.size());
    for (long id : repeats) {
      assertThat(crash.diagnostics().problems())
          .anyMatch(p -> p.startsWith("goroutine " + id + " appears again in a thread section"));
    }
    assertThat(leaked(crash)).isEqualTo(4);
  }
}
