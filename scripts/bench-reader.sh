#!/usr/bin/env bash
# Micro-benchmark of the DataReader CSV reader. Not a timed test: it prints figures.
# Generates the seeded benchmark data (../shared/bench/gen.py, --scale medium by default:
# events.csv, about 47 MB and 1M rows), builds scripts/bench-reader.swift optimized against
# the CampaignLang and DataReader sources with swiftc, and prints, over --runs runs (default
# 5), the median time and MB/s of
#   1. splitting every record into fields,
#   2. that plus reading the ts column as seconds since the epoch,
#   3. that plus every other typed column (type, channel, page, amount),
#   4. reading the same events as JSON Lines (converted with Python) and their ts values.
# Usage: scripts/bench-reader.sh [--scale small|medium|large] [--runs N] [--data DIR]
#   --data DIR reuses an existing folder with events.csv instead of generating one.
# The generated data and the build go to a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=medium
runs=5
data=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "usage: $0 [--scale small|medium|large] [--runs N] [--data DIR]" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$data" ]; then
  data="$work/data"
  python3 ../shared/bench/gen.py --scale "$scale" --out "$data" >/dev/null 2>"$work/gen.log" ||
    { cat "$work/gen.log" >&2; exit 1; }
fi
# The same events as JSON Lines; an empty amount or page is left out of the object.
python3 - "$data/events.csv" "$work/events.jsonl" <<'PY'
import csv, json, sys
with open(sys.argv[1], newline="") as source, open(sys.argv[2], "w") as target:
    for row in csv.DictReader(source):
        target.write("{" + ", ".join(
            json.dumps(key) + ": " + (value if key == "amount" else json.dumps(value))
            for key, value in row.items() if value != "") + "}\n")
PY
swiftc -O -wmo -parse-as-library -module-name CampaignLang -emit-module \
  -emit-module-path "$work/CampaignLang.swiftmodule" -c Sources/CampaignLang/*.swift -o "$work/CampaignLang.o"
swiftc -O -wmo -parse-as-library -module-name DataReader -I "$work" -emit-module \
  -emit-module-path "$work/DataReader.swiftmodule" -c Sources/DataReader/*.swift -o "$work/DataReader.o"
swiftc -O -I "$work" scripts/bench-reader.swift "$work/CampaignLang.o" "$work/DataReader.o" -o "$work/bench-reader"
"$work/bench-reader" "$data/events.csv" "$runs" "$work/events.jsonl"
