// The Key Vault that holds the hubs' WeCom secrets (app secrets, callback tokens, EncodingAESKeys, robot webhook
// keys) and the first admin key. RBAC mode: the app's identity may read secrets, the deployer may write them; no
// access policies, and no secret value passes through this template.

@description('Name of the vault (3-24 letters, digits and dashes).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@description('Principal id of the app\'s managed identity, which reads the secrets through Key Vault references.')
param appPrincipalId string

@description('Principal id of whoever deploys (azd sets AZURE_PRINCIPAL_ID), who sets the secrets; empty for none.')
param deployerPrincipalId string = ''

@description('Type of the deployer principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

// Built-in roles: Key Vault Secrets User (read), Key Vault Secrets Officer (write).
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // A deleted vault and its secrets stay recoverable for a week, and cannot be purged before then.
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource deployerWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, secretsOfficer)
  scope: vault
  properties: {
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

@description('Name of the vault, for VaultName= in Key Vault references.')
output name string = vault.name

@description('URI of the vault; the cloud\'s own suffix (vault.azure.cn in Azure China).')
output uri string = vault.properties.vaultUri
