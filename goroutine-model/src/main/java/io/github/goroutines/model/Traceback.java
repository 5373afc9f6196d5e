package io.github.goroutines.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code debug=2} traceback printed around the core facts of a {@link Goroutine}: each
 * frame's argument and {@code fp=} text, the header's {@code key=value} fields and unknown bracket
 * items, and where the header stood. Analysis needs none of it; tools that show or re-print a dump
 * do. {@link Goroutine#traceback()} returns unmodifiable lists.
 *
 * @param arguments the raw argument text of each frame, parallel to {@code stack().frames()}:
 *     what stood between the parentheses ({@code 0xc000010000, {0x5323ba?, 0x3}}, or {@code ...}
 *     for inlined frames), empty when the frame line had none
 * @param frameExtras what followed the {@code +0x…} offset of each frame's file line in crash
 *     dumps ({@code fp=0x… sp=0x… pc=0x…}), parallel to {@code stack().frames()}, empty when absent
 * @param headerFields the {@code key=value} fields between the id and the bracket of crash-dump
 *     headers ({@code gp=0xc0000061c0 m=0 mp=0x5c0e60}), in printed order, values as printed
 * @param otherStateItems comma-separated items of the bracket that this library does not know,
 *     verbatim (for example labels printed by a forked runtime)
 * @param headerLine the 1-based line of the header in the parsed input, 0 when it was not parsed
 *     from text
 */
public record Traceback(List<String> arguments, List<String> frameExtras,
    Map<String, String> headerFields, List<String> otherStateItems, int headerLine) {
  /**
   * Checks for {@code null}; the lists are copied when a goroutine is built.
   *
   * @param arguments the argument text of each frame
   * @param frameExtras the {@code fp=} text of each frame
   * @param headerFields the header's {@code key=value} fields
   * @param otherStateItems unknown bracket items
   * @param headerLine the header's line, 0 when unknown
   */
  public Traceback {
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(frameExtras, "frameExtras");
    Objects.requireNonNull(headerFields, "headerFields");
    Objects.requireNonNull(otherStateItems, "otherStateItems");
  }
}
