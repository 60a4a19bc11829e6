#!/usr/bin/env bash
# Sweep throughput (SPEC §11, issue: 1e5 X-2 evaluations): tafrun sweep against
# the seed Python module on the same grid, both run here, in this run.
# Prints points/s and ratios for lean rows and full JSON results, per core
# (--jobs 1) and with every core.
set -eu
tafrun=${1:-build/tafrun}
case $tafrun in */*) tafrun=$(cd "$(dirname "$tafrun")" && pwd)/$(basename "$tafrun") ;; esac
here=$(cd "$(dirname "$0")" && pwd)
seeds=${SEEDS:-$here/../../shared/seeds}
n=${POINTS:-100000}
py=$(command -v python3 || true)
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
if [ -z "$py" ] || [ ! -f "$seeds/002_taf_formulas.py" ]; then
  echo "sweep benchmark skipped: needs python3 and $seeds/002_taf_formulas.py"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
grid="T_eval=1000..$((1000 + n - 1))+1"
run_tafrun() { # [recipe] extra args → seconds
  local t0 t1 recipe=x2
  [ "${1:-}" = --recipe ] && { recipe=$2; shift 2; }
  t0=$(date +%s.%N)
  "$tafrun" sweep "$recipe" --model llama-3-8b --grid "$grid" --out "$tmp/t.jsonl" "$@" >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
min() { printf '%s\n' "$@" | sort -g | head -1; }
nproc=$(nproc)
reps=${REPS:-3}
echo "sweep: $n X-2 points on llama-3-8b, python = $("$py" --version 2>&1); best of $reps interleaved runs"
for mode in lean full; do
  extra=(); [ $mode = full ] && extra=(--full)
  ps=(); t1s=(); tns=()
  for _ in $(seq "$reps"); do # interleaved, so a slow spell of the machine hits both sides
    ps+=("$("$py" "$here/seed_sweep.py" "$seeds" "$n" "$tmp/p.jsonl" $mode)")
    t1s+=("$(run_tafrun --jobs 1 "${extra[@]}")")
    tns+=("$(run_tafrun --jobs "$nproc" "${extra[@]}")")
  done
  p=$(min "${ps[@]}"); t1=$(min "${t1s[@]}"); tn=$(min "${tns[@]}")
  [ $mode = lean ] && p_lean=$p
  printf '  %-4s rows: python %7.2f s | tafrun 1 core %7.2f s (%5.2fx) | %d cores %7.2f s (%5.2fx)\n' \
    $mode "$p" "$t1" "$(echo "$p / $t1" | bc -l)" "$nproc" "$tn" "$(echo "$p / $tn" | bc -l)"
done
# where a lean point's time goes: the sweep itself (an empty recipe) and the X-2 recipe
t0s=(); t2s=()
for _ in $(seq "$reps"); do
  t0s+=("$(run_tafrun --recipe "$here/trivial_recipe.lua" --jobs 1)"); t2s+=("$(run_tafrun --jobs 1)")
done
t0=$(min "${t0s[@]}"); t2=$(min "${t2s[@]}")
printf '  per lean point, 1 core: sweep machinery (empty recipe) %.1f us, X-2 recipe %.1f us, python %.1f us\n' \
  "$(echo "$t0 * 1000000 / $n" | bc -l)" "$(echo "($t2 - $t0) * 1000000 / $n" | bc -l)" "$(echo "$p_lean * 1000000 / $n" | bc -l)"
# the ceiling: the X-2 recipe file alone, in the same Lua 5.4, with no sandbox,
# no count hook, no sweep machinery and no rows (bench/recipe_ceiling.lua)
c_lean=; c_null=
read -r c_lean c_null < <(cd "$here/.." && POINTS=$n REPS=$reps "$tafrun" --trust -e 'assert(loadfile("bench/recipe_ceiling.lua"))(...)') || true
if [ -z "$c_null" ]; then
  echo "  ceiling: not measured (bench/recipe_ceiling.lua failed)"
else
  printf '  ceiling, X-2 recipe alone (no sandbox, hook, machinery or rows): %.1f us with the lean chain, %.1f us with a\n' "$c_lean" "$c_null"
  printf '    chain that keeps nothing; no Lua 5.4 host running this recipe can pass %.1fx (lean chain) or %.1fx per core\n' \
    "$(echo "$p_lean * 1000000 / $n / $c_lean" | bc -l)" "$(echo "$p_lean * 1000000 / $n / $c_null" | bc -l)"
fi
echo "  targets: lean >= 15x per core (SPEC §11), >= 50x (issue); full >= 4x per core"
