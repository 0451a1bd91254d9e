#!/usr/bin/env bash
# Installs the pinned Azurite (npm ci, only when the lock file changed) and, with "start", runs it on its default
# ports with data kept in .data/azurite (git-ignored), unless something already listens there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="$root/infra/azurite"

install() { "$root/infra/local/npm-install.sh" "$prefix"; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if listening 10001 && listening 10002; then
    echo "Azurite (or another storage emulator) already listens on 127.0.0.1:10001/10002; using it."
    return
  fi
  mkdir -p "$root/.data/azurite"
  node "$prefix/node_modules/azurite/dist/src/azurite.js" \
    --location "$root/.data/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --skipApiVersionCheck --disableTelemetry --silent >"$root/.data/azurite/azurite.out" 2>&1 &
  echo $! >"$root/.data/azurite/pid"
  for _ in $(seq 1 100); do
    if listening 10001 && listening 10002; then
      echo "Azurite listens on 127.0.0.1:10000-10002 (pid $(cat "$root/.data/azurite/pid"), data in .data/azurite)."
      return
    fi
    sleep 0.2
  done
  echo "Azurite did not start; see .data/azurite/azurite.out" >&2
  exit 1
}

install
[[ "${1:-}" == "start" ]] && start
exit 0
