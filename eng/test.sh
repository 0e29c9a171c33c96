#!/usr/bin/env bash
# The test command (README, .ci/run): prerequisites, then the whole suite, then one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

eng/install-test-prerequisites.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test MjBot.sln "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, ..." line per test assembly.
awk '/(Passed|Failed)! +- Failed: /{
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
       n++ }
     END { if (n > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
