package io.github.goroutines.parse.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.StateClass;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers, frames and surroundings of debug=2 text; the inputs are real Go output (formats.md). */
class Debug2Test {
  /** Parses keeping the traceback text (arguments, fp= extras) that these tests look at. */
  static Profile parse(String text) {
    return TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults().withTracebackText(true));
  }

  static Goroutine one(String text) {
    Profile p = parse(text);
    assertThat(p.goroutines()).hasSize(1);
    return p.goroutines().get(0);
  }

  static String block(String header) {
    return header + "\nmain.worker(...)\n\texample.com/newfmt/main.go:15\n";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // header | id | state | minutes | locked | leaked | durable | group | bubble
        "goroutine 1 [running]:|1|running|-1|false|false|false|-1|-1",
        "goroutine 36 [chan receive, 1 minutes, locked to thread]:|36|chan receive|1|true|false|false|-1|-1",
        "goroutine 20 gp=0xc0000a6540 m=0 mp=0x5c0e60 [running]:|20|running|-1|false|false|false|-1|-1",
        "goroutine 1 gp=0xc0000061c0 m=nil [sleep]:|1|sleep|-1|false|false|false|-1|-1",
        "goroutine 18 [synctest.Run, synctest group 18]:|18|synctest.Run|-1|false|false|false|18|-1",
        "goroutine 21 [chan receive (synctest), synctest group 18]:|21|chan receive (synctest)|-1|false|false|true|18|-1",
        "goroutine 24 [sleep (durable), synctest bubble 1]:|24|sleep (durable)|-1|false|false|true|-1|1",
        "goroutine 19 [chan receive (leaked)]:|19|chan receive (leaked)|-1|false|true|false|-1|-1",
        "goroutine 7 [chan receive (leaked), locked to thread]:|7|chan receive (leaked)|-1|true|true|false|-1|-1",
        "goroutine 279 [semacquire, 892 minutes]:|279|semacquire|892|false|false|false|-1|-1",
        "goroutine 5 [chan receive (nil chan), 9223372036854775807 minutes]:|5|chan receive (nil chan)|9223372036854775807|false|false|false|-1|-1",
        "goroutine 18446744073709551615 [select (no cases)]:|-1|select (no cases)|-1|false|false|false|-1|-1",
        "goroutine 9 [GC worker (idle) (scan)]:|9|GC worker (idle) (scan)|-1|false|false|false|-1|-1",
      })
  void headers(String header, long id, String state, long minutes, boolean locked, boolean leaked,
      boolean durable, long group, long bubble) {
    Goroutine g = one(block(header));
    assertThat(g.id()).isEqualTo(id);
    assertThat(g.state()).isEqualTo(state);
    assertThat(g.waitMinutes().orElse(-1)).isEqualTo(minutes);
    assertThat(g.lockedToThread()).isEqualTo(locked);
    assertThat(g.leaked()).isEqualTo(leaked);
    assertThat(g.durable()).isEqualTo(durable);
    assertThat(g.synctestGroup().orElse(-1)).isEqualTo(group);
    assertThat(g.synctestBubble().orElse(-1)).isEqualTo(bubble);
    assertThat(g.stack().frames()).extracting(Frame::function).containsExactly("main.worker");
    assertThat(g.incomplete()).isFalse();
  }

  @Test
  void headerFieldsAndScan() {
    Goroutine g = one(block("goroutine 20 gp=0xc0000a6540 m=0 mp=0x5c0e60 [running]:"));
    assertThat(g.traceback().headerFields())
        .containsExactly(Map.entry("gp", "0xc0000a6540"), Map.entry("m", "0"),
            Map.entry("mp", "0x5c0e60"));
    assertThat(one(block("goroutine 9 [GC worker (idle) (scan)]:")).scanning()).isTrue();
  }

  @Test
  void labelsOfGo127AfterTheBracket() {
    Goroutine g = one(block("goroutine 19 [chan receive] {empty: , note: \"\\u00e9\\t\\\"x\\\"\", "
        + "pattern: \"GET /panic\", user: alice}:"));
    assertThat(g.state()).isEqualTo("chan receive");
    assertThat(g.labels().list())
        .containsExactly(Label.of("empty", ""), Label.of("note", "é\t\"x\""),
            Label.of("pattern", "GET /panic"), Label.of("user", "alice"));
    Goroutine esc = one(block("goroutine 7 [chan receive] {: nokey, bell: \"\\x07\", brace: \"}]\", "
        + "del: \"x\\u007f\", raw: \"a\\xfeb\", zh: \"\\u4e2d\"}:"));
    assertThat(esc.labels().asMap())
        .containsEntry("", List.of("nokey"))
        .containsEntry("bell", List.of("\u0007"))
        .containsEntry("brace", List.of("}]"))
        .containsEntry("del", List.of("x\u007f"))
        .containsEntry("raw", List.of("a\uFFFDb"))
        .containsEntry("zh", List.of("中"));
    Goroutine gp = one(block("goroutine 19 gp=0x32c33fc903c0 m=nil [chan receive] {tenant: alpha}:"));
    assertThat(gp.labels().get("tenant")).contains("alpha");
    assertThat(gp.traceback().headerFields()).containsEntry("m", "nil");
    Goroutine leak = one(block("goroutine 20 [chan send (leaked)] {job: sync}:"));
    assertThat(leak.leaked()).isTrue();
    assertThat(leak.labels().get("job")).contains("sync");
  }

  @Test
  void labelsOfGo126InsideTheBracket() {
    Goroutine g = one(block("goroutine 4 [chan receive labels:{\"empty\": \"\", \"note\": "
        + "\"\\u00e9\\t\\\"x\\\"\", \"pattern\": \"GET /panic\", \"user\": \"alice\"}]:"));
    assertThat(g.state()).isEqualTo("chan receive");
    assertThat(g.labels().get("note")).contains("é\t\"x\"");
    assertThat(g.labels().size()).isEqualTo(4);
    Goroutine leak = one(block("goroutine 5 [chan send (leaked) labels:{\"job\": \"sync\"}]:"));
    assertThat(leak.leaked()).isTrue();
    assertThat(leak.labels().get("job")).contains("sync");
    Goroutine brace = one(block("goroutine 7 [chan receive labels:{\"\": \"nokey\", \"brace\": \"}]\"}]:"));
    assertThat(brace.labels().get("brace")).contains("}]");
  }

  @Test
  void unknownBracketItemsAreKept() {
    Goroutine g = one(block("goroutine 1 [running, \"k:v\"]:"));
    assertThat(g.state()).isEqualTo("running");
    assertThat(g.traceback().otherStateItems()).containsExactly("\"k:v\"");
  }

  @Test
  void framesArgumentsOffsetsAndCreator() {
    Goroutine g = one("""
        goroutine 29 [sync.Mutex.Lock]:
        sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
        \truntime/sema.go:95 +0x25
        sync.(*Mutex).lockSlow(0xc0000940a8)
        \tsync/mutex.go:173 +0x15d
        sync.(*Mutex).Lock(...)
        \tsync/mutex.go:92
        github.com/acme/go.lib/v2/pool%2ev3.Val.Wait({0x0?, 0x0?}, 0x0?, {0x1, 0x2, 0x3}, 0x0?)
        \tgithub.com/acme/go.lib/v2/pool.v3/pool.go:21 +0x18
        main.(*T).M(0x0?)
        \tC:/Users/alice/app/main.go:62 +0x2c
        created by main.main in goroutine 1
        \tgithub.com/acme/go.lib/v2/main.go:62 +0x247
        """);
    assertThat(g.stateClass()).isEqualTo(StateClass.MUTEX);
    List<Frame> f = g.stack().frames();
    assertThat(f).extracting(Frame::function)
        .containsExactly("sync.runtime_SemacquireMutex", "sync.(*Mutex).lockSlow",
            "sync.(*Mutex).Lock", "github.com/acme/go.lib/v2/pool%2ev3.Val.Wait", "main.(*T).M");
    assertThat(f.get(0).file()).isEqualTo("runtime/sema.go");
    assertThat(f.get(0).line()).isEqualTo(95);
    assertThat(f.get(0).entryOffset()).hasValue(0x25);
    assertThat(f.get(2).entryOffset()).isEmpty();
    assertThat(f.get(2).inlined()).isTrue();
    assertThat(f.get(1).inlined()).isFalse();
    assertThat(f.get(4).file()).isEqualTo("C:/Users/alice/app/main.go");
    assertThat(f.get(4).line()).isEqualTo(62);
    assertThat(g.traceback().arguments())
        .containsExactly("0x0?, 0x0?, 0x0?", "0xc0000940a8", "...",
            "{0x0?, 0x0?}, 0x0?, {0x1, 0x2, 0x3}, 0x0?", "0x0?");
    assertThat(g.createdBy()).contains(
        Frame.of("main.main", "github.com/acme/go.lib/v2/main.go", 62).withEntryOffset(0x247));
    assertThat(g.creatorId()).hasValue(1);
  }

  @Test
  void crashFrameExtrasAndUnavailableStacks() {
    Profile p = parse("""
        SIGQUIT: quit
        PC=0x4cda21 m=0 sigcode=0

        goroutine 20 gp=0xc0000a6540 m=0 mp=0x5c0e60 [running]:
        main.main.func3()
        \texample.com/crash/main.go:1 +0x1 fp=0xc0000417e0 sp=0xc0000417d8 pc=0x4cda21
        runtime.goexit({})
        \truntime/asm_amd64.s:1700 +0x1 fp=0xc0000417e8 sp=0xc0000417e0 pc=0x46fe21
        created by main.main in goroutine 1
        \texample.com/crash/main.go:71 +0x371

        goroutine 21 [running]:
        \tgoroutine running on other thread; stack unavailable
        created by main.main in goroutine 1
        \texample.com/crash/main.go:91 +0x3f6

        rax    0x0
        rbx    0x4cda20
        """);
    assertThat(p.format()).isEqualTo(ProfileFormat.DEBUG2);
    assertThat(p.goroutines()).hasSize(2);
    Goroutine g = p.goroutines().get(0);
    assertThat(g.traceback().frameExtras()).containsExactly(
        "fp=0xc0000417e0 sp=0xc0000417d8 pc=0x4cda21", "fp=0xc0000417e8 sp=0xc0000417e0 pc=0x46fe21");
    assertThat(g.traceback().arguments()).containsExactly("", "{}");
    Goroutine u = p.goroutines().get(1);
    assertThat(u.stackUnavailable()).isTrue();
    assertThat(u.stack().isEmpty()).isTrue();
    assertThat(u.incomplete()).isFalse();
    assertThat(u.createdBy().map(Frame::line)).contains(91);
    assertThat(p.crash()).contains(new Crash(List.of("SIGQUIT: quit",
        "PC=0x4cda21 m=0 sigcode=0"), OptionalLong.of(20)));
    assertThat(p.diagnostics().skippedLines()).isEqualTo(2);
    assertThat(p.diagnostics().firstSkippedLines()).containsExactly(17L, 18L);
  }

  @Test
  void elisionOfBothGoVersions() {
    Goroutine old = one("""
        goroutine 1 [running]:
        main.recurse(0x0)
        \tmain.go:22 +0x29
        ...additional frames elided...
        created by main.main
        \tmain.go:45 +0x7e
        """);
    assertThat(old.stack().elided()).isTrue();
    assertThat(old.stack().elidedFrames()).isEmpty();
    assertThat(old.stack().elisionIndex()).hasValue(1);
    assertThat(old.creatorId()).isEmpty();
    Goroutine recent = one("""
        goroutine 46 [chan receive]:
        main.recurse(0x0?, 0x0?)
        \tmain.go:22 +0x29
        ...21 frames elided...
        main.recurse(0x0?, 0x0?)
        \tmain.go:24 +0x3c
        """);
    assertThat(recent.stack().depth()).isEqualTo(2);
    assertThat(recent.stack().elidedFrames()).hasValue(21);
    assertThat(recent.stack().elisionIndex()).hasValue(1);
  }

  @Test
  void ancestorsAreNotOwnFrames() {
    Goroutine g = one("""
        goroutine 10 [chan receive]:
        main.main.func4.1.1()
        \texample.com/crash/main.go:82 +0x19
        created by main.main.func4.1 in goroutine 9
        \texample.com/crash/main.go:82 +0x5c
        [originating from goroutine 9]:
        main.main.func4.1(...)
        \texample.com/crash/main.go:83 +0x5c
        created by main.main.func4
        \texample.com/crash/main.go:81 +0x6e
        [originating from goroutine 8]:
        main.main.func4(...)
        \texample.com/crash/main.go:85 +0x6e
        created by main.main
        \texample.com/crash/main.go:80 +0x259
        [originating from goroutine 1]:
        main.main(...)
        \texample.com/crash/main.go:86 +0x259
        """);
    assertThat(g.stack().frames()).extracting(Frame::function).containsExactly("main.main.func4.1.1");
    assertThat(g.creatorId()).hasValue(9);
    assertThat(g.ancestors()).extracting(a -> a.goroutineId()).containsExactly(9L, 8L, 1L);
    assertThat(g.ancestors().get(0).stack().frames().get(0).function()).isEqualTo("main.main.func4.1");
    assertThat(g.ancestors().get(0).createdBy().map(Frame::function)).contains("main.main.func4");
    assertThat(g.ancestors().get(2).createdBy()).isEmpty();
    assertThat(g.incomplete()).isFalse();
  }

  @Test
  void surroundingsOfACrash() {
    Profile p = parse("""
        2019/04/15 17:44:16 http: panic serving 127.0.0.1:5000: boom
        panic: line one
        line two

        goroutine 1 [running]:
        main.main()
        \texample.com/crash/main.go:102 +0x3ce
        exit status 2
        """);
    assertThat(p.goroutines()).hasSize(1);
    // a panic's value runs to the blank line: "line two" is part of it
    assertThat(p.crash()).contains(new Crash(List.of("panic: line one", "line two"),
        OptionalLong.of(1)));
    assertThat(p.diagnostics().skippedLines()).isEqualTo(2);
    assertThat(p.goroutines().get(0).incomplete()).isFalse();
  }

  @Test
  void crlfSpacesAndPrefixes() {
    Goroutine crlf = one("goroutine 1 [running]:\r\nmain.main()\r\n\tmain.go:3 +0x1\r\n\r\n");
    assertThat(crlf.stack().frames().get(0).file()).isEqualTo("main.go");
    Goroutine spaces = one("goroutine 1 [running]:\nmain.main()\n        main.go:3 +0x1\n");
    assertThat(spaces.stack().frames().get(0).line()).isEqualTo(3);
    Profile indented = parse("""
          goroutine 1 [running]:
          main.main()
          \tmain.go:3 +0x1

          goroutine 2 [sleep]:
          time.Sleep(0x1)
          \truntime/time.go:195 +0x135
        """);
    assertThat(indented.goroutines()).hasSize(2);
    assertThat(indented.goroutines().get(1).stack().frames().get(0).function()).isEqualTo("time.Sleep");
    Profile logged = parse("""
        pod-7 | goroutine 1 [running]:
        pod-7 | main.main()
        pod-7 | \tmain.go:3 +0x1
        pod-7 |
        """);
    assertThat(logged.goroutines().get(0).stack().depth()).isEqualTo(1);
    Goroutine onlyCr = one("goroutine 1 [running]:\rmain.main()\r\tmain.go:3 +0x1\r");
    assertThat(onlyCr.stack().depth()).isEqualTo(1);
  }

  @Test
  void truncatedLastBlockIsKeptAndFlagged() {
    Profile p = parse("goroutine 1 [running]:\nmain.main()\n\tmain.go:3 +0x1\n\n"
        + "goroutine 2 [sleep]:\ntime.Sleep(0x1)\n");
    assertThat(p.goroutines()).hasSize(2);
    assertThat(p.goroutines().get(0).incomplete()).isFalse();
    Goroutine cut = p.goroutines().get(1);
    assertThat(cut.incomplete()).isTrue();
    assertThat(cut.stack().frames()).extracting(Frame::function).containsExactly("time.Sleep");
    assertThat(p.diagnostics().incompleteBlocks()).isEqualTo(1);
    Profile midLine = parse("goroutine 1 [running]:\nmain.main()\n\tmain.go:3 +0x1\n\ngoroutine 2 [sleep]:\ntime.Sl");
    assertThat(midLine.goroutines().get(1).incomplete()).isTrue();
    assertThatThrownBy(() -> TextProfileParser.parse(
            "goroutine 2 [sleep]:\ntime.Sleep(0x1)\n".getBytes(StandardCharsets.UTF_8),
            ParseOptions.defaults().withStrict(true)))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("input ends inside the block of goroutine 2");
  }

  @Test
  void malformedLineEndsTheBlockAndParsingResynchronises() {
    String text = """
        goroutine 1 [running]:
        main.main()
        \t/example/main.go:100 +0x1

        goroutine 2 [running]:
        main.main)(
        \t/example/main.go:105 +0x1

        goroutine 3 [running]:
        main.f()
        \t/example/main.go:111 +0x1
        created by main.main
        \t/example/main.go:110 +0x1
        """;
    Profile p = parse(text);
    assertThat(p.goroutines()).extracting(Goroutine::id).containsExactly(1L, 2L, 3L);
    assertThat(p.goroutines().get(1).incomplete()).isTrue();
    assertThat(p.goroutines().get(1).stack().isEmpty()).isTrue();
    assertThat(p.diagnostics().problems()).anyMatch(m -> m.contains("line 6"));
    assertThat(p.goroutines().get(2).createdBy().map(Frame::location)).contains("/example/main.go:110");
    assertThatThrownBy(() -> TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8),
            ParseOptions.defaults().withStrict(true)))
        .isInstanceOfSatisfying(ProfileParseException.class, e -> {
          assertThat(e.lineNumber()).hasValue(6);
          assertThat(e.excerpt()).isEqualTo("main.main)(");
          assertThat(e.format()).contains(ProfileFormat.DEBUG2);
        });
  }

  @Test
  void severalDumpsGiveTheLastOneOrAllOfThem() {
    String dump = "goroutine 1 [running]:\nmain.main()\n\tmain.go:3 +0x1\n\n"
        + "goroutine 7 [sleep]:\ntime.Sleep(0x1)\n\tt.go:1 +0x1\n\n";
    String log = "SIGQUIT: quit\n" + dump + "rax 0x0\nSIGQUIT: quit\n"
        + dump.replace("sleep", "sleep, 2 minutes");
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    List<Profile> all = TextProfileParser.parseAll(bytes, ParseOptions.defaults());
    assertThat(all).hasSize(2);
    assertThat(all).allSatisfy(p -> assertThat(p.goroutines()).hasSize(2));
    Profile last = TextProfileParser.parse(bytes, ParseOptions.defaults());
    assertThat(last.goroutines().get(1).waitMinutes()).hasValue(2);
    assertThat(last.diagnostics().problems()).containsExactly("input holds 2 dumps; this is dump 2,"
        + " from line 12, the last complete one (parseAll returns them all)");
    // strict: clean dumps without text between them (the repeated goroutine id splits)
    assertThatThrownBy(() -> TextProfileParser.parse((dump + dump).getBytes(StandardCharsets.UTF_8),
            ParseOptions.defaults().withStrict(true)))
        .isInstanceOfSatisfying(ProfileParseException.class, e -> {
          assertThat(e.getMessage()).contains("input holds 2 dumps", "parseAll");
          assertThat(e.lineNumber()).hasValue(9); // the header of the second dump
        });
    // a cut last dump: the one before it is the last complete one
    byte[] cut = (log + "goroutine 9 [select]:\nmain.f()\n").getBytes(StandardCharsets.UTF_8);
    assertThat(TextProfileParser.parseAll(cut, ParseOptions.defaults())).hasSize(2);
    Profile complete = TextProfileParser.parse(cut, ParseOptions.defaults());
    assertThat(complete.goroutines()).extracting(Goroutine::id).containsExactly(1L, 7L);
    assertThat(complete.diagnostics().problems()).last().asString().contains("this is dump 1,");
    // no signal line between them: the repeated goroutine id splits
    assertThat(TextProfileParser.parseAll((dump + dump).getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults())).hasSize(2);
  }

  @Test
  void threadSeparatorsDoNotSplitACrash() {
    String text = """
        SIGQUIT: quit
        PC=0x1 m=0 sigcode=0

        goroutine 0 gp=0x5c2220 m=0 mp=0x5c2ea0 [idle]:
        runtime.futex(0x1)
        \truntime/sys_linux_amd64.s:557 +0x21 fp=0x1 sp=0x1 pc=0x1

        goroutine 1 gp=0xc0000061c0 m=nil [sleep]:
        time.Sleep(0x1)
        \truntime/time.go:195 +0x135

        -----

        SIGQUIT: quit
        PC=0x2 m=2 sigcode=0

        goroutine 0 gp=0xc000007340 m=2 mp=0xc000080008 [idle]:
        runtime.futex(0x1)
        \truntime/sys_linux_amd64.s:557 +0x21 fp=0x1 sp=0x1 pc=0x1
        """;
    List<Profile> all = TextProfileParser.parseAll(text.getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).goroutines()).extracting(Goroutine::id).containsExactly(0L, 1L, 0L);
  }

  @Test
  void overlongIdsAndLinesAreReported() {
    Profile p = parse("goroutine 123456789012345678901234567890 [running]:\nmain.main()\n\tm.go:1 +0x1\n\n"
        + block("goroutine 2 [running]:"));
    // kept, with its frames, under an unknown id
    assertThat(p.goroutines()).extracting(Goroutine::idKnown).containsExactly(false, true);
    assertThat(p.goroutines().get(0).stack().frames().get(0).function()).isEqualTo("main.main");
    assertThat(p.diagnostics().problems()).containsExactly("the id 123456789012345678901234567890"
        + " does not fit in 64 bits: kept with an unknown id (line 1)");
    assertThatThrownBy(() -> TextProfileParser.parse(
            "goroutine 123456789012345678901234567890 [running]:\nmain.main()\n\tm.go:1 +0x1\n"
                .getBytes(StandardCharsets.UTF_8), ParseOptions.defaults().withStrict(true)))
        .isInstanceOf(ProfileParseException.class).hasMessageContaining("64 bits")
        .hasMessageContaining("line 1");
    byte[] longLine = ("goroutine 1 [running]:\nmain.main(" + "0x1, ".repeat(1000) + ")\n\tm.go:1\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TextProfileParser.parse(longLine, ParseOptions.defaults().withMaxLineBytes(1000)))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageContaining("maxLineBytes");
    assertThatThrownBy(() -> TextProfileParser.parse(new byte[0], ParseOptions.defaults()))
        .isInstanceOf(ProfileParseException.class)
        .hasMessageStartingWith("not a goroutine profile: the input is empty");
  }

  @Test
  void runtimeStackSectionsCgoFramesAndOddFiles() {
    Profile p = parse("""
        runtime: goroutine stack exceeds 1000000000-byte limit
        fatal error: stack overflow

        runtime stack:
        runtime.throw({0x4f791c?, 0x7ffc9b3bb5b0?})
        \truntime/panic.go:1067 +0x48 fp=0x7ffc9b3bb578 sp=0x7ffc9b3bb548 pc=0x468b68
        runtime.morestack()
        \truntime/asm_amd64.s:621 +0x7a fp=0x7ffc9b3bb6c0 sp=0x7ffc9b3bb6b8 pc=0x46e0fa

        goroutine 1 gp=0xc0000061c0 m=0 mp=0x5c0e60 [running]:
        non-Go function at pc=0x45a1b0
        main.(*T).M-fm()
        \t<autogenerated>:1 +0x25
        C.foo
        \tpc=0x45a1b0
        main.main()
        \t?:0
        """);
    // the runtime stack has no goroutine header: its lines are skipped, not a goroutine
    assertThat(p.goroutines()).hasSize(1);
    Goroutine g = p.goroutines().get(0);
    assertThat(g.stack().frames()).extracting(Frame::function)
        .containsExactly("non-Go function", "main.(*T).M-fm", "C.foo", "main.main");
    assertThat(g.stack().frames().get(0).pc()).hasValue(0x45a1b0);
    assertThat(g.stack().frames().get(1).file()).isEqualTo("<autogenerated>");
    assertThat(g.stack().frames().get(1).line()).isEqualTo(1);
    assertThat(g.traceback().frameExtras().get(2)).isEqualTo("pc=0x45a1b0");
    assertThat(g.stack().frames().get(3).file()).isEqualTo("?");
    assertThat(g.incomplete()).isFalse();
    assertThat(p.crash().map(Crash::headline)).contains("fatal error: stack overflow");
    assertThat(p.diagnostics().skippedLines()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aWordAfterTheLastFrameIsNotAFrame() {
    Profile p = parse("goroutine 1 [running]:\nmain.main()\n\tmain.go:3 +0x1\nPASS\nok\n");
    assertThat(p.goroutines().get(0).stack().depth()).isEqualTo(1);
    assertThat(p.goroutines().get(0).incomplete()).isFalse();
    assertThat(p.diagnostics().skippedLines()).isEqualTo(1);
  }

  /** By default only the facts are kept: the argument and fp= text would be most of the heap. */
  @Test
  void tracebackTextOnlyOnRequest() {
    String text = "goroutine 1 [running]:\nmain.f(0xc000010000, 0x5)\n\tmain.go:3 +0x1 fp=0xc0000417e0"
        + " sp=0xc0000417d8 pc=0x4cda21\n";
    Goroutine kept = one(text);
    Goroutine facts = TextProfileParser.parse(text.getBytes(StandardCharsets.UTF_8),
        ParseOptions.defaults()).goroutines().get(0);
    assertThat(kept.traceback().arguments()).containsExactly("0xc000010000, 0x5");
    assertThat(kept.traceback().frameExtras())
        .containsExactly("fp=0xc0000417e0 sp=0xc0000417d8 pc=0x4cda21");
    assertThat(facts.traceback().arguments()).containsExactly("");
    assertThat(facts.traceback().frameExtras()).containsExactly("");
    assertThat(facts.stack()).isEqualTo(kept.stack());
    assertThat(facts.state()).isEqualTo(kept.state());
  }

  @Test
  void linesLongerThan64KiB() throws Exception {
    String args = "0x1, ".repeat(30_000) + "...";
    String text = "goroutine 1 [running]:\nmain.f(" + args + ")\n\tmain.go:3 +0x1\n";
    assertThat(one(text).traceback().arguments()).containsExactly(args);
    java.util.List<Sample> got = new java.util.ArrayList<>();
    TextProfileParser.stream(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        ParseOptions.defaults().withTracebackText(true), got::add);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).goroutine().orElseThrow().traceback().arguments()).containsExactly(args);
  }
}
