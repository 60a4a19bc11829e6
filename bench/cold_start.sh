#!/usr/bin/env bash
# Cold start (SPEC §11): `tafrun x2 --model llama-3-8b --json` against exec'ing a
# trivial C program, both timed here, in this run. Prints the ratio (target ≤ 3×).
set -eu
tafrun=${1:-build/tafrun}
runs=${RUNS:-300}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/trivial" "$(dirname "$0")/trivial.c"
time_runs() { # command… → seconds for $runs runs
  local t0 t1
  t0=$(date +%s.%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
"$tafrun" x2 --model llama-3-8b --json >/dev/null # warm the page cache
base=$(time_runs "$tmp/trivial")
ours=$(time_runs "$tafrun" x2 --model llama-3-8b --json)
printf 'cold start, %d runs each\n' "$runs"
printf '  trivial C program     %8.3f ms/run\n' "$(echo "$base * 1000 / $runs" | bc -l)"
printf '  tafrun x2 --json      %8.3f ms/run\n' "$(echo "$ours * 1000 / $runs" | bc -l)"
printf '  ratio                 %8.2fx   (target <= 3x)\n' "$(echo "$ours / $base" | bc -l)"
