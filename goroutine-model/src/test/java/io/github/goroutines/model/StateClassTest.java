package io.github.goroutines.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every state string of formats.md section 4, across Go 1.19 to 1.27. */
class StateClassTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "running|RUNNING", "runnable|RUNNABLE", "syscall|SYSCALL", "waiting|OTHER",
        "idle|RUNTIME", "dead|RUNTIME", "copystack|RUNTIME", "preempted|RUNTIME",
        "leaked|OTHER", "waiting for cgo callback|OTHER",
        "GC assist marking|RUNTIME", "IO wait|IO_WAIT",
        "chan receive (nil chan)|CHAN_RECEIVE", "chan send (nil chan)|CHAN_SEND",
        "dumping heap|RUNTIME", "garbage collection|RUNTIME", "garbage collection scan|RUNTIME",
        "panicwait|RUNTIME", "select|SELECT", "select (no cases)|SELECT",
        "GC assist wait|RUNTIME", "GC sweep wait|RUNTIME", "GC scavenge wait|RUNTIME",
        "chan receive|CHAN_RECEIVE", "chan send|CHAN_SEND", "finalizer wait|RUNTIME",
        "force gc (idle)|RUNTIME", "semacquire|MUTEX", "sleep|SLEEP", "sync.Cond.Wait|COND",
        "timer goroutine (idle)|RUNTIME", "trace reader (blocked)|RUNTIME",
        "wait for GC cycle|RUNTIME", "GC worker (idle)|RUNTIME", "debug call|RUNTIME",
        "sync.Mutex.Lock|MUTEX", "sync.RWMutex.RLock|MUTEX", "sync.RWMutex.Lock|MUTEX",
        "GC worker (active)|RUNTIME", "GC mark termination|RUNTIME",
        "stopping the world|RUNTIME", "flushing proc caches|RUNTIME",
        "trace goroutine status|RUNTIME", "trace proc status|RUNTIME", "page trace flush|RUNTIME",
        "coroutine|OTHER", "GC weak to strong wait|RUNTIME", "sync.WaitGroup.Wait|WAIT_GROUP",
        "synctest.Run|OTHER", "synctest.Wait|OTHER",
        "chan receive (synctest)|CHAN_RECEIVE", "chan send (synctest)|CHAN_SEND",
        "select (synctest)|SELECT", "chan receive (durable)|CHAN_RECEIVE",
        "chan send (durable)|CHAN_SEND", "select (durable)|SELECT",
        "sync.WaitGroup.Wait (durable)|WAIT_GROUP", "GOMAXPROCS updater (idle)|RUNTIME",
        "cleanup wait|RUNTIME", "chan send (leaked)|CHAN_SEND",
        "sync.WaitGroup.Wait (leaked)|WAIT_GROUP", "sleep (durable)|SLEEP",
        "select (no cases) (durable)|SELECT", "chan receive (nil chan) (durable)|CHAN_RECEIVE",
        "synctest.Run (durable)|OTHER", "unknown wait reason|OTHER", "???|OTHER",
        "some future reason|OTHER"
      })
  void classifies(String state, StateClass expected) {
    assertThat(StateClass.of(state)).isEqualTo(expected);
    Goroutine g = Goroutine.builder(1, state).build();
    assertThat(g.state()).isEqualTo(state);
    assertThat(g.stateClass()).isEqualTo(expected);
  }
}
