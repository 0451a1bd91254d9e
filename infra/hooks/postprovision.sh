#!/usr/bin/env bash
# azd post-provision hook (azure.yaml). azd exports the environment's values, including infra/main.bicep's outputs.
#  1. On the first provision, creates the first admin key with the app's own command line (as the deployer, whom the
#     template lets write the storage account's tables) and keeps it in Key Vault as the secret serverlesshub-admin-key;
#     later provisions leave it alone.
#  2. Prints the WeCom callback URLs of the hubs in SERVERLESSHUB_HUB_FILES (azd env set SERVERLESSHUB_HUB_FILES
#     "hubs/mine/*.yaml"), and the static outbound IP when there is one.
# Needs the .NET SDK and the Azure CLI signed in to the same cloud and subscription as azd.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SERVERLESSHUB_ENDPOINT:?missing: this hook runs from azd after infra/main.bicep was provisioned}"
: "${AZURE_KEY_VAULT_NAME:?missing: this hook runs from azd after infra/main.bicep was provisioned}"

secret=serverlesshub-admin-key
if az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret" --query id --output none 2>/dev/null; then
  echo "The first admin key is already in Key Vault $AZURE_KEY_VAULT_NAME (secret $secret)."
else
  echo "Creating the first admin key…"
  dotnet build functions/ServerlessHub.LocalHost -c Release -nologo -v quiet -clp:"ErrorsOnly;NoSummary"
  key_file="$(mktemp)"
  trap 'rm -f "$key_file"' EXIT
  chmod 600 "$key_file"
  # Role assignments made by this provision can take minutes to reach the storage service: retry until they do.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if AzureWebJobsStorage__tableServiceUri="$AZURE_STORAGE_TABLE_ENDPOINT" \
       AzureWebJobsStorage__queueServiceUri="$AZURE_STORAGE_QUEUE_ENDPOINT" \
       dotnet functions/ServerlessHub.LocalHost/bin/Release/net10.0/ServerlessHub.LocalHost.dll \
         admin-key create --name=first-admin >"$key_file" 2>/dev/null; then
      break
    fi
    [[ $attempt -eq 10 ]] && { echo "Could not write the admin key to $AZURE_STORAGE_TABLE_ENDPOINT; run azd provision again in a few minutes." >&2; exit 1; }
    sleep 30
  done
  # --file keeps the key off the command line (and so out of the process list).
  az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$secret" --file "$key_file" --encoding utf-8 \
    --content-type "ServerlessHub admin key (x-functions-key)" --output none
  echo "The first admin key is in Key Vault $AZURE_KEY_VAULT_NAME as the secret $secret."
fi

echo
echo "WeCom callback URLs (paste into the WeCom admin console; they answer once the app is deployed):"
# shellcheck disable=SC2086 # the setting holds globs to expand
infra/hooks/callback-urls.sh "$SERVERLESSHUB_ENDPOINT" ${SERVERLESSHUB_HUB_FILES:-}
if [[ -n "${SERVERLESSHUB_OUTBOUND_IP:-}" ]]; then
  echo
  echo "Outbound IP for WeCom 企业可信IP: $SERVERLESSHUB_OUTBOUND_IP"
fi
echo
echo "Apply the hubs: dotnet functions/ServerlessHub.LocalHost/bin/Release/net10.0/ServerlessHub.LocalHost.dll hub apply \\"
echo "  --endpoint $SERVERLESSHUB_ENDPOINT \\"
echo "  --admin-key \"\$(az keyvault secret show --vault-name $AZURE_KEY_VAULT_NAME --name $secret --query value -o tsv)\" FILE..."
