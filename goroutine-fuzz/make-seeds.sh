#!/usr/bin/env bash
# Writes the fuzz seed corpora from the real-Go fixtures: small profiles and excerpts of dumps.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
td="$here/../testdata"
res="$here/src/test/resources/io/github/goroutines/fuzz"
P="$res/ParserFuzzTestInputs"
mkdir -p "$P/detection" "$P/proto" "$P/debug1" "$P/debug2" "$res/GoStringsFuzzTestInputs/unquote"
for v in 1.19 1.27; do
  cp "$td/go$v/first.debug0.pb.gz" "$P/detection/go$v.debug0.pb.gz"
  gzip -dc "$td/go$v/first.debug0.pb.gz" > "$P/proto/go$v.raw.pb"
  head -c 3000 "$td/go$v/later.debug1.txt" > "$P/detection/go$v.debug1.txt"
  tail -n +2 "$td/go$v/later.debug1.txt" | head -c 3000 > "$P/debug1/go$v.records.txt"
  head -c 4000 "$td/go$v/later.debug2.txt" > "$P/debug2/go$v.debug2.txt"
  head -c 4000 "$td/go$v/crash.sigquit.txt" > "$P/debug2/go$v.sigquit.txt"
  head -c 2000 "$td/go$v/crash.panic.txt" > "$P/detection/go$v.panic.txt"
done
gzip -dc "$td/go1.27/leak.debug0.pb.gz" > "$P/proto/go1.27.leak.raw.pb"
# dumps as they arrive: prefixes, lost tabs, wrapped lines, headerless frames, JSON envelopes
for f in cri.log journald.txt windows-console.txt windows-exception.txt; do
  head -c 3000 "$td/real-world/$f" > "$P/debug2/real-world.$f"
done
head -c 3000 "$td/real-world/docker-json.log" > "$P/detection/real-world.docker-json.log"
head -c 3000 "$td/go1.27/later.pprof-traces.txt" > "$P/detection/go1.27.pprof-traces.txt"
grep -m1 '# labels: {"bell"' "$td/go1.27/later.debug1.txt" | sed 's/^# labels: {//' > "$res/GoStringsFuzzTestInputs/unquote/debug1-labels"
grep -m1 '{bell:' "$td/go1.27/later.debug2.txt" | sed 's/.*\] {//' > "$res/GoStringsFuzzTestInputs/unquote/go127-labels"
du -sh "$res"
