#!/usr/bin/env bash
# Runs every benchmark of tests/ServerlessHub.Benchmarks, then the micro-benchmarks of tests/ServerlessHub.MicroBenchmarks,
# in turn (each measures its own baseline in the same run) and writes their tables, with the machine and its load, to
# one Markdown file:
#   ./bench.sh           → tests/ServerlessHub.Benchmarks/results/latest.md        (full runs, about 35 minutes)
#   ./bench.sh --quick   → tests/ServerlessHub.Benchmarks/results/latest-quick.md  (smoke runs; cold-start with 3 runs)
# Each benchmark's stdout and stderr are also kept in results/logs/ (not committed); the Markdown file holds stdout
# only. A benchmark that fails, or whose own check does not pass, is marked in the file and makes this script exit 1
# at the end; the others still run.
set -euo pipefail
cd "$(dirname "$0")"

quick=false
case "${1-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "Usage: ./bench.sh [--quick]" >&2; exit 2 ;;
esac

results=tests/ServerlessHub.Benchmarks/results
logs=$results/logs
if $quick; then out=$results/latest-quick.md; mode="quick "; else out=$results/latest.md; mode=""; fi
mkdir -p "$logs"

if [[ ! -d infra/azurite/node_modules ]]; then
  npm ci --prefix infra/azurite
fi
dotnet build tests/ServerlessHub.Benchmarks -c Release
dotnet build tests/ServerlessHub.MicroBenchmarks -c Release

# name, then its options for a full and for a quick run, then the project when it is not
# tests/ServerlessHub.Benchmarks (such a project is run with the options alone, not the name). cold-start takes no
# --quick: it always publishes the three apps (most of its time), so a quick run only measures fewer starts.
benchmarks=(
  "cold-start|--iterations 30|--iterations 3 --warmup 1"
  "submissions||--quick"
  "period-status||--quick"
  "callbacks||--quick"
  "delivery||--quick"
  "reminders||--quick"
  "digest||--quick"
  "export||--quick"
  "soak||--quick"
  "micro||--quick|tests/ServerlessHub.MicroBenchmarks"
)

load() { cut -d' ' -f1-3 /proc/loadavg; }

# The report is what a benchmark prints from its first table row on; the progress lines before it, and the log lines
# the in-process app writes to the console (an "info: Category[id]" line and its indented message) are left out.
logline='^([0-9:]+ )?(trce|dbug|info|warn|fail|crit): '
report() { awk -v logline="$logline" '$0 ~ logline {inlog=1; next} inlog && /^      /{next} {inlog=0} /^\|/{found=1} found' "$1"; }
progress() { awk -v logline="$logline" '$0 ~ logline {inlog=1; next} inlog && /^      /{next} {inlog=0} /^\|/{exit} {print}' "$1"; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
commit=$(git rev-parse --short HEAD)
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then commit="$commit (with uncommitted changes)"; fi
load_before=$(load)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
body=$(mktemp)
trap 'rm -f "$body"' EXIT

failed=()
for entry in "${benchmarks[@]}"; do
  IFS='|' read -r name full short project <<<"$entry"
  if $quick; then options=$short; else options=$full; fi
  if [[ -n $project ]]; then target=(--project "$project" --); else target=(--project tests/ServerlessHub.Benchmarks -- "$name"); fi
  echo "== $name $options" >&2
  load_start=$(load)
  t0=$(date +%s)
  # shellcheck disable=SC2086 # the options are words
  if timeout --signal=INT --kill-after=60 3600 \
      dotnet run --no-build -c Release "${target[@]}" $options \
      >"$logs/$name.out" 2>"$logs/$name.err"; then
    status=0
  else
    status=$?
  fi
  seconds=$(($(date +%s) - t0))
  {
    echo "## $name"
    echo
    echo "\`$name${options:+ $options}\`: ${seconds} s, load average at its start $load_start."
    echo
    if [[ $status -ne 0 ]]; then
      failed+=("$name")
      case $status in
        124) why="timed out after an hour" ;;
        1) why="exit 1: it failed, or its own check did not pass (see its output)" ;;
        *) why="exit $status" ;;
      esac
      echo "**FAILED** ($why; its stderr is in \`$logs/$name.err\` on the machine that ran it)."
      echo
    fi
    if [[ -n $(report "$logs/$name.out") ]]; then
      report "$logs/$name.out"
      echo
      echo "<details><summary>Progress output</summary>"
      echo
      echo '```text'
      progress "$logs/$name.out"
      echo '```'
      echo
      echo "</details>"
    else
      echo '```text'
      cat "$logs/$name.out"
      echo '```'
    fi
    echo
  } >>"$body"
done

{
  echo "# Benchmarks: latest ${mode}run"
  echo
  echo "Written by \`./bench.sh${1:+ $1}\`; every benchmark measures its own baseline in the same run"
  echo "(tests/ServerlessHub.Benchmarks/README.md describes each)."
  echo
  echo "- Started: $started; finished: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Commit: $commit"
  echo "- Machine: $(uname -srm); CPU: ${cpu:-unknown}; $(nproc) CPUs; .NET SDK $(dotnet --version)"
  echo "- Load average (1, 5, 15 min): $load_before before, $(load) after"
  if ((${#failed[@]})); then
    echo "- **Failed or check not passed:** ${failed[*]}"
  else
    echo "- Every benchmark ran and passed its own check."
  fi
  echo
  cat "$body"
} >"$out"

echo "Wrote $out" >&2
if ((${#failed[@]})); then
  echo "Failed or check not passed: ${failed[*]}" >&2
  exit 1
fi
