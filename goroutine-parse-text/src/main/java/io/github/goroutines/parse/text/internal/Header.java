package io.github.goroutines.parse.text.internal;

import io.github.goroutines.model.Labels;
import java.util.List;
import java.util.Map;

/**
 * A debug=2 header, {@code goroutine 20 gp=0x… m=nil [chan receive, 7 minutes, locked to thread]
 * {tenant: a}:}, split into its parts.
 *
 * @param id the goroutine id (unsigned)
 * @param state the state, markers such as {@code (leaked)} included
 * @param waitMinutes the {@code N minutes} item, or -1
 * @param lockedToThread the {@code locked to thread} item
 * @param synctestGroup Go 1.24's {@code synctest group N} item, or -1
 * @param synctestBubble Go 1.25+'s {@code synctest bubble N} item, or -1
 * @param labels the labels of Go 1.26 (inside the brackets) or 1.27 (after them)
 * @param fields the {@code key=value} fields before the bracket (crash dumps)
 * @param otherItems bracket items this parser does not know (newer Go, forked runtimes)
 */
record Header(long id, String state, long waitMinutes, boolean lockedToThread, long synctestGroup,
    long synctestBubble, Labels labels, Map<String, String> fields, List<String> otherItems) {}
