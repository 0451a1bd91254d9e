// The user-assigned managed identity the function app runs as: it reads storage, Key Vault secrets and sends
// telemetry, and no key or connection string stands in for it.

@description('Name of the identity.')
param name string

@description('Region of the identity.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for the app\'s identity list and keyVaultReferenceIdentity.')
output id string = identity.id

@description('Client id, for AzureWebJobsStorage__clientId and the telemetry authentication string.')
output clientId string = identity.properties.clientId

@description('Principal (object) id, for role assignments.')
output principalId string = identity.properties.principalId
