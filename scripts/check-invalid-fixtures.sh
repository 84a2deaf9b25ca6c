#!/usr/bin/env bash
# Runs `campaignc check` on every fixture in examples/invalid/ and compares its output
# with the golden file beside it (NAME.campaign -> NAME.expected). Each must exit 1, except
# the warning fixtures (W*.campaign), which must exit 0: warnings alone do not fail.
# With UPDATE_GOLDENS=1, rewrites the golden files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug/campaignc}"
status=0
count=0
for fixture in examples/invalid/*.campaign; do
  expected="${fixture%.campaign}.expected"
  set +e
  actual="$("$bin" check --no-color "$fixture")"
  code=$?
  set -e
  count=$((count + 1))
  if [ "${UPDATE_GOLDENS:-}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
    continue
  fi
  want=1
  case "$(basename "$fixture")" in W*) want=0 ;; esac
  if [ "$code" -ne "$want" ]; then
    echo "FAIL $fixture: exit $code, expected $want"; status=1; continue
  fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
    echo "FAIL $fixture: output differs from $expected"; status=1
  fi
done
echo "$count invalid fixtures checked"
exit $status
