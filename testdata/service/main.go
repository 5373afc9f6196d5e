// Command service is a small Go HTTP service for the JVM leak-check tests of goroutine-assertj: it
// serves net/http/pprof and two request handlers, one that leaks a goroutine per lookup and one
// that starts work which winds down by itself.
//
//	GET /lookup?n=N        N lookups that give up waiting; each leaves a goroutine blocked forever
//	GET /burst?n=N&ms=M    N goroutines that finish after M milliseconds
//	GET /debug/pprof/...   the standard profiles
//
// It prints "listening on 127.0.0.1:PORT" and exits when its standard input closes, so that it
// never outlives the test that started it.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"time"
)

// lookup starts a lookup and gives up waiting for it: the lookup's goroutine then blocks forever
// on a send nobody receives.
func lookup(id int) {
	result := make(chan int)
	go func() {
		time.Sleep(time.Millisecond) // slower than the caller's patience
		result <- id
	}()
	select {
	case <-result:
	case <-time.After(time.Microsecond):
	}
}

// burst starts work that ends by itself.
func burst(n int, d time.Duration) {
	for i := 0; i < n; i++ {
		go func() { time.Sleep(d) }()
	}
}

func number(r *http.Request, name string, fallback int) int {
	if v, err := strconv.Atoi(r.URL.Query().Get(name)); err == nil {
		return v
	}
	return fallback
}

func main() {
	http.HandleFunc("/lookup", func(w http.ResponseWriter, r *http.Request) {
		n := number(r, "n", 1)
		for i := 0; i < n; i++ {
			lookup(i)
		}
		fmt.Fprintf(w, "%d lookups\n", n)
	})
	http.HandleFunc("/burst", func(w http.ResponseWriter, r *http.Request) {
		n := number(r, "n", 1)
		burst(n, time.Duration(number(r, "ms", 100))*time.Millisecond)
		fmt.Fprintf(w, "%d started\n", n)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	fmt.Println("listening on", ln.Addr())
	panic(http.Serve(ln, nil))
}
