package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text file of the shared public corpus (../shared/corpus/public, listed in its SOURCES.md
 * with format debug1, debug2 or crash-log) parses leniently; where SOURCES.md states what the
 * source repository expects, the values match.
 */
class CorpusTest {
  static Stream<String> textFiles() throws IOException {
    Path corpus = Fixtures.corpusOrSkip();
    List<String> files = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^#### `([^`]+)`\\n(?:.*\\n){0,3}?- Format: (\\w[\\w-]*)")
        .matcher(Files.readString(corpus.resolve("SOURCES.md")));
    while (m.find()) {
      // SOURCES.md counts the threadcreate text profile as debug1: same grammar, not goroutines
      if (List.of("debug1", "debug2", "crash-log").contains(m.group(2))
          && !m.group(1).equals(THREADCREATE)) {
        files.add(m.group(1));
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    return files.stream();
  }

  static List<Profile> parse(String file) {
    byte[] bytes = Fixtures.read(Fixtures.corpusOrSkip().resolve(file));
    return TextProfileParser.parseAll(bytes, ParseOptions.defaults());
  }

  static Profile one(String file) {
    List<Profile> all = parse(file);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  static final String THREADCREATE = "pprof/go.godoc.thread";

  @Test
  void aThreadcreateProfileIsNotAGoroutineDump() {
    byte[] bytes = Fixtures.read(Fixtures.corpusOrSkip().resolve(THREADCREATE));
    assertThat(TextProfileParser.recognize(bytes)).isEmpty();
    assertThatThrownBy(() -> TextProfileParser.parseAll(bytes, ParseOptions.defaults()))
        .hasMessageStartingWith("not a goroutine profile: a threadcreate profile (debug=1 text)")
        .hasMessageEndingWith("\"threadcreate profile: total 7\" (line 1)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textFiles")
  void parsesLeniently(String file) {
    List<Profile> profiles = parse(file);
    assertThat(profiles).as(file).isNotEmpty();
    for (Profile p : profiles) {
      assertThat(p.samples()).as(file).isNotEmpty();
      p.declaredTotal().ifPresent(t -> assertThat(p.totalCount()).as(file).isEqualTo(t));
    }
  }

  @Test
  void gostackparseExpectations() {
    Profile ancestors = one("gostackparse/ancestors.txt");
    assertThat(ancestors.goroutines()).extracting(Goroutine::id).containsExactly(1L, 25L, 29L);
    Goroutine g25 = ancestors.goroutines().get(1);
    assertThat(g25.state()).isEqualTo("chan receive");
    assertThat(g25.stack().depth()).isEqualTo(2);
    assertThat(g25.createdBy().map(Frame::function)).contains("main.d1");
    assertThat(g25.ancestors()).extracting(a -> a.goroutineId()).containsExactly(24L, 23L, 22L, 21L, 20L, 1L);
    assertThat(ancestors.goroutines().get(2).ancestors()).extracting(a -> a.goroutineId())
        .containsExactly(28L, 27L, 26L, 1L);

    Profile cgo = one("gostackparse/cgo.txt");
    assertThat(cgo.goroutines()).extracting(Goroutine::id).containsExactly(1L, 6L, 7L);
    assertThat(cgo.goroutines()).extracting(g -> g.stack().depth()).containsExactly(4, 2, 5);
    assertThat(cgo.goroutines().get(2).lockedToThread()).isTrue();

    Profile empty = one("gostackparse/empty_stack.txt");
    assertThat(empty.goroutines()).allMatch(Goroutine::incomplete);
    assertThat(empty.diagnostics().problems()).hasSize(2);

    Profile errors = one("gostackparse/errorhandling.txt");
    assertThat(errors.goroutines().stream().filter(g -> !g.incomplete()).map(Goroutine::id))
        .containsExactly(1L, 3L);
    assertThat(errors.goroutines().get(2).createdBy().map(Frame::location))
        .contains("/example/main.go:110");

    Profile elided = one("gostackparse/frameselided.txt");
    Goroutine deep = elided.goroutines().get(0);
    assertThat(deep.stack().depth()).isEqualTo(100);
    assertThat(deep.stack().elided()).isTrue();
    assertThat(deep.stack().innermost().map(Frame::function)).contains("runtime/pprof.writeGoroutineStacks");
    assertThat(deep.stack().outermost().map(Frame::function)).contains("main.stackDump");

    Profile elided2 = one("gostackparse/frameselided_goroutine.txt");
    assertThat(elided2.goroutines()).extracting(Goroutine::id).containsExactly(18L, 1L);
    assertThat(elided2.goroutines().get(0).stack().depth()).isEqualTo(100);
    assertThat(elided2.goroutines().get(1).stack().depth()).isEqualTo(1);

    Profile created = one("gostackparse/go121_createdby.txt");
    assertThat(created.goroutines()).extracting(Goroutine::id).containsExactly(18L, 1L);
    assertThat(created.goroutines().get(0).createdBy().map(Frame::line)).contains(14);
    assertThat(created.goroutines().get(0).creatorId()).hasValue(1);
    assertThat(created.goroutines().get(1).state()).isEqualTo("semacquire");
    assertThat(created.goroutines().get(1).stack().depth()).isEqualTo(3);

    Goroutine locked = one("gostackparse/lockedm.txt").goroutines().get(0);
    assertThat(locked.id()).isEqualTo(7);
    assertThat(locked.stack().depth()).isEqualTo(5);
    assertThat(locked.lockedToThread()).isTrue();
    assertThat(locked.createdBy().map(Frame::function)).contains("testing.(*T).Run");

    Profile wait = one("gostackparse/waitsince.txt");
    assertThat(wait.goroutines()).extracting(Goroutine::id)
        .containsExactly(1L, 22L, 3L, 4L, 5L, 6L, 24L, 23L, 41L);
    assertThat(wait.goroutines().stream().filter(g -> g.waitMinutes().orElse(0) == 1)).hasSize(8);
    assertThat(wait.goroutines().stream().mapToInt(g -> g.stack().depth()).sum()).isEqualTo(50);
    assertThat(wait.goroutines().stream().filter(g -> g.createdBy().isPresent())).hasSize(8);

    Frame windows = one("gostackparse/windows.txt").goroutines().get(0).stack().frames().get(0);
    assertThat(windows.function()).isEqualTo("runtime/pprof.writeGoroutineStacks");
    assertThat(windows.file()).isEqualTo("C:/Users/felixge/pprof.go");
    assertThat(windows.line()).isEqualTo(693);
  }

  @Test
  void truncatedHandMadeInputsKeepWhatTheyHave() {
    Profile partial = one("gostackparse/partial_createdby.txt");
    assertThat(partial.goroutines()).hasSize(2).allMatch(Goroutine::incomplete);
    Profile stack = one("gostackparse/partial_stack.txt");
    assertThat(stack.goroutines()).hasSize(2).allMatch(Goroutine::incomplete);
  }

  @Test
  void goleakExpectations() {
    for (String file : List.of("goleak/http.txt", "goleak/http.go1.20.txt",
        "goleak/http.tracebackancestors.txt")) {
      Profile p = one(file);
      assertThat(p.goroutines()).as(file).hasSize(5);
      assertThat(p.goroutines().get(0).state()).isEqualTo("running");
      assertThat(p.goroutines().get(0).stack().innermost().map(Frame::function))
          .contains("main.getStackBuffer");
    }
    Profile anc = one("goleak/http.tracebackancestors.txt");
    assertThat(anc.goroutines()).extracting(Goroutine::id).containsExactly(1L, 20L, 24L, 4L, 25L);
    for (Goroutine g : anc.goroutines().subList(2, 3)) {
      assertThat(g.stack().contains("net/http.(*Client).Get")).isFalse();
      assertThat(g.ancestors()).isNotEmpty();
    }
  }
}
