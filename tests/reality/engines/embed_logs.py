#!/usr/bin/env python3
"""Embed tests/data/engine-logs/*.json into tests/reality/engines/engine_logs.lua.

Lua tests run in a sandbox without io, so the cases travel inside the test
file as long strings between the GENERATED markers. Run after adding or
editing a case; `--check` exits 1 when the embedded copy differs from the
JSON files (suitable for ctest)."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "engine-logs"
TEST = ROOT / "tests" / "reality" / "engines" / "engine_logs.lua"
BEGIN = "-- BEGIN GENERATED CASES (tests/reality/engines/embed_logs.py; do not edit by hand)"
END = "-- END GENERATED CASES"


def long_string(text):
    level = 1
    while ("]" + "=" * level + "]") in text:
        level += 1
    eq = "=" * level
    return "[" + eq + "[\n" + text + "]" + eq + "]"


def generated():
    parts = [BEGIN]
    files = sorted(DATA.glob("*.json"))
    for f in files:
        text = f.read_text(encoding="utf-8")
        case = json.loads(text)  # fail early on a malformed case
        if case.get("id") != f.stem:
            sys.exit(f"{f.name}: id '{case.get('id')}' does not match the file name")
        parts.append(f"-- {f.name}")
        parts.append("add_case(" + long_string(text) + ")")
    parts.append(END)
    return "\n".join(parts)


def main():
    src = TEST.read_text(encoding="utf-8")
    head, sep, rest = src.partition(BEGIN)
    if not sep:
        sys.exit(f"{TEST}: marker not found: {BEGIN}")
    _, sep2, tail = rest.partition(END)
    if not sep2:
        sys.exit(f"{TEST}: marker not found: {END}")
    new = head + generated() + tail
    if "--check" in sys.argv[1:]:
        if new != src:
            print(f"{TEST.relative_to(ROOT)} is stale: run {pathlib.Path(__file__).relative_to(ROOT)}")
            return 1
        return 0
    if new != src:
        TEST.write_text(new, encoding="utf-8")
        print(f"updated {TEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
