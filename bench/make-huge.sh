#!/usr/bin/env bash
# Writes the large debug=2 dumps of the memory and whole-process checks (not committed: 0.2 and 1.1 GB)
# with real Go 1.23, into bench/data/huge/ (or the directory given).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/data/huge}
[ -x /usr/lib/go-1.23/bin/go ] || bash "$here/../../shared/tools/install-go.sh" 1.23
bin=$(mktemp -d)/gen-large
(cd "$here/gen-large" && GOTOOLCHAIN=local GOFLAGS=-trimpath /usr/lib/go-1.23/bin/go build -o "$bin" .)
mkdir -p "$out"
"$bin" -debug2 180000 "$out/g180k"
"$bin" -debug2 1000000 "$out/g1m"
ls -l "$out"
