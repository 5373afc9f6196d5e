package io.github.goroutines.model;

import io.github.goroutines.model.internal.Hashing;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The set of pprof labels of a goroutine or sample, sorted by key then value, so that the order Go
 * happened to write them in (random before Go 1.24) does not matter for equality.
 *
 * <pre>{@code
 * Labels l = Labels.of(List.of(Label.of("user", "alice"), Label.of("req", "42")));
 * l.get("user");   // Optional[alice]
 * l.asMap();       // {req=[42], user=[alice]}
 * }</pre>
 *
 * <p>Instances are immutable and safe for use by multiple threads.
 */
public final class Labels {
  private static final Labels EMPTY = new Labels(new Label[0]);

  private final Label[] labels;
  private final int hash;

  private Labels(Label[] labels) {
    this.labels = labels;
    long h = Hashing.start();
    for (Label l : labels) {
      h = Hashing.add(h, l.hashCode());
    }
    this.hash = Hashing.finish(h);
  }

  /**
   * Returns the empty label set.
   *
   * @return the empty set
   */
  public static Labels empty() {
    return EMPTY;
  }

  /**
   * Creates a label set; the order of the argument does not matter.
   *
   * @param labels the labels
   * @return the set, never {@code null}
   */
  public static Labels of(List<Label> labels) {
    if (labels.isEmpty()) {
      return EMPTY;
    }
    Label[] array = labels.toArray(new Label[0]);
    for (Label l : array) {
      Objects.requireNonNull(l, "label");
    }
    Arrays.sort(array);
    return new Labels(array);
  }

  /**
   * Returns the labels sorted by key, then value.
   *
   * @return an unmodifiable list, never {@code null}
   */
  public List<Label> list() {
    return new LabelList(labels);
  }

  /**
   * Tells whether the set is empty.
   *
   * @return true when there are no labels
   */
  public boolean isEmpty() {
    return labels.length == 0;
  }

  /**
   * Returns the number of labels.
   *
   * @return the size
   */
  public int size() {
    return labels.length;
  }

  /**
   * Returns the first string value for a key.
   *
   * @param key the key
   * @return the value, or empty when the key has no string value
   */
  public Optional<String> get(String key) {
    for (Label l : labels) {
      if (!l.numeric() && l.key().equals(key)) {
        return Optional.of(l.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the string labels as a map from key to values (protobuf allows several per key).
   *
   * @return an unmodifiable map in key order, never {@code null}
   */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Label l : labels) {
      if (!l.numeric()) {
        map.computeIfAbsent(l.key(), k -> new java.util.ArrayList<>(1)).add(l.value());
      }
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Labels l && l.hash == hash && Arrays.equals(l.labels, labels));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Returns {@code {k:v, k2:v2}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(labels[i]);
    }
    return sb.append('}').toString();
  }

  private static final class LabelList extends AbstractList<Label> implements RandomAccess {
    private final Label[] labels;

    LabelList(Label[] labels) {
      this.labels = labels;
    }

    @Override
    public Label get(int index) {
      return labels[index];
    }

    @Override
    public int size() {
      return labels.length;
    }
  }
}
