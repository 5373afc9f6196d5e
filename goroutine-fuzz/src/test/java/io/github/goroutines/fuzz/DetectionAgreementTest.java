package io.github.goroutines.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.GoroutineProfiles;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code detect} and {@code parse} cannot disagree: on every fixture, public corpus file and fuzz
 * seed, an input that detect refuses is refused by parse as no goroutine profile, and an input it
 * recognises is either parsed (from bytes and from a stream alike) or refused as a broken profile
 * of that format.
 */
class DetectionAgreementTest {
  static Stream<String> inputs() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Fixtures.testdata())) {
      s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.(txt|gz)"))
          .forEach(files::add);
    }
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/io/github/goroutines/fuzz"))) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    Path corpus = Path.of(System.getProperty("goroutines.corpus", "../../shared/corpus/public"));
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> s = Files.walk(corpus)) {
        s.filter(Files::isRegularFile).filter(p -> !p.endsWith("SOURCES.md")).forEach(files::add);
      }
    } else {
      System.err.println("shared corpus not found at " + corpus.toAbsolutePath().normalize()
          + "; its files are left out of " + DetectionAgreementTest.class.getSimpleName());
    }
    assertThat(files).hasSizeGreaterThan(100);
    return files.stream().map(Path::toString).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void detectAndParseAgree(String file) {
    byte[] input = Fixtures.read(Path.of(file));
    Optional<ProfileFormat> detected = GoroutineProfiles.detect(input);
    if (detected.isEmpty()) {
      assertThatThrownBy(() -> GoroutineProfiles.parseAll(input))
          .isInstanceOf(ProfileParseException.class)
          .hasMessageStartingWith("not a goroutine profile");
      assertThatThrownBy(() -> GoroutineProfiles.parse(input))
          .hasMessageStartingWith("not a goroutine profile");
      return;
    }
    List<Profile> fromBytes;
    try {
      fromBytes = GoroutineProfiles.parseAll(input);
    } catch (ProfileParseException e) {
      // recognised but broken: the corpus's threadcreate protobuf profile
      assertThat(detected).hasValue(ProfileFormat.PROTO);
      assertThat(e.format()).hasValue(ProfileFormat.PROTO);
      return;
    }
    assertThat(fromBytes.get(0).format()).isEqualTo(detected.get());
    List<Profile> fromStream =
        GoroutineProfiles.parseAll(new ByteArrayInputStream(input), ParseOptions.defaults());
    assertThat(fromStream).extracting(Profile::totalCount)
        .isEqualTo(fromBytes.stream().map(Profile::totalCount).toList());
  }
}
