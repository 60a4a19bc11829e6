#!/usr/bin/env bash
# `cmake --install` into a temporary prefix; the installed binary, run from
# another directory, must find its recipes and catalogs.
set -eu
build=$1
prefix=$(mktemp -d); trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cd /
out=$("$prefix/bin/tafrun" x19 --model qwen2.5-7b --json)
case "$out" in
  *'"recipe_id": "X-19"'*) ;;
  *) echo "installed tafrun did not run X-19: $out"; exit 1 ;;
esac
"$prefix/bin/tafrun" list recipes | grep -q "X-2 " || { echo "installed tafrun lists no X-2"; exit 1; }
echo "1 passed, 0 failed"
