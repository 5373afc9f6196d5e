// Command pprof-anchor measures google/pprof's profile.Parse on a file, the anchor the Java
// decoder is compared with. Run with the Go sources that ../shared/tools/install-go.sh --peers
// installs: see bench/README.md.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/pprof/profile"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	// decode only: gunzip once, as the Java decode benchmark does
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic(err)
	}
	var samples, n int
	start := time.Now()
	for time.Since(start) < 10*time.Second {
		p, err := profile.ParseUncompressed(raw)
		if err != nil {
			panic(err)
		}
		samples += len(p.Sample)
		n++
	}
	elapsed := time.Since(start).Seconds()
	fmt.Printf("%s: %d parses in %.1f s: %.2f ms/parse, %.0f samples/s, %.1f MB/s of decompressed input\n",
		os.Args[1], n, elapsed, elapsed*1000/float64(n), float64(samples)/elapsed,
		float64(len(raw))*float64(n)/elapsed/1e6)
}
