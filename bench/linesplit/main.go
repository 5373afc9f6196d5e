// Command linesplit measures the floor of any line-oriented reader in Go: bufio.Scanner splitting
// a file held in memory into lines, and nothing else, as issue 14 defines the floor. Run it on the
// input the Java benchmark parses (see bench/README.md):
//
//	go run bench/linesplit/main.go bench/data/debug2-100mb.txt
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"time"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	best := time.Duration(1<<63 - 1)
	var lines int
	for start := time.Now(); time.Since(start) < 10*time.Second; {
		t := time.Now()
		s := bufio.NewScanner(bytes.NewReader(data))
		s.Buffer(make([]byte, 64*1024), 16<<20)
		lines = 0
		for s.Scan() {
			lines++
		}
		if err := s.Err(); err != nil {
			panic(err)
		}
		if d := time.Since(t); d < best {
			best = d
		}
	}
	fmt.Printf("%d bytes, %d lines: best %.1f ms per pass, %.0f MB/s\n", len(data), lines,
		float64(best.Microseconds())/1000, float64(len(data))/best.Seconds()/1e6)
}
