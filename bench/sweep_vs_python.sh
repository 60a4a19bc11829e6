#!/usr/bin/env bash
# Sweep throughput (SPEC §11): `tafrun sweep x2` over POINTS values of T_eval on
# llama-3-8b against the seed Python module (bench/seed_sweep.py, Debian
# python3) on the same grid writing the same rows, all timed here, in this run.
# Process spawn: bench_spawn (bench/spawn_bench.c) starts every run with
# posix_spawn, no shell; the commands alternate in REPS rounds, one run each,
# and each one's figure is its best round: the whole process's wall time
# (interpreter start-up and import included for Python, start-up for tafrun).
# Prints, per core (--jobs 1): lean rows vs Python, full JSON rows vs Python;
# 2 jobs vs 1; and the Lua floor: tafrun's lean point against the X-2 recipe
# alone in the same Lua 5.4 (bench/recipe_ceiling.lua), so that what the
# sweep machinery still costs is visible.
set -eu
tafrun=${1:-build/tafrun}
case $tafrun in */*) tafrun=$(cd "$(dirname "$tafrun")" && pwd)/$(basename "$tafrun") ;; esac
here=$(cd "$(dirname "$0")" && pwd)
seeds=${SEEDS:-$here/../../shared/seeds}
n=${POINTS:-100000}
reps=${REPS:-3}
py=$(command -v python3 || true)
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
if [ -z "$py" ] || [ ! -f "$seeds/002_taf_formulas.py" ]; then
  echo "sweep benchmark skipped: needs python3 and $seeds/002_taf_formulas.py"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
spawn=$(dirname "$tafrun")/bench_spawn
if [ ! -x "$spawn" ]; then cc -O2 -o "$tmp/bench_spawn" "$here/spawn_bench.c"; spawn=$tmp/bench_spawn; fi
grid="T_eval=1000..$((1000 + n - 1))+1"
# Per-core runs (python, tafrun --jobs 1, the Lua floor) are pinned to one CPU
# with taskset when it is there: left free, a single busy process was moved
# between the CPUs of the 2-core VM these figures come from, and some runs took
# up to 1.8x as long with the same instruction count. The 2-job run is not pinned.
pin=()
if command -v taskset >/dev/null 2>&1; then
  cpu=$("$py" -c 'import os; print(min(os.sched_getaffinity(0)))' 2>/dev/null || true)
  if [ -n "$cpu" ]; then pin=(taskset -c "$cpu"); fi
fi
cmds=() # bench_spawn's command list: :: NAME PROGRAM ARG...
add() { local name=$1; shift; cmds+=(:: "$name" "$@"); }
sweep() { local name=$1 recipe=$2; shift 2; add "$name" ${pin1[@]+"${pin1[@]}"} "$tafrun" sweep "$recipe" --model llama-3-8b --grid "$grid" --out "$tmp/$name.jsonl" "$@"; }
pin1=(${pin[@]+"${pin[@]}"})
add py_lean ${pin[@]+"${pin[@]}"} "$py" "$here/seed_sweep.py" "$seeds" "$n" "$tmp/py_lean.jsonl" lean
sweep lean1 x2 --jobs 1
two_jobs=$([ "$(nproc)" -ge 2 ] && echo yes || true)
if [ -n "$two_jobs" ]; then pin1=(); sweep lean2 x2 --jobs 2; pin1=(${pin[@]+"${pin[@]}"}); fi
add py_full ${pin[@]+"${pin[@]}"} "$py" "$here/seed_sweep.py" "$seeds" "$n" "$tmp/py_full.jsonl" full
sweep full1 x2 --jobs 1 --full
sweep empty1 "$here/trivial_recipe.lua" --jobs 1
"$spawn" -r "$reps" -n 1 "${cmds[@]}" >"$tmp/times"
ms() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/times"; } # best round, ms
ratio() { echo "$1 / $2" | bc -l; }
per_point() { echo "$1 * 1000 / $n" | bc -l; } # ms for the sweep → µs per point

py_lean=$(ms py_lean); lean1=$(ms lean1); py_full=$(ms py_full); full1=$(ms full1); empty1=$(ms empty1)
echo "sweep: $n X-2 points on llama-3-8b; python = $("$py" --version 2>&1)"
echo "  posix_spawn, no shell; $reps interleaved rounds, one run each; best round, whole process"
if [ ${#pin[@]} -gt 0 ]; then echo "  per-core runs pinned to CPU $cpu (${pin[*]}); the 2-job run free"; else echo "  not pinned (no taskset)"; fi
printf '  lean rows, 1 core:  python %8.0f ms | tafrun %8.0f ms  %5.2fx   target >= 3x\n' "$py_lean" "$lean1" "$(ratio "$py_lean" "$lean1")"
printf '  full rows, 1 core:  python %8.0f ms | tafrun %8.0f ms  %5.2fx   target >= 1.5x\n' "$py_full" "$full1" "$(ratio "$py_full" "$full1")"
if [ -n "$two_jobs" ]; then
  lean2=$(ms lean2)
  printf '  lean rows, 2 jobs:  1 job  %8.0f ms | 2 jobs %8.0f ms  %5.2fx   target >= 1.8x\n' "$lean1" "$lean2" "$(ratio "$lean1" "$lean2")"
else
  echo "  lean rows, 2 jobs:  not measured (one core)"
fi

# the floor: the X-2 recipe file alone, in the same Lua 5.4, with no sandbox,
# no budget, no sweep machinery and no rows (bench/recipe_ceiling.lua, timed
# inside the process: its "<lean µs> <null µs>" per point, best of REPS)
c_lean=; c_null=
read -r c_lean c_null < <(cd "$here/.." && POINTS=$n REPS=$reps ${pin[@]+"${pin[@]}"} "$tafrun" --trust -e 'assert(loadfile("bench/recipe_ceiling.lua"))(...)') || true
printf '  per lean point, 1 core: tafrun %.2f us (of which the sweep with an empty recipe %.2f us), python %.2f us\n' \
  "$(per_point "$lean1")" "$(per_point "$empty1")" "$(per_point "$py_lean")"
if [ -z "$c_null" ]; then
  echo "  Lua floor: not measured (bench/recipe_ceiling.lua failed)"
else
  printf '  Lua floor: tafrun lean %.2f us/point vs the X-2 recipe alone %.2f us (lean chain; %.2f us with a chain\n' \
    "$(per_point "$lean1")" "$c_lean" "$c_null"
  printf '    that keeps nothing): %.2fx, the machinery'"'"'s cost; no Lua 5.4 host running this recipe passes %.1fx python\n' \
    "$(echo "$(per_point "$lean1") / $c_lean" | bc -l)" "$(echo "$(per_point "$py_lean") / $c_lean" | bc -l)"
fi
