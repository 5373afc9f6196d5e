package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Top} and {@link TextReports#traces} against what real {@code go tool pprof -top} and
 * {@code -traces} printed for the same files (recorded by testdata/make.sh with each Go version's
 * own pprof). The header lines differ between pprof versions (time format), so the comparison
 * starts at "Showing nodes" and at the first separator.
 */
class PprofEquivalenceTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }

  static String from(String text, String marker) {
    int at = text.indexOf(marker);
    assertThat(at).as("marker %s", marker).isNotNegative();
    return text.substring(at);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void topEqualsPprof(String v) {
    for (String moment : List.of("first", "later")) {
      Profile p = GoroutineProfiles.parse(Fixtures.read(v, moment + ".debug0.pb.gz"));
      String ours = TextReports.top(p, Top.of(p, false));
      String pprof = Fixtures.text(v, moment + ".pprof-top.txt");
      assertThat(from(ours, "Showing nodes")).isEqualTo(from(pprof, "Showing nodes"));
      assertThat(ours).startsWith(String.join("\n",
          Arrays.asList(pprof.split("\n")).subList(0, pprof.startsWith("File:") ? 2 : 1)));
    }
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void topWithANodeCountEqualsPprof(String v) {
    Profile p = GoroutineProfiles.parse(Fixtures.read(v, "later.debug0.pb.gz"));
    String ours = TextReports.top(p, Top.of(p, false, 5));
    assertThat(from(ours, "Showing nodes"))
        .isEqualTo(from(Fixtures.text(v, "later.pprof-top5.txt"), "Showing nodes"))
        .contains("Showing top 5 nodes out of ");
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void tracesEqualPprof(String v) {
    for (String moment : List.of("first", "later")) {
      Profile p = GoroutineProfiles.parse(Fixtures.read(v, moment + ".debug0.pb.gz"));
      String separator = "-----------+";
      assertThat(from(TextReports.traces(p), separator))
          .isEqualTo(from(terminalSafe(Fixtures.text(v, moment + ".pprof-traces.txt")), separator));
    }
  }

  /**
   * A debug=2 dump has one sample per goroutine; traces prints those with the same stack and
   * labels as one record, as a debug=0 profile holds them, so 100 idle workers are one record of
   * 100 and not 100 records.
   */
  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void tracesOfADumpCountIdenticalStacksOnce(String v) {
    Profile p = GoroutineProfiles.parse(Fixtures.read(v, "later.debug2.txt"));
    String traces = TextReports.traces(p);
    String separator = "-----------+-------------------------------------------------------\n";
    long distinct = p.goroutines().stream()
        .map(g -> List.of(g.stack(), g.labels())).distinct().count();
    String[] parts = traces.split(java.util.regex.Pattern.quote(separator), -1);
    assertThat(parts).hasSize((int) distinct + 2); // the header, the records, after the last
    assertThat(traces).contains(separator + "       100   main.worker\n" + separator);
    long counted = Arrays.stream(parts).skip(1)
        .filter(r -> !r.isBlank())
        .mapToLong(r -> Long.parseLong(r.lines().filter(l -> !l.contains(":  "))
            .findFirst().orElseThrow().trim().split(" +")[0]))
        .sum();
    assertThat(counted).isEqualTo(403);
  }

  /**
   * What pprof prints, with the label values it writes raw (a line break and tab, a bell) escaped
   * as the text reports escape them: a report never moves the cursor or rings the terminal.
   */
  static String terminalSafe(String pprof) {
    String safe = pprof.replace("é\n\t\n", "é\\n\\t\n").replace("\u0007", "\\x07");
    assertThat(safe).as("the recording holds the escaped labels").isNotEqualTo(pprof);
    return safe;
  }
}
