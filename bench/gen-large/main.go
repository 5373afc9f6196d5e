// Command gen-large writes a large real goroutine profile for the benchmarks: 100,000 goroutines
// over 2,048 distinct stacks (each goroutine descends through eleven levels of a() and b(), the
// choice at each level spelling its stack number in binary), each with its own pprof label, so the
// protobuf profile has 100,000 samples. Written as debug=0.
package main

import (
	"context"
	"os"
	"strconv"
	"runtime"
	"runtime/pprof"
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
	for i := 0; i < 100000; i++ {
		n := i
		go pprof.Do(context.Background(), pprof.Labels("request", strconv.Itoa(n)),
			func(context.Context) { a(n%2048, 11) })
	}
	time.Sleep(2 * time.Second)
	runtime.GC()
	f, err := os.Create(os.Args[1] + ".pb.gz")
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
}
