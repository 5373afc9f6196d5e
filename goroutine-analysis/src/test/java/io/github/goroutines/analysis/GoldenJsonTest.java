package io.github.goroutines.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole model of real Go output, pinned: {@link JsonReports#profile} of every dump of each
 * fixture equals its golden file under {@code testdata/golden/go1.NN/}, so a change in any field
 * (header fields, elision, label order, arguments, creators) shows up in review, like pprof's
 * {@code .string} files. After an intended change, rewrite them and read the diff:
 *
 * <pre>
 * mvn -B -ntp test -pl goroutine-analysis -am -Dtest=GoldenJsonTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 */
class GoldenJsonTest {
  static final List<String> FILES = List.of("later.debug0.pb.gz", "later.debug1.txt",
      "multi.log.txt", "crash.traceback-crash.txt");

  static Stream<Arguments> fixtures() {
    return Fixtures.GO_VERSIONS.stream()
        .flatMap(v -> FILES.stream().map(f -> Arguments.of(v, f)));
  }

  @ParameterizedTest(name = "go{0} {1}")
  @MethodSource("fixtures")
  void modelEqualsItsGoldenFile(String version, String file) throws IOException {
    StringBuilder json = new StringBuilder();
    // the whole model, with the traceback text that is kept only on request
    ParseOptions all = ParseOptions.defaults().withTracebackText(true);
    for (Profile p : GoroutineProfiles.parseAll(Fixtures.read(version, file), all)) {
      json.append(JsonReports.profile(p)).append('\n');
    }
    Path golden = Fixtures.testdata().resolve("golden").resolve("go" + version)
        .resolve(file + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, json);
    }
    assertThat(golden).as("golden file; write it with -Dgolden.update=true").exists();
    assertThat(json.toString()).isEqualTo(Files.readString(golden));
  }
}
