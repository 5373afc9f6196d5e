/**
 * Decoder for {@code debug=0} goroutine profiles: gzip-compressed (or raw) {@code profile.proto}.
 * Entry point: {@link io.github.goroutines.parse.proto.ProtoProfileParser}.
 */
@SuppressWarnings("requires-automatic") // protobuf-java is an automatic module
module io.github.goroutines.parse.proto {
  requires transitive io.github.goroutines.model;
  requires com.google.protobuf;

  exports io.github.goroutines.parse.proto;
}
