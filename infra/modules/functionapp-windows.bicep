// The function app on Windows Consumption (Y1), for clouds without Flex Consumption (reportedly Azure China, which
// has no Linux Consumption either). It runs the package from a blob URL read with the app's managed identity, so it
// needs no Azure Files content share, whose connection string would need the storage account's shared key.

@description('Name of the function app.')
param name string

@description('Name of the Consumption plan.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags for the plan and the app.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Blob service URI of the storage account (ends with "/").')
param blobEndpoint string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('Name of the package blob in that container; infra/hooks/deploy-package.sh uploads it.')
param packageBlobName string = 'serverlesshub.zip'

@description('App settings (name to value); none may hold a secret value: secrets are Key Vault references.')
param appSettings object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: false
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp'
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
    siteConfig: {
      netFrameworkVersion: 'v10.0'
      use32BitWorkerProcess: false
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, {
    FUNCTIONS_EXTENSION_VERSION: '~4'
    FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
    WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '1'
    WEBSITE_RUN_FROM_PACKAGE: '${blobEndpoint}${deploymentContainerName}/${packageBlobName}'
    WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
  })
}

@description('Name of the app.')
output name string = site.name

@description('Default host name, the cloud\'s own domain (chinacloudsites.cn in Azure China).')
output defaultHostName string = site.properties.defaultHostName

@description('Name of the package blob the app runs from.')
output packageBlobName string = packageBlobName
