package io.github.goroutines.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static final Frame PARK = Frame.of("runtime.gopark", "runtime/proc.go", 424);
  private static final Frame LOCK = Frame.of("sync.(*Mutex).Lock", "sync/mutex.go", 92);
  private static final Frame USER = Frame.of("main.worker", "example.com/app/main.go", 36);

  @Test
  void framesAreValues() {
    Frame a = Frame.of("main.worker", "example.com/app/main.go", 36);
    assertThat(a).isEqualTo(USER).hasSameHashCodeAs(USER);
    assertThat(a).isNotEqualTo(Frame.of("main.worker", "example.com/app/main.go", 37));
    Frame withPc =
        Frame.of("main.worker", "m.go", 36).withPc(0x516cb6);
    assertThat(withPc.pc()).hasValue(0x516cb6);
    assertThat(withPc.entryOffset()).isEmpty();
    assertThat(withPc).isNotEqualTo(Frame.of("main.worker", "m.go", 36));
    assertThat(USER.location()).isEqualTo("example.com/app/main.go:36");
    assertThatThrownBy(() -> Frame.of("f", "x.go", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stacksAreValuesWithElision() {
    Stack s1 = Stack.of(List.of(PARK, LOCK, USER));
    Stack s2 = Stack.of(List.of(PARK, LOCK, USER));
    assertThat(s1).isEqualTo(s2).hasSameHashCodeAs(s2);
    assertThat(s1.innermost()).contains(PARK);
    assertThat(s1.outermost()).contains(USER);
    assertThat(s1.firstUserFrame()).contains(USER);
    assertThat(s1.firstNonRuntimeFrame()).contains(LOCK);
    assertThat(s1.frames()).containsExactly(PARK, LOCK, USER);
    Stack elided = Stack.of(List.of(PARK, LOCK, USER), 2, 21);
    assertThat(elided).isNotEqualTo(s1);
    assertThat(elided.elided()).isTrue();
    assertThat(elided.elidedFrames()).hasValue(21);
    assertThat(elided.elisionIndex()).hasValue(2);
    Stack old = Stack.of(List.of(PARK), 1, -1);
    assertThat(old.elidedFrames()).isEmpty();
    assertThat(Stack.of(List.of())).isSameAs(Stack.empty());
    assertThat(Stack.empty().innermost()).isEmpty();
    Frame unknown = Frame.unsymbolized(0x4c0d1f);
    assertThat(Stack.of(List.of(PARK, unknown, USER)).firstUserFrame()).contains(USER);
  }

  @Test
  void labelsIgnoreOrder() {
    Labels a = Labels.of(List.of(Label.of("user", "alice"), Label.of("req", "a \"q\"")));
    Labels b = Labels.of(List.of(Label.of("req", "a \"q\""), Label.of("user", "alice")));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.get("user")).contains("alice");
    assertThat(a.get("nope")).isEmpty();
    assertThat(a.asMap()).containsExactly(
        java.util.Map.entry("req", List.of("a \"q\"")), java.util.Map.entry("user", List.of("alice")));
    assertThat(Labels.of(List.of(Label.numeric("bytes", 10, "bytes"))).get("bytes")).isEmpty();
  }

  static Traceback args(String... arguments) {
    return new Traceback(List.of(arguments), List.of(), java.util.Map.of(), List.of(), 0);
  }

  @Test
  void goroutineHeaderParts() {
    Goroutine g =
        Goroutine.builder(279, "semacquire")
            .waitMinutes(892)
            .lockedToThread(true)
            .stack(Stack.of(List.of(PARK, USER))).traceback(args("0x0?", ""))
            .createdBy(Frame.of("main.startTicker", "main.go", 12), 1)
            .build();
    assertThat(g.stateClass()).isEqualTo(StateClass.MUTEX);
    assertThat(g.waitMinutes()).hasValue(892);
    assertThat(g.creatorId()).hasValue(1);
    assertThat(g.traceback().arguments()).containsExactly("0x0?", "");
    assertThat(g.traceback().frameExtras()).containsExactly("", "");
    assertThat(g.blockedForever()).isFalse();
    Goroutine leaked = Goroutine.builder(-1L, "chan receive (nil chan) (leaked)").build();
    assertThat(Long.toUnsignedString(leaked.id())).isEqualTo("18446744073709551615");
    assertThat(leaked.baseState()).isEqualTo("chan receive (nil chan)");
    assertThat(leaked.blockedForever()).isTrue();
    assertThat(leaked.stateClass()).isEqualTo(StateClass.CHAN_RECEIVE);
    assertThat(leaked.waitMinutes()).isEmpty();
    assertThat(leaked.createdBy()).isEmpty();
  }

  @Test
  void markersComeFromTheStateItself() {
    Goroutine leaked = Goroutine.builder(7, "sync.WaitGroup.Wait (leaked)").build();
    assertThat(leaked.leaked()).isTrue();
    assertThat(leaked.durable()).isFalse();
    assertThat(leaked.stateClass()).isEqualTo(StateClass.WAIT_GROUP);
    Goroutine durable = Goroutine.builder(8, "chan receive (synctest)").build();
    assertThat(durable.durable()).isTrue();
    assertThat(durable.baseState()).isEqualTo("chan receive");
    assertThat(durable.stateClass()).isEqualTo(StateClass.CHAN_RECEIVE);
    Goroutine scanning = Goroutine.builder(9, "select (scan) (durable)").build();
    assertThat(scanning.scanning()).isTrue();
    assertThat(scanning.durable()).isTrue();
    // a reason that merely contains the words is not marked
    assertThat(Goroutine.builder(10, "(leaked) elsewhere").build().leaked()).isFalse();
  }

  @Test
  void equalContentIsEqual() {
    Stack s = Stack.of(List.of(PARK, USER));
    Goroutine a = Goroutine.builder(5, "chan receive").waitMinutes(3).stack(s)
        .traceback(args("0x1", "")).createdBy(USER, 1).build();
    Goroutine same = Goroutine.builder(5, "chan receive").waitMinutes(3)
        .stack(Stack.of(List.of(PARK, USER))).traceback(args("0x1", "")).createdBy(USER, 1)
        .build();
    Goroutine otherArgs = Goroutine.builder(5, "chan receive").waitMinutes(3)
        .stack(s).traceback(args("0x2", "")).createdBy(USER, 1).build();
    assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(otherArgs).isNotEqualTo(a);
    assertThat(Goroutine.builder(5, "chan receive").waitMinutes(4).stack(s)
        .traceback(args("0x1", "")).createdBy(USER, 1).build()).isNotEqualTo(a);
    Profile p = Profile.builder(ProfileFormat.DEBUG2).add(Sample.of(a)).build();
    assertThat(Profile.builder(ProfileFormat.DEBUG2).add(Sample.of(same)).build())
        .isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(Profile.builder(ProfileFormat.DEBUG2).add(Sample.of(otherArgs)).build())
        .isNotEqualTo(p);
    assertThat(Sample.of(2, s, Labels.empty(), new long[] {1, 2}))
        .isEqualTo(Sample.of(2, s, Labels.empty(), new long[] {1, 2}))
        .isNotEqualTo(Sample.of(2, s, Labels.empty(), new long[] {1, 3}));
    assertThat(Ancestor.of(3, s, USER)).isEqualTo(Ancestor.of(3, s, USER))
        .isNotEqualTo(Ancestor.of(3, s));
  }

  @Test
  void aGoroutineMovesDownByTheLinesBeforeItsPart() {
    Traceback at7 = new Traceback(List.of("0x1", ""), List.of(), java.util.Map.of("g", "0xc0"),
        List.of(), 7);
    Goroutine g = Goroutine.builder(5, "chan receive").waitMinutes(3)
        .stack(Stack.of(List.of(PARK, USER))).traceback(at7).createdBy(USER, 1).build();
    Goroutine moved = g.afterLines(100);
    assertThat(moved.traceback().headerLine()).isEqualTo(107);
    assertThat(moved.traceback().arguments()).isEqualTo(g.traceback().arguments());
    assertThat(moved).isNotEqualTo(g).usingRecursiveComparison().ignoringFields("headerLine")
        .isEqualTo(g);
    assertThat(moved.afterLines(0)).isSameAs(moved);
    assertThat(g.afterLines(Long.MAX_VALUE).traceback().headerLine())
        .isEqualTo(Integer.MAX_VALUE);
    Goroutine built = Goroutine.builder(1, "running").build();
    assertThat(built.afterLines(5)).isSameAs(built); // not parsed: no line to move
    assertThatThrownBy(() -> g.afterLines(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResetBuilderBuildsAsANewOne() {
    Goroutine.Builder b = Goroutine.builder(5, "chan receive").waitMinutes(3)
        .stack(Stack.of(List.of(PARK, USER))).traceback(args("0x1", "")).createdBy(USER, 1)
        .lockedToThread(true).idUnknown().headerLine(12);
    Goroutine first = b.build();
    assertThat(first.traceback().headerLine()).isEqualTo(12); // the line given last wins
    Goroutine second = b.reset(6, "running").headerLine(40).build();
    assertThat(second).isEqualTo(Goroutine.builder(6, "running").headerLine(40).build());
    assertThat(second.waitMinutes()).isEmpty();
    assertThat(second.createdBy()).isEmpty();
    assertThat(second.traceback().headerLine()).isEqualTo(40);
    assertThat(first.id()).isEqualTo(5); // built goroutines keep what they were built with
    assertThat(first.waitMinutes()).hasValue(3);
    assertThatThrownBy(() -> b.headerLine(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void profileSumsCounts() {
    Stack s = Stack.of(List.of(PARK, USER));
    Profile p =
        Profile.builder(ProfileFormat.PROTO)
            .add(Sample.of(3, s, Labels.empty()))
            .add(Sample.of(-1, s, Labels.empty()))
            .build();
    assertThat(p.totalCount()).isEqualTo(2);
    assertThat(p.goroutines()).isEmpty();
    assertThat(p.declaredTotal()).isEmpty();
    assertThat(p.metadata()).isEqualTo(ProfileMetadata.empty());
    assertThat(p.diagnostics().clean()).isTrue();
  }

  @Test
  void exceptionCarriesPosition() {
    ProfileParseException e =
        ProfileParseException.atLine(ProfileFormat.DEBUG2, "expected a file line", 42,
            "created by main.run\tx\u0001");
    assertThat(e.lineNumber()).hasValue(42);
    assertThat(e.byteOffset()).isEmpty();
    assertThat(e.excerpt()).isEqualTo("created by main.run\\tx\\x01");
    assertThat(e.getMessage())
        .isEqualTo("expected a file line: \"created by main.run\\tx\\x01\" (debug=2, line 42)");
    ProfileParseException b =
        ProfileParseException.atOffset(ProfileFormat.PROTO, "varint over 10 bytes", 1184,
            new byte[] {(byte) 0xff, 0x01});
    assertThat(b.getMessage()).isEqualTo("varint over 10 bytes: [ff 01] (debug=0, byte offset 1184)");
    assertThat(ProfileParseException.atLine(null, "x", 1, "a".repeat(100)).excerpt())
        .hasSize(63).endsWith("...");
  }

  @Test
  void optionsValidateLimits() {
    assertThat(ParseOptions.defaults().strict()).isFalse();
    assertThat(ParseOptions.defaults().withStrict(true).strict()).isTrue();
    assertThatThrownBy(() -> ParseOptions.defaults().withMaxLineBytes(0))
        .hasMessageContaining("maxLineBytes");
  }
}
