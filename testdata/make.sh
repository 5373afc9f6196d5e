#!/usr/bin/env bash
# Regenerates the real-Go fixtures under testdata/go1.NN/ from testdata/gen.
# Usage: testdata/make.sh [--logs-only|--healthy-only|--delta-only] [1.19 1.21 1.23 1.25 1.27]
# (needs root for apt; takes about 90 s; --logs-only rewrites just the multi-dump logs and the
# GOTRACEBACK=crash dump, in 10 s; --healthy-only just the healthy server's profiles, in 65 s;
# --delta-only just the delta profile that pprof makes of the two moments)
# Installs the toolchains with ../shared/tools/install-go.sh when they are missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
logs_only=0
healthy_only=0
delta_only=0
if [ "${1:-}" = --logs-only ]; then logs_only=1; shift; fi
if [ "${1:-}" = --delta-only ]; then delta_only=1; shift; fi
if [ "${1:-}" = --healthy-only ]; then healthy_only=1; shift; fi
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(1.19 1.21 1.23 1.25 1.27)
missing=()
for v in "${versions[@]}"; do [ -x "/usr/lib/go-$v/bin/go" ] || missing+=("$v"); done
if [ ${#missing[@]} -gt 0 ]; then
  bash "$here/../../shared/tools/install-go.sh" "${missing[@]}"
fi
export GOTOOLCHAIN=local GOFLAGS=-trimpath GOPROXY=off GO111MODULE=on
build() { # version workdir
  cp -r "$here/gen/." "$2/"
  # the go line decides GODEBUG defaults, e.g. Go 1.27's labels in debug=2 headers
  (cd "$2" && "/usr/lib/go-$1/bin/go" mod edit -go="$1" && "/usr/lib/go-$1/bin/go" build -o gen .)
}
# several dumps in one file, and one crash of GOTRACEBACK=crash, from a small process
gen_logs() {
  v=$1
  dir=$here/go$v
  work=$(mktemp -d)
  build "$v" "$work"
  mkdir -p "$dir"
  small=(-workers 5 -pool 5 -leak1 4 -leak2 12)
  (ulimit -c 0; GOTRACEBACK=all "$work/gen" -mode log "${small[@]}" 2> "$dir/multi.log.txt" || true)
  "$work/gen" -mode cron "${small[@]}" > "$dir/multi.debug1.txt"
  (ulimit -c 0; GOTRACEBACK=crash "$work/gen" -mode sigquit "${small[@]}" \
    2> "$dir/crash.traceback-crash.txt" || true)
  rm -rf "$work"
}
# a healthy HTTP server after a minute of idling: no leak report may accuse it
gen_healthy() {
  v=$1
  dir=$here/go$v
  work=$(mktemp -d)
  cp -r "$here/healthy/." "$work/"
  (cd "$work" && "/usr/lib/go-$v/bin/go" mod edit -go="$v" && "/usr/lib/go-$v/bin/go" build -o healthy .)
  mkdir -p "$dir"
  "$work/healthy" -out "$dir"
  rm -rf "$work"
}
# what `go tool pprof -proto -base` makes of the two moments: counts that are differences, some
# negative (the first moment less the later one)
gen_delta() {
  v=$1
  dir=$here/go$v
  "/usr/lib/go-$v/bin/go" tool pprof -proto -base "$dir/later.debug0.pb.gz" "$dir/first.debug0.pb.gz" \
    > "$dir/delta.debug0.pb.gz" 2>/dev/null
}
gen_one() {
  v=$1
  go=/usr/lib/go-$v/bin/go
  dir=$here/go$v
  work=$(mktemp -d)
  build "$v" "$work"
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
  "$go" tool pprof -top -nodecount=5 "$dir/later.debug0.pb.gz" > "$dir/later.pprof-top5.txt" 2>/dev/null
  "$go" version > "$dir/VERSION"
  rm -rf "$work"
  gen_logs "$v"
  gen_healthy "$v"
  gen_delta "$v"
}
# dumps as they arrive (logs, consoles, JSON envelopes), made from the newest Go's output
wrap() {
  if [ -d "$here/go1.27" ] && [ -x /usr/lib/go-1.27/bin/go ]; then
    mkdir -p "$here/real-world"
    (cd "$here/wrap" && /usr/lib/go-1.27/bin/go run . -in "$here/go1.27" -out "$here/real-world")
  fi
}
if [ $delta_only = 1 ]; then
  for v in "${versions[@]}"; do gen_delta "$v"; done
  exit 0
fi
if [ $healthy_only = 1 ]; then
  for v in "${versions[@]}"; do gen_healthy "$v" & done
  wait
  exit 0
fi
if [ $logs_only = 1 ]; then
  for v in "${versions[@]}"; do gen_logs "$v" & done
  wait
  wrap
  exit 0
fi
for v in "${versions[@]}"; do gen_one "$v" & done
wait
wrap
# the README's examples come from the newest Go
if [ -d "$here/go1.27" ]; then
  cp "$here/go1.27/first.debug0.pb.gz" "$here/../examples/leaky-first.pb.gz"
  cp "$here/go1.27/later.debug0.pb.gz" "$here/../examples/leaky-later.pb.gz"
  cp "$here/go1.27/later.debug2.txt" "$here/../examples/leaky-later.debug2.txt"
fi
ls -l "$here"/go1.*
