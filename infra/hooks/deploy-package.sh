#!/usr/bin/env bash
# Deploys functions/ServerlessHub to an app provisioned with SERVERLESSHUB_HOSTING_PLAN=consumption-windows (Windows
# Consumption, for clouds without Flex Consumption). That app runs its package from a blob, read with its managed
# identity (WEBSITE_RUN_FROM_PACKAGE), instead of the Flex deployment that `azd deploy` performs: this script publishes
# the package, uploads it to that blob as the deployer (Azure CLI login), restarts the app and syncs its triggers.
# usage: infra/hooks/deploy-package.sh   (after `azd provision`, in the same azd environment)
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(azd env get-values)"
: "${SERVERLESSHUB_PACKAGE_BLOB:?this environment has no package blob: deploy a Flex Consumption app with azd deploy}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet publish functions/ServerlessHub -c Release -o "$work/package" -nologo -v quiet
# dotglob: the package's hidden .azurefunctions folder (the worker's extensions) must be in the zip too.
(cd "$work/package" && shopt -s dotglob && python3 -m zipfile -c "$work/package.zip" ./*)
az storage blob upload --auth-mode login --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --container-name "$AZURE_DEPLOYMENT_CONTAINER" --name "$SERVERLESSHUB_PACKAGE_BLOB" --file "$work/package.zip" \
  --overwrite --output none
az functionapp restart --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP"
app_id="$(az functionapp show --name "$AZURE_FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --query id --output tsv)"
# A relative URL is sent to the current cloud's Resource Manager (management.chinacloudapi.cn in Azure China).
az rest --method post --url "$app_id/syncfunctiontriggers?api-version=2025-03-01" --output none
echo "Deployed to $SERVERLESSHUB_ENDPOINT"
