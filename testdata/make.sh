#!/usr/bin/env bash
# Regenerates the real-Go fixtures under testdata/go1.NN/ from testdata/gen.
# Usage: testdata/make.sh [1.19 1.21 1.23 1.25 1.27]   (needs root for apt; takes about 90 s)
# Installs the toolchains with ../shared/tools/install-go.sh when they are missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.19 1.21 1.23 1.25 1.27)
missing=()
for v in "${versions[@]}"; do [ -x "/usr/lib/go-$v/bin/go" ] || missing+=("$v"); done
if [ ${#missing[@]} -gt 0 ]; then
  bash "$here/../../shared/tools/install-go.sh" "${missing[@]}"
fi
export GOTOOLCHAIN=local GOFLAGS=-trimpath GOPROXY=off GO111MODULE=on
gen_one() {
  v=$1
  go=/usr/lib/go-$v/bin/go
  dir=$here/go$v
  work=$(mktemp -d)
  cp -r "$here/gen/." "$work/"
  # the go line decides GODEBUG defaults, e.g. Go 1.27's labels in debug=2 headers
  (cd "$work" && "$go" mod edit -go="$v" && "$go" build -o gen .)
  rm -rf "$dir" && mkdir -p "$dir"
  "$work/gen" -out "$dir"
  # crash output of the same program
  (ulimit -c 0; GOTRACEBACK=all "$work/gen" -mode panic 2> "$dir/crash.panic.txt" || true)
  (ulimit -c 0; GOTRACEBACK=system GODEBUG=tracebackancestors=2 "$work/gen" -mode sigquit \
    2> "$dir/crash.sigquit.txt" || true)
  # what go tool pprof prints for the same protobuf profiles
  for p in first later; do
    "$go" tool pprof -top -nodecount=1000 "$dir/$p.debug0.pb.gz" > "$dir/$p.pprof-top.txt" 2>/dev/null
    "$go" tool pprof -traces "$dir/$p.debug0.pb.gz" > "$dir/$p.pprof-traces.txt" 2>/dev/null
  done
  "$go" version > "$dir/VERSION"
  rm -rf "$work"
}
for v in "${versions[@]}"; do gen_one "$v" & done
wait
# the README's examples come from the newest Go
if [ -d "$here/go1.27" ]; then
  cp "$here/go1.27/first.debug0.pb.gz" "$here/../examples/leaky-first.pb.gz"
  cp "$here/go1.27/later.debug0.pb.gz" "$here/../examples/leaky-later.pb.gz"
  cp "$here/go1.27/later.debug2.txt" "$here/../examples/leaky-later.debug2.txt"
fi
ls -l "$here"/go1.*
