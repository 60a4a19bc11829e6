#!/usr/bin/env bash
# Transcript tests (after sysbench's cram files). Usage: run_cases.sh TAFRUN CASEFILE
#
# A case file holds cases separated by blank lines:
#   # comment
#   $ tafrun x19 --model nope          command (bash; `tafrun` is the binary under test)
#     expected stdout line             two spaces, then the exact line
#   ! expected stderr line             "! ", then the exact line
#   [2]                                expected exit code (default 0)
# An expected line ending in " (re)" is an extended regex for the whole line; a
# line "..." (after the prefix) accepts any remaining lines of that stream.
set -u
bin=$1; file=$2
export NO_COLOR=1 LC_ALL=C.UTF-8
tafrun() { "$bin" "$@"; }
export -f tafrun 2>/dev/null || true
export TAFRUN_BIN=$bin
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

match_stream() { # expected-file actual-file label
  local exp=$1 act=$2 label=$3 i=0 e a
  mapfile -t E < "$exp"; mapfile -t A < "$act"
  for ((i = 0; i < ${#E[@]}; i++)); do
    e=${E[$i]}
    [ "$e" = "..." ] && return 0
    if (( i >= ${#A[@]} )); then echo "  $label: missing line $((i+1)): $e"; return 1; fi
    a=${A[$i]}
    if [[ "$e" == *" (re)" ]]; then
      [[ "$a" =~ ^${e% (re)}$ ]] || { echo "  $label line $((i+1)): expected /${e% (re)}/, got: $a"; return 1; }
    elif [ "$e" != "$a" ]; then
      echo "  $label line $((i+1)):"; echo "    expected: $e"; echo "    actual:   $a"; return 1
    fi
  done
  if (( ${#A[@]} > ${#E[@]} )); then echo "  $label: unexpected line $(( ${#E[@]} + 1 )): ${A[${#E[@]}]}"; return 1; fi
  return 0
}

run_case() {
  [ -z "$cmd" ] && return
  ( cd "${CASE_DIR:-.}" && bash -c "tafrun() { \"\$TAFRUN_BIN\" \"\$@\"; }; $cmd" ) >"$tmp/out" 2>"$tmp/err"
  local rc=$? ok=1
  local report
  report=$( { match_stream "$tmp/exp_out" "$tmp/out" stdout || exit 1; } ) || ok=0
  local report2
  report2=$( { match_stream "$tmp/exp_err" "$tmp/err" stderr || exit 1; } ) || ok=0
  [ "$rc" = "$code" ] || { ok=0; report="$report
  exit code: expected $code, got $rc"; }
  if [ $ok = 1 ]; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL ($file): \$ $cmd"; [ -n "$report" ] && echo "$report"; [ -n "$report2" ] && echo "$report2"
    echo "  --- stdout ---"; sed 's/^/  | /' "$tmp/out" | head -40; echo "  --- stderr ---"; sed 's/^/  | /' "$tmp/err" | head -20
  fi
  cmd=""
}

cmd=""; code=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '$ '*) run_case; cmd=${line#\$ }; code=0; : > "$tmp/exp_out"; : > "$tmp/exp_err" ;;
    '  '*) printf '%s\n' "${line#  }" >> "$tmp/exp_out" ;;
    '! '*) printf '%s\n' "${line#! }" >> "$tmp/exp_err" ;;
    '!') printf '\n' >> "$tmp/exp_err" ;;
    '['*']') code=${line#[}; code=${code%]} ;;
    '#'*|'') ;;
    *) echo "run_cases: $file: cannot read line: $line"; exit 2 ;;
  esac
done < "$file"
run_case
echo "$pass passed, $fail failed"
[ $fail = 0 ]
