package io.github.goroutines.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One goroutine of a {@code debug=2} dump or crash log, with everything its header and trailer say.
 *
 * <p>From {@code goroutine 279 [semacquire, 892 minutes, locked to thread]:}: id 279, state
 * {@code semacquire}, class {@link StateClass#MUTEX}, 892 wait minutes, locked to its thread. From
 * {@code created by main.startTicker in goroutine 1}: the creator frame and creator id 1.
 *
 * <p>Wait minutes are a lower bound that Go prints only after two garbage collections; a goroutine
 * without them may still have waited long. Instances are immutable and safe for use by multiple
 * threads.
 */
public final class Goroutine {
  private final long id;
  private final String state;
  private final StateClass stateClass;
  private final long waitMinutes;
  private final byte flags;
  private final long synctestGroup;
  private final long synctestBubble;
  private final Labels labels;
  private final Stack stack;
  private final String[] arguments;
  private final String[] frameExtras;
  private final Frame createdBy;
  private final long creatorId;
  private final List<Ancestor> ancestors;
  private final Map<String, String> headerFields;
  private final List<String> otherStateItems;
  private final int headerLine;

  private static final byte LOCKED = 1;
  private static final byte LEAKED = 2;
  private static final byte DURABLE = 4;
  private static final byte SCAN = 8;
  private static final byte UNAVAILABLE = 16;
  private static final byte INCOMPLETE = 32;
  private static final byte ID_UNKNOWN = 64;

  private Goroutine(Builder b) {
    this.id = b.id;
    this.state = b.state;
    this.stateClass = StateClass.of(b.state, b.stack);
    this.waitMinutes = b.waitMinutes;
    byte f = 0;
    f |= b.locked ? LOCKED : 0;
    f |= StateMarkers.leaked(b.state) ? LEAKED : 0;
    f |= StateMarkers.durable(b.state) ? DURABLE : 0;
    f |= StateMarkers.scan(b.state) ? SCAN : 0;
    f |= b.stackUnavailable ? UNAVAILABLE : 0;
    f |= b.incomplete ? INCOMPLETE : 0;
    f |= b.idUnknown ? ID_UNKNOWN : 0;
    this.flags = f;
    this.synctestGroup = b.synctestGroup;
    this.synctestBubble = b.synctestBubble;
    this.labels = b.labels;
    this.stack = b.stack;
    int n = b.stack.depth();
    this.arguments = fit(b.traceback.arguments(), n);
    this.frameExtras = fit(b.traceback.frameExtras(), n);
    this.createdBy = b.createdBy;
    this.creatorId = b.creatorId;
    this.ancestors = List.copyOf(b.ancestors);
    Map<String, String> fields = b.traceback.headerFields();
    this.headerFields =
        fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.otherStateItems = List.copyOf(b.traceback.otherStateItems());
    this.headerLine = b.headerLine >= 0 ? b.headerLine : b.traceback.headerLine();
  }

  /** A copy with another header line. */
  private Goroutine(Goroutine g, int headerLine) {
    this.id = g.id;
    this.state = g.state;
    this.stateClass = g.stateClass;
    this.waitMinutes = g.waitMinutes;
    this.flags = g.flags;
    this.synctestGroup = g.synctestGroup;
    this.synctestBubble = g.synctestBubble;
    this.labels = g.labels;
    this.stack = g.stack;
    this.arguments = g.arguments;
    this.frameExtras = g.frameExtras;
    this.createdBy = g.createdBy;
    this.creatorId = g.creatorId;
    this.ancestors = g.ancestors;
    this.headerFields = g.headerFields;
    this.otherStateItems = g.otherStateItems;
    this.headerLine = headerLine;
  }

  /**
   * Returns this goroutine as read from a longer text that had {@code linesBefore} more lines
   * before it: its {@link Traceback#headerLine()} moves down by that many (the parser of one part
   * of a dump numbers lines from the part's start). The arrays and lists it holds are shared with
   * this one, as both are immutable; a goroutine that was not parsed (header line 0) is returned
   * as it is.
   *
   * @param linesBefore the lines of the text before the part, at least 0
   * @return the goroutine with its header line in the whole text
   */
  public Goroutine afterLines(long linesBefore) {
    if (linesBefore < 0) {
      throw new IllegalArgumentException("linesBefore must be >= 0: " + linesBefore);
    }
    if (headerLine == 0 || linesBefore == 0) {
      return this;
    }
    int line = linesBefore >= Integer.MAX_VALUE - headerLine ? Integer.MAX_VALUE
        : (int) (headerLine + linesBefore);
    return new Goroutine(this, line);
  }

  private static String[] fit(List<String> values, int n) {
    if (values.isEmpty()) {
      return null;
    }
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = i < values.size() ? Objects.requireNonNull(values.get(i), "argument") : "";
    }
    return a;
  }

  /**
   * Starts a goroutine.
   *
   * @param id the goroutine id (unsigned 64-bit)
   * @param state the state as printed in the brackets, markers included
   * @return a builder
   */
  public static Builder builder(long id, String state) {
    return new Builder(id, state);
  }

  /**
   * Returns the goroutine id. Ids are unsigned 64-bit numbers: print them with
   * {@link Long#toUnsignedString(long)}. Id 0 is a thread's system goroutine in crash dumps, or
   * an unknown id ({@link #idKnown()}).
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * Tells whether Go printed this goroutine's id: false for the frames a Windows exception prints
   * without a {@code goroutine N [state]:} header.
   *
   * @return false when {@link #id()} is not a real id
   */
  public boolean idKnown() {
    return (flags & ID_UNKNOWN) == 0;
  }

  /**
   * Returns the state exactly as Go printed it before the first comma, for example
   * {@code chan receive (nil chan)}, {@code sync.WaitGroup.Wait (leaked)} or
   * {@code sleep (durable)}.
   *
   * @return the state, never {@code null}
   */
  public String state() {
    return state;
  }

  /**
   * Returns the wait reason or status without the markers the runtime appends ({@code (leaked)},
   * {@code (scan)}, {@code (durable)}): {@code chan receive (nil chan)} stays,
   * {@code sync.WaitGroup.Wait (leaked)} becomes {@code sync.WaitGroup.Wait}.
   *
   * @return the base state, never {@code null}
   */
  public String baseState() {
    return StateMarkers.base(state);
  }

  /**
   * Returns the class of the state.
   *
   * @return the class, never {@code null}
   */
  public StateClass stateClass() {
    return stateClass;
  }

  /**
   * Tells whether nothing can ever wake this goroutine: a receive or send on a nil channel, or an
   * empty {@code select {}}.
   *
   * @return true for {@code chan receive (nil chan)}, {@code chan send (nil chan)} and
   *     {@code select (no cases)}
   */
  public boolean blockedForever() {
    String b = baseState();
    return b.equals("chan receive (nil chan)")
        || b.equals("chan send (nil chan)")
        || b.equals("select (no cases)");
  }

  /**
   * Returns the minutes Go says this goroutine has been waiting ({@code , 892 minutes}).
   *
   * @return the minutes, or empty when not printed
   */
  public OptionalLong waitMinutes() {
    return waitMinutes < 0 ? OptionalLong.empty() : OptionalLong.of(waitMinutes);
  }

  /**
   * Tells whether the header said {@code , locked to thread} ({@code runtime.LockOSThread}).
   *
   * @return true when locked
   */
  public boolean lockedToThread() {
    return (flags & LOCKED) != 0;
  }

  /**
   * Tells whether Go's leak detector marked this goroutine {@code (leaked)} (Go 1.26+).
   *
   * @return true when leaked
   */
  public boolean leaked() {
    return (flags & LEAKED) != 0;
  }

  /**
   * Tells whether the goroutine is durably blocked inside a {@code testing/synctest} bubble
   * ({@code (durable)}, Go 1.25+; {@code (synctest)} in Go 1.24).
   *
   * @return true when durable
   */
  public boolean durable() {
    return (flags & DURABLE) != 0;
  }

  /**
   * Tells whether the garbage collector was scanning this stack ({@code (scan)}).
   *
   * @return true when scanning
   */
  public boolean scanning() {
    return (flags & SCAN) != 0;
  }

  /**
   * Returns the synctest group of Go 1.24 ({@code , synctest group N}; N is a goroutine id).
   *
   * @return the group, or empty
   */
  public OptionalLong synctestGroup() {
    return synctestGroup < 0 ? OptionalLong.empty() : OptionalLong.of(synctestGroup);
  }

  /**
   * Returns the synctest bubble of Go 1.25+ ({@code , synctest bubble N}; N counts from 1).
   *
   * @return the bubble, or empty
   */
  public OptionalLong synctestBubble() {
    return synctestBubble < 0 ? OptionalLong.empty() : OptionalLong.of(synctestBubble);
  }

  /**
   * Returns the pprof labels printed in the header (Go 1.26 opt-in, Go 1.27).
   *
   * @return the labels, possibly empty
   */
  public Labels labels() {
    return labels;
  }

  /**
   * Returns the goroutine's own frames, innermost first (ancestor sections are not included).
   *
   * @return the stack, empty when Go printed {@code stack unavailable}
   */
  public Stack stack() {
    return stack;
  }

  private static final Traceback NO_TRACEBACK =
      new Traceback(List.of(), List.of(), Map.of(), List.of(), 0);


  /**
   * Returns what the traceback printed around the core facts (a view made on each call).
   *
   * @return the details, never {@code null}
   */
  public Traceback traceback() {
    return new Traceback(parallel(arguments), parallel(frameExtras), headerFields, otherStateItems,
        headerLine);
  }

  private List<String> parallel(String[] values) {
    if (values == null) {
      String[] empty = new String[stack.depth()];
      Arrays.fill(empty, "");
      return List.of(empty);
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /**
   * Returns the frame of the {@code go} statement that created this goroutine
   * ({@code created by main.startTicker}).
   *
   * @return the frame, or empty (goroutine 1 has none)
   */
  public Optional<Frame> createdBy() {
    return Optional.ofNullable(createdBy);
  }

  /**
   * Returns the id of the goroutine that created this one ({@code in goroutine N}, Go 1.21+).
   *
   * @return the id, or empty when not printed
   */
  public OptionalLong creatorId() {
    return creatorId < 0 ? OptionalLong.empty() : OptionalLong.of(creatorId);
  }

  /**
   * Returns the ancestor sections ({@code GODEBUG=tracebackancestors}), nearest first.
   *
   * @return an unmodifiable list, usually empty
   */
  public List<Ancestor> ancestors() {
    return ancestors;
  }

  /**
   * Tells whether Go printed {@code goroutine running on other thread; stack unavailable}.
   *
   * @return true when the stack could not be read
   */
  public boolean stackUnavailable() {
    return (flags & UNAVAILABLE) != 0;
  }

  /**
   * Tells whether the block ended early: the input was cut inside it, or a malformed line ended it.
   *
   * @return true for an incomplete block
   */
  public boolean incomplete() {
    return (flags & INCOMPLETE) != 0;
  }

  /**
   * Goroutines are equal when everything parsed from them is: id, state, wait, flags, labels,
   * stack, creator, ancestors and the traceback details.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Goroutine g
        && g.id == id
        && g.waitMinutes == waitMinutes
        && g.flags == flags
        && g.synctestGroup == synctestGroup
        && g.synctestBubble == synctestBubble
        && g.creatorId == creatorId
        && g.headerLine == headerLine
        && g.state.equals(state)
        && g.stack.equals(stack)
        && g.labels.equals(labels)
        && Objects.equals(g.createdBy, createdBy)
        && Arrays.equals(g.arguments, arguments)
        && Arrays.equals(g.frameExtras, frameExtras)
        && g.ancestors.equals(ancestors)
        && g.headerFields.equals(headerFields)
        && g.otherStateItems.equals(otherStateItems);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(id);
    h = 31 * h + state.hashCode();
    h = 31 * h + Long.hashCode(waitMinutes);
    h = 31 * h + stack.hashCode();
    return 31 * h + labels.hashCode();
  }

  @Override
  public String toString() {
    return "goroutine "
        + Long.toUnsignedString(id)
        + " ["
        + state
        + (waitMinutes >= 0 ? ", " + waitMinutes + " minutes" : "")
        + "] "
        + stack;
  }

  /**
   * Collects the parts of a {@link Goroutine}: everything not set is absent (no wait minutes, no
   * creator, an empty stack and labels, no traceback details). Not thread-safe. A parser of many
   * goroutines may {@link #reset} one builder for each instead of making a new one: what a built
   * goroutine holds is copied or immutable.
   */
  public static final class Builder {
    private long id;
    private String state;
    private long waitMinutes = -1;
    private boolean locked;
    private boolean stackUnavailable;
    private boolean incomplete;
    private boolean idUnknown;
    private long synctestGroup = -1;
    private long synctestBubble = -1;
    private Labels labels = Labels.empty();
    private Stack stack = Stack.empty();
    private Frame createdBy;
    private long creatorId = -1;
    private List<Ancestor> ancestors = List.of();
    private Traceback traceback = NO_TRACEBACK;
    private int headerLine = -1;

    private Builder(long id, String state) {
      this.id = id;
      this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * Starts the next goroutine with this builder: everything set before is absent again.
     *
     * @param id the goroutine id (unsigned 64-bit)
     * @param state the state as printed in the brackets, markers included
     * @return this builder
     */
    public Builder reset(long id, String state) {
      this.id = id;
      this.state = Objects.requireNonNull(state, "state");
      waitMinutes = -1;
      locked = false;
      stackUnavailable = false;
      incomplete = false;
      idUnknown = false;
      synctestGroup = -1;
      synctestBubble = -1;
      labels = Labels.empty();
      stack = Stack.empty();
      createdBy = null;
      creatorId = -1;
      ancestors = List.of();
      traceback = NO_TRACEBACK;
      headerLine = -1;
      return this;
    }

    /**
     * The line of the header in the parsed input, when no {@link #traceback} details are given
     * (it overrides theirs otherwise).
     *
     * @param line the 1-based line, 0 when unknown
     * @return this builder
     */
    public Builder headerLine(int line) {
      if (line < 0) {
        throw new IllegalArgumentException("line must be >= 0: " + line);
      }
      this.headerLine = line;
      return this;
    }

    /**
     * The {@code , N minutes} of the header.
     *
     * @param minutes at least 0
     * @return this builder
     * @throws IllegalArgumentException for negative minutes
     */
    public Builder waitMinutes(long minutes) {
      if (minutes < 0) {
        throw new IllegalArgumentException("minutes must be >= 0: " + minutes);
      }
      this.waitMinutes = minutes;
      return this;
    }

    /**
     * The {@code , locked to thread} of the header.
     *
     * @param locked whether it was printed
     * @return this builder
     */
    public Builder lockedToThread(boolean locked) {
      this.locked = locked;
      return this;
    }

    /**
     * Go 1.24's {@code , synctest group N} (N is a goroutine id).
     *
     * @param group the group
     * @return this builder
     */
    public Builder synctestGroup(long group) {
      this.synctestGroup = group;
      return this;
    }

    /**
     * Go 1.25+'s {@code , synctest bubble N}.
     *
     * @param bubble the bubble
     * @return this builder
     */
    public Builder synctestBubble(long bubble) {
      this.synctestBubble = bubble;
      return this;
    }

    /**
     * The pprof labels of the header (Go 1.26 inside the bracket, 1.27 after it).
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder labels(Labels labels) {
      this.labels = Objects.requireNonNull(labels, "labels");
      return this;
    }

    /**
     * The goroutine's own frames.
     *
     * @param stack innermost first
     * @return this builder
     */
    public Builder stack(Stack stack) {
      this.stack = Objects.requireNonNull(stack, "stack");
      return this;
    }

    /**
     * The {@code created by} line.
     *
     * @param frame the frame of the {@code go} statement
     * @param creatorId the creator's goroutine id ({@code in goroutine N}), or -1 when not printed
     * @return this builder
     */
    public Builder createdBy(Frame frame, long creatorId) {
      this.createdBy = Objects.requireNonNull(frame, "frame");
      this.creatorId = creatorId;
      return this;
    }

    /**
     * The {@code [originating from goroutine N]:} sections.
     *
     * @param ancestors nearest first
     * @return this builder
     */
    public Builder ancestors(List<Ancestor> ancestors) {
      this.ancestors = Objects.requireNonNull(ancestors, "ancestors");
      return this;
    }

    /**
     * What the traceback printed besides the core facts; argument and extras lists shorter than
     * the stack are filled with empty text when the goroutine is built.
     *
     * @param details the details
     * @return this builder
     */
    public Builder traceback(Traceback details) {
      this.traceback = Objects.requireNonNull(details, "details");
      return this;
    }

    /**
     * Whether Go printed {@code goroutine running on other thread; stack unavailable}.
     *
     * @param unavailable the flag
     * @return this builder
     */
    public Builder stackUnavailable(boolean unavailable) {
      this.stackUnavailable = unavailable;
      return this;
    }

    /**
     * Whether the block ended early (a cut input, a malformed line).
     *
     * @param incomplete the flag
     * @return this builder
     */
    public Builder incomplete(boolean incomplete) {
      this.incomplete = incomplete;
      return this;
    }

    /**
     * The id is not known (Go printed the frames without a header); {@link Goroutine#id()} then
     * returns the id given to {@link Goroutine#builder}, normally 0.
     *
     * @return this builder
     */
    public Builder idUnknown() {
      this.idUnknown = true;
      return this;
    }

    /**
     * Builds the goroutine.
     *
     * @return the goroutine, never {@code null}
     */
    public Goroutine build() {
      return new Goroutine(this);
    }
  }
}
