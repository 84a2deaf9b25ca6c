#!/usr/bin/env bash
# Throughput of the CSV reader and the timestamp parser (release build) on the medium
# events.csv of ../shared/bench/gen.py (1M rows, 47 MB), generated into a temp folder.
# Prints farm-bench's figures; MB/s = 47.1 / median wall seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bench-reader >/dev/null
bin="$(swift build -c release --show-bin-path)/bench-reader"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/gen.py --scale "${1:-medium}" --out "$work" >/dev/null
ls -l "$work/events.csv"
"$bin" "$work/events.csv"
farm-bench -n 5 -- "$bin" "$work/events.csv"
