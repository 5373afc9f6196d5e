package io.github.goroutines.parse.proto.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.github.goroutines.model.ParseOptions;
import io.github.goroutines.model.internal.LongIntMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pass one of the decoder: one {@code profile.proto} message as the wire has it, read with
 * {@link CodedInputStream} into primitive lists of ids, string-table indexes and byte offsets,
 * nothing resolved (like pprof's {@code X}-suffixed fields before {@code postDecode}). Field numbers
 * follow google/pprof's {@code proto/profile.proto}; each {@code case} names the declaration it
 * reads. Unknown fields are skipped.
 */
final class RawProfile {
  private static final int WT_VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int WT_LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  /** A {@code Mapping} message: ids and string indexes, the has_* flags as bits 0-3. */
  record RawMapping(long id, long memoryStart, long memoryLimit, long fileOffset, long filename,
      long buildId, int flags, int at) {}

  // string_table: start (high 32 bits) and length of each string in the message
  final LongList strings = new LongList(256);
  // sample_type: pairs of string indexes
  final LongList sampleTypes = new LongList(4);
  final LongList comments = new LongList(4);
  final List<RawMapping> mappings = new ArrayList<>();

  // samples: where each one's locations, values and labels end in the shared lists, its offset
  final LongList sampleLocationEnd;
  final LongList sampleValueEnd;
  final LongList sampleLabelEnd;
  final LongList sampleOffset;
  final LongList locationIds;
  final LongList values;
  final LongList labelKey = new LongList(64);
  final LongList labelStr = new LongList(64);
  final LongList labelNum = new LongList(64);
  final LongList labelUnit = new LongList(64);

  // locations, with their lines in the shared line lists
  final LongIntMap locationIndex = new LongIntMap();
  final LongList locationAddress = new LongList(1024);
  final LongList locationLineEnd = new LongList(1024);
  final LongList locationOffset = new LongList(1024);
  final LongList lineFunction = new LongList(1024);
  final LongList lineNumber = new LongList(1024);

  // functions
  final LongIntMap functionIndex = new LongIntMap();
  final LongList functionName = new LongList(1024);
  final LongList functionFile = new LongList(1024);
  final LongList functionOffset = new LongList(1024);

  // the scalar fields of Profile
  final ValueTypeFields periodType = new ValueTypeFields();
  int periodTypeAt = -1;
  long period;
  long timeNanos;
  long durationNanos;
  long dropFrames;
  long keepFrames;
  long defaultSampleType;
  long docUrl;

  private final byte[] data;
  private final ParseOptions options;
  private CodedInputStream in;
  /** The message being read, one scratch object per message type. */
  private final ValueTypeFields valueType = new ValueTypeFields();
  private final LabelFields label = new LabelFields();
  private final SampleFields sample = new SampleFields();
  private final LocationFields location = new LocationFields();
  private final LineFields line = new LineFields();
  private final FunctionFields function = new FunctionFields();
  private final MappingFields mapping = new MappingFields();
  // one reader per message type, made once: no allocation per message
  private final Fields profileReader = this::profileField;
  private final Fields sampleReader = this::sampleField;
  private final Fields labelReader = this::labelField;
  private final Fields mappingReader = this::mappingField;
  private final Fields locationReader = this::locationField;
  private final Fields lineReader = this::lineField;
  private final Fields functionReader = this::functionField;

  RawProfile(byte[] data, ParseOptions options) {
    this.data = data;
    this.options = options;
    // a sample takes at least 4 bytes and a location id at least 1: size the lists for a typical
    // profile of this length, so that large ones are not copied over and over while they grow
    int samples = Math.max(64, data.length / 64);
    this.sampleLocationEnd = new LongList(samples);
    this.sampleValueEnd = new LongList(samples);
    this.sampleLabelEnd = new LongList(samples);
    this.sampleOffset = new LongList(samples);
    this.values = new LongList(samples);
    this.locationIds = new LongList(Math.max(256, data.length / 8));
  }

  /** Reads the whole message. */
  RawProfile read() {
    in = CodedInputStream.newInstance(data);
    try {
      fields(profileReader);
    } catch (IOException e) {
      throw ProtoDecoder.error(data, "malformed protobuf: " + e.getMessage(),
          in.getTotalBytesRead());
    }
    return this;
  }

  /** Reads one field of a message; returns false for a field it does not know (then skipped). */
  @FunctionalInterface
  private interface Fields {
    boolean read(int field, int type, int at) throws IOException;
  }

  /**
   * The loop every message shares: tags until the end of the message, each field to its reader,
   * unknown fields skipped.
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

  /** A nested message, read within a pushed limit. */
  private void nested(int field, int type, int at, Fields reader) throws IOException {
    expect(type, WT_LEN, field, at);
    int limit = in.pushLimit(in.readRawVarint32());
    fields(reader);
    in.popLimit(limit);
  }

  private boolean profileField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> { // repeated ValueType sample_type = 1
        valueType(field, type, at, valueType);
        sampleTypes.add(valueType.type);
        sampleTypes.add(valueType.unit);
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
        valueType(field, type, at, periodType);
        periodTypeAt = at;
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

  /** message ValueType { int64 type = 1; int64 unit = 2; } */
  static final class ValueTypeFields {
    long type;
    long unit;
  }

  private void valueType(int field, int type, int at, ValueTypeFields into) throws IOException {
    into.type = 0;
    into.unit = 0;
    nested(field, type, at, (f, t, a) -> {
      switch (f) {
        case 1 -> into.type = varint(t, f, a);
        case 2 -> into.unit = varint(t, f, a);
        default -> {
          return false;
        }
      }
      return true;
    });
  }

  /** message Sample: where it started, and where its location ids started. */
  private static final class SampleFields {
    int at;
    int firstLocation;
  }

  private void sample(int field, int type, int at) throws IOException {
    if (sampleOffset.size() >= options.maxSamples()) {
      throw ProtoDecoder.limit(data, "more than " + options.maxSamples() + " samples",
          "maxSamples", at);
    }
    sample.at = at;
    sample.firstLocation = locationIds.size();
    nested(field, type, at, sampleReader);
    sampleLocationEnd.add(locationIds.size());
    sampleValueEnd.add(values.size());
    sampleLabelEnd.add(labelKey.size());
    sampleOffset.add(at);
  }

  private boolean sampleField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> { // repeated uint64 location_id = 1
        repeated(type, field, at, locationIds);
        if (locationIds.size() - sample.firstLocation > options.maxFramesPerStack()) {
          throw ProtoDecoder.limit(data, "more than " + options.maxFramesPerStack()
              + " locations in one sample", "maxFramesPerStack", sample.at);
        }
      }
      case 2 -> repeated(type, field, at, values); // repeated int64 value = 2
      case 3 -> { // repeated Label label = 3
        label.key = 0;
        label.str = 0;
        label.num = 0;
        label.unit = 0;
        nested(field, type, at, labelReader);
        labelKey.add(label.key);
        labelStr.add(label.str);
        labelNum.add(label.num);
        labelUnit.add(label.unit);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** message Label { int64 key = 1; int64 str = 2; int64 num = 3; int64 num_unit = 4; } */
  private static final class LabelFields {
    long key;
    long str;
    long num;
    long unit;
  }

  private boolean labelField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> label.key = varint(type, field, at);
      case 2 -> label.str = varint(type, field, at);
      case 3 -> label.num = varint(type, field, at);
      case 4 -> label.unit = varint(type, field, at);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * message Mapping { uint64 id = 1; memory_start = 2; memory_limit = 3; file_offset = 4;
   * int64 filename = 5; int64 build_id = 6; bool has_functions = 7; has_filenames = 8;
   * has_line_numbers = 9; has_inline_frames = 10; }
   */
  private static final class MappingFields {
    final long[] numbers = new long[6];
    int flags;
  }

  private void mapping(int field, int type, int at) throws IOException {
    java.util.Arrays.fill(mapping.numbers, 0);
    mapping.flags = 0;
    nested(field, type, at, mappingReader);
    long[] n = mapping.numbers;
    if (n[0] == 0) {
      throw ProtoDecoder.error(data, "mapping with reserved id 0", at);
    }
    mappings.add(new RawMapping(n[0], n[1], n[2], n[3], n[4], n[5], mapping.flags, at));
  }

  private boolean mappingField(int field, int type, int at) throws IOException {
    if (field >= 1 && field <= 6) {
      mapping.numbers[field - 1] = varint(type, field, at);
      return true;
    }
    if (field >= 7 && field <= 10) {
      if (varint(type, field, at) != 0) {
        mapping.flags |= 1 << (field - 7);
      }
      return true;
    }
    return false;
  }

  /** message Location { uint64 id = 1; uint64 address = 3; repeated Line line = 4; } */
  private static final class LocationFields {
    long id;
    long address;
  }

  private void location(int field, int type, int at) throws IOException {
    location.id = 0;
    location.address = 0;
    nested(field, type, at, locationReader);
    if (location.id == 0) {
      throw ProtoDecoder.error(data, "location with reserved id 0", at);
    }
    if (!locationIndex.put(location.id, locationOffset.size())) {
      throw ProtoDecoder.error(data, "two locations with id "
          + Long.toUnsignedString(location.id), at);
    }
    locationAddress.add(location.address);
    locationLineEnd.add(lineFunction.size());
    locationOffset.add(at);
  }

  private boolean locationField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> location.id = varint(type, field, at);
      case 3 -> location.address = varint(type, field, at);
      case 4 -> { // mapping_id = 2 and is_folded = 5 are not kept
        line.functionId = 0;
        line.number = 0;
        nested(field, type, at, lineReader);
        lineFunction.add(line.functionId);
        lineNumber.add(line.number);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** message Line { uint64 function_id = 1; int64 line = 2; } (column = 3 is not kept) */
  private static final class LineFields {
    long functionId;
    long number;
  }

  private boolean lineField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> line.functionId = varint(type, field, at);
      case 2 -> line.number = varint(type, field, at);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * message Function { uint64 id = 1; int64 name = 2; int64 system_name = 3; int64 filename = 4; }
   * (start_line = 5 is not kept)
   */
  private static final class FunctionFields {
    long id;
    long name;
    long systemName;
    long filename;
  }

  private void function(int field, int type, int at) throws IOException {
    function.id = 0;
    function.name = 0;
    function.systemName = 0;
    function.filename = 0;
    nested(field, type, at, functionReader);
    if (function.id == 0) {
      throw ProtoDecoder.error(data, "function with reserved id 0", at);
    }
    if (!functionIndex.put(function.id, functionOffset.size())) {
      throw ProtoDecoder.error(data, "two functions with id "
          + Long.toUnsignedString(function.id), at);
    }
    functionName.add(function.name != 0 ? function.name : function.systemName);
    functionFile.add(function.filename);
    functionOffset.add(at);
  }

  private boolean functionField(int field, int type, int at) throws IOException {
    switch (field) {
      case 1 -> function.id = varint(type, field, at);
      case 2 -> function.name = varint(type, field, at);
      case 3 -> function.systemName = varint(type, field, at);
      case 4 -> function.filename = varint(type, field, at);
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
      throw ProtoDecoder.error(data, "field " + field + " has wire type " + type
          + ", expected 0 or 2", at);
    }
  }

  private void expect(int type, int wanted, int field, int at) {
    if (type != wanted) {
      throw ProtoDecoder.error(data, "field " + field + " has wire type " + type + ", expected "
          + wanted, at);
    }
  }
}
