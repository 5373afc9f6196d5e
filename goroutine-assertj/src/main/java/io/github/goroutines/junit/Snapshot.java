package io.github.goroutines.junit;

import io.github.goroutines.model.Profile;
import java.net.URI;

/** One goroutine profile as the service sent it, and parsed. */
record Snapshot(URI uri, byte[] bytes, Profile profile) {
  /** The file name ending for its format. */
  String extension() {
    switch (profile.format()) {
      case PROTO:
        return ".pb.gz";
      case DEBUG1:
        return ".debug1.txt";
      default:
        return ".debug2.txt";
    }
  }
}
