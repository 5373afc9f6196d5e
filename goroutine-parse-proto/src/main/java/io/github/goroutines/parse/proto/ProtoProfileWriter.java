package io.github.goroutines.parse.proto;

import com.google.protobuf.CodedOutputStream;
import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileMetadata;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes any profile, whatever format it was read from, as a gzip-compressed {@code profile.proto}
 * that {@code go tool pprof} and every pprof-based tool read: sample type {@code goroutine/count}
 * (or the profile's own type, such as {@code goroutineleak}), one location per program counter and
 * inline chain (inlined frames as pprof represents them: several lines in one location, the
 * innermost first), functions, the mappings the profile knows, and the samples' labels.
 *
 * <p>Goroutines of a {@code debug=2} dump or a crash log are grouped by stack and labels, and each
 * group gets labels of its own so that pprof can slice by them: {@code state} (as printed, such as
 * {@code chan receive}), {@code state_class} ({@code CHAN_RECEIVE}), {@code wait_minutes} (a number
 * in {@code minutes}, when Go printed one) and {@code created_by} ({@code function file:line}).
 *
 * <pre>{@code
 * Profile dump = GoroutineProfiles.parse(Path.of("dump.txt"));
 * try (OutputStream out = Files.newOutputStream(Path.of("dump.pb.gz"))) {
 *   ProtoProfileWriter.write(dump, out);
 * }
 * // go tool pprof -tagfocus 'state=chan receive' -top dump.pb.gz
 * }</pre>
 *
 * <p>Equal profiles give equal bytes: ids and the string table follow the order of first use, and
 * the gzip header carries no time.
 */
public final class ProtoProfileWriter {
  private ProtoProfileWriter() {}

  /**
   * What the writer adds to the samples of a dump ({@code debug=2}, crash logs): both on by
   * default but the ids.
   *
   * @param dumpLabels whether each group of goroutines gets the labels {@code state},
   *     {@code state_class}, {@code wait_minutes} and {@code created_by}; without them goroutines
   *     are grouped by stack and labels only, as a {@code debug=0} profile holds them
   * @param goroutineIds whether each goroutine keeps its id as a numeric {@code goroutine_id}
   *     label (each goroutine is then a sample of its own)
   */
  public record Options(boolean dumpLabels, boolean goroutineIds) {
    /**
     * The defaults: the dump's labels, no ids.
     *
     * @return the options
     */
    public static Options defaults() {
      return new Options(true, false);
    }
  }

  /**
   * Writes the profile, gzip-compressed, with {@link Options#defaults()}. The stream is not
   * closed.
   *
   * @param profile the profile
   * @param out where to write
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Profile profile, OutputStream out) {
    write(profile, out, Options.defaults());
  }

  /**
   * Writes the profile, gzip-compressed. The stream is not closed.
   *
   * @param profile the profile
   * @param out where to write
   * @param options what to add to a dump's samples
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Profile profile, OutputStream out, Options options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    // closing the gzip stream ends its deflater; the caller's stream stays open
    try (GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 64 * 1024)) {
      new Encoder(profile, options).encode(gzip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the gzip-compressed bytes of {@link #write(Profile, OutputStream, Options)}.
   *
   * @param profile the profile
   * @param options what to add to a dump's samples
   * @return the bytes
   */
  public static byte[] toBytes(Profile profile, Options options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(profile, out, options);
    return out.toByteArray();
  }

  /** Keeps the caller's stream open when the gzip stream is done with it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** One sample to write: its locations, count and labels. */
  private record Out(long[] locations, long count, List<Label> labels) {}

  /** Builds the tables in order of first use, then writes them. */
  private static final class Encoder {
    private final Profile profile;
    private final Options options;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    /** Function key (name, file) to id. */
    private final Map<List<String>, Long> functions = new LinkedHashMap<>();
    /** Location key (address and its lines) to id; the frames of each location in order. */
    private final Map<List<Object>, Long> locations = new LinkedHashMap<>();
    private final List<Frame[]> locationFrames = new ArrayList<>();
    private final List<Long> locationAddresses = new ArrayList<>();
    private final Map<Stack, long[]> stackLocations = new HashMap<>();

    Encoder(Profile profile, Options options) {
      this.profile = profile;
      this.options = options;
      string(""); // index 0 is the empty string
    }

    void encode(OutputStream raw) throws IOException {
      List<Out> samples = samples();
      ProfileMetadata m = profile.metadata();
      CodedOutputStream out = CodedOutputStream.newInstance(raw, 64 * 1024);
      // sample_type = 1
      String type = profile.type().isEmpty() ? "goroutine" : profile.type();
      out.writeByteArray(1, valueType(type, "count"));
      for (Out s : samples) {
        out.writeByteArray(2, sample(s)); // sample = 2
      }
      List<Mapping> mappings = m.mappings();
      for (Mapping mp : mappings) {
        out.writeByteArray(3, mapping(mp)); // mapping = 3
      }
      int i = 0;
      for (Frame[] frames : locationFrames) {
        out.writeByteArray(4, location(i + 1, locationAddresses.get(i), frames, mappings));
        i++;
      }
      for (Map.Entry<List<String>, Long> f : functions.entrySet()) {
        out.writeByteArray(5, function(f.getValue(), f.getKey())); // function = 5
      }
      long dropFrames = m.dropFrames().isEmpty() ? 0 : string(m.dropFrames());
      long keepFrames = m.keepFrames().isEmpty() ? 0 : string(m.keepFrames());
      List<Long> comments = new ArrayList<>();
      for (String c : m.comments()) {
        comments.add((long) string(c));
      }
      long defaultType = m.defaultSampleType().isEmpty() ? 0 : string(m.defaultSampleType());
      long docUrl = m.docUrl().isEmpty() ? 0 : string(m.docUrl());
      byte[] periodType = valueType(type, "count");
      for (String s : strings.keySet()) {
        out.writeString(6, s); // string_table = 6
      }
      if (dropFrames != 0) {
        out.writeInt64(7, dropFrames);
      }
      if (keepFrames != 0) {
        out.writeInt64(8, keepFrames);
      }
      if (m.timeNanos() != 0) {
        out.writeInt64(9, m.timeNanos());
      }
      if (m.durationNanos() != 0) {
        out.writeInt64(10, m.durationNanos());
      }
      out.writeByteArray(11, periodType);
      out.writeInt64(12, m.period() == 0 ? 1 : m.period());
      for (long c : comments) {
        out.writeInt64(13, c);
      }
      if (defaultType != 0) {
        out.writeInt64(14, defaultType);
      }
      if (docUrl != 0) {
        out.writeInt64(15, docUrl);
      }
      out.flush();
    }

    /**
     * The samples to write: those of a profile of stacks as they are; a dump's goroutines grouped
     * by stack and labels (their own and the dump's), in order of first appearance.
     */
    private List<Out> samples() {
      if (profile.goroutines().isEmpty()) {
        return profile.samples().stream()
            .map(s -> new Out(locations(s.stack()), s.count(), s.labels().list())).toList();
      }
      Map<List<Object>, Out> groups = new LinkedHashMap<>();
      for (Sample s : profile.samples()) {
        List<Label> labels = new ArrayList<>(s.labels().list());
        s.goroutine().ifPresent(g -> labels.addAll(dumpLabels(g)));
        groups.merge(List.of(s.stack(), labels), new Out(locations(s.stack()), s.count(), labels),
            (a, b) -> new Out(a.locations(), a.count() + b.count(), a.labels()));
      }
      return new ArrayList<>(groups.values());
    }

    private List<Label> dumpLabels(Goroutine g) {
      List<Label> labels = new ArrayList<>(5);
      if (options.dumpLabels()) {
        labels.add(Label.of("state", g.state()));
        labels.add(Label.of("state_class", g.stateClass().name()));
        g.waitMinutes().ifPresent(w -> labels.add(Label.numeric("wait_minutes", w, "minutes")));
        g.createdBy().ifPresent(f -> labels.add(Label.of("created_by",
            f.line() > 0 ? f.function() + " " + f.file() + ":" + f.line() : f.function())));
      }
      if (options.goroutineIds() && g.idKnown()) {
        labels.add(Label.numeric("goroutine_id", g.id(), ""));
      }
      return labels;
    }

    private long[] locations(Stack stack) {
      long[] known = stackLocations.get(stack);
      if (known != null) {
        return known;
      }
      List<Frame> frames = stack.frames();
      List<Long> ids = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < frames.size(); i++) {
        // an inlined frame shares its location with the frames out to the one it is inlined in
        if (frames.get(i).inlined() && i + 1 < frames.size()) {
          continue;
        }
        ids.add(location(frames.subList(start, i + 1)));
        start = i + 1;
      }
      long[] a = ids.stream().mapToLong(Long::longValue).toArray();
      stackLocations.put(stack, a);
      return a;
    }

    private long location(List<Frame> chain) {
      long address = chain.get(0).pc().orElse(0);
      List<Object> key = new ArrayList<>(chain.size() * 3 + 1);
      key.add(address);
      for (Frame f : chain) {
        key.add(f.function());
        key.add(f.file());
        key.add(f.line());
      }
      Long id = locations.get(key);
      if (id == null) {
        id = (long) locations.size() + 1;
        locations.put(key, id);
        locationFrames.add(chain.toArray(new Frame[0]));
        locationAddresses.add(address);
        for (Frame f : chain) {
          if (!f.function().isEmpty()) {
            functionId(f);
          }
        }
      }
      return id;
    }

    private long functionId(Frame f) {
      List<String> key = List.of(f.function(), f.file());
      Long id = functions.get(key);
      if (id == null) {
        id = (long) functions.size() + 1;
        functions.put(key, id);
        string(f.function());
        string(f.file());
      }
      return id;
    }

    private int string(String s) {
      Integer i = strings.get(s);
      if (i == null) {
        i = strings.size();
        strings.put(s, i);
      }
      return i;
    }

    private byte[] valueType(String type, String unit) throws IOException {
      int t = string(type);
      int u = string(unit);
      return message(out -> {
        out.writeInt64(1, t);
        out.writeInt64(2, u);
      });
    }

    private byte[] sample(Out s) throws IOException {
      List<long[]> labels = new ArrayList<>(s.labels().size());
      for (Label l : s.labels()) {
        labels.add(l.numeric()
            ? new long[] {string(l.key()), 0, l.number(), l.unit().isEmpty() ? 0 : string(l.unit())}
            : new long[] {string(l.key()), string(l.value()), 0, 0});
      }
      return message(out -> {
        if (s.locations().length > 0) {
          out.writeTag(1, 2); // packed
          int size = 0;
          for (long id : s.locations()) {
            size += CodedOutputStream.computeUInt64SizeNoTag(id);
          }
          out.writeUInt32NoTag(size);
          for (long id : s.locations()) {
            out.writeUInt64NoTag(id);
          }
        }
        out.writeInt64(2, s.count());
        for (long[] l : labels) {
          out.writeByteArray(3, message(o -> {
            o.writeInt64(1, l[0]);
            if (l[1] != 0) {
              o.writeInt64(2, l[1]);
            }
            if (l[2] != 0) {
              o.writeInt64(3, l[2]);
            }
            if (l[3] != 0) {
              o.writeInt64(4, l[3]);
            }
          }));
        }
      });
    }

    private byte[] mapping(Mapping mp) throws IOException {
      long file = mp.filename().isEmpty() ? 0 : string(mp.filename());
      long build = mp.buildId().isEmpty() ? 0 : string(mp.buildId());
      return message(out -> {
        out.writeUInt64(1, mp.id());
        out.writeUInt64(2, mp.memoryStart());
        out.writeUInt64(3, mp.memoryLimit());
        out.writeUInt64(4, mp.fileOffset());
        out.writeInt64(5, file);
        out.writeInt64(6, build);
        out.writeBool(7, mp.hasFunctions());
        out.writeBool(8, mp.hasFilenames());
        out.writeBool(9, mp.hasLineNumbers());
        out.writeBool(10, mp.hasInlineFrames());
      });
    }

    private byte[] location(long id, long address, Frame[] chain, List<Mapping> mappings)
        throws IOException {
      long mappingId = 0;
      for (Mapping mp : mappings) {
        if (address != 0 && Long.compareUnsigned(address, mp.memoryStart()) >= 0
            && Long.compareUnsigned(address, mp.memoryLimit()) < 0) {
          mappingId = mp.id();
          break;
        }
      }
      long mapping = mappingId;
      return message(out -> {
        out.writeUInt64(1, id);
        if (mapping != 0) {
          out.writeUInt64(2, mapping);
        }
        if (address != 0) {
          out.writeUInt64(3, address);
        }
        for (Frame f : chain) {
          if (f.function().isEmpty()) {
            continue; // an address without a symbol: a location without lines, as pprof has them
          }
          long function = functionId(f);
          out.writeByteArray(4, message(o -> {
            o.writeUInt64(1, function);
            o.writeInt64(2, f.line());
          }));
        }
      });
    }

    private byte[] function(long id, List<String> key) throws IOException {
      long name = string(key.get(0));
      long file = string(key.get(1));
      return message(out -> {
        out.writeUInt64(1, id);
        out.writeInt64(2, name);
        out.writeInt64(3, name);
        out.writeInt64(4, file);
      });
    }

    private interface Body {
      void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      CodedOutputStream out = CodedOutputStream.newInstance(bytes, 256);
      body.write(out);
      out.flush();
      return bytes.toByteArray();
    }
  }
}
