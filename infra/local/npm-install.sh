#!/usr/bin/env bash
# Installs the npm packages pinned by PREFIX/package-lock.json (npm ci), only when the lock file changed since the
# last install. usage: infra/local/npm-install.sh PREFIX
set -euo pipefail
prefix="${1:?usage: npm-install.sh PREFIX}"
stamp="$prefix/node_modules/.installed-lock"
if [[ ! -f "$stamp" ]] || ! cmp -s "$prefix/package-lock.json" "$stamp"; then
  echo "Installing $(basename "$prefix") tools (npm ci in ${prefix#"$(pwd)/"})…"
  npm ci --prefix "$prefix" --no-audit --no-fund --loglevel=error
  cp "$prefix/package-lock.json" "$stamp"
fi
