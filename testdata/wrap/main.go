// Command wrap turns clean goroutine dumps of testdata/gen into the shapes in which dumps reach
// people: a CI or Kubernetes log with a timestamp on every line, journald and klog lines that lost
// their tabs, docker's json-file log, go test -json events, a dump escaped inside one structured
// log message, a Windows console that wraps long lines, a code fence in an issue, a file without
// its final newline, and the frames of a Windows exception that Go prints without a header. Each
// transformation is the one the log collector applies; the tests parse the result and compare it
// with the clean dump.
//
//	wrap -in DIR -out DIR
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	in  = flag.String("in", ".", "folder with the clean dumps (a go1.NN fixture folder)")
	out = flag.String("out", ".", "folder to write the wrapped dumps to")
)

// base is the moment the log lines claim; every line is a microsecond later than the one before.
var base = time.Date(2026, 11, 29, 0, 4, 11, 0, time.UTC)

func main() {
	flag.Parse()
	// the clean inputs: the second runtime.Stack dump and the panic of the small process's log
	log := string(read("multi.log.txt"))
	dump := []byte(between(log, "goroutine dump (second):\n", "end of goroutine dump\n"))
	panicked := log[strings.Index(log, "panic: "):]
	write("clean.txt", string(dump))
	lines := strings.SplitAfter(string(dump), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	stamp := func(i int) time.Time { return base.Add(time.Duration(i) * time.Microsecond) }

	// GitHub Actions: RFC 3339 with 7 fractional digits and a space
	write("github-actions.txt", each(lines, func(i int, l string) string {
		return stamp(i).Format("2006-01-02T15:04:05.0000000Z") + " " + l
	}))
	// kubectl logs --timestamps: RFC 3339 with nanoseconds
	write("kubectl-timestamps.txt", each(lines, func(i int, l string) string {
		return stamp(i).Format(time.RFC3339Nano) + " " + l
	}))
	// the CRI log file of a container (/var/log/pods/...): time, stream, full-line tag
	write("cri.log", each(lines, func(i int, l string) string {
		return stamp(i).Format(time.RFC3339Nano) + " stderr F " + l
	}))
	// journald (journalctl -o short) of a service; its lines lose their leading tab
	write("journald.txt", each(lines, func(i int, l string) string {
		return stamp(i).Format("Jan 02 15:04:05") + " host gen[4242]: " + strings.TrimLeft(l, "\t")
	}))
	// klog-formatted lines of a Kubernetes component, tab lost as well
	write("klog.txt", each(lines, func(i int, l string) string {
		return stamp(i).Format("E0102 15:04:05.000000") + "    4242 dump.go:42] " + strings.TrimLeft(l, "\t")
	}))
	// docker compose up: service name, padding, bar
	write("compose.txt", each(lines, func(i int, l string) string { return "gen-1  | " + l }))
	// a listing with line numbers (cat -n)
	write("line-numbers.txt", each(lines, func(i int, l string) string {
		return fmt.Sprintf("%6d\t%s", i+1, l)
	}))

	// docker's json-file log driver: one JSON object per line
	var docker bytes.Buffer
	for i, l := range lines {
		encode(&docker, map[string]string{"log": l, "stream": "stderr",
			"time": stamp(i).Format(time.RFC3339Nano)})
	}
	write("docker-json.log", docker.String())

	// go test -json: one output event per line of the test's output
	var gotest bytes.Buffer
	encode(&gotest, map[string]any{"Time": stamp(0).Format(time.RFC3339Nano), "Action": "run",
		"Package": "example.com/leaky/v2", "Test": "TestLeak"})
	for i, l := range lines {
		encode(&gotest, map[string]any{"Time": stamp(i).Format(time.RFC3339Nano), "Action": "output",
			"Package": "example.com/leaky/v2", "Test": "TestLeak", "Output": l})
	}
	write("gotest.json", gotest.String())

	// a structured logger that put the whole dump into one field of one message
	var zap bytes.Buffer
	encode(&zap, map[string]any{"level": "info", "ts": 1764374651.0, "msg": "service started"})
	encode(&zap, map[string]any{"level": "error", "ts": 1764374652.5, "msg": "goroutine dump",
		"stacktrace": string(dump)})
	write("zap.json", zap.String())

	// a Windows console: CRLF, tabs shown as spaces, lines wrapped at 80 columns
	var console strings.Builder
	for _, l := range lines {
		l = strings.TrimSuffix(l, "\n")
		l = strings.ReplaceAll(l, "\t", "        ")
		for len(l) > 80 {
			console.WriteString(l[:80] + "\r\n")
			l = l[80:]
		}
		console.WriteString(l + "\r\n")
	}
	write("windows-console.txt", console.String())

	// a debug=1 profile pasted into an issue: a code fence and the command before it
	write("code-fence.md", "Here is what we see:\n\n```\n$ curl -s localhost:6060/debug/pprof/goroutine?debug=1\n"+
		string(read("later.debug1.txt"))+"```\n")

	// the same dump without its final newline
	write("no-final-newline.txt", strings.TrimSuffix(string(dump), "\n"))

	// a Windows exception in external code: Go prints the faulting goroutine's frames without
	// its header, after the exception lines, then the other goroutines as usual
	crash := strings.SplitAfter(panicked, "\n")
	var win strings.Builder
	win.WriteString("Exception 0xc0000005 0x0 0x0 0x7ffe599272d0\nPC=0x7ffe599272d0\n" +
		"signal arrived during external code execution\n\n")
	i := 0
	for i < len(crash) && !strings.HasPrefix(crash[i], "goroutine ") {
		i++ // the panic message
	}
	for _, l := range crash[i+1:] { // the first goroutine's header is not printed
		win.WriteString(l)
	}
	write("windows-exception.txt", win.String())
}

// between returns the lines after the line that ends with start, up to the line that ends with
// end (a log line of the service around the dump).
func between(text, start, end string) string {
	from := strings.Index(text, start) + len(start)
	to := from + strings.Index(text[from:], end)
	return text[from : strings.LastIndex(text[:to], "\n")+1]
}

func each(lines []string, f func(int, string) string) string {
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(f(i, l))
	}
	return b.String()
}

func encode(b *bytes.Buffer, v any) {
	e := json.NewEncoder(b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		panic(err)
	}
}

func read(name string) []byte {
	b, err := os.ReadFile(filepath.Join(*in, name))
	if err != nil {
		panic(err)
	}
	return b
}

func write(name, text string) {
	if err := os.WriteFile(filepath.Join(*out, name), []byte(text), 0o644); err != nil {
		panic(err)
	}
}
