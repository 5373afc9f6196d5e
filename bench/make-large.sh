#!/usr/bin/env bash
# Regenerates bench/data/large-100k.pb.gz with real Go 1.23.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ -x /usr/lib/go-1.23/bin/go ] || bash "$here/../../shared/tools/install-go.sh" 1.23
bin=$(mktemp -d)/gen-large
cd "$here/gen-large"
GOTOOLCHAIN=local GOFLAGS=-trimpath /usr/lib/go-1.23/bin/go build -o "$bin" .
"$bin" "$here/data/large-100k"
ls -l "$here/data"
