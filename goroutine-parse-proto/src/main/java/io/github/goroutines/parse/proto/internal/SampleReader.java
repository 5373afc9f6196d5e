package io.github.goroutines.parse.proto.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.github.goroutines.model.ParseOptions;
import java.io.IOException;

/**
 * Pass two's reader of {@code Sample} messages, in the order {@link RawProfile} located them: one
 * stream over the message, moved forward from sample to sample, and scratch lists that each sample
 * overwrites. A sample's location ids, values and labels therefore cost nothing once it is built.
 *
 * <pre>
 * message Sample { repeated uint64 location_id = 1; repeated int64 value = 2;
 *                  repeated Label label = 3; }
 * message Label  { int64 key = 1; int64 str = 2; int64 num = 3; int64 num_unit = 4; }
 * </pre>
 */
final class SampleReader {
  final LongList locationIds = new LongList(64);
  final LongList values = new LongList(4);
  final LongList labelKey = new LongList(8);
  final LongList labelStr = new LongList(8);
  final LongList labelNum = new LongList(8);
  final LongList labelUnit = new LongList(8);

  private final byte[] data;
  private final ParseOptions options;
  private final CodedInputStream in;

  SampleReader(byte[] data, ParseOptions options) {
    this.data = data;
    this.options = options;
    this.in = CodedInputStream.newInstance(data);
  }

  /**
   * Reads the sample whose tag is at {@code at}, after every sample read before.
   *
   * @param at the offset RawProfile recorded
   */
  void read(int at) {
    locationIds.clear();
    values.clear();
    labelKey.clear();
    labelStr.clear();
    labelNum.clear();
    labelUnit.clear();
    try {
      in.skipRawBytes(at - in.getTotalBytesRead());
      in.readTag(); // field 2, length-delimited: checked in pass one
      int limit = in.pushLimit(in.readRawVarint32());
      while (true) {
        int fieldAt = in.getTotalBytesRead();
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        field(tag, fieldAt);
      }
      in.popLimit(limit);
    } catch (IOException e) {
      throw ProtoDecoder.error(data, "malformed protobuf: " + e.getMessage(),
          in.getTotalBytesRead());
    }
    if (locationIds.size() > options.maxFramesPerStack()) {
      throw ProtoDecoder.limit(data, "more than " + options.maxFramesPerStack()
          + " locations in one sample", "maxFramesPerStack", at);
    }
  }

  private void field(int tag, int at) throws IOException {
    int field = WireFormat.getTagFieldNumber(tag);
    int type = WireFormat.getTagWireType(tag);
    switch (field) {
      case 1 -> RawProfile.repeated(in, data, type, field, at, locationIds);
      case 2 -> RawProfile.repeated(in, data, type, field, at, values);
      case 3 -> label(type, at);
      default -> in.skipField(tag);
    }
  }

  private void label(int type, int at) throws IOException {
    RawProfile.expect(data, type, WireFormat.WIRETYPE_LENGTH_DELIMITED, 3, at);
    long key = 0;
    long str = 0;
    long num = 0;
    long unit = 0;
    int limit = in.pushLimit(in.readRawVarint32());
    while (true) {
      int fieldAt = in.getTotalBytesRead();
      int tag = in.readTag();
      if (tag == 0) {
        break;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      if (field < 1 || field > 4) {
        in.skipField(tag);
        continue;
      }
      RawProfile.expect(data, WireFormat.getTagWireType(tag), WireFormat.WIRETYPE_VARINT, field,
          fieldAt);
      long v = in.readRawVarint64();
      switch (field) {
        case 1 -> key = v;
        case 2 -> str = v;
        case 3 -> num = v;
        default -> unit = v;
      }
    }
    in.popLimit(limit);
    labelKey.add(key);
    labelStr.add(str);
    labelNum.add(num);
    labelUnit.add(unit);
  }
}
