#!/usr/bin/env bash
# The dry-run benchmark (issue 4). Not a timed test: it prints figures.
#   scripts/bench-simulate.sh [--scales "medium large"] [--runs 3] [--kit DIR] [BIN]
# For each scale it generates the data with the benchmark kit's gen.py (once, cached
# under ${TMPDIR:-/tmp}/campaignc-bench), runs the snapshot job
# (examples/bench/winback-snapshot.campaign) with the release build, checks its figures
# against the kit's oracle byte for byte, and times it against the kit's
# ref_duckdb.py --threads 1 in the same run (median of --runs; needs `pip install duckdb`,
# skipped without it). Prints wall time, events per second, peak memory and the ratio
# campaignc / DuckDB. Then it runs the journey job (examples/bench/winback-journey.campaign),
# rewrites its report in the canonical form with scripts/journey-canonical.py, checks it
# against the kit's oracle/journey-SCALE.txt and times it. Targets on large: the snapshot
# in at most half DuckDB's wall time (ratio <= 0.5), the journey in less than DuckDB's
# snapshot time (< 1), under 1 GB, large at most 11 times medium.
# The kit is ../shared/bench beside the repository unless --kit DIR (or
# CAMPAIGNC_BENCH_KIT) says where it is. BIN defaults to a fresh release build.
set -euo pipefail
# Paths given are relative to where the script is run; it then works from the repository.
here="$(pwd)"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$here/$1" ;; esac; }
cd "$(dirname "$0")/.."
scales="medium large"
runs=3
bench=../shared/bench
if [ -n "${CAMPAIGNC_BENCH_KIT:-}" ]; then bench="$(absolute "$CAMPAIGNC_BENCH_KIT")"; fi
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --scales) scales="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --kit) bench="$(absolute "$2")"; shift 2 ;;
    -*) echo "bench-simulate.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ ! -f "$bench/gen.py" ] || [ ! -d "$bench/oracle" ]; then
  echo "bench-simulate.sh: no benchmark kit at $bench (it needs gen.py and oracle/);" \
    "put the kit beside the repository as ../shared/bench, or give --kit DIR" >&2
  exit 2
fi
bin="${1:+$(absolute "$1")}"
if [ -z "$bin" ]; then
  swift build -c release --product campaignc >/dev/null
  bin="$(swift build -c release --show-bin-path)/campaignc"
fi
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
            f"{events / wall / 1e6:.2f} M events/s, peak {max(peaks):.0f} MiB"
            + (f" (target under 1 GB: {'met' if max(peaks) < 1024 else 'NOT met'})" if scale == "large" else ""))
    if duck:
        ratio = wall / statistics.median(duck)
        line += (f"; DuckDB 1 thread {statistics.median(duck):.2f} s; ratio campaignc / DuckDB {ratio:.2f}"
                 + (f" (target at most 0.5: {'met' if ratio <= 0.5 else 'NOT met'})" if scale == "large" else ""))
    print(line, flush=True)
    jwall = statistics.median(journey_walls)
    line = (f"{scale}: journey {journey_agree}; campaignc {jwall:.2f} s median of {runs}, "
            f"{events / jwall / 1e6:.2f} M events/s, peak {max(journey_peaks):.0f} MiB")
    if duck:
        jratio = jwall / statistics.median(duck)
        line += (f"; journey / DuckDB snapshot {jratio:.2f}"
                 + (f" (target under 1: {'met' if jratio < 1 else 'NOT met'})" if scale == "large" else ""))
    print(line, flush=True)
if "medium" in results and "large" in results:
    times = results['large'] / results['medium']
    print(f"large / medium: {times:.1f} (target at most 11: {'met' if times <= 11 else 'NOT met'})")
PY
