// ServerlessHub on Azure: `azd up` provisions this (main.parameters.json maps the azd environment onto the
// parameters) and deploys functions/ServerlessHub into it. One resource group with a user-assigned identity, storage
// reached by that identity only, Key Vault for the hubs' secrets, Application Insights on Log Analytics, and the
// function app on Flex Consumption, or on Windows Consumption where Flex is not offered. Every endpoint comes from
// the cloud the deployment runs in, so the same template serves Azure China.

targetScope = 'subscription'

@description('Name of the azd environment; names the resource group and seeds the resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region of every resource, e.g. eastasia or southeastasia; in Azure China e.g. chinanorth3.')
@minLength(1)
param location string

@description('flex: Flex Consumption (FC1, Linux; the default). consumption-windows: Windows Consumption (Y1), for clouds without Flex Consumption such as Azure China; deploy its package with infra/hooks/deploy-package.sh.')
@allowed([
  'flex'
  'consumption-windows'
])
param hostingPlan string = 'flex'

@description('Flex: memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex: most instances the app scales out to (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex: always-ready instances for the HTTP functions. 1 keeps WeCom callbacks (5 s limit, 1 s for URL verification) off cold starts, at a monthly baseline cost (README, Deployment).')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('Flex: route outbound traffic through a NAT gateway with a static public IP, to list as 企业可信IP in WeCom.')
param enableStaticOutboundIp bool = false

@description('Comma-separated names of the app settings the hubs name in @setting:NAME (e.g. JNKG_WECOM_SECRET,JNKG_WECOM_TOKEN). Each becomes a Key Vault reference to the secret of the same name with "-" for "_" (JNKG-WECOM-SECRET); the values are set in Key Vault, never here.')
param keyVaultReferenceSettings string = ''

@description('Object id of whoever deploys (azd sets it): may set Key Vault secrets, write tables (the first admin key) and upload packages. Empty for none.')
param principalId string = ''

@description('Type of that principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'serverlesshub'
}
var flex = hostingPlan == 'flex'
// A static outbound IP needs virtual network integration, which Windows Consumption does not have.
var staticOutboundIp = enableStaticOutboundIp && !flex
  ? fail('enableStaticOutboundIp needs hostingPlan flex: Windows Consumption has no virtual network integration.')
  : enableStaticOutboundIp
var keyVaultReferenceNames = filter(map(split(keyVaultReferenceSettings, ','), setting => trim(setting)), setting => !empty(setting))

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module network 'modules/network.bicep' = if (staticOutboundIp) {
  scope: rg
  params: {
    namePrefix: 'net-${resourceToken}'
    location: location
    tags: tags
  }
}

// Settings shared by both plans. Storage by identity: the host's AzureWebJobsStorage and the app's own clients read
// the same service URIs, credential and client id. Telemetry is sent with the identity too.
var appSettings = union(
  {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.outputs.clientId
    AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
    AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
    AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  },
  toObject(
    keyVaultReferenceNames,
    setting => setting,
    setting => '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${replace(setting, '_', '-')})'
  )
)

module flexApp 'modules/functionapp-flex.bicep' = if (flex) {
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appSettings: appSettings
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
    subnetId: staticOutboundIp ? network!.outputs.appSubnetId : ''
  }
}

module windowsApp 'modules/functionapp-windows.bicep' = if (!flex) {
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appSettings: appSettings
  }
}

var appName = flex ? flexApp!.outputs.name : windowsApp!.outputs.name
var hostName = flex ? flexApp!.outputs.defaultHostName : windowsApp!.outputs.defaultHostName

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = appName
output SERVERLESSHUB_ENDPOINT string = 'https://${hostName}'
output SERVERLESSHUB_OUTBOUND_IP string = staticOutboundIp ? network!.outputs.outboundIpAddress : ''
output SERVERLESSHUB_PACKAGE_BLOB string = flex ? '' : windowsApp!.outputs.packageBlobName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_DEPLOYMENT_CONTAINER string = storage.outputs.deploymentContainerName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
