/**
 * Decoder for {@code debug=0} goroutine profiles: gzip-compressed (or raw) {@code profile.proto}.
 * Entry point: {@link io.github.goroutines.parse.proto.ProtoProfileParser}; the way back, any
 * profile as {@code profile.proto}: {@link io.github.goroutines.parse.proto.ProtoProfileWriter}.
 */
@SuppressWarnings("requires-automatic") // protobuf-java is an automatic module
module io.github.goroutines.parse.proto {
  requires transitive io.github.goroutines.model;
  requires com.google.protobuf;

  exports io.github.goroutines.parse.proto;
}
