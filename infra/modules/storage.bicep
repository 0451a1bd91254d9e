// The storage account of the app and of the Functions host: the app's tables and queues, the host's blobs (keys,
// timer locks) and the deployment package. Shared-key access is off; the app's managed identity reaches it with the
// roles below, and the deployer (when given) may write tables and blobs for the first admin key and package uploads.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the account.')
param location string

@description('Tags for the account.')
param tags object

@description('Redundancy. LRS suffices: tables and queues hold working data that the app re-creates or retries.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

@description('Principal id of the app\'s managed identity.')
param appPrincipalId string

@description('Principal id of whoever deploys (azd sets AZURE_PRINCIPAL_ID); empty for none.')
param deployerPrincipalId string = ''

@description('Type of the deployer principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Blob container that holds the deployment package.')
param deploymentContainerName string = 'app-package'

// Every table the app names in code (TableName constants; a test keeps this list complete).
var tableNames = [
  'hubs'
  'submissions'
  'leave'
  'adhocperiods'
  'inbound'
  'conversations'
  'outbox'
  'sendreservations'
  'runclaims'
  'timerstatus'
  'scheduler'
  'reminders'
  'ledger'
  'digests'
  'poison'
]

// Every queue the app names in code, and the poison queue of each queue-triggered function (`<queue>-poison`).
var queueNames = [
  'inbound'
  'inbound-poison'
  'outbound'
  'outbound-poison'
  'reminders'
  'reminders-poison'
]

// Built-in roles. The host needs Blob Data Owner on AzureWebJobsStorage (keys, locks); the queue trigger and the
// app's sends need Queue Data Contributor; the app's tables need Table Data Contributor.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

var appRoles = [
  roles.blobDataOwner
  roles.queueDataContributor
  roles.tableDataContributor
]

var deployerRoles = empty(deployerPrincipalId)
  ? []
  : [
      roles.tableDataContributor
      roles.blobDataContributor
    ]

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appRoles: {
    name: guid(storage.id, appPrincipalId, role)
    scope: storage
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

resource deployerRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in deployerRoles: {
    name: guid(storage.id, deployerPrincipalId, role)
    scope: storage
    properties: {
      principalId: deployerPrincipalId
      principalType: deployerPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

@description('Name of the account.')
output name string = storage.name

@description('Blob service URI (ends with "/"); the cloud\'s own suffix, e.g. core.chinacloudapi.cn in Azure China.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue service URI.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table service URI.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name
