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
   * up to Go 1.23, for {@code WaitGroup.Wait}, which {@link #of(String, Stack)} tells apart).
   */
  MUTEX,
  /**
   * {@code sync.WaitGroup.Wait} (Go 1.24+), and {@code semacquire} under
   * {@code sync.(*WaitGroup).Wait} on older versions.
   */
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
          Map.entry("chan send", CHAN_SEND),
          Map.entry("chan send (nil chan)", CHAN_SEND),
          Map.entry("select", SELECT),
          Map.entry("select (no cases)", SELECT),
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
    String base = StateMarkers.base(state);
    c = KNOWN.get(base);
    return c != null ? c : OTHER;
  }

  /**
   * Classifies a goroutine by its printed state and its stack together, so that one wait has one
   * class on every Go version and in every format: Go before 1.24 prints {@code semacquire} for
   * {@code sync.(*WaitGroup).Wait}, which is {@link #WAIT_GROUP} when the stack shows it, as the
   * class inferred from a {@code debug=0} stack of the same goroutine is.
   *
   * @param state the state as printed
   * @param stack the goroutine's stack
   * @return the class; {@link #OTHER} for unknown strings
   */
  public static StateClass of(String state, Stack stack) {
    StateClass c = of(state);
    if (c == MUTEX && StateMarkers.base(state).equals("semacquire")) {
      for (Frame f : stack.frames()) {
        if (f.function().equals("sync.(*WaitGroup).Wait")) {
          return WAIT_GROUP;
        }
      }
    }
    return c;
  }

  /**
   * Tells whether goroutines in this class are waiting for something rather than running.
   *
   * @return false for {@link #RUNNING}, {@link #RUNNABLE} and {@link #SYSCALL}
   */
  /** Functions whose presence on a stack tells the state, from the innermost frame out. */
  private static final Map<String, StateClass> BLOCKING =
      Map.ofEntries(
          Map.entry("runtime.chanrecv", CHAN_RECEIVE),
          Map.entry("runtime.chanrecv1", CHAN_RECEIVE),
          Map.entry("runtime.chanrecv2", CHAN_RECEIVE),
          Map.entry("runtime.chansend", CHAN_SEND),
          Map.entry("runtime.chansend1", CHAN_SEND),
          Map.entry("runtime.selectgo", SELECT),
          Map.entry("runtime.block", SELECT),
          Map.entry("sync.runtime_SemacquireMutex", MUTEX),
          Map.entry("internal/sync.runtime_SemacquireMutex", MUTEX),
          Map.entry("sync.runtime_SemacquireRWMutexR", MUTEX),
          Map.entry("sync.runtime_SemacquireRWMutex", MUTEX),
          Map.entry("sync.runtime_SemacquireWaitGroup", WAIT_GROUP),
          Map.entry("sync.(*WaitGroup).Wait", WAIT_GROUP),
          Map.entry("sync.runtime_Semacquire", MUTEX),
          Map.entry("sync.runtime_notifyListWait", COND),
          Map.entry("time.Sleep", SLEEP),
          Map.entry("runtime.netpollblock", IO_WAIT),
          Map.entry("internal/poll.runtime_pollWait", IO_WAIT),
          Map.entry("syscall.Syscall", SYSCALL),
          Map.entry("syscall.Syscall6", SYSCALL),
          Map.entry("syscall.RawSyscall", SYSCALL),
          Map.entry("syscall.RawSyscall6", SYSCALL),
          Map.entry("internal/runtime/syscall.Syscall6", SYSCALL),
          // os/signal's loop sleeps in notetsleepg, which the runtime counts as a system call
          Map.entry("runtime.notetsleepg", SYSCALL),
          Map.entry("os/signal.signal_recv", SYSCALL),
          Map.entry("runtime/internal/syscall.Syscall6", SYSCALL),
          Map.entry("runtime.goroutineProfileWithLabels", RUNNING),
          Map.entry("runtime/pprof.writeGoroutineStacks", RUNNING));

  /**
   * Infers the class from a stack, for the formats that print no state ({@code debug=0} and
   * {@code debug=1}): the first known blocking function from the innermost frame out, such as
   * {@code runtime.chanrecv1} or {@code time.Sleep}; {@code sync.runtime_Semacquire} under
   * {@code sync.(*WaitGroup).Wait} is a wait group. {@code debug=1} stacks hide the leading runtime
   * frames, so some of their goroutines stay {@link #OTHER}.
   *
   * @param stack the stack
   * @return the class, {@link #OTHER} when nothing is recognised
   */
  public static StateClass ofStack(Stack stack) {
    var frames = stack.frames();
    for (int i = 0; i < frames.size(); i++) {
      StateClass c = BLOCKING.get(frames.get(i).function());
      if (c != null) {
        if (c == MUTEX && frames.get(i).function().equals("sync.runtime_Semacquire")
            && i + 1 < frames.size()
            && frames.get(i + 1).function().equals("sync.(*WaitGroup).Wait")) {
          return WAIT_GROUP;
        }
        return c;
      }
    }
    return OTHER;
  }

  public boolean isBlocked() {
    return this != RUNNING && this != RUNNABLE && this != SYSCALL;
  }
}
