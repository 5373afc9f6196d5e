package io.github.goroutines.model;

import java.util.Map;

/**
 * A coarse classification of the state Go prints in a goroutine header ({@code [chan receive]},
 * {@code [sync.Mutex.Lock]}), stable across Go versions that spell the same wait differently.
 *
 * <p>The printed string is always kept verbatim by {@link Goroutine#state()}; a string this enum does
 * not know (new wait reasons appear in almost every Go release) is {@link #OTHER}.
 */
public enum StateClass {
  /** {@code running}. */
  RUNNING,
  /** {@code runnable}: on a run queue. */
  RUNNABLE,
  /** {@code syscall}: in a system call or cgo call. */
  SYSCALL,
  /** {@code IO wait}: parked in the network poller. */
  IO_WAIT,
  /** {@code chan receive}, also on a nil channel, in a synctest bubble or durable. */
  CHAN_RECEIVE,
  /** {@code chan send}, likewise. */
  CHAN_SEND,
  /** {@code select} and {@code select (no cases)}. */
  SELECT,
  /**
   * Mutexes and semaphores: {@code sync.Mutex.Lock}, {@code sync.RWMutex.RLock},
   * {@code sync.RWMutex.Lock} (Go 1.20+) and {@code semacquire} (Go 1.19 prints it for all of them and,
   * up to Go 1.23, for {@code WaitGroup.Wait}).
   */
  MUTEX,
  /** {@code sync.WaitGroup.Wait} (Go 1.24+). */
  WAIT_GROUP,
  /** {@code sync.Cond.Wait}. */
  COND,
  /** {@code sleep}: {@code time.Sleep}. */
  SLEEP,
  /** Garbage collector, finalizer, tracer and other runtime-internal waits and idle states. */
  RUNTIME,
  /** Anything else, including states a later Go version adds. */
  OTHER;

  private static final Map<String, StateClass> KNOWN =
      Map.ofEntries(
          Map.entry("running", RUNNING),
          Map.entry("runnable", RUNNABLE),
          Map.entry("syscall", SYSCALL),
          Map.entry("IO wait", IO_WAIT),
          Map.entry("chan receive", CHAN_RECEIVE),
          Map.entry("chan receive (nil chan)", CHAN_RECEIVE),
          Map.entry("chan receive (synctest)", CHAN_RECEIVE),
          Map.entry("chan send", CHAN_SEND),
          Map.entry("chan send (nil chan)", CHAN_SEND),
          Map.entry("chan send (synctest)", CHAN_SEND),
          Map.entry("select", SELECT),
          Map.entry("select (no cases)", SELECT),
          Map.entry("select (synctest)", SELECT),
          Map.entry("semacquire", MUTEX),
          Map.entry("sync.Mutex.Lock", MUTEX),
          Map.entry("sync.RWMutex.RLock", MUTEX),
          Map.entry("sync.RWMutex.Lock", MUTEX),
          Map.entry("sync.WaitGroup.Wait", WAIT_GROUP),
          Map.entry("sync.Cond.Wait", COND),
          Map.entry("sleep", SLEEP),
          Map.entry("idle", RUNTIME),
          Map.entry("dead", RUNTIME),
          Map.entry("copystack", RUNTIME),
          Map.entry("preempted", RUNTIME),
          Map.entry("GC assist marking", RUNTIME),
          Map.entry("GC assist wait", RUNTIME),
          Map.entry("GC sweep wait", RUNTIME),
          Map.entry("GC scavenge wait", RUNTIME),
          Map.entry("GC worker (idle)", RUNTIME),
          Map.entry("GC worker (active)", RUNTIME),
          Map.entry("GC mark termination", RUNTIME),
          Map.entry("GC weak to strong wait", RUNTIME),
          Map.entry("GOMAXPROCS updater (idle)", RUNTIME),
          Map.entry("garbage collection", RUNTIME),
          Map.entry("garbage collection scan", RUNTIME),
          Map.entry("wait for GC cycle", RUNTIME),
          Map.entry("finalizer wait", RUNTIME),
          Map.entry("cleanup wait", RUNTIME),
          Map.entry("force gc (idle)", RUNTIME),
          Map.entry("timer goroutine (idle)", RUNTIME),
          Map.entry("trace reader (blocked)", RUNTIME),
          Map.entry("trace goroutine status", RUNTIME),
          Map.entry("trace proc status", RUNTIME),
          Map.entry("page trace flush", RUNTIME),
          Map.entry("flushing proc caches", RUNTIME),
          Map.entry("stopping the world", RUNTIME),
          Map.entry("dumping heap", RUNTIME),
          Map.entry("panicwait", RUNTIME),
          Map.entry("debug call", RUNTIME));

  /**
   * Classifies a state string. Markers the runtime appends ({@code (leaked)}, {@code (scan)},
   * {@code (durable)}) are ignored.
   *
   * @param state the state as printed, for example {@code chan receive (nil chan)}
   * @return the class; {@link #OTHER} for unknown strings
   */
  public static StateClass of(String state) {
    StateClass c = KNOWN.get(state);
    if (c != null) {
      return c;
    }
    String base = Goroutine.baseState(state);
    c = KNOWN.get(base);
    return c != null ? c : OTHER;
  }

  /**
   * Tells whether goroutines in this class are waiting for something rather than running.
   *
   * @return false for {@link #RUNNING}, {@link #RUNNABLE} and {@link #SYSCALL}
   */
  public boolean isBlocked() {
    return this != RUNNING && this != RUNNABLE && this != SYSCALL;
  }
}
