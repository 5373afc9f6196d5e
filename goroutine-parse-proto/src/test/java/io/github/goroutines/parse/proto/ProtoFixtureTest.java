package io.github.goroutines.parse.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.ValueType;
import io.github.goroutines.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** debug=0 profiles written by real Go 1.19 … 1.27 (testdata/make.sh) and the public corpus. */
class ProtoFixtureTest {
  static List<String> versions() {
    return Fixtures.GO_VERSIONS;
  }


  static Profile parse(String v, String name) {
    return ProtoProfileParser.parse(Fixtures.read(v, name), ParseOptions.defaults());
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void totalsAndMetadata(String v) {
    Profile first = parse(v, "first.debug0.pb.gz");
    Profile later = parse(v, "later.debug0.pb.gz");
    assertThat(first.format()).isEqualTo(ProfileFormat.PROTO);
    assertThat(first.type()).isEqualTo("goroutine");
    assertThat(first.totalCount()).isEqualTo(323);
    assertThat(later.totalCount()).isEqualTo(403);
    assertThat(first.declaredTotal()).isEmpty();
    assertThat(first.metadata().sampleTypes()).containsExactly(new ValueType("goroutine", "count"));
    assertThat(first.metadata().periodType()).isEqualTo(new ValueType("goroutine", "count"));
    assertThat(first.metadata().period()).isEqualTo(1);
    // captured on the day the fixtures were made, 61 s apart
    long seconds = (later.metadata().timeNanos() - first.metadata().timeNanos()) / 1_000_000_000L;
    assertThat(seconds).isBetween(61L, 70L);
    Mapping main = first.metadata().mappings().get(0);
    assertThat(main.id()).isEqualTo(1);
    assertThat(main.hasFunctions()).isTrue();
    assertThat(main.buildId()).hasSize(Fixtures.minor(v) >= 24 ? 40 : 0);
    assertThat(first.diagnostics().clean()).isTrue();
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void agreesWithDebug1OfTheSameMoment(String v) throws IOException {
    for (String moment : List.of("first", "later")) {
      Profile proto = parse(v, moment + ".debug0.pb.gz");
      Profile text = io.github.goroutines.parse.text.TextProfileParser.parse(
          Fixtures.read(v, moment + ".debug1.txt"), ParseOptions.defaults());
      assertThat(proto.totalCount()).isEqualTo(text.declaredTotal().orElseThrow());
      assertThat(keys(proto)).isEqualTo(keys(text));
    }
  }

  /** (functions without runtime frames, generic names in the [...] form) x labels -> count. */
  static Map<String, Long> keys(Profile p) {
    Map<String, Long> counts = new HashMap<>();
    for (Sample s : p.samples()) {
      if (s.stack().contains("main.writeProfile")) {
        continue; // the goroutine that wrote the profile
      }
      String key = s.stack().frames().stream()
          .filter(f -> f.kind() != FrameKind.RUNTIME)
          .map(Frame::functionName)
          .filter(n -> !n.suffix().contains("wrap") && !n.suffix().equals("-fm"))
          .map(FunctionName::normalized)
          .limit(20)
          .collect(Collectors.joining(" < ")) + " " + s.labels();
      counts.merge(key, s.count(), Long::sum);
    }
    return counts;
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void locationAddressesAndTheDebug1Pcs(String v) {
    Sample proto = parse(v, "later.debug0.pb.gz").samples().stream()
        .filter(s -> s.stack().contains("main.(*Cache).LoadOrStore")).findFirst().orElseThrow();
    Sample text = io.github.goroutines.parse.text.TextProfileParser.parse(
            Fixtures.read(v, "later.debug1.txt"), ParseOptions.defaults()).samples().stream()
        .filter(s -> s.stack().contains("main.(*Cache).LoadOrStore")).findFirst().orElseThrow();
    long[] pcs = text.addresses().toArray();
    // the @ line holds return addresses; Location.address is the call's PC, one less
    assertThat(proto.stack().innermost().orElseThrow().pc()).hasValue(pcs[0] - 1);
    // a Location with inlined calls has one address for all its Lines; debug=1 gives each logical
    // frame a PC of its own, and the innermost one of them is that address (Mutex.Lock, and from
    // Go 1.24 on internal/sync's Mutex.Lock inlined into it)
    Frame inner = proto.stack().frames().stream()
        .filter(f -> f.inlined() && f.kind() != FrameKind.RUNTIME).findFirst().orElseThrow();
    Frame holder = proto.stack().frames().get(proto.stack().frames().indexOf(inner) + 1);
    assertThat(inner.function()).isEqualTo(Fixtures.minor(v) >= 24 ? "internal/sync.(*Mutex).Lock"
        : "sync.(*Mutex).Lock");
    assertThat(holder.pc()).isEqualTo(inner.pc());
    assertThat(text.stack().frames().stream()
        .filter(f -> f.function().equals(inner.function())).findFirst().orElseThrow().pc())
        .isEqualTo(inner.pc());
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void framesLabelsAndGenerics(String v) {
    Profile p = parse(v, "later.debug0.pb.gz");
    Sample pool = p.samples().stream()
        .filter(s -> s.stack().contains("main.(*Cache).LoadOrStore")).findFirst().orElseThrow();
    assertThat(pool.count()).isEqualTo(150);
    assertThat(pool.stack().innermost().map(Frame::function)).contains("runtime.gopark");
    assertThat(pool.stack().firstUserFrame().map(Frame::function))
        .contains("main.(*Cache).LoadOrStore");
    Frame lock = pool.stack().frames().stream()
        .filter(f -> f.function().equals("sync.(*Mutex).Lock")).findFirst().orElseThrow();
    assertThat(lock.inlined()).isTrue();
    assertThat(lock.pc()).isPresent();
    Sample leak = p.samples().stream()
        .filter(s -> s.stack().contains("main.handleRequest.func1")).findFirst().orElseThrow();
    assertThat(leak.count()).isEqualTo(120);
    Sample labelled = p.samples().stream()
        .filter(s -> s.labels().get("user").isPresent()).findFirst().orElseThrow();
    assertThat(labelled.labels().asMap()).containsEntry("req", List.of("a \"q\" é\n\t"))
        .containsEntry("raw", List.of("a\uFFFDb")).containsEntry("bell", List.of("\u0007"))
        .containsEntry("empty", List.of("")).containsEntry("zh", List.of("中"));
    assertThat(p.samples().stream().filter(s -> s.labels().get("job").isPresent())
        .mapToLong(Sample::count).sum()).isEqualTo(3);
    String gen = p.samples().stream().flatMap(s -> s.stack().frames().stream())
        .map(Frame::function).filter(f -> f.contains("pool%2ev3.Gen[")).findFirst().orElseThrow();
    assertThat(gen).isEqualTo(Fixtures.minor(v) >= 21
        ? "example.com/leaky/v2/pool%2ev3.Gen[go.shape.int]"
        : "example.com/leaky/v2/pool%2ev3.Gen[...]");
    assertThat(FunctionName.normalize(gen)).isEqualTo("example.com/leaky/v2/pool%2ev3.Gen[...]");
    Stack deep = p.samples().stream().map(Sample::stack)
        .filter(s -> s.contains("main.recurse")).findFirst().orElseThrow();
    assertThat(deep.depth()).isEqualTo(Fixtures.minor(v) >= 23 ? 128 : 32);
  }

  @ParameterizedTest(name = "go{0}")
  @MethodSource("versions")
  void leakProfile(String v) {
    if (!Fixtures.exists(v, "leak.debug0.pb.gz")) {
      assertThat(Fixtures.minor(v)).isLessThan(26);
      return;
    }
    Profile leak = parse(v, "leak.debug0.pb.gz");
    assertThat(leak.type()).isEqualTo("goroutineleak");
    assertThat(leak.metadata().sampleTypes()).containsExactly(new ValueType("goroutineleak", "count"));
    assertThat(leak.totalCount()).isEqualTo(236);
  }

  static Stream<String> corpusProtos() throws IOException {
    Path corpus = Fixtures.corpusOrSkip();
    List<String> files = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^#### `([^`]+)`\\n(?:.*\\n){0,3}?- Format: proto")
        .matcher(Files.readString(corpus.resolve("SOURCES.md")));
    while (m.find()) {
      files.add(m.group(1));
    }
    assertThat(files).hasSize(16);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusProtos")
  void corpusProfilesParseOrAreRejectedForWhatTheyAre(String file) {
    byte[] bytes = Fixtures.read(Fixtures.corpusOrSkip().resolve(file));
    if (file.equals("flameshow/threadcreate.out")) {
      assertThatThrownBy(() -> ProtoProfileParser.parse(bytes, ParseOptions.defaults()))
          .isInstanceOf(ProfileParseException.class)
          .hasMessageContaining("not a goroutine profile: sample types [threadcreate/count]");
      return;
    }
    Profile p = ProtoProfileParser.parse(bytes, ParseOptions.defaults());
    assertThat(p.type()).isEqualTo("goroutine");
    if (p.metadata().durationNanos() == 0) { // not a delta profile
      assertThat(p.totalCount()).isPositive();
      assertThat(p.samples()).allSatisfy(s -> assertThat(s.count()).isPositive());
    }
  }

  @Test
  void deltaProfileHasNegativeCounts() {
    Profile p = ProtoProfileParser.parse(
        Fixtures.read(Fixtures.corpusOrSkip().resolve("hodis/goroutine.pprof")), ParseOptions.defaults());
    assertThat(p.metadata().durationNanos()).isEqualTo(10_021_890_000L);
    assertThat(p.samples()).extracting(Sample::count).contains(5L, -7L);
  }

  @Test
  void parsecProfileWithQuarterMillionGoroutines() {
    byte[] bytes = Fixtures.read(Fixtures.corpusOrSkip().resolve("parsec/goroutine"));
    Profile p = ProtoProfileParser.parse(bytes, ParseOptions.defaults());
    assertThat(p.totalCount()).isEqualTo(268_978);
    assertThat(p.samples().stream().mapToLong(Sample::count).sum()).isEqualTo(268_978);
  }

  @Test
  void flameshowGoroutineProfile() {
    Profile p = ProtoProfileParser.parse(
        Fixtures.read(Fixtures.corpusOrSkip().resolve("flameshow/goroutine.out")), ParseOptions.defaults());
    assertThat(p.metadata().sampleTypes()).containsExactly(new ValueType("goroutine", "count"));
    assertThat(p.metadata().period()).isEqualTo(1);
    assertThat(p.metadata().timeNanos()).isEqualTo(1694243309664362892L);
    assertThat(p.samples()).hasSize(14);
    assertThat(p.totalCount()).isEqualTo(37);
    assertThat(p.samples()).allSatisfy(s -> assertThat(s.labels()).isEqualTo(Labels.empty()));
    List<Mapping> maps = p.metadata().mappings();
    assertThat(maps.get(0)).isEqualTo(new Mapping(1, 4194304, 11280384, 0, "/usr/bin/node-exporter",
        "", true, false, false, false));
    assertThat(maps.get(1).filename()).isEqualTo("[vdso]");
    assertThat(maps.get(1).memoryStart()).isEqualTo(140721318682624L);
    assertThat(maps.get(2).filename()).isEqualTo("[vsyscall]");
    assertThat(p.samples().get(0).stack().innermost()).contains(Frame.of("runtime.gopark",
        "/usr/local/go/src/runtime/proc.go", 336).withPc(0x43ada4));
  }
}
