#!/usr/bin/env bash
# Fuzzes the front end (lexer, parser, checker, diagnostic renderers, formatter) with
# libFuzzer for SECONDS (default 600): builds campaignc-fuzz with the fuzzer and address
# sanitizers, seeds a corpus from the examples, the invalid fixtures and the saved
# regression inputs, runs one fuzzer process and prints the executions.
#
#   scripts/fuzz.sh [SECONDS]
#
# The corpus lives in ${TMPDIR:-/tmp}/campaignc-fuzz/corpus and grows across runs; a
# crash, timeout or failed property (FrontEndFuzz.run's `problem`, which traps) is
# written to .../artifacts/ and the script exits 1. Replay one with a normal build:
#   swift run campaignc-fuzz ARTIFACT
# then fix it and save the input in Tests/CampaignTests/FuzzRegressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
scratch=.build/fuzz
# lld, not the default gold: gold's PIE relocations gave libFuzzer an empty coverage
# table here (__start___sancov_cntrs == __stop___sancov_cntrs at run time). The
# coverage is asked for explicitly: from `--sanitize fuzzer` alone, a clean build came
# out without coverage instrumentation (only rebuilt modules had it). Either way
# libFuzzer learns nothing ("no interesting inputs"), so the script checks that the
# binary reports its counters before fuzzing.
flags=(-c release --sanitize fuzzer --sanitize address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --scratch-path "$scratch")

swift build "${flags[@]}" --product campaignc-fuzz
bin="$(swift build "${flags[@]}" --show-bin-path)/campaignc-fuzz"
empty="$(mktemp -d)"
probe="$("$bin" -runs=0 "$empty" 2>&1 || true)"
if [[ "$probe" != *"inline 8-bit counters"* ]]; then
  echo "fuzz: $bin has no coverage counters; rebuild it (rm -rf $scratch) and look at the flags" >&2
  exit 2
fi
rmdir "$empty"

work="${TMPDIR:-/tmp}/campaignc-fuzz"
corpus="$work/corpus"
seeds="$work/seeds"
artifacts="$work/artifacts"
mkdir -p "$corpus" "$seeds" "$artifacts"
for file in examples/*.campaign examples/bench/*.campaign examples/invalid/*.campaign \
  examples/invalid/lib/*.campaign Tests/CampaignTests/FuzzRegressions/*; do
  [ -f "$file" ] && cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
done

log="$work/fuzz-$(date +%Y%m%d-%H%M%S).log"
status=0
started=$SECONDS
# Line breaks, braces and keywords matter more than bytes: the dictionary supplies them.
"$bin" "$corpus" "$seeds" -dict=scripts/fuzz.dict -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$artifacts/" -print_final_stats=1 \
  >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - started))

tail -n 30 "$log"
executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
echo "== fuzz: ${executions:-?} executions in ${elapsed} s; corpus $(ls "$corpus" | wc -l) files in $corpus; log $log"
if [ "$status" -ne 0 ]; then
  echo "== fuzz: found a failure (exit $status); inputs in $artifacts:" >&2
  ls -t "$artifacts" | head -n 5 >&2
  exit 1
fi
