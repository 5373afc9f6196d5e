package io.github.goroutines.parse.proto.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
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
import io.github.goroutines.model.internal.Canon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


/**
 * Decodes one {@code profile.proto} message in two passes. Pass one walks the wire format with
 * {@link CodedInputStream} and keeps raw ids, string-table indexes and byte offsets in primitive
 * lists; pass two resolves them with explicit range checks into the shared model.
 *
 * <p>Field numbers follow google/pprof's {@code proto/profile.proto}; each {@code case} names the
 * declaration it reads. Unknown fields are skipped. Not thread-safe: one instance per decode.
 */
public final class ProtoDecoder {
  private static final int WT_VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int WT_LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  private final byte[] data;
  private final ParseOptions options;
  private final Canon canon = new Canon(Integer.MAX_VALUE);
  private CodedInputStream in;

  // string_table: start and length of each string in data
  private final LongList strings = new LongList(256);
  private String[] resolved;
  // sample_type and period_type: pairs of string indexes
  private final LongList sampleTypes = new LongList(4);
  private long[] periodType; // type index, unit index, message offset
  private long period;
  private long timeNanos;
  private long durationNanos;
  private long dropFrames;
  private long keepFrames;
  private long defaultSampleType;
  private long docUrl;
  private final LongList comments = new LongList(4);

  // samples: ranges into the shared lists below, and the message offset
  private final LongList sLocEnd;
  private final LongList sValEnd;
  private final LongList sLabEnd;
  private final LongList sOffset;
  private final LongList locIds;
  private final LongList values;
  private final LongList labKey = new LongList(64);
  private final LongList labStr = new LongList(64);
  private final LongList labNum = new LongList(64);
  private final LongList labUnit = new LongList(64);

  // locations
  private final IdIndex locIndex = new IdIndex();
  private final LongList locAddress = new LongList(1024);
  private final LongList locLineEnd = new LongList(1024);
  private final LongList locOffset = new LongList(1024);
  private final LongList lineFunction = new LongList(1024);
  private final LongList lineNumber = new LongList(1024);
  private Frame[][] locFrames;
  /** Stacks by location-id sequence: samples that differ only in labels share one lookup. */
  private final StackIndex stacks = new StackIndex();

  // functions
  private final IdIndex funcIndex = new IdIndex();
  private final LongList funcName = new LongList(1024);
  private final LongList funcFile = new LongList(1024);
  private final LongList funcOffset = new LongList(1024);

  // mappings: id, start, limit, offset, filename, build id, flag bits, message offset
  private final List<long[]> mappings = new ArrayList<>();

  /**
   * Prepares a decode.
   *
   * @param data the uncompressed message; not modified
   * @param options limits
   */
  public ProtoDecoder(byte[] data, ParseOptions options) {
    this.data = data;
    this.options = options;
    // a sample takes at least 4 bytes and a location id at least 1: size the lists for a typical
    // profile of this length, so that large ones are not copied over and over while they grow
    int samples = Math.max(64, data.length / 64);
    this.sLocEnd = new LongList(samples);
    this.sValEnd = new LongList(samples);
    this.sLabEnd = new LongList(samples);
    this.sOffset = new LongList(samples);
    this.values = new LongList(samples);
    this.locIds = new LongList(Math.max(256, data.length / 8));
  }

  /**
   * Decodes the message.
   *
   * @return the profile
   * @throws ProfileParseException when the message is malformed or not a goroutine profile
   */
  public Profile decode() {
    in = CodedInputStream.newInstance(data);
    try {
      readProfile();
    } catch (IOException e) {
      throw error("malformed protobuf: " + e.getMessage(), in.getTotalBytesRead());
    }
    return resolve();
  }

  // ------------------------------------------------------------------ pass one

  /** Reads one field of a message; returns false for a field it does not know (then skipped). */
  @FunctionalInterface
  private interface Fields {
    boolean read(int field, int type, int at) throws IOException;
  }

  /** The fields of the message being read; the readers below fill them. */
  private long f1;
  private long f2;
  private long f3;
  private long f4;
  private final long[] mappingFields = new long[8];

  // one reader per message type, made once: no allocation per message
  private final Fields profileFields = this::profileField;
  private final Fields valueTypeFields = this::valueTypeField;
  private final Fields sampleFields = this::sampleField;
  private final Fields labelFields = this::labelField;
  private final Fields mappingFieldReader = this::mappingField;
  private final Fields locationFields = this::locationField;
  private final Fields lineFields = this::lineField;
  private final Fields functionFields = this::functionField;

  /**
   * The loop every message shares: tags until the end of the message, each field to its reader,
   * unknown fields skipped. A nested message is read within a pushed limit.
   */
  private void fields(Fields reader) throws IOException {
    while (true) {
      int at = in.getTotalBytesRead();
      int tag = in.readTag();
      if (tag == 0) {
        return;
      }
      if (!reader.read(WireFormat.getTagFieldNumber(tag), WireFormat.getTagWireType(tag), at)) {
        in.skipField(tag);
      }
    }
  }

  private void nested(int field, int type, int at, Fields reader) throws IOException {
    expect(type, WT_LEN, field, at);
    int limit = in.pushLimit(in.readRawVarint32());
    fields(reader);
    in.popLimit(limit);
  }

  private void readProfile() throws IOException {
    fields(profileFields);
  }

  private boolean profileField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> { // repeated ValueType sample_type = 1
        valueType(field, type, at);
        sampleTypes.add(f1);
        sampleTypes.add(f2);
      }
      case 2 -> sample(field, type, at); // repeated Sample sample = 2
      case 3 -> mapping(field, type, at); // repeated Mapping mapping = 3
      case 4 -> location(field, type, at); // repeated Location location = 4
      case 5 -> function(field, type, at); // repeated Function function = 5
      case 6 -> { // repeated string string_table = 6
        expect(type, WT_LEN, field, at);
        int len = in.readRawVarint32();
        int start = in.getTotalBytesRead();
        in.skipRawBytes(len);
        strings.add((long) start << 32 | len);
      }
      case 7 -> dropFrames = varint(type, field, at); // int64 drop_frames = 7
      case 8 -> keepFrames = varint(type, field, at); // int64 keep_frames = 8
      case 9 -> timeNanos = varint(type, field, at); // int64 time_nanos = 9
      case 10 -> durationNanos = varint(type, field, at); // int64 duration_nanos = 10
      case 11 -> { // ValueType period_type = 11
        valueType(field, type, at);
        periodType = new long[] {f1, f2, at};
      }
      case 12 -> period = varint(type, field, at); // int64 period = 12
      case 13 -> repeated(type, field, at, comments); // repeated int64 comment = 13
      case 14 -> defaultSampleType = varint(type, field, at); // int64 default_sample_type = 14
      case 15 -> docUrl = varint(type, field, at); // int64 doc_url = 15
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A ValueType into f1 (type) and f2 (unit). */
  private void valueType(int field, int type, int at) throws IOException {
    f1 = 0;
    f2 = 0;
    nested(field, type, at, valueTypeFields);
  }

  private boolean valueTypeField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> f1 = varint(type, field, at); // int64 type = 1
      case 2 -> f2 = varint(type, field, at); // int64 unit = 2
      default -> {
        return false;
      }
    }
    return true;
  }

  private int sampleStart;
  private int sampleLocStart;

  private void sample(int field, int type, int at) throws IOException {
    if (sOffset.size() >= options.maxSamples()) {
      throw limit("more than " + options.maxSamples() + " samples", "maxSamples", at);
    }
    sampleStart = at;
    sampleLocStart = locIds.size();
    nested(field, type, at, sampleFields);
    sLocEnd.add(locIds.size());
    sValEnd.add(values.size());
    sLabEnd.add(labKey.size());
    sOffset.add(at);
  }

  private boolean sampleField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> { // repeated uint64 location_id = 1
        repeated(type, field, at, locIds);
        if (locIds.size() - sampleLocStart > options.maxFramesPerStack()) {
          throw limit("more than " + options.maxFramesPerStack() + " locations in one sample",
              "maxFramesPerStack", sampleStart);
        }
      }
      case 2 -> repeated(type, field, at, values); // repeated int64 value = 2
      case 3 -> { // repeated Label label = 3
        f1 = 0;
        f2 = 0;
        f3 = 0;
        f4 = 0;
        nested(field, type, at, labelFields);
        labKey.add(f1);
        labStr.add(f2);
        labNum.add(f3);
        labUnit.add(f4);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean labelField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> f1 = varint(type, field, at); // int64 key = 1
      case 2 -> f2 = varint(type, field, at); // int64 str = 2
      case 3 -> f3 = varint(type, field, at); // int64 num = 3
      case 4 -> f4 = varint(type, field, at); // int64 num_unit = 4
      default -> {
        return false;
      }
    }
    return true;
  }

  private void mapping(int field, int type, int at) throws IOException {
    java.util.Arrays.fill(mappingFields, 0);
    nested(field, type, at, mappingFieldReader);
    if (mappingFields[0] == 0) {
      throw error("mapping with reserved id 0", at);
    }
    long[] m = mappingFields.clone();
    m[7] = at;
    mappings.add(m);
  }

  private boolean mappingField(int field, int type, int at) throws IOException {
    if (field >= 1 && field <= 6) {
      // uint64 id = 1; memory_start = 2; memory_limit = 3; file_offset = 4;
      // int64 filename = 5; int64 build_id = 6
      mappingFields[field - 1] = varint(type, field, at);
      return true;
    }
    if (field >= 7 && field <= 10) {
      // bool has_functions = 7; has_filenames = 8; has_line_numbers = 9; has_inline_frames = 10
      if (varint(type, field, at) != 0) {
        mappingFields[6] |= 1L << (field - 7);
      }
      return true;
    }
    return false;
  }

  private void location(int field, int type, int at) throws IOException {
    f1 = 0;
    f3 = 0;
    nested(field, type, at, locationFields);
    long id = f1;
    if (id == 0) {
      throw error("location with reserved id 0", at);
    }
    if (!locIndex.put(id, locOffset.size())) {
      throw error("two locations with id " + Long.toUnsignedString(id), at);
    }
    locAddress.add(f3);
    locLineEnd.add(lineFunction.size());
    locOffset.add(at);
  }

  private boolean locationField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> f1 = varint(type, field, at); // uint64 id = 1
      case 3 -> f3 = varint(type, field, at); // uint64 address = 3
      case 4 -> { // repeated Line line = 4 (mapping_id = 2 and is_folded = 5 are not kept)
        long id = f1;
        long address = f3;
        f1 = 0;
        f2 = 0;
        nested(field, type, at, lineFields);
        lineFunction.add(f1);
        lineNumber.add(f2);
        f1 = id;
        f3 = address;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean lineField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> f1 = varint(type, field, at); // uint64 function_id = 1
      case 2 -> f2 = varint(type, field, at); // int64 line = 2 (column = 3 is not kept)
      default -> {
        return false;
      }
    }
    return true;
  }

  private void function(int field, int type, int at) throws IOException {
    f1 = 0;
    f2 = 0;
    f3 = 0;
    f4 = 0;
    nested(field, type, at, functionFields);
    long id = f1;
    if (id == 0) {
      throw error("function with reserved id 0", at);
    }
    if (!funcIndex.put(id, funcOffset.size())) {
      throw error("two functions with id " + Long.toUnsignedString(id), at);
    }
    funcName.add(f2 != 0 ? f2 : f3);
    funcFile.add(f4);
    funcOffset.add(at);
  }

  private boolean functionField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> f1 = varint(type, field, at); // uint64 id = 1
      case 2 -> f2 = varint(type, field, at); // int64 name = 2
      case 3 -> f3 = varint(type, field, at); // int64 system_name = 3
      case 4 -> f4 = varint(type, field, at); // int64 filename = 4 (start_line = 5 is not kept)
      default -> {
        return false;
      }
    }
    return true;
  }

  private long varint(int type, int field, int at) throws IOException {
    expect(type, WT_VARINT, field, at);
    return in.readRawVarint64();
  }

  /** A repeated scalar, packed (wire type 2) or not (wire type 0): both occur in one file. */
  private void repeated(int type, int field, int at, LongList into) throws IOException {
    if (type == WT_VARINT) {
      into.add(in.readRawVarint64());
    } else if (type == WT_LEN) {
      int limit = in.pushLimit(in.readRawVarint32());
      while (in.getBytesUntilLimit() > 0) {
        into.add(in.readRawVarint64());
      }
      in.popLimit(limit);
    } else {
      throw error("field " + field + " has wire type " + type + ", expected 0 or 2", at);
    }
  }

  private void expect(int type, int wanted, int field, int at) {
    if (type != wanted) {
      throw error("field " + field + " has wire type " + type + ", expected " + wanted, at);
    }
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

  // ------------------------------------------------------------------ pass two

  private Profile resolve() {
    resolved = new String[strings.size()];
    if (strings.size() > 0 && str(0, 0).length() != 0) {
      throw error("string_table[0] must be the empty string", (int) (strings.get(0) >>> 32));
    }
    List<ValueType> types = new ArrayList<>(sampleTypes.size() / 2);
    int countIndex = -1;
    for (int i = 0; i < sampleTypes.size(); i += 2) {
      ValueType vt = new ValueType(str(sampleTypes.get(i), 0), str(sampleTypes.get(i + 1), 0));
      if (countIndex < 0 && (vt.type().equals("goroutine") || vt.type().equals("goroutineleak"))) {
        countIndex = i / 2;
      }
      types.add(vt);
    }
    if (countIndex < 0) {
      throw error("not a goroutine profile: sample types " + types
          + "; expected goroutine/count or goroutineleak/count (" + kind(types)
          + ": fetch /debug/pprof/goroutine instead)", 0);
    }
    locFrames = new Frame[locOffset.size()][];
    Profile.Builder profile =
        Profile.builder(ProfileFormat.PROTO).type(types.get(countIndex).type());
    List<Frame> frames = new ArrayList<>(64);
    int locStart = 0;
    int valStart = 0;
    int labStart = 0;
    for (int s = 0; s < sOffset.size(); s++) {
      int at = (int) sOffset.get(s);
      int locEnd = (int) sLocEnd.get(s);
      int valEnd = (int) sValEnd.get(s);
      int labEnd = (int) sLabEnd.get(s);
      if (valEnd - valStart != types.size()) {
        throw error("sample has " + (valEnd - valStart) + " values but the profile declares "
            + types.size() + " sample types", at);
      }
      Stack stack = stacks.get(locIds, locStart, locEnd);
      if (stack == null) {
        frames.clear();
        for (int i = locStart; i < locEnd; i++) {
          long id = locIds.get(i);
          int loc = locIndex.get(id);
          if (loc < 0) {
            throw error("sample refers to location id " + Long.toUnsignedString(id)
                + ", which does not exist", at);
          }
          for (Frame f : frames(loc)) {
            frames.add(f);
          }
        }
        if (frames.size() > options.maxFramesPerStack()) {
          throw limit("more than " + options.maxFramesPerStack() + " frames in one sample",
              "maxFramesPerStack", at);
        }
        stack = canon.stack(frames, -1, -1);
        stacks.put(locIds, locStart, locEnd, stack);
      }
      Labels labels = labels(labStart, labEnd, at);
      profile.add(Sample.of(values.get(valStart + countIndex), stack, labels));
      locStart = locEnd;
      valStart = valEnd;
      labStart = labEnd;
    }
    return profile.metadata(metadata(types)).build();
  }

  private Frame[] frames(int loc) {
    Frame[] cached = locFrames[loc];
    if (cached != null) {
      return cached;
    }
    int at = (int) locOffset.get(loc);
    int lineStart = loc == 0 ? 0 : (int) locLineEnd.get(loc - 1);
    int lineEnd = (int) locLineEnd.get(loc);
    long pc = locAddress.get(loc);
    Frame[] result;
    if (lineStart == lineEnd) {
      // an unsymbolised location: only its address is known
      result = new Frame[] {canon.frame(Frame.unsymbolized(pc))};
    } else {
      result = new Frame[lineEnd - lineStart];
      for (int l = lineStart; l < lineEnd; l++) {
        long fid = lineFunction.get(l);
        String name = "";
        String file = "";
        if (fid != 0) {
          int f = funcIndex.get(fid);
          if (f < 0) {
            throw error("location refers to function id " + Long.toUnsignedString(fid)
                + ", which does not exist", at);
          }
          int fAt = (int) funcOffset.get(f);
          name = str(funcName.get(f), fAt);
          file = str(funcFile.get(f), fAt);
        }
        long number = lineNumber.get(l);
        if (number < 0 || number > Integer.MAX_VALUE) {
          throw error("line number " + number + " out of range", at);
        }
        // Lines are innermost first; all but the last were inlined into the next one
        result[l - lineStart] =
            canon.frame(
                Frame.of(name, file, (int) number, l < lineEnd - 1).withPc(pc));
      }
    }
    locFrames[loc] = result;
    return result;
  }

  private Labels labels(int from, int to, int at) {
    if (from == to) {
      return Labels.empty();
    }
    List<Label> list = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      String key = str(labKey.get(i), at);
      long num = labNum.get(i);
      long unit = labUnit.get(i);
      if (labStr.get(i) == 0 && (num != 0 || unit != 0)) {
        list.add(Label.numeric(key, num, str(unit, at)));
      } else {
        list.add(Label.of(key, str(labStr.get(i), at)));
      }
    }
    return canon.labels(Labels.of(list));
  }

  private ProfileMetadata metadata(List<ValueType> types) {
    List<String> commentText = new ArrayList<>(comments.size());
    for (int i = 0; i < comments.size(); i++) {
      commentText.add(str(comments.get(i), 0));
    }
    ValueType pt = ValueType.NONE;
    if (periodType != null) {
      int at = (int) periodType[2];
      pt = new ValueType(str(periodType[0], at), str(periodType[1], at));
    }
    List<Mapping> maps = new ArrayList<>(mappings.size());
    for (long[] m : mappings) {
      int at = (int) m[7];
      maps.add(new Mapping(m[0], m[1], m[2], m[3], str(m[4], at), str(m[5], at),
          (m[6] & 1) != 0, (m[6] & 2) != 0, (m[6] & 4) != 0, (m[6] & 8) != 0));
    }
    return new ProfileMetadata(types, str(defaultSampleType, 0), pt, period, timeNanos,
        durationNanos, commentText, str(dropFrames, 0), str(keepFrames, 0), str(docUrl, 0), maps);
  }

  /** Resolves a string-table index with a range check; index 0 is always "". */
  private String str(long index, int at) {
    if (index == 0 && strings.size() == 0) {
      return "";
    }
    if (index < 0 || index >= strings.size()) {
      throw error("string index " + index + " outside string table [0, " + strings.size() + ")", at);
    }
    int i = (int) index;
    String s = resolved[i];
    if (s == null) {
      // the string table holds each string once: decode it, no interning needed
      long packed = strings.get(i);
      int start = (int) (packed >>> 32);
      s = Canon.decode(data, start, start + (int) packed);
      resolved[i] = s;
    }
    return s;
  }

  private ProfileParseException error(String message, int offset) {
    return ProfileParseException.atOffset(ProfileFormat.PROTO, message, offset, excerpt(offset));
  }

  private ProfileParseException limit(String exceeded, String option, int offset) {
    return ProfileParseException.limitAtOffset(ProfileFormat.PROTO, exceeded, option, offset,
        excerpt(offset));
  }

  private byte[] excerpt(int offset) {
    int from = Math.max(0, Math.min(offset, data.length));
    return Arrays.copyOfRange(data, from, Math.min(data.length, from + 16));
  }
}
