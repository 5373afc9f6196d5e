package io.github.goroutines.analysis;

import io.github.goroutines.model.Goroutine;
import io.github.goroutines.model.Profile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who created the goroutines of a {@code debug=2} dump: per {@code created by} site, and per creator
 * goroutine ({@code created by … in goroutine N}, Go 1.21+), with how many of them are blocked.
 *
 * <pre>{@code
 * SpawnTree t = SpawnTree.of(dump);
 * t.sites().get(0);          // main.handleRequest main.go:85 created 120, 120 blocked
 * t.descendants(1);          // everything goroutine 1 started, directly or not
 * }</pre>
 *
 * <p>Formats without goroutine detail give an empty tree. Instances are immutable and safe for use
 * by multiple threads.
 */
public final class SpawnTree {
  /**
   * Goroutines created at one {@code go} statement.
   *
   * @param site the creating function and position
   * @param count goroutines created there and still alive
   * @param blocked how many of them are blocked
   * @param creatorIds the creator goroutines, ascending (empty before Go 1.21)
   */
  public record Site(String site, long count, long blocked, List<Long> creatorIds) {
    /**
     * Copies the ids.
     *
     * @param site the creating function and position
     * @param count goroutines created there and still alive
     * @param blocked how many of them are blocked
     * @param creatorIds the creator goroutines, ascending
     */
    public Site {
      creatorIds = List.copyOf(creatorIds);
    }
  }

  /**
   * Goroutines created by one goroutine.
   *
   * @param creatorId the creator's id
   * @param creator the creator, when it is still alive in the dump
   * @param children goroutines it created directly
   * @param blocked how many of the children are blocked
   * @param descendants goroutines it created directly or through its children
   */
  public record Creator(long creatorId, Optional<Goroutine> creator, long children, long blocked,
      long descendants) {}

  private final List<Site> sites;
  private final List<Creator> creators;
  private final Map<Long, List<Goroutine>> childrenOf;

  private SpawnTree(List<Site> sites, List<Creator> creators, Map<Long, List<Goroutine>> childrenOf) {
    this.sites = List.copyOf(sites);
    this.creators = List.copyOf(creators);
    this.childrenOf = childrenOf;
  }

  /**
   * Builds the tree of a dump.
   *
   * @param profile a debug=2 profile (others give an empty tree)
   * @return the tree
   */
  public static SpawnTree of(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    Map<String, long[]> bySite = new LinkedHashMap<>();
    Map<String, Set<Long>> siteCreators = new HashMap<>();
    Map<Long, List<Goroutine>> children = new HashMap<>();
    Map<Long, Goroutine> byId = new HashMap<>();
    for (Goroutine g : profile.goroutines()) {
      byId.putIfAbsent(g.id(), g);
      if (g.createdBy().isEmpty()) {
        continue;
      }
      String site = Grouping.siteKey(g.createdBy().get());
      long[] c = bySite.computeIfAbsent(site, k -> new long[2]);
      c[0]++;
      if (g.stateClass().isBlocked()) {
        c[1]++;
      }
      if (g.creatorId().isPresent()) {
        long parent = g.creatorId().getAsLong();
        siteCreators.computeIfAbsent(site, k -> new TreeSet<>()).add(parent);
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(g);
      }
    }
    List<Site> sites = new ArrayList<>();
    bySite.forEach((site, c) -> sites.add(new Site(site, c[0], c[1],
        new ArrayList<>(siteCreators.getOrDefault(site, Set.of())))));
    sites.sort(Comparator.comparingLong(Site::count).reversed().thenComparing(Site::site));
    Map<Long, Long> descendants = countDescendants(children);
    List<Creator> creators = new ArrayList<>();
    children.forEach((id, kids) -> creators.add(new Creator(id, Optional.ofNullable(byId.get(id)),
        kids.size(), kids.stream().filter(k -> k.stateClass().isBlocked()).count(),
        descendants.get(id))));
    creators.sort(Comparator.comparingLong(Creator::descendants).reversed()
        .thenComparing(Creator::creatorId, Long::compareUnsigned));
    return new SpawnTree(sites, creators, children);
  }

  /**
   * Counts every creator's descendants in one post-order walk (linear in the number of goroutines,
   * also for long creation chains). Real dumps have no creation cycles; in a malformed one the walk
   * still ends, and a goroutine on a cycle may count itself among its descendants.
   */
  private static Map<Long, Long> countDescendants(Map<Long, List<Goroutine>> children) {
    Map<Long, Long> count = new HashMap<>();
    Set<Long> onPath = new HashSet<>();
    for (Long root : children.keySet()) {
      if (count.containsKey(root)) {
        continue;
      }
      Deque<long[]> stack = new ArrayDeque<>(); // {id, next child index}
      stack.push(new long[] {root, 0});
      onPath.add(root);
      while (!stack.isEmpty()) {
        long[] top = stack.peek();
        List<Goroutine> kids = children.getOrDefault(top[0], List.of());
        if (top[1] < kids.size()) {
          long child = kids.get((int) top[1]++).id();
          if (!count.containsKey(child) && onPath.add(child)) {
            stack.push(new long[] {child, 0});
          }
          continue;
        }
        stack.pop();
        onPath.remove(top[0]);
        long n = 0;
        for (Goroutine k : kids) {
          if (k.id() != top[0]) {
            n += 1 + count.getOrDefault(k.id(), 0L);
          }
        }
        count.put(top[0], n);
      }
    }
    return count;
  }

  /**
   * Returns the creation sites, most goroutines first (ties by site).
   *
   * @return an unmodifiable list
   */
  public List<Site> sites() {
    return sites;
  }

  /**
   * Returns the creator goroutines, most descendants first (ties by id).
   *
   * @return an unmodifiable list
   */
  public List<Creator> creators() {
    return creators;
  }

  /**
   * Returns the goroutines a goroutine created directly, in dump order.
   *
   * @param creatorId the creator's id
   * @return an unmodifiable list, empty when it created none that are alive
   */
  public List<Goroutine> children(long creatorId) {
    return List.copyOf(childrenOf.getOrDefault(creatorId, List.of()));
  }

  /**
   * Counts the goroutines created by a goroutine directly or through its descendants.
   *
   * @param creatorId the creator's id
   * @return the count
   */
  public long descendants(long creatorId) {
    long n = 0;
    Set<Long> seen = new HashSet<>();
    Deque<Long> todo = new ArrayDeque<>();
    todo.add(creatorId);
    seen.add(creatorId);
    while (!todo.isEmpty()) {
      for (Goroutine g : childrenOf.getOrDefault(todo.poll(), List.of())) {
        if (seen.add(g.id())) {
          n++;
          todo.add(g.id());
        }
      }
    }
    return n;
  }
}
