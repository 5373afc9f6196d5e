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
 * nothing resolved (like pprof's {@code X}-suffixed fields before {@code postDecode}). Samples are
 * only located: {@link SampleReader} reads each in pass two, straight from the bytes, so that
 * millions of them cost four bytes each here. Field numbers follow google/pprof's
 * {@code proto/profile.proto}; each {@code case} names the declaration it reads. Unknown fields are
 * skipped.
 */
final class RawProfile {
  private static final int WT_VARINT = WireFormat.WIRETYPE_VARINT;
  private static final int WT_LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;

  /** A {@code Mapping} message: ids and string indexes, the has_* flags as bits 0-3. */
  record RawMapping(long id, long memoryStart, long memoryLimit, long fileOffset, long filename,
      long buildId, int flags, int at) {}

  // string_table: the offset of each string's length, which its bytes follow (stringStart)
  final IntList strings = new IntList(256);
  // sample_type: pairs of string indexes
  final LongList sampleTypes = new LongList(4);
  final LongList comments = new LongList(4);
  final List<RawMapping> mappings = new ArrayList<>();

  // samples: the offset of each Sample message's tag
  final IntList sampleOffset;

  // locations: the offset of each Location message, by id; its address and lines are read when a
  // sample uses it (readLocation), into these
  final LongIntMap locationIndex = new LongIntMap();
  final IntList locationOffset = new IntList(1024);
  long locationAddress;
  final LongList lineFunction = new LongList(8);
  final LongList lineNumber = new LongList(8);

  // functions
  final LongIntMap functionIndex = new LongIntMap();
  final LongList functionName = new LongList(1024);
  final LongList functionFile = new LongList(1024);
  final IntList functionOffset = new IntList(1024);

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
  /** Where {@link #in} starts in {@link #data}: its positions are relative to it. */
  private int base;
  /** The message being read, one scratch object per message type. */
  private final ValueTypeFields valueType = new ValueTypeFields();
  private long locationId;
  private final LineFields line = new LineFields();
  private final FunctionFields function = new FunctionFields();
  private final MappingFields mapping = new MappingFields();
  // one reader per message type, made once: no allocation per message
  private final Fields profileReader = this::profileField;
  private final Fields mappingReader = this::mappingField;
  private final Fields locationIdReader = (f, t, a) -> f == 1 && readLocationId(t, a);
  private final Fields locationReader = this::locationField;
  private final Fields lineReader = this::lineField;
  private final Fields functionReader = this::functionField;

  RawProfile(byte[] data, ParseOptions options) {
    this.data = data;
    this.options = options;
    // size the list for a typical profile of this length, so that a large one is not copied over
    // and over while it grows
    this.sampleOffset = new IntList(Math.max(64, data.length / 64));
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

  /**
   * Where the bytes of a string of the string table start: after its length, which pass one read.
   *
   * @param i the string's index
   * @return the offset of its first byte
   */
  int stringStart(int i) {
    int p = strings.get(i);
    while (data[p] < 0) {
      p++;
    }
    return p + 1;
  }

  /**
   * The length of a string of the string table, decoded again from its varint.
   *
   * @param i the string's index
   * @return its length in bytes
   */
  int stringLength(int i) {
    int p = strings.get(i);
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = data[p++];
      length |= (long) (b & 0x7f) << Math.min(shift, 63);
      if (b >= 0) {
        return (int) length;
      }
    }
  }

  /**
   * Reads the address and lines of a location into {@link #locationAddress}, {@link #lineFunction}
   * and {@link #lineNumber}.
   *
   * @param loc the location's index
   */
  void readLocation(int loc) {
    int at = locationOffset.get(loc);
    CodedInputStream whole = in;
    in = CodedInputStream.newInstance(data, at, data.length - at);
    base = at;
    locationAddress = 0;
    lineFunction.clear();
    lineNumber.clear();
    try {
      in.readTag(); // field 4, length-delimited: checked in pass one
      nested(4, WT_LEN, at, locationReader);
    } catch (IOException e) {
      throw ProtoDecoder.error(data, "malformed protobuf: " + e.getMessage(),
          base + in.getTotalBytesRead());
    } finally {
      in = whole;
      base = 0;
    }
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
      int at = base + in.getTotalBytesRead();
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
        strings.add(in.getTotalBytesRead());
        in.skipRawBytes(in.readRawVarint32());
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

  /** message Sample: located here, read by {@link SampleReader} in pass two. */
  private void sample(int field, int type, int at) throws IOException {
    if (sampleOffset.size() >= options.maxSamples()) {
      throw ProtoDecoder.limit(data, "more than " + options.maxSamples() + " samples",
          "maxSamples", at);
    }
    expect(type, WT_LEN, field, at);
    in.skipRawBytes(in.readRawVarint32());
    sampleOffset.add(at);
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

  /**
   * message Location { uint64 id = 1; uint64 address = 3; repeated Line line = 4; }: pass one reads
   * its id, {@link #readLocation} the rest.
   */
  private void location(int field, int type, int at) throws IOException {
    locationId = 0;
    nested(field, type, at, locationIdReader);
    if (locationId == 0) {
      throw ProtoDecoder.error(data, "location with reserved id 0", at);
    }
    if (!locationIndex.put(locationId, locationOffset.size())) {
      throw ProtoDecoder.error(data, "two locations with id "
          + Long.toUnsignedString(locationId), at);
    }
    locationOffset.add(at);
  }

  private boolean readLocationId(int type, int at) throws IOException {
    locationId = varint(type, 1, at);
    return true;
  }

  private boolean locationField(int field, int type, int at) throws IOException {
    switch (field) {
      case 3 -> locationAddress = varint(type, field, at);
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

  private void repeated(int type, int field, int at, LongList into) throws IOException {
    repeated(in, data, type, field, at, into);
  }

  /** A repeated scalar, packed (wire type 2) or not (wire type 0): both occur in one file. */
  static void repeated(CodedInputStream in, byte[] data, int type, int field, int at,
      LongList into) throws IOException {
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
    expect(data, type, wanted, field, at);
  }

  static void expect(byte[] data, int type, int wanted, int field, int at) {
    if (type != wanted) {
      throw ProtoDecoder.error(data, "field " + field + " has wire type " + type + ", expected "
          + wanted, at);
    }
  }
}
