package io.github.goroutines.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionNameTest {

  static Stream<Arguments> names() {
    return Stream.of(
        // name, package, receiver, function, suffix, kind
        Arguments.of("main.main", "main", "", "main", "", FrameKind.USER),
        Arguments.of("panic", "", "", "panic", "", FrameKind.RUNTIME),
        Arguments.of("net/http.(*conn).serve", "net/http", "*conn", "serve", "",
            FrameKind.STANDARD_LIBRARY),
        Arguments.of("sync.(*WaitGroup).Wait", "sync", "*WaitGroup", "Wait", "",
            FrameKind.STANDARD_LIBRARY),
        Arguments.of("github.com/acme/go.lib/v2.(*Pool[...]).Get.func1.2", "github.com/acme/go.lib/v2",
            "*Pool[...]", "Get", ".func1.2", FrameKind.USER),
        Arguments.of("gopkg.in/pool%2ev3.New", "gopkg.in/pool.v3", "", "New", "", FrameKind.USER),
        Arguments.of("main.main.gowrap1", "main", "", "main", ".gowrap1", FrameKind.USER),
        Arguments.of("main.(*T).M-fm", "main", "*T", "M", "-fm", FrameKind.USER),
        Arguments.of("os/signal.init·1", "os/signal", "", "init·1", "",
            FrameKind.STANDARD_LIBRARY),
        Arguments.of("main.glob..func1", "main", "", "glob.", ".func1", FrameKind.USER),
        Arguments.of("C.foo", "C", "", "foo", "", FrameKind.USER),
        Arguments.of("main.main.func1-range1", "main", "", "main", ".func1-range1", FrameKind.USER),
        Arguments.of("main.init.0.func1", "main", "", "init.0", ".func1", FrameKind.USER),
        Arguments.of("github.com/acme/go.lib/v2/pool%2ev3.Val.Wait", "github.com/acme/go.lib/v2/pool.v3",
            "Val", "Wait", "", FrameKind.USER),
        Arguments.of("github.com/acme/go.lib/v2/pool%2ev3.Gen[go.shape.int]",
            "github.com/acme/go.lib/v2/pool.v3", "", "Gen[go.shape.int]", "", FrameKind.USER),
        Arguments.of("main.(*Box[go.shape.string]).Convert[go.shape.[]uint8]", "main",
            "*Box[go.shape.string]", "Convert[go.shape.[]uint8]", "", FrameKind.USER),
        Arguments.of("runtime.gopark", "runtime", "", "gopark", "", FrameKind.RUNTIME),
        Arguments.of("internal/runtime/sync.(*Mutex).Lock", "internal/runtime/sync", "*Mutex",
            "Lock", "", FrameKind.RUNTIME),
        Arguments.of("internal/poll.runtime_pollWait", "internal/poll", "", "runtime_pollWait", "",
            FrameKind.STANDARD_LIBRARY),
        Arguments.of("runtime/pprof.writeGoroutineStacks", "runtime/pprof", "",
            "writeGoroutineStacks", "", FrameKind.STANDARD_LIBRARY),
        Arguments.of("type:.eq.main.T", "type:", "", "eq.main.T", "", FrameKind.RUNTIME),
        Arguments.of("stopm", "", "", "stopm", "", FrameKind.USER),
        Arguments.of("golang.org/x/net/http2.(*serverConn).serve", "golang.org/x/net/http2",
            "*serverConn", "serve", "", FrameKind.USER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void splits(String full, String pkg, String receiver, String name, String suffix, FrameKind kind) {
    FunctionName n = FunctionName.parse(full);
    assertThat(n.full()).isEqualTo(full);
    assertThat(n.packagePath()).as("package").isEqualTo(pkg);
    assertThat(n.receiver()).as("receiver").isEqualTo(receiver);
    assertThat(n.name()).as("name").isEqualTo(name);
    assertThat(n.suffix()).as("suffix").isEqualTo(suffix);
    assertThat(n.kind()).as("kind").isEqualTo(kind);
  }

  @Test
  void normalizesShapeTypesToTheTextForm() {
    assertThat(FunctionName.normalize("pool%2ev3.Gen[go.shape.int]")).isEqualTo("pool%2ev3.Gen[...]");
    assertThat(FunctionName.normalize("main.(*Box[go.shape.string]).Convert[go.shape.[]uint8]"))
        .isEqualTo("main.(*Box[...]).Convert[...]");
    assertThat(FunctionName.normalize("main.(*Box[...]).Convert[...]"))
        .isEqualTo("main.(*Box[...]).Convert[...]");
    assertThat(FunctionName.normalize("main.main")).isEqualTo("main.main");
    assertThat(FunctionName.parse("pool%2ev3.Gen[go.shape.struct { X int }]").isGeneric()).isTrue();
  }

  @Test
  void compilerGeneratedNames() {
    assertThat(FunctionName.parse("main.main.func3").isCompilerGenerated()).isTrue();
    assertThat(FunctionName.parse("main.worker").isCompilerGenerated()).isFalse();
  }
}
