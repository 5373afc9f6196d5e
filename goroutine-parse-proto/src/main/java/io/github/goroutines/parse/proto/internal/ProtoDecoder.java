package io.github.goroutines.parse.proto.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Label;
import io.github.goroutines.model.Labels;
import io.github.goroutines.model.Mapping;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.Profile;
import io.github.goroutines.model.ProfileFormat;
import io.github.goroutines.model.ProfileMetadata;
import io.github.goroutines.model.ProfileParseException;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.ValueType;
import io.github.goroutines.model.internal.Hashing;
import io.github.goroutines.model.internal.Interner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one {@code profile.proto} message in two passes, as google/pprof does: {@link RawProfile}
 * walks the wire format and keeps raw ids, string-table indexes and byte offsets; this class then
 * resolves them, with explicit range checks, into the shared model. An id or string index that does
 * not exist is a {@link ProfileParseException} with the byte offset of the message that used it.
 * Not thread-safe: one instance per decode.
 */
public final class ProtoDecoder {
  private final byte[] data;
  private final ParseOptions options;
  private final Interner interner = Interner.unbounded();
  private RawProfile raw;
  /** The decoded strings of the string table, by index, decoded on first use. */
  private String[] strings;
  /** The frames of each location, built on first use (inlined calls make one location several). */
  private Frame[][] locationFrames;

  /**
   * Prepares a decode.
   *
   * @param data the uncompressed message; not modified
   * @param options limits
   */
  public ProtoDecoder(byte[] data, ParseOptions options) {
    this.data = data;
    this.options = options;
  }

  /**
   * Decodes the message.
   *
   * @return the profile
   * @throws ProfileParseException when the message is malformed or not a goroutine profile
   */
  public Profile decode() {
    raw = new RawProfile(data, options).read();
    strings = new String[raw.strings.size()];
    if (raw.strings.size() > 0 && str(0, 0).length() != 0) {
      throw error(data, "string_table[0] must be the empty string", raw.stringStart(0));
    }
    List<ValueType> types = new ArrayList<>(raw.sampleTypes.size() / 2);
    int countIndex = -1;
    for (int i = 0; i < raw.sampleTypes.size(); i += 2) {
      ValueType vt = new ValueType(str(raw.sampleTypes.get(i), 0), str(raw.sampleTypes.get(i + 1), 0));
      if (countIndex < 0 && (vt.type().equals("goroutine") || vt.type().equals("goroutineleak"))) {
        countIndex = i / 2;
      }
      types.add(vt);
    }
    if (countIndex < 0) {
      throw error(data, "not a goroutine profile: sample types " + types
          + "; expected goroutine/count or goroutineleak/count (" + kind(types)
          + ": fetch /debug/pprof/goroutine instead)", 0);
    }
    locationFrames = new Frame[raw.locationOffset.size()][];
    Profile.Builder profile =
        Profile.builder(ProfileFormat.PROTO).type(types.get(countIndex).type());
    List<Frame> frames = new ArrayList<>(64);
    SampleReader sample = new SampleReader(data, options);
    long total = 0;
    for (int s = 0; s < raw.sampleOffset.size(); s++) {
      int at = raw.sampleOffset.get(s);
      sample.read(at);
      if (sample.values.size() != types.size()) {
        throw error(data, "sample has " + sample.values.size() + " values but the profile declares "
            + types.size() + " sample types", at);
      }
      Stack stack = stack(frames, sample.locationIds, at);
      Labels labels = labels(sample, at);
      long count = sample.values.get(countIndex);
      long sum = total + count;
      if (((total ^ sum) & (count ^ sum)) < 0) {
        throw error(data, "the samples' counts sum past the range of a 64-bit integer", at);
      }
      total = sum;
      profile.add(Sample.of(count, stack, labels));
    }
    return profile.metadata(metadata(types)).build();
  }

  /**
   * A sample's location ids, the key of the stack they make: Go writes one sample per distinct
   * stack and labels, so 100,000 labelled goroutines share a few thousand id sequences.
   */
  private static final class Ids {
    long[] ids; // null in the probe, which looks at the sample being read
    LongList probe;
    int hash;

    @Override
    public boolean equals(Object o) {
      // HashMap asks the probe; stored keys only ever meet the probe
      Ids other = (Ids) o;
      return probe != null ? probe.contentEquals(other.ids) : Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Map<Ids, Stack> stacksByIds = new HashMap<>();
  private final Ids probe = new Ids();
  /** Ids the cache holds; it stops growing at {@link #CACHED_IDS}, so the heap bound holds. */
  private long cachedIds;
  private static final long CACHED_IDS = 1 << 20;

  private Stack stack(List<Frame> frames, LongList ids, int at) {
    long h = Hashing.start();
    for (int i = 0; i < ids.size(); i++) {
      h = Hashing.add(h, ids.get(i));
    }
    probe.probe = ids;
    probe.hash = Hashing.finish(Hashing.add(h, ids.size()));
    Stack known = stacksByIds.get(probe);
    if (known != null) {
      return known;
    }
    Stack stack = build(frames, ids, at);
    if (cachedIds + ids.size() + 8 <= CACHED_IDS) {
      cachedIds += ids.size() + 8; // an entry costs about as much as eight ids
      Ids key = new Ids();
      key.ids = ids.toArray();
      key.hash = probe.hash;
      stacksByIds.put(key, stack);
    }
    return stack;
  }

  private Stack build(List<Frame> frames, LongList ids, int at) {
    frames.clear();
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      int loc = raw.locationIndex.get(id);
      if (loc < 0) {
        throw error(data, "sample refers to location id " + Long.toUnsignedString(id)
            + ", which does not exist", at);
      }
      for (Frame f : frames(loc)) {
        frames.add(f); // addAll(Arrays.asList(…)) copied each array once more
      }
      if (frames.size() > options.maxFramesPerStack()) {
        throw limit(data, "more than " + options.maxFramesPerStack() + " frames in one sample",
            "maxFramesPerStack", at);
      }
    }
    return interner.stack(frames, -1, -1);
  }

  /** What a profile of other sample types is, by the names Go's profiles use. */
  private static String kind(List<ValueType> types) {
    if (types.isEmpty()) {
      return "a profile without sample types";
    }
    String first = types.get(0).type();
    return switch (first) {
      case "alloc_objects", "alloc_space", "inuse_objects", "inuse_space" -> "a heap profile";
      case "samples", "cpu" -> "a CPU profile";
      case "contentions", "delay" -> "a block or mutex profile";
      default -> "a " + first + " profile";
    };
  }

  private Frame[] frames(int loc) {
    Frame[] cached = locationFrames[loc];
    if (cached != null) {
      return cached;
    }
    int at = raw.locationOffset.get(loc);
    raw.readLocation(loc);
    int lines = raw.lineFunction.size();
    long pc = raw.locationAddress;
    Frame[] result;
    if (lines == 0) {
      // an unsymbolised location: only its address is known
      result = new Frame[] {interner.frame(Frame.unsymbolized(pc))};
    } else {
      result = new Frame[lines];
      for (int l = 0; l < lines; l++) {
        long functionId = raw.lineFunction.get(l);
        String name = "";
        String file = "";
        if (functionId != 0) {
          int f = raw.functionIndex.get(functionId);
          if (f < 0) {
            throw error(data, "location refers to function id "
                + Long.toUnsignedString(functionId) + ", which does not exist", at);
          }
          int functionAt = raw.functionOffset.get(f);
          name = str(raw.functionName.get(f), functionAt);
          file = str(raw.functionFile.get(f), functionAt);
        }
        long number = raw.lineNumber.get(l);
        if (number < 0 || number > Integer.MAX_VALUE) {
          throw error(data, "line number " + number + " out of range", at);
        }
        // Lines are innermost first; all but the last were inlined into the next one
        result[l] = interner.frame(Frame.of(name, file, (int) number, l < lines - 1).withPc(pc));
      }
    }
    locationFrames[loc] = result;
    return result;
  }

  private Labels labels(SampleReader sample, int at) {
    int n = sample.labelKey.size();
    if (n == 0) {
      return Labels.empty();
    }
    List<Label> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String key = str(sample.labelKey.get(i), at);
      long num = sample.labelNum.get(i);
      long unit = sample.labelUnit.get(i);
      if (sample.labelStr.get(i) == 0 && (num != 0 || unit != 0)) {
        list.add(Label.numeric(key, num, str(unit, at)));
      } else {
        list.add(Label.of(key, str(sample.labelStr.get(i), at)));
      }
    }
    return interner.labels(Labels.of(list));
  }

  private ProfileMetadata metadata(List<ValueType> types) {
    List<String> comments = new ArrayList<>(raw.comments.size());
    for (int i = 0; i < raw.comments.size(); i++) {
      comments.add(str(raw.comments.get(i), 0));
    }
    ValueType periodType = raw.periodTypeAt < 0 ? ValueType.NONE
        : new ValueType(str(raw.periodType.type, raw.periodTypeAt),
            str(raw.periodType.unit, raw.periodTypeAt));
    List<Mapping> mappings = new ArrayList<>(raw.mappings.size());
    for (RawProfile.RawMapping m : raw.mappings) {
      mappings.add(new Mapping(m.id(), m.memoryStart(), m.memoryLimit(), m.fileOffset(),
          str(m.filename(), m.at()), str(m.buildId(), m.at()), (m.flags() & 1) != 0,
          (m.flags() & 2) != 0, (m.flags() & 4) != 0, (m.flags() & 8) != 0));
    }
    return new ProfileMetadata(types, str(raw.defaultSampleType, 0), periodType, raw.period,
        raw.timeNanos, raw.durationNanos, comments, str(raw.dropFrames, 0),
        str(raw.keepFrames, 0), str(raw.docUrl, 0), mappings);
  }

  /** Resolves a string-table index with a range check; index 0 is always "". */
  private String str(long index, int at) {
    if (index == 0 && strings.length == 0) {
      return "";
    }
    if (index < 0 || index >= strings.length) {
      throw error(data, "string index " + index + " outside string table [0, " + strings.length
          + ")", at);
    }
    int i = (int) index;
    String s = strings[i];
    if (s == null) {
      // the string table holds each string once: decode it, no interning needed
      int start = raw.stringStart(i);
      s = Interner.decode(data, start, start + raw.stringLength(i));
      strings[i] = s;
    }
    return s;
  }

  /** A malformed message, at the byte offset of the message or field that is wrong. */
  static ProfileParseException error(byte[] data, String message, int offset) {
    return ProfileParseException.atOffset(ProfileFormat.PROTO, message, offset,
        excerpt(data, offset));
  }

  /** A limit of {@link ParseOptions} exceeded at a byte offset. */
  static ProfileParseException limit(byte[] data, String exceeded, String option, int offset) {
    return ProfileParseException.limitAtOffset(ProfileFormat.PROTO, exceeded, option, offset,
        excerpt(data, offset));
  }

  private static byte[] excerpt(byte[] data, int offset) {
    int from = Math.max(0, Math.min(offset, data.length));
    return Arrays.copyOfRange(data, from, Math.min(data.length, from + 16));
  }
}
