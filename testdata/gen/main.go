// Command gen makes real goroutine profiles for the tests of the Java library: it starts goroutines
// stuck in every way a goroutine dump shows, then writes debug=0, debug=1 and debug=2 of the same
// moment, grows a leak, waits long enough for Go to print wait minutes, and writes them again.
//
// Modes:
//
//	gen -out DIR [-wait 61s]   profiles (see make.sh for the file names)
//	gen -mode panic            panic after the set-up (run with GOTRACEBACK=all)
//	gen -mode sigquit|log|cron SIGQUIT itself (GOTRACEBACK=system or crash); see serviceLog, cronAppend
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"

	pool "example.com/leaky/v2/pool.v3"
)

var (
	mode      = flag.String("mode", "profiles", "profiles, panic, sigquit, log or cron")
	out       = flag.String("out", ".", "output directory for -mode profiles")
	wait      = flag.Duration("wait", 61*time.Second, "how long to wait before the later snapshot")
	workers   = flag.Int("workers", 100, "idle workers blocked on a job channel")
	poolSize  = flag.Int("pool", 150, "pool goroutines queued on the cache mutex")
	leakFirst = flag.Int("leak1", 40, "leaked request goroutines at the first snapshot")
	leakLater = flag.Int("leak2", 120, "leaked request goroutines at the later snapshot")
)

// never is closed by nobody: everything that waits on it waits forever.
var never = make(chan int)

// Cache is a map guarded by a mutex, like the incident's sync.Map.LoadOrStore under a worker pool.
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

// LoadOrStore queues on the mutex while main holds it.
func (c *Cache) LoadOrStore(k string, v int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[k]; ok {
		return old
	}
	c.m[k] = v
	return v
}

var cache = &Cache{m: map[string]int{}}

func poolWorker(id int) {
	cache.LoadOrStore(fmt.Sprint("key", id%7), id)
}

// worker is an idle worker of a pool, waiting for a job that never comes.
func worker(jobs chan int) {
	for j := range jobs {
		_ = j
	}
}

// ticker wakes up and then waits for a WaitGroup that is never done: the incident's goroutine
// blocked for hundreds of minutes in sync.(*WaitGroup).Wait.
func ticker(wg *sync.WaitGroup) {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	for range t.C {
		wg.Wait()
	}
}

// handleRequest is the leak: it starts a goroutine to compute a result, gives up waiting, and the
// goroutine blocks forever on a send nobody receives.
func handleRequest(id int) {
	result := make(chan int)
	go func() {
		time.Sleep(time.Millisecond) // slower than the caller's patience
		result <- id * 2
	}()
	select {
	case r := <-result:
		_ = r
	case <-time.After(time.Microsecond):
	}
}

func recvInl(ch chan int) int  { return <-ch }
func outerInl(ch chan int) int { return recvInl(ch) + 1 }

//go:noinline
func recurse(n int, ch chan int) int {
	if n == 0 {
		return <-ch
	}
	return recurse(n-1, ch) + 1
}

type T struct{ ch chan int }

func (t *T) Method() { <-t.ch }

func (t *T) Spawn() {
	go func() { <-t.ch }()
}

func chain(depth int) {
	if depth == 0 {
		<-never
		return
	}
	go chain(depth - 1)
	<-never
}

var globalFn = func() { <-never }

// client keeps the dialled connection alive.
var client net.Conn

func setup() (unlock func()) {
	jobs := make(chan int)
	for i := 0; i < *workers; i++ {
		go worker(jobs)
	}

	cache.mu.Lock() // held until unlock: the pool queues behind it
	for i := 0; i < *poolSize; i++ {
		go poolWorker(i)
	}

	var wg sync.WaitGroup
	wg.Add(1)
	go ticker(&wg)

	sendTo := make(chan int)
	go func() { sendTo <- 1 }() // chan send
	go func() {
		var c chan int
		<-c // chan receive (nil chan)
	}()
	go func() {
		var c chan int
		c <- 1 // chan send (nil chan)
	}()
	go func() {
		other := make(chan int)
		select { // select
		case <-never:
		case <-other:
		}
	}()
	go func() { select {} }() // select (no cases)

	var rw sync.RWMutex
	rw.Lock()
	go func() { rw.RLock() }() // sync.RWMutex.RLock
	var rw2 sync.RWMutex
	rw2.RLock()
	go func() { rw2.Lock() }() // sync.RWMutex.Lock

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	go func() { // sync.Cond.Wait
		mu.Lock()
		cond.Wait()
		mu.Unlock()
	}()

	go func() { time.Sleep(time.Hour) }() // sleep

	ln, err := net.Listen("tcp", "127.0.0.1:0") // IO wait in Accept, and in Read
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				buf := make([]byte, 1)
				c.Read(buf)
			}()
		}
	}()
	if c, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		client = c // kept open: the server side waits in Read
	}

	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	go func() { // syscall: a blocking read(2) outside the poller
		buf := make([]byte, 1)
		syscall.Read(fds[0], buf)
	}()

	go func() { // locked to thread
		runtime.LockOSThread()
		<-never
	}()

	labels := pprof.Labels("user", "alice", "req", "a \"q\" é\n\t", "bell", "\a", "zh", "中",
		"raw", "a\xfeb", "empty", "")
	go pprof.Do(context.Background(), labels, func(context.Context) { <-never })
	for i := 0; i < 3; i++ {
		go pprof.Do(context.Background(), pprof.Labels("job", "sync"), func(context.Context) { worker(jobs) })
	}

	go recurse(150, never) // deeper than every limit: 32/128 PCs, 100 frames

	go chain(3) // created-by chains

	go func() { outerInl(never) }() // inlined frames

	go pool.Gen[int](make(chan int))      // generics
	go pool.NewBox[float64]().Hold()      // generic method
	go pool.Val{}.Wait(never, [3]int{1, 2, 3}, 2.5)
	pool.New(func() { <-never })

	t := &T{ch: make(chan int)}
	go t.Method() // method
	f := t.Method
	go f() // method value (-fm)
	t.Spawn()
	go globalFn() // package-level closure: glob..func1 (<= 1.21), init.func1 (1.22+)

	for i := 0; i < *leakFirst; i++ {
		handleRequest(i)
	}
	return cache.mu.Unlock
}

func write(name string, debug int) {
	writeProfile("goroutine", name, debug)
}

func writeProfile(profile, name string, debug int) {
	p := pprof.Lookup(profile)
	if p == nil {
		return
	}
	f, err := os.Create(filepath.Join(*out, name))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := p.WriteTo(f, debug); err != nil {
		panic(err)
	}
}

func snapshot(prefix string) {
	write(prefix+".debug0.pb.gz", 0)
	write(prefix+".debug1.txt", 1)
	write(prefix+".debug2.txt", 2)
}

func main() {
	flag.Parse()
	setup()
	time.Sleep(time.Second) // let every goroutine reach its blocking point
	runtime.GC()            // stamps the wait start of every blocked goroutine

	switch *mode {
	case "panic":
		panic("fixture crash: all goroutines follow")
	case "sigquit":
		syscall.Kill(os.Getpid(), syscall.SIGQUIT)
		time.Sleep(10 * time.Second)
		return
	case "log":
		serviceLog()
		return
	case "cron":
		cronAppend()
		return
	}

	snapshot("first")
	for i := *leakFirst; i < *leakLater; i++ {
		handleRequest(i)
	}
	time.Sleep(*wait)
	runtime.GC()
	runtime.GC()
	snapshot("later")

	// Go 1.26 (GOEXPERIMENT=goroutineleakprofile) and 1.27: the leak profile; every dump written
	// after it marks the leaked goroutines "(leaked)".
	if pprof.Lookup("goroutineleak") != nil {
		writeProfile("goroutineleak", "leak.debug0.pb.gz", 0)
		writeProfile("goroutineleak", "leak.debug1.txt", 1)
		write("leaked.debug2.txt", 2)
	}
}

// serviceLog writes what the log of a leaking service holds after an operator asked it twice for
// its goroutines and it then crashed: timestamped lines, a runtime.Stack dump written by one
// goroutine, more lines while the leak grows, a second dump written by another goroutine (so the
// dumping goroutine's id differs between the dumps), then a panic.
func serviceLog() {
	logf("service started")
	dumpFrom("first")
	for i := *leakFirst; i < *leakLater; i++ {
		handleRequest(i)
	}
	time.Sleep(100 * time.Millisecond)
	logf("handled %d requests", *leakLater)
	dumpFrom("second")
	logf("shutting down")
	panic("fixture crash after two dumps")
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s INFO %s\n", time.Now().UTC().Format("2006-01-02T15:04:05.000Z"),
		fmt.Sprintf(format, args...))
}

// dumpFrom prints every goroutine's stack from a new goroutine, as a debug handler does.
func dumpFrom(why string) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 16<<20)
		n := runtime.Stack(buf, true)
		logf("goroutine dump (%s):", why)
		os.Stderr.Write(buf[:n])
		logf("end of goroutine dump")
	}()
	<-done
}

// cronAppend writes what `while sleep 60; do date; curl -s …/debug/pprof/goroutine?debug=1; done`
// appends to one file: three debug=1 profiles while the leak grows.
func cronAppend() {
	for round := 1; round <= 3; round++ {
		fmt.Println(time.Now().UTC().Format(time.UnixDate))
		if err := pprof.Lookup("goroutine").WriteTo(os.Stdout, 1); err != nil {
			panic(err)
		}
		for i := 0; i < *leakFirst; i++ {
			handleRequest(round**leakFirst + i)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
