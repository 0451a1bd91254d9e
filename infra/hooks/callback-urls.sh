#!/usr/bin/env bash
# Prints the URLs to paste into the WeCom admin console for each hub definition given: the app's 接收消息 URL
# (自建应用 → 接收消息 → 设置API接收) and, for a hub with an aiBot section, the AI bot's (智能机器人 → 接收消息).
# Both routes are anonymous to the Functions host: WeCom signs every callback and the app verifies the signature.
# usage: callback-urls.sh ENDPOINT HUB_FILE...   (ENDPOINT like https://func-abc.azurewebsites.net; YAML hub files)
set -euo pipefail
endpoint="${1:?usage: callback-urls.sh ENDPOINT HUB_FILE...}"
endpoint="${endpoint%/}"
shift
if [[ $# -eq 0 ]]; then
  echo "  app:    $endpoint/api/wecom/<hubId>/callback"
  echo "  AI bot: $endpoint/api/wecom/<hubId>/bot"
  exit 0
fi
for file in "$@"; do
  # The hub id is the top-level `id:` of the definition, as ./run.sh reads it; quotes around it are dropped.
  id="$(sed -n 's/^id:[[:space:]]*//p' "$file" | head -n 1 | tr -d "\"'\r" | sed 's/[[:space:]]*#.*$//; s/[[:space:]]*$//')"
  if [[ -z "$id" ]]; then
    echo "$file: no top-level id; skipped" >&2
    continue
  fi
  echo "$id ($file)"
  echo "  app:    $endpoint/api/wecom/$id/callback"
  if grep -q '^aiBot:' "$file"; then
    echo "  AI bot: $endpoint/api/wecom/$id/bot"
  fi
done
