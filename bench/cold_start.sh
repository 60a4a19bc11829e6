#!/usr/bin/env bash
# Cold start (SPEC §11): `tafrun x2 --model llama-3-8b --json` against exec'ing a
# trivial C program (bench/trivial.c), both timed here, in this run.
# Process spawn: bench_spawn (bench/spawn_bench.c) starts every run with
# posix_spawn, no shell, stdout to /dev/null; the two commands alternate in
# ROUNDS rounds of RUNS runs each, and each one's figure is its best round
# (mean ms per run of that round; the median round is shown beside it). Peak
# RSS: the largest ru_maxrss (wait4) over a command's runs; the trivial
# program's is the floor any child reports (Linux charges it the spawning
# process's high-water mark).
set -eu
tafrun=${1:-build/tafrun}
rounds=${ROUNDS:-40}
runs=${RUNS:-10}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/trivial" "$here/trivial.c"
spawn=$(dirname "$tafrun")/bench_spawn
if [ ! -x "$spawn" ]; then cc -O2 -o "$tmp/bench_spawn" "$here/spawn_bench.c"; spawn=$tmp/bench_spawn; fi

"$spawn" -r "$rounds" -n "$runs" \
  :: trivial "$tmp/trivial" \
  :: tafrun "$tafrun" x2 --model llama-3-8b --json >"$tmp/times"
# each line: NAME BEST_MS MEDIAN_MS PEAK_RSS_KIB
read -r _ base base_median base_rss < <(grep '^trivial ' "$tmp/times")
read -r _ ours ours_median ours_rss < <(grep '^tafrun ' "$tmp/times")

printf 'cold start: posix_spawn, no shell; %d interleaved rounds of %d runs each; best round (median round)\n' "$rounds" "$runs"
printf '  trivial C program     %7.3f ms/run (%7.3f)   peak RSS %4.1f MiB\n' "$base" "$base_median" "$(echo "$base_rss / 1024" | bc -l)"
printf '  tafrun x2 --json      %7.3f ms/run (%7.3f)   peak RSS %4.1f MiB\n' "$ours" "$ours_median" "$(echo "$ours_rss / 1024" | bc -l)"
printf '  ratio                 %7.2fx        (%7.2fx)   target <= 2.5x\n' "$(echo "$ours / $base" | bc -l)" "$(echo "$ours_median / $base_median" | bc -l)"
printf '  peak RSS              %7.1f MiB                  target <= 4 MiB\n' "$(echo "$ours_rss / 1024" | bc -l)"
