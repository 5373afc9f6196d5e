package io.github.goroutines.analysis.internal;

import io.github.goroutines.model.Frame;
import io.github.goroutines.model.Sample;
import io.github.goroutines.model.Stack;
import io.github.goroutines.model.StateClass;
import java.util.Map;

/**
 * The state of a sample: the goroutine's own for debug=2, otherwise inferred from the functions of
 * its stack (debug=0 stacks keep runtime frames such as {@code runtime.chanrecv}; debug=1 stacks
 * hide the leading runtime frames, so some of their states stay {@link StateClass#OTHER}).
 */
public final class States {
  private States() {}

  private static final Map<String, StateClass> BLOCKING =
      Map.ofEntries(
          Map.entry("runtime.chanrecv", StateClass.CHAN_RECEIVE),
          Map.entry("runtime.chanrecv1", StateClass.CHAN_RECEIVE),
          Map.entry("runtime.chanrecv2", StateClass.CHAN_RECEIVE),
          Map.entry("runtime.chansend", StateClass.CHAN_SEND),
          Map.entry("runtime.chansend1", StateClass.CHAN_SEND),
          Map.entry("runtime.selectgo", StateClass.SELECT),
          Map.entry("runtime.block", StateClass.SELECT),
          Map.entry("sync.runtime_SemacquireMutex", StateClass.MUTEX),
          Map.entry("internal/sync.runtime_SemacquireMutex", StateClass.MUTEX),
          Map.entry("sync.runtime_SemacquireRWMutexR", StateClass.MUTEX),
          Map.entry("sync.runtime_SemacquireRWMutex", StateClass.MUTEX),
          Map.entry("sync.runtime_SemacquireWaitGroup", StateClass.WAIT_GROUP),
          Map.entry("sync.(*WaitGroup).Wait", StateClass.WAIT_GROUP),
          Map.entry("sync.runtime_Semacquire", StateClass.MUTEX),
          Map.entry("sync.runtime_notifyListWait", StateClass.COND),
          Map.entry("time.Sleep", StateClass.SLEEP),
          Map.entry("runtime.netpollblock", StateClass.IO_WAIT),
          Map.entry("internal/poll.runtime_pollWait", StateClass.IO_WAIT),
          Map.entry("syscall.Syscall", StateClass.SYSCALL),
          Map.entry("syscall.Syscall6", StateClass.SYSCALL),
          Map.entry("syscall.RawSyscall", StateClass.SYSCALL),
          Map.entry("syscall.RawSyscall6", StateClass.SYSCALL),
          Map.entry("internal/runtime/syscall.Syscall6", StateClass.SYSCALL),
          Map.entry("runtime/internal/syscall.Syscall6", StateClass.SYSCALL),
          Map.entry("runtime.goroutineProfileWithLabels", StateClass.RUNNING),
          Map.entry("runtime/pprof.writeGoroutineStacks", StateClass.RUNNING));

  /**
   * Returns the state class of a sample.
   *
   * @param s the sample
   * @return its goroutine's class, or the class inferred from its stack
   */
  public static StateClass classOf(Sample s) {
    if (s.goroutine().isPresent()) {
      return s.goroutine().get().stateClass();
    }
    return infer(s.stack());
  }

  /**
   * Infers a state from a stack: the first known blocking function from the innermost frame out.
   * {@code sync.runtime_Semacquire} under {@code sync.(*WaitGroup).Wait} is a wait group.
   *
   * @param stack the stack
   * @return the class, {@link StateClass#OTHER} when nothing is recognised
   */
  public static StateClass infer(Stack stack) {
    var frames = stack.frames();
    for (int i = 0; i < frames.size(); i++) {
      StateClass c = BLOCKING.get(frames.get(i).function());
      if (c != null) {
        if (c == StateClass.MUTEX && frames.get(i).function().equals("sync.runtime_Semacquire")
            && i + 1 < frames.size() && frames.get(i + 1).function().equals("sync.(*WaitGroup).Wait")) {
          return StateClass.WAIT_GROUP;
        }
        return c;
      }
    }
    return StateClass.OTHER;
  }

  /**
   * Tells whether nothing can wake the goroutines of a sample: a nil-channel operation or an empty
   * {@code select {}} ({@code runtime.block} in a stack).
   *
   * @param s the sample
   * @return true when blocked forever
   */
  public static boolean blockedForever(Sample s) {
    if (s.goroutine().isPresent()) {
      return s.goroutine().get().blockedForever();
    }
    return s.stack().innermost().map(Frame::function).filter("runtime.block"::equals).isPresent()
        || (s.stack().depth() > 1 && s.stack().frames().get(1).function().equals("runtime.block"));
  }
}
