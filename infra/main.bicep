// Mentoring on Azure: one resource group holding the app's identity, Cosmos DB, App Service, the
// Azure Bot with its Teams channel, monitoring and (when Graph is on) a Key Vault.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p resourceBaseName=... aadAppClientId=...
// or with the Microsoft 365 Agents Toolkit (m365agents.yml at the repository root). See docs/deploy.md.
// Outputs are UPPER_SNAKE_CASE because the Agents Toolkit writes them, as named, to env/.env.<env>.

targetScope = 'resourceGroup'

@description('Prefix of every resource name: 4-20 lowercase letters, digits or hyphens, starting with a letter.')
@minLength(4)
@maxLength(20)
param resourceBaseName string

@description('Azure region of the resources (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('Client id of the Entra app registration for Teams SSO (the tab\'s API audience).')
param aadAppClientId string

@description('Comma-separated tenant ids whose users may sign in; empty means this deployment\'s tenant only.')
param authTenantIds string = ''

@description('Comma-separated e-mail addresses of the programme leads; empty or none for none (the Programme.Lead app role also makes a lead).')
param programmeLeadEmails string = ''

@description('App Service plan SKU (Always On needs B1 or above; P0v3/P1v3 with 2+ instances for production).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('Number of App Service instances.')
@minValue(1)
param instanceCount int = 1

@description('Node.js runtime of the web app.')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '22-lts'

@description('Cosmos DB capacity: serverless (default, pay per request) or autoscale (shared database throughput).')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('Autoscale ceiling in RU/s, with cosmosCapacityMode autoscale.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('A custom domain already bound to the web app; empty to use its azurewebsites.net host.')
param customDomain string = ''

@description('Client id of the app registration calling Microsoft Graph (often aadAppClientId); empty or none keeps the local calendar.')
param graphClientId string = ''

@description('Object id of an operator (user or pipeline) who may read and write Cosmos DB data and set the Graph secret; empty for none.')
param operatorPrincipalId string = ''

@description('Azure Bot SKU.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

param tags object = {
  app: 'mentoring'
}

var suffix = take(uniqueString(subscription().id, resourceGroup().id, resourceBaseName), 6)
var tenantId = tenant().tenantId
// The Agents Toolkit refuses a parameter whose environment variable is empty (an unresolved
// placeholder), so env/.env.<env> says "none" for an optional value it leaves out.
var leadEmails = programmeLeadEmails == 'none' ? '' : programmeLeadEmails
var graphAppId = graphClientId == 'none' ? '' : graphClientId
var graphEnabled = !empty(graphAppId)
var keyVaultName = 'kv${uniqueString(subscription().id, resourceGroup().id, resourceBaseName)}'
var operatorPrincipalIds = empty(operatorPrincipalId) ? [] : [
  operatorPrincipalId
]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: '${resourceBaseName}-id'
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: resourceBaseName
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${resourceBaseName}-${suffix}'
    databaseName: 'mentoring'
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    dataContributorPrincipalIds: concat([
      identity.outputs.principalId
    ], operatorPrincipalIds)
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = if (graphEnabled) {
  name: 'key-vault'
  params: {
    location: location
    name: keyVaultName
    readerPrincipalId: identity.outputs.principalId
    officerPrincipalId: operatorPrincipalId
    tags: tags
  }
}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  dependsOn: [
    keyVault
  ]
  params: {
    location: location
    planName: '${resourceBaseName}-plan'
    webAppName: '${resourceBaseName}-${suffix}'
    skuName: appServiceSku
    instanceCount: instanceCount
    nodeVersion: nodeVersion
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    authClientId: aadAppClientId
    authTenantIds: empty(authTenantIds) ? tenantId : authTenantIds
    programmeLeadEmails: leadEmails
    customDomain: customDomain
    graphClientId: graphAppId
    keyVaultName: graphEnabled ? keyVaultName : ''
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${resourceBaseName}-bot-${suffix}'
    host: app.outputs.publicHost
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
    sku: botSku
    tags: tags
  }
}

output TAB_DOMAIN string = app.outputs.publicHost
output TAB_ENDPOINT string = 'https://${app.outputs.publicHost}'
output BOT_ID string = bot.outputs.botId
output APP_SERVICE_RESOURCE_ID string = app.outputs.id
output APP_SERVICE_NAME string = app.outputs.name
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output KEY_VAULT_NAME string = graphEnabled ? keyVaultName : ''
