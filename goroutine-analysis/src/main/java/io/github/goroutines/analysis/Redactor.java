package io.github.goroutines.analysis;

import io.github.goroutines.model.Ancestor;
import io.github.goroutines.model.Crash;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.FrameKind;
import io.github.goroutines.model.FunctionName;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileMetadata;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.Traceback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces what a profile says about its program's code, so that a dump can be shared: function
 * names and files outside the Go standard library and runtime, label values, argument text and
 * header fields, crash messages, the binary's path. The same name gets the same replacement across
 * every profile one redactor sees, so a redacted series still diffs; {@link #mapping()} is what the
 * owner keeps to translate a report back.
 *
 * <pre>{@code
 * Redactor r = Redactor.keeping(List.of("github.com/acme/open-source-lib"));
 * Profile shareable = r.redact(dump);   // main.handleRequest.func1 -> main.f2.func1
 * r.mapping();                          // {"function main.handleRequest" -> "f2", …}
 * }</pre>
 *
 * <p>What stays: the standard library and the runtime (frames, files), {@code main.main} and
 * {@code main.init} (and their closures), the package name {@code main}, label keys, states, wait
 * minutes, counts, ids, line numbers and the shape of every stack, so the redacted profile gives
 * the same summary with other names. Not safe for use by several threads at once.
 */
public final class Redactor {
  private final List<String> keep;
  private final Map<String, String> mapping = new LinkedHashMap<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  private Redactor(List<String> keep) {
    this.keep = List.copyOf(keep);
  }

  /**
   * A redactor that replaces every name outside the standard library.
   *
   * @return the redactor
   */
  public static Redactor create() {
    return new Redactor(List.of());
  }

  /**
   * A redactor that also keeps functions and files whose package path or file starts with one of
   * the prefixes (open-source dependencies, say).
   *
   * @param prefixes package path or file prefixes to keep
   * @return the redactor
   */
  public static Redactor keeping(List<String> prefixes) {
    Objects.requireNonNull(prefixes, "prefixes");
    return new Redactor(prefixes);
  }

  /**
   * Returns every replacement made so far, {@code "kind original"} to replacement, in the order
   * they were first made ({@code kind} is {@code package}, {@code function}, {@code file},
   * {@code label}, {@code binary} or {@code crash}).
   *
   * @return an unmodifiable view
   */
  public Map<String, String> mapping() {
    return Collections.unmodifiableMap(mapping);
  }

  /**
   * Returns the profile with its program's names replaced.
   *
   * @param profile the profile; not changed
   * @return the redacted profile
   */
  public Profile redact(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    Profile.Builder b = Profile.builder(profile.format()).type(profile.type())
        .diagnostics(profile.diagnostics()).metadata(metadata(profile.metadata()));
    profile.declaredTotal().ifPresent(b::declaredTotal);
    profile.crash().ifPresent(c -> b.crash(crash(c)));
    for (Sample s : profile.samples()) {
      if (s.goroutine().isPresent()) {
        b.add(Sample.of(goroutine(s.goroutine().get())));
      } else {
        b.add(Sample.of(s.count(), stack(s.stack()), labels(s.labels()),
            s.addresses().toArray()));
      }
    }
    return b.build();
  }

  private Goroutine goroutine(Goroutine g) {
    Goroutine.Builder b = Goroutine.builder(g.id(), g.state())
        .lockedToThread(g.lockedToThread()).labels(labels(g.labels())).stack(stack(g.stack()))
        .stackUnavailable(g.stackUnavailable()).incomplete(g.incomplete())
        // argument text and header fields (pointers, thread ids) are the program's: left out
        .traceback(new Traceback(List.of(), List.of(), Map.of(),
            g.traceback().otherStateItems(), g.traceback().headerLine()));
    g.waitMinutes().ifPresent(b::waitMinutes);
    g.synctestGroup().ifPresent(b::synctestGroup);
    g.synctestBubble().ifPresent(b::synctestBubble);
    g.createdBy().ifPresent(f -> b.createdBy(frame(f), g.creatorId().orElse(-1)));
    if (!g.idKnown()) {
      b.idUnknown();
    }
    List<Ancestor> ancestors = new ArrayList<>();
    for (Ancestor a : g.ancestors()) {
      ancestors.add(a.createdBy().isPresent()
          ? Ancestor.of(a.goroutineId(), stack(a.stack()), frame(a.createdBy().get()))
          : Ancestor.of(a.goroutineId(), stack(a.stack())));
    }
    b.ancestors(ancestors);
    return b.build();
  }

  private Stack stack(Stack stack) {
    List<Frame> frames = new ArrayList<>(stack.depth());
    for (Frame f : stack.frames()) {
      frames.add(frame(f));
    }
    return Stack.of(frames, stack.elisionIndex().orElse(-1), stack.elidedFrames().orElse(-1));
  }

  private Frame frame(Frame f) {
    if (f.function().isEmpty() || f.kind() != FrameKind.USER || kept(f)) {
      return f;
    }
    Frame r = Frame.of(function(f.function()), file(f.file()), f.line(), f.inlined());
    if (f.pc().isPresent()) {
      r = r.withPc(f.pc().getAsLong());
    }
    if (f.entryOffset().isPresent()) {
      r = r.withEntryOffset(f.entryOffset().getAsLong());
    }
    return r;
  }

  private boolean kept(Frame f) {
    String pkg = FunctionName.parse(f.function()).packagePath();
    for (String prefix : keep) {
      if (!prefix.isEmpty() && (pkg.startsWith(prefix) || f.file().startsWith(prefix))) {
        return true;
      }
    }
    return false;
  }

  /** {@code example.com/app.(*Cache).Load.func1} becomes {@code p1.f2.func1}; main stays main. */
  private String function(String function) {
    FunctionName n = FunctionName.parse(function);
    String pkg = n.packagePath();
    String suffix = n.suffix();
    String symbol = function.substring(0, function.length() - suffix.length());
    if (pkg.equals("main") && (symbol.equals("main.main") || symbol.equals("main.init"))) {
      return function;
    }
    String redactedPackage = pkg.equals("main") ? "main" : replace("package", pkg, "p", "");
    return redactedPackage + "." + replace("function", symbol, "f", "") + suffix;
  }

  private String file(String file) {
    if (file.isEmpty()) {
      return file;
    }
    return replace("file", file, "src/file", ".go");
  }

  private Labels labels(Labels labels) {
    if (labels.list().isEmpty()) {
      return labels;
    }
    List<Label> out = new ArrayList<>(labels.list().size());
    for (Label l : labels.list()) {
      out.add(l.numeric() ? l : Label.of(l.key(), l.value().isEmpty() ? ""
          : replace("label", l.key() + "=" + l.value(), "v", "")));
    }
    return Labels.of(out);
  }

  private ProfileMetadata metadata(ProfileMetadata m) {
    List<Mapping> mappings = new ArrayList<>();
    for (Mapping mp : m.mappings()) {
      String name = mp.filename();
      boolean system = name.isEmpty() || name.startsWith("[") || name.startsWith("/lib")
          || name.startsWith("/usr/lib");
      mappings.add(new Mapping(mp.id(), mp.memoryStart(), mp.memoryLimit(), mp.fileOffset(),
          system ? name : replace("binary", name, "binary", ""), system ? mp.buildId() : "",
          mp.hasFunctions(), mp.hasFilenames(), mp.hasLineNumbers(), mp.hasInlineFrames()));
    }
    return new ProfileMetadata(m.sampleTypes(), m.defaultSampleType(), m.periodType(),
        m.period(), m.timeNanos(), m.durationNanos(), List.of(), m.dropFrames(), m.keepFrames(),
        m.docUrl(), mappings);
  }

  /** The runtime's own words stay; a panic's value is the program's. */
  private Crash crash(Crash c) {
    List<String> lines = new ArrayList<>();
    for (String line : c.lines()) {
      if (line.startsWith("panic: ")) {
        lines.add("panic: " + replace("crash", line.substring("panic: ".length()), "value", ""));
      } else if (line.startsWith("fatal error: ") || line.startsWith("SIG")
          || line.startsWith("[signal ") || line.startsWith("goroutine ")) {
        lines.add(line);
      } else {
        lines.add(replace("crash", line, "line", ""));
      }
    }
    return new Crash(lines, c.goroutineId());
  }

  /** The replacement of {@code original}: {@code prefix}, a number counted per kind, suffix. */
  private String replace(String kind, String original, String prefix, String suffix) {
    return mapping.computeIfAbsent(kind + " " + original,
        k -> prefix + counters.merge(kind, 1, Integer::sum) + suffix);
  }
}
