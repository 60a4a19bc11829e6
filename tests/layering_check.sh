#!/usr/bin/env bash
# Every include arrow points down (STYLE.md "Layering"): fails, printing
# file:line and the include, when
#   - the pure C (engine/formulas, readers, kernels) or the leaves
#     (engine/json*, render*, numfmt.*, pool.*) include a Lua header or a
#     header of a higher layer: engine/lua/, host*.h, sandbox.h, cli*,
#     tafrun.h, watchdog.h, engine_lua.h, chunks.h, cmd/, core/;
#   - formulas, readers or kernels include a sibling's header not listed in
#     ALLOWED below (formulas is the lowest: it includes neither of the others).
# Usage: tests/layering_check.sh [source root]   (default: this script's ../)
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root/engine" || { echo "layering: no engine/ under $root" >&2; exit 2; }

# "module header" pairs: the headers of a sibling each pure module may include.
ALLOWED="
readers formulas/fit.h
readers formulas/params_count.h
readers formulas/ggml_types.h
kernels formulas/fit.h
kernels readers/tensor.h
"

shopt -s nullglob
files=(formulas/*.[ch] readers/*.[ch] kernels/*.[ch] json*.[ch] render*.[ch] numfmt.[ch] pool.[ch])
if [ ${#files[@]} -eq 0 ]; then
  echo "layering: no files to check under $root/engine" >&2
  exit 2
fi

# $1 with "." and ".." segments folded, into $norm (no fork per include)
normalize() {
  local IFS=/ part out=()
  for part in $1; do
    case $part in
      ''|.) ;;
      ..) if [ ${#out[@]} -gt 0 ] && [ "${out[-1]}" != .. ]; then unset 'out[-1]'; else out+=(..); fi ;;
      *) out+=("$part") ;;
    esac
  done
  norm="${out[*]}"
}

bad=0
report() { # file line text why
  echo "engine/$1:$2: $3  <- $4"
  bad=1
}

for f in "${files[@]}"; do
  dir=${f%/*}
  [ "$dir" = "$f" ] && dir=.
  case $dir in formulas|readers|kernels) mod=$dir ;; *) mod= ;; esac
  while IFS=: read -r line text; do
    [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*[\<\"]([^\>\"]*) ]] || continue
    inc=${BASH_REMATCH[1]}
    # where it lands, relative to engine/: next to the file first, then engine/
    target=$inc
    for cand in "$dir/$inc" "$inc"; do
      if [ -e "$cand" ]; then
        normalize "$cand"
        target=$norm
        break
      fi
    done
    base=${inc##*/}
    case $base in
      lua.h|lauxlib.h|lualib.h|luaconf.h|lfs.h)
        report "$f" "$line" "$text" "a Lua header below engine/lua/"; continue ;;
    esac
    case $target in
      lua/*|host*.h|sandbox.h|cli*|tafrun.h|watchdog.h|engine_lua.h|chunks.h|cmd/*|core/*)
        report "$f" "$line" "$text" "engine/$target is a higher layer"; continue ;;
    esac
    if [ -n "$mod" ]; then
      case $target in
        formulas/*|readers/*|kernels/*)
          other=${target%%/*}
          if [ "$other" != "$mod" ] && [[ $ALLOWED != *$'\n'"$mod $target"$'\n'* ]]; then
            report "$f" "$line" "$text" "$mod may not include $target (not in the allow table of tests/layering_check.sh)"
          fi ;;
      esac
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$f")
done

if [ $bad -ne 0 ]; then
  echo "layering: an include points up (see STYLE.md \"Layering\")" >&2
  exit 1
fi
echo "layering: ${#files[@]} files, every include points down"
