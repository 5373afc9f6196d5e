// Command healthy makes the goroutine profiles of a healthy HTTP server, for the tests that a leak
// report raises no false alarm: main parked in select {}, the server's listener in Accept, one
// kept-alive connection idle in IO wait on both ends, and a signal.Notify loop, all of them
// waiting for more than a minute, so that debug=2 prints their wait minutes.
//
//	healthy -out DIR [-wait 61s]   writes healthy.debug0.pb.gz, healthy.debug1.txt, healthy.debug2.txt
package main

import (
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"
)

var (
	out  = flag.String("out", ".", "output directory")
	wait = flag.Duration("wait", 61*time.Second, "how long everything idles before the profiles")
)

func main() {
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	go http.Serve(ln, mux)

	// one request on a kept-alive connection, which then idles on both ends
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		panic(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	go func() {
		for range hangup {
			// a service would reload its configuration here
		}
	}()

	go func() {
		time.Sleep(*wait)
		runtime.GC() // stamps the wait start of every blocked goroutine
		for _, p := range []struct {
			name  string
			debug int
		}{{"healthy.debug0.pb.gz", 0}, {"healthy.debug1.txt", 1}, {"healthy.debug2.txt", 2}} {
			f, err := os.Create(filepath.Join(*out, p.name))
			if err != nil {
				panic(err)
			}
			if err := pprof.Lookup("goroutine").WriteTo(f, p.debug); err != nil {
				panic(err)
			}
			f.Close()
		}
		os.Exit(0)
	}()
	time.Sleep(time.Second)
	runtime.GC()
	select {}
}
