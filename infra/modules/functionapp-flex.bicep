// The function app on Flex Consumption (FC1, Linux): the dotnet-isolated 10.0 worker, its package in a blob
// container read with the app's managed identity, and the app settings main.bicep composes. Flex rejects
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and WEBSITE_CONTENT*: the runtime and
// the package live in functionAppConfig instead.

@description('Name of the function app (also its host name: <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan (one app per plan).')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags for the plan and the app; the app also gets azd-service-name.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Blob service URI of the storage account (ends with "/").')
param blobEndpoint string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('App settings (name to value); none may hold a secret value: secrets are Key Vault references.')
param appSettings object

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the HTTP functions (0 = none). One keeps WeCom callbacks off cold starts.')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('Resource id of a subnet delegated to Microsoft.App/environments for outbound traffic; empty for none.')
param subnetId string = ''

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // 'http' is the group of every HTTP-triggered function: the WeCom callbacks and the API.
        alwaysReady: alwaysReadyInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyInstances
              }
            ]
          : []
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    // host.json's telemetryMode, set here for Flex only: the host then emits its spans and logs through
    // OpenTelemetry too, so they join the worker's in one trace.
    AzureFunctionsJobHost__telemetryMode: 'OpenTelemetry'
  })
}

@description('Name of the app.')
output name string = site.name

@description('Default host name: <name>.azurewebsites.net, or the sovereign cloud\'s own domain.')
output defaultHostName string = site.properties.defaultHostName
