// Application Insights on a Log Analytics workspace. Local authentication is off, so telemetry is accepted only from
// the app's managed identity (Monitoring Metrics Publisher): the connection string alone cannot send anything.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Region of both.')
param location string

@description('Tags for both.')
param tags object

@description('Principal id of the app\'s managed identity, which sends the telemetry.')
param appPrincipalId string

@description('Days the workspace keeps logs and traces (30 are included in the ingestion price).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

// Built-in role: Monitoring Metrics Publisher.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

@description('Application Insights connection string: it names the resource and its ingestion endpoint, and is no secret with local authentication off.')
output connectionString string = applicationInsights.properties.ConnectionString

@description('Name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('Name of the Log Analytics workspace.')
output workspaceName string = workspace.name
