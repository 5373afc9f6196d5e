#!/usr/bin/env bash
# Whole-process time and peak memory of the command line on the large dumps of make-huge.sh, beside
# panicparse (installed by ../shared/tools/install-go.sh --peers) in the same run. From the project
# root, after `mvn -B -q -ntp -DskipTests package` and `bench/make-huge.sh`:
#   bench/whole-process.sh [DIR] [RUNS]
set -euo pipefail
dir=${1:-bench/data/huge}
runs=${2:-3}
jar=goroutine-cli/target/goroutines.jar
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() { # label, command...: best wall time and its peak RSS over $runs runs
  local label=$1 best="" rss=""
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f "%e %M" "$@" >/dev/null 2>&1
    out=$(tail -1 "$tmp")
    t=${out% *}
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=${out#* }; fi
  done
  printf '%-44s %8.2f s %8d MB\n' "$label" "$best" "$((rss / 1024))"
}
big="$dir/g180k.debug2.txt"
huge="$dir/g1m.debug2.txt"
printf '%s: %d bytes; %s: %d bytes\n' "$big" "$(stat -c %s "$big")" "$huge" "$(stat -c %s "$huge")"
measure "goroutines summary (200 MB)" java -jar "$jar" summary "$big"
measure "goroutines traces (200 MB)" java -jar "$jar" traces "$big"
measure "goroutines top (200 MB)" java -jar "$jar" top "$big"
measure "goroutines summary -Xmx256m (1.1 GB, 1M)" java -Xmx256m -jar "$jar" summary \
  --max-bytes 4000000000 "$huge"
if command -v panicparse >/dev/null; then
  measure "panicparse -parse=false (200 MB)" panicparse -parse=false "$big"
else
  echo "panicparse: not installed (../shared/tools/install-go.sh --peers); skipped"
fi
