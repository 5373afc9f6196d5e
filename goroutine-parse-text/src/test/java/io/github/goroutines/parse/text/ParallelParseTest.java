package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.parse.text.internal.DumpCollector;
import io.github.goroutines.parse.text.internal.ParallelText;
import io.github.goroutines.parse.text.internal.TextParser;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parallel parse equals the sequential one, in every value and in what it shares, on every
 * text fixture of every Go version, the real-world captures and the public corpus, cut into parts
 * of a few bytes to a few KiB (so that every boundary of a small file is a cut); where the cuts
 * would change the result it declines, and the sequential parse answers.
 */
class ParallelParseTest {
  private static final ParseOptions SEQUENTIAL = ParseOptions.defaults().withParallelism(1);
  private static final long[] PART_BYTES = {1, 97, 1500, 20_000};

  static Stream<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    Path testdata = Fixtures.testdata();
    for (String version : Fixtures.GO_VERSIONS) {
      try (Stream<Path> s = Files.list(testdata.resolve("go" + version))) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    try (Stream<Path> s = Files.list(testdata.resolve("real-world"))) {
      s.sorted().forEach(files::add);
    }
    return files.stream();
  }

  static Stream<String> corpus() throws IOException {
    return CorpusTest.textFiles();
  }

  /** The dumps of the parallel parse, or null when it declined. */
  static List<Profile> parallel(byte[] input, ParseOptions options, long partBytes) {
    DumpCollector sink = new DumpCollector();
    TextParser parser = ParallelText.parse(ParallelText.of(input), options.withParallelism(3),
        sink, partBytes);
    return parser == null ? null : sink.profiles();
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyFixtureParsesInPartsAsAWhole(Path file) {
    assertSameInParts(Fixtures.read(file));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyCorpusDumpParsesInPartsAsAWhole(String file) {
    assertSameInParts(Fixtures.read(Fixtures.corpusOrSkip().resolve(file)));
  }

  private static void assertSameInParts(byte[] input) {
    for (ParseOptions options : List.of(SEQUENTIAL, SEQUENTIAL.withStrict(true))) {
      List<Profile> whole;
      try {
        whole = TextProfileParser.parseAll(input, options);
      } catch (ProfileParseException e) {
        for (long part : PART_BYTES) {
          assertThat(parallel(input, options, part)).as("parts of %d bytes", part).isNull();
        }
        continue;
      }
      for (long part : PART_BYTES) {
        List<Profile> parts = parallel(input, options, part);
        if (parts != null) {
          assertThat(parts).as("parts of %d bytes", part).isEqualTo(whole);
          assertThat(sharing(parts)).as("parts of %d bytes", part).isEqualTo(sharing(whole));
        }
      }
    }
  }

  @Test
  void plainDumpsOfEveryVersionAreParsedInParts() {
    for (String version : Fixtures.GO_VERSIONS) {
      for (String name : List.of("later.debug2.txt", "later.debug1.txt", "crash.panic.txt")) {
        byte[] input = Fixtures.read(version, name);
        List<Profile> parts = parallel(input, SEQUENTIAL, 97);
        assertThat(parts).as("%s %s", version, name).isNotNull()
            .isEqualTo(TextProfileParser.parseAll(input, SEQUENTIAL));
        assertThat(parts.get(0).totalCount()).isGreaterThanOrEqualTo(40);
      }
    }
  }

  /** Distinct instances of stacks, frames and strings: what the parse shares. */
  static List<Integer> sharing(List<Profile> profiles) {
    Set<Object> stacks = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Object> frames = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Object> strings = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Profile p : profiles) {
      for (Sample s : p.samples()) {
        stacks.add(s.stack());
        s.labels().list().forEach(l -> {
          strings.add(l.key());
          strings.add(l.value());
        });
        for (Frame f : s.stack().frames()) {
          frames.add(f);
          strings.add(f.function());
          strings.add(f.file());
        }
        s.goroutine().ifPresent(g -> {
          strings.add(g.state());
          g.createdBy().ifPresent(c -> {
            frames.add(c);
            strings.add(c.function());
          });
        });
      }
    }
    return List.of(stacks.size(), frames.size(), strings.size());
  }

  // ------------------------------------------------------------------ large inputs, public API

  @Test
  void aLargeDumpIsParsedInPartsThroughEveryEntryPoint(@TempDir Path dir) throws IOException {
    byte[] input = Fixtures.repeated("1.27", "later.debug2.txt", 45);
    Profile whole = TextProfileParser.parse(input, SEQUENTIAL);
    assertThat(whole.diagnostics().clean()).isTrue();
    assertThat(whole.totalCount()).isGreaterThan(15_000);
    assertThat(parallel(input, SEQUENTIAL, ParallelText.MIN_PART)).containsExactly(whole);

    ParseOptions two = SEQUENTIAL.withParallelism(2);
    Profile parts = TextProfileParser.parse(input, two);
    assertThat(parts).isEqualTo(whole);
    assertThat(sharing(List.of(parts))).isEqualTo(sharing(List.of(whole)));
    Path file = dir.resolve("large.debug2.txt");
    Files.write(file, input);
    assertThat(TextProfileParser.parse(file, two)).isEqualTo(whole);
    assertThat(TextProfileParser.parseAll(file, two)).containsExactly(whole);
    assertThat(TextProfileParser.parse(file, SEQUENTIAL)).isEqualTo(whole);
  }

  @Test
  void aLargeDebug1ProfileIsParsedInParts() {
    byte[] input = Fixtures.repeated("1.27", "later.debug1.txt", 400);
    List<Profile> whole = TextProfileParser.parseAll(input, SEQUENTIAL);
    assertThat(whole).hasSize(1);
    // the header declares the total of one copy of the records: the problem is said once
    assertThat(whole.get(0).diagnostics().problems()).singleElement().asString()
        .startsWith("header declares total ");
    assertThat(parallel(input, SEQUENTIAL, ParallelText.MIN_PART)).isEqualTo(whole);
    assertThat(TextProfileParser.parseAll(input, SEQUENTIAL.withParallelism(2))).isEqualTo(whole);
  }

  // ------------------------------------------------------------------ where cuts would change it

  @Test
  void aGoroutineIdSeenInAnEarlierPartStartsTheNextDumpAsItDoesSequentially() {
    byte[] once = Fixtures.repeated("1.27", "later.debug2.txt", 23);
    byte[] twice = concat(once, once); // the second copy repeats every id: a second dump
    List<Profile> whole = TextProfileParser.parseAll(twice, SEQUENTIAL);
    assertThat(whole).hasSize(2);
    assertThat(parallel(twice, SEQUENTIAL, ParallelText.MIN_PART)).isNull();
    assertThat(TextProfileParser.parseAll(twice, SEQUENTIAL.withParallelism(2))).isEqualTo(whole);
  }

  @Test
  void textInALaterPartIsReportedAtItsLineAsSequentially() {
    byte[] dump = Fixtures.repeated("1.27", "later.debug2.txt", 45);
    String text = new String(dump, StandardCharsets.UTF_8);
    int at = text.indexOf("\n\ngoroutine ", text.length() - 10_000) + 2;
    byte[] noisy = (text.substring(0, at) + "a line of log\n\n" + text.substring(at))
        .getBytes(StandardCharsets.UTF_8);
    Profile whole = TextProfileParser.parse(noisy, SEQUENTIAL);
    assertThat(whole.diagnostics().skippedLines()).isEqualTo(1);
    assertThat(parallel(noisy, SEQUENTIAL, ParallelText.MIN_PART)).isNull();
    assertThat(TextProfileParser.parse(noisy, SEQUENTIAL.withParallelism(2))).isEqualTo(whole);
    ParseOptions strict = SEQUENTIAL.withStrict(true);
    assertThatThrownBy(() -> TextProfileParser.parse(noisy, strict.withParallelism(2)))
        .isInstanceOf(ProfileParseException.class)
        .hasMessage(messageOf(() -> TextProfileParser.parse(noisy, strict)));
  }

  @Test
  void aLimitIsReportedAsSequentially() {
    byte[] dump = Fixtures.repeated("1.27", "later.debug2.txt", 45);
    long goroutines = TextProfileParser.parse(dump, SEQUENTIAL).totalCount();
    ParseOptions tight = SEQUENTIAL.withMaxSamples(goroutines - 1);
    assertThatThrownBy(() -> TextProfileParser.parse(dump, tight.withParallelism(2)))
        .hasMessage(messageOf(() -> TextProfileParser.parse(dump, tight)));
  }

  @Test
  void aMissingFileIsAnIoError(@TempDir Path dir) {
    assertThatThrownBy(() -> TextProfileParser.parse(dir.resolve("none"), SEQUENTIAL))
        .isInstanceOf(UncheckedIOException.class);
  }

  private static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
