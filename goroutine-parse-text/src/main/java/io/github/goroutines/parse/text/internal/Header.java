package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Labels;
import java.util.List;
import java.util.Map;

/**
 * A debug=2 header, {@code goroutine 20 gp=0x… m=nil [chan receive, 7 minutes, locked to thread]
 * {tenant: a}:}, split into its parts. {@link HeaderParser} fills one instance per parse and
 * returns it for each header (a million goroutines need no million headers): it is valid until the
 * next header is parsed, which is after its goroutine's block has ended.
 */
final class Header {
  /** The goroutine id (unsigned). */
  long id;
  /** False for frames printed without a header (a Windows exception): the id is not known. */
  boolean idKnown;
  /** The state, markers such as {@code (leaked)} included. */
  String state;
  /** The {@code N minutes} item, or -1. */
  long waitMinutes;
  /** The {@code locked to thread} item. */
  boolean lockedToThread;
  /** Go 1.24's {@code synctest group N} item, or -1. */
  long synctestGroup;
  /** Go 1.25+'s {@code synctest bubble N} item, or -1. */
  long synctestBubble;
  /** The labels of Go 1.26 (inside the brackets) or 1.27 (after them). */
  Labels labels;
  /** The {@code key=value} fields before the bracket (crash dumps). */
  Map<String, String> fields;
  /** Bracket items this parser does not know (newer Go, forked runtimes). */
  List<String> otherItems;
  /** What of the header could not be read and was left out or kept as an item, or null. */
  String damage;
}
