// Command gen-large writes a large real goroutine profile for the benchmarks: 100,000 goroutines
// over 2,048 distinct stacks (each goroutine descends through eleven levels of a() and b(), the
// choice at each level spelling its stack number in binary), each with its own pprof label, so the
// protobuf profile has 100,000 samples. Written as debug=0.
//
// With -debug2 N it starts N such goroutines instead and writes their debug=2 tracebacks (as
// runtime.Stack gives them, without the 64 MB cap of pprof's writer), OUT.debug2.txt:
// 1,000,000 of them give the 0.7 GB dump of the memory and speed checks (bench/make-huge.sh).
package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"
)

var never = make(chan struct{})

//go:noinline
func a(n, depth int) {
	if depth == 0 {
		<-never
		return
	}
	if n&1 == 0 {
		a(n>>1, depth-1)
	} else {
		b(n>>1, depth-1)
	}
}

//go:noinline
func b(n, depth int) {
	if depth == 0 {
		<-never
		return
	}
	if n&1 == 0 {
		a(n>>1, depth-1)
	} else {
		b(n>>1, depth-1)
	}
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "-debug2" {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil {
			panic(err)
		}
		start(n)
		writeAll(os.Args[3] + ".debug2.txt")
		return
	}
	start(100000)
	write(os.Args[1]+".pb.gz", 0)
}

// start starts n goroutines, each blocked at the bottom of its own path through a() and b().
func start(n int) {
	for i := 0; i < n; i++ {
		n := i
		go pprof.Do(context.Background(), pprof.Labels("request", strconv.Itoa(n)),
			func(context.Context) { a(n%2048, 11) })
	}
	time.Sleep(2 * time.Second)
	runtime.GC()
}

// writeAll writes what debug=2 serves, all goroutines' tracebacks, without the 64 MB cap of
// pprof's debug=2 writer: runtime.Stack into a buffer large enough.
func writeAll(name string) {
	buf := make([]byte, 64<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	if err := os.WriteFile(name, buf, 0o644); err != nil {
		panic(err)
	}
}

func write(name string, debug int) {
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, debug); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}
