#!/usr/bin/env bash
# Front-end benchmark for `campaignc check` (release build). Not a timed test: it prints
# figures. Generates a campaign of --lines lines (default 100,000) with a seeded
# script, then times, over --runs runs (default 5), the median wall time of
#   1. `campaignc check examples/winback.campaign` (one example, process start included)
#   2. `campaignc check <generated file>`
# then the phases as `check --timings` measures them in the process (median of --runs):
# the front end (read, lex, parse, check), the lints and the report. It prints the
# front end's lines per second, and the whole command's (2 minus 1, process start
# excluded). Targets (issue 3): (1) under 50 ms; front end at 1,000,000 lines/s or more.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=100000
runs=5
while [ $# -gt 1 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) break ;;
  esac
done
bin="${1:-}"
if [ -z "$bin" ]; then
  swift build -c release --product campaignc >/dev/null
  bin="$(swift build -c release --show-bin-path)/campaignc"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-campaign.py --lines "$lines" --out "$work/big.campaign"
"$bin" check "$work/big.campaign" >/dev/null || { echo "generated campaign does not check clean"; "$bin" check "$work/big.campaign" | tail -20; exit 1; }
python3 - "$bin" "$work/big.campaign" "$runs" <<'PY'
import statistics, subprocess, sys, time
binary, big, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def median_wall(args):
    subprocess.run(args, stdout=subprocess.DEVNULL, check=False)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
lines = sum(1 for _ in open(big, "rb"))
small = median_wall([binary, "check", "examples/winback.campaign"])
large = median_wall([binary, "check", big])
whole = max(large - small, 1e-9)
# The phases as the command measures them itself (`check --timings`, on stderr).
phases = []
for _ in range(runs):
    err = subprocess.run([binary, "check", "--timings", big], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr
    line = [l for l in err.splitlines() if l.startswith("timings:")][-1]
    numbers = [float(part.split(" ms")[0].split()[-1]) for part in line.split(";")]
    phases.append(numbers)
front_ms, lints_ms, report_ms = (statistics.median(p[i] for p in phases) for i in range(3))
print(f"one example (process start included): {small * 1000:.1f} ms (target < 50 ms)")
print(f"generated campaign: {lines} lines in {large * 1000:.1f} ms")
print(f"front end (read, lex, parse, check; check --timings, median): {front_ms:.1f} ms, "
      f"{lines / (front_ms / 1000):,.0f} lines/s (target >= 1,000,000)")
print(f"lints {lints_ms:.1f} ms, report {report_ms:.1f} ms")
print(f"whole check command (less process start): {lines / whole:,.0f} lines/s")
PY
