#!/usr/bin/env bash
# The dry-run benchmark (issue 4). Not a timed test: it prints figures.
#   scripts/bench-simulate.sh [--scales "medium large"] [--runs 3] [BIN]
# For each scale it generates the data with ../shared/bench/gen.py (once, cached under
# ${TMPDIR:-/tmp}/campaignc-bench), runs the snapshot job
# (examples/bench/winback-snapshot.campaign) with the release build, checks its figures
# against ../shared/bench/oracle byte for byte, and times it against
# ../shared/bench/ref_duckdb.py --threads 1 in the same run (median of --runs; needs
# `pip install duckdb`, skipped without it). Prints wall time, events per second, peak
# memory and the ratio to DuckDB. Then it runs the journey job
# (examples/bench/winback-journey.campaign), rewrites its report in the canonical form with
# scripts/journey-canonical.py, checks it against ../shared/bench/oracle/journey-SCALE.txt
# and times it. Targets on large: the snapshot in at most half DuckDB's wall time, the
# journey in less than DuckDB's snapshot time, under 1 GB, large at most 11 times medium.
set -euo pipefail
cd "$(dirname "$0")/.."
scales="medium large"
runs=3
while [ $# -gt 1 ]; do
  case "$1" in
    --scales) scales="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) break ;;
  esac
done
bin="${1:-}"
if [ -z "$bin" ]; then
  swift build -c release --product campaignc >/dev/null
  bin="$(swift build -c release --show-bin-path)/campaignc"
fi
bench=../shared/bench
cache="${TMPDIR:-/tmp}/campaignc-bench"
python3 - "$bin" "$bench" "$cache" "$runs" $scales <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, bench, cache, runs, scales = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
try:
    import duckdb  # noqa: F401
    have_duckdb = True
except ImportError:
    have_duckdb = False
    print("duckdb is not installed (pip install duckdb): no DuckDB timing")

def timed(args, out=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MiB) of one run of `args` (a child process)."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if out is not subprocess.DEVNULL:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        else:
            fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.execvp(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(args)}")
    return wall, usage.ru_maxrss / 1024

results = {}
for scale in scales:
    folder = os.path.join(cache, scale)
    if not os.path.exists(os.path.join(folder, "events.csv")):
        print(f"generating {scale} data in {folder} ...", flush=True)
        subprocess.run(["python3", os.path.join(bench, "gen.py"), "--scale", scale, "--out", folder],
                       check=True, stdout=subprocess.DEVNULL)
    events = sum(1 for _ in open(os.path.join(folder, "events.csv"), "rb")) - 1
    ours = [binary, "simulate", "examples/bench/winback-snapshot.campaign",
            "--contacts", os.path.join(folder, "contacts.csv"), "--events", os.path.join(folder, "events.csv"),
            "--from", "2025-06-30", "--to", "2026-06-30", "--by", "tier", "--format", "csv"]
    report = os.path.join(cache, f"{scale}-report.csv")
    timed(ours, report)  # warm-up, and the figures to check
    table = open(report).read().split("\n\n")[0].split("\n")[1:]
    got = "\n".join(table).replace("engagement_sum", "score_sum") + "\n"
    expected = open(os.path.join(bench, "oracle", f"{scale}.txt")).read()
    agree = "agrees with the oracle" if got == expected else "DIFFERS from the oracle"
    walls, peaks, duck = [], [], []
    for _ in range(runs):
        wall, peak = timed(ours)
        walls.append(wall); peaks.append(peak)
        if have_duckdb:
            duck.append(timed(["python3", os.path.join(bench, "ref_duckdb.py"), folder, "--threads", "1"])[0])
    wall = statistics.median(walls)
    results[scale] = wall
    journey = [binary, "simulate", "examples/bench/winback-journey.campaign",
               "--contacts", os.path.join(folder, "contacts.csv"), "--events", os.path.join(folder, "events.csv"),
               "--from", "2025-06-30", "--to", "2026-06-30", "--format", "csv"]
    journey_report = os.path.join(cache, f"{scale}-journey.csv")
    timed(journey, journey_report)
    canonical = subprocess.run(["python3", "scripts/journey-canonical.py", journey_report],
                               check=True, capture_output=True, text=True).stdout
    journey_expected = open(os.path.join(bench, "oracle", f"journey-{scale}.txt")).read()
    journey_agree = "agrees with the oracle" if canonical == journey_expected else "DIFFERS from the oracle"
    journey_walls, journey_peaks = [], []
    for _ in range(runs):
        jwall, jpeak = timed(journey)
        journey_walls.append(jwall); journey_peaks.append(jpeak)
    line = (f"{scale}: snapshot {agree}; campaignc {wall:.2f} s median of {runs}, "
            f"{events / wall / 1e6:.2f} M events/s, peak {max(peaks):.0f} MiB")
    if duck:
        line += f"; DuckDB 1 thread {statistics.median(duck):.2f} s; ratio {wall / statistics.median(duck):.2f}"
    print(line, flush=True)
    jwall = statistics.median(journey_walls)
    line = (f"{scale}: journey {journey_agree}; campaignc {jwall:.2f} s median of {runs}, "
            f"{events / jwall / 1e6:.2f} M events/s, peak {max(journey_peaks):.0f} MiB")
    if duck:
        line += f"; journey / DuckDB snapshot {jwall / statistics.median(duck):.2f}"
    print(line, flush=True)
if "medium" in results and "large" in results:
    print(f"large / medium: {results['large'] / results['medium']:.1f}")
PY
