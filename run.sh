#!/usr/bin/env bash
# Runs ServerlessHub on this machine: Azurite (started if needed, data in .data/), the demo hubs and local API keys,
# then the function app in its local host on http://127.0.0.1:7071 (no Azure Functions Core Tools needed). Without
# real WeCom settings (WeCom__BaseUrl unset) it also starts the local WeCom simulator on http://127.0.0.1:7072, wired
# to the demo hub 江宁区幼儿园…共同体, so the whole chat loop can be tried on one machine. Extra arguments go to the app
# (e.g. --urls http://0.0.0.0:7071).
set -euo pipefail
cd "$(dirname "$0")"
infra/local/azurite.sh start
started_pid="$(cat .data/azurite/pid 2>/dev/null || true)"
simulator_pid=""
cleanup() {
  [[ -n "$simulator_pid" ]] && kill "$simulator_pid" 2>/dev/null || true
  if [[ -n "$started_pid" ]] && kill -0 "$started_pid" 2>/dev/null; then
    kill "$started_pid" && rm -f .data/azurite/pid
  fi
}
trap cleanup EXIT INT TERM

dotnet build functions/ServerlessHub.LocalHost -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
hub=functions/ServerlessHub.LocalHost/bin/Release/net10.0/ServerlessHub.LocalHost.dll

if [[ -z "${WeCom__BaseUrl:-}" ]]; then
  dotnet build infra/WeComSimulator -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  set -a; source infra/local/simulator.demo.env; set +a
  dotnet infra/WeComSimulator/bin/Release/net10.0/ServerlessHub.WeComSimulator.dll \
    --urls http://127.0.0.1:7072 --config infra/local/simulator.demo.json > >(sed -u 's/^/[企业微信模拟器] /') 2>&1 &
  simulator_pid=$!
  echo "No WeCom settings: the WeCom simulator runs on http://127.0.0.1:7072 (open it to speak as a member)."
fi

echo "Applying the demo hubs (hubs/demo):"
dotnet "$hub" hub apply hubs/demo/*.yaml
echo "API keys for local use (kept in .data/dev-keys.json; send as the x-functions-key header):"
dotnet "$hub" dev-keys .data/dev-keys.json $(sed -n 's/^id: *//p' hubs/demo/*.yaml)
dotnet "$hub" "$@"
