// App Service (Linux, Node.js): one stateless Node process per instance serving the tab, the tab
// API, the bot endpoint /api/messages and the scheduler loop (safe on many instances at once).
// Every app setting below is read by src/config.ts (or by Azure itself); see docs/deploy.md.

@description('Azure region of the plan and the web app.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its default host is <name>.azurewebsites.net.')
param webAppName string

@description('App Service plan SKU. Always On needs Basic (B1) or above; use P0v3 or P1v3 with two or more instances for production.')
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
param skuName string = 'B1'

@description('Number of instances.')
@minValue(1)
param instanceCount int = 1

@description('Node.js runtime: 22 LTS by default (the app supports 20.19 and later, see engines in package.json).')
@allowed([
  '20-lts'
  '22-lts'
])
param nodeVersion string = '22-lts'

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity: the bot\'s app id, and the identity DefaultAzureCredential picks.')
param identityClientId string

@description('The Microsoft Entra tenant of the bot and the managed identity.')
param tenantId string

@description('Cosmos DB account endpoint, such as https://<account>.documents.azure.com:443/.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabase string

@description('Client id of the Entra app registration that Teams SSO tokens are issued for.')
param authClientId string

@description('Comma-separated tenant ids whose users may use the app.')
param authTenantIds string

@description('Comma-separated e-mail addresses of the programme leads (admin views).')
param programmeLeadEmails string = ''

@description('A custom domain already bound to the web app (with its certificate); empty to use <name>.azurewebsites.net.')
param customDomain string = ''

@description('Client id of the app registration used for Microsoft Graph; empty keeps the local calendar adapter.')
param graphClientId string = ''

@description('Key Vault holding the secret "graph-client-secret"; required with graphClientId.')
param keyVaultName string = ''

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Log Analytics workspace receiving the app\'s console and HTTP logs.')
param logAnalyticsWorkspaceId string

@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance serves any request
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      alwaysOn: true // the scheduler loop must keep running between requests
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/api/health'
      // The deployment ships the build (dist/, tab/dist) and production node_modules
      // (see m365agents.yml): the compiled server starts directly, no TypeScript tooling.
      appCommandLine: 'node dist/main.js'
    }
  }
}

resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

var publicHost = empty(customDomain) ? site.properties.defaultHostName : customDomain
var graphEnabled = !empty(graphClientId)

var baseSettings = {
  // Azure App Service sends traffic to the container's address: listen on every interface there
  // (loopback is the default everywhere else). Development sign-in is then refused by config.
  HOST: '0.0.0.0'
  PORT: '8080'
  WEBSITES_PORT: '8080'
  NODE_ENV: 'production'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  PUBLIC_URL: 'https://${publicHost}'
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabase
  SEED_DEMO_DATA: 'false'
  DEV_SIGN_IN: 'false'
  AUTH_CLIENT_ID: authClientId
  AUTH_APP_ID_URI: 'api://${publicHost}/${authClientId}'
  AUTH_TENANT_IDS: authTenantIds
  PROGRAMME_LEAD_EMAILS: programmeLeadEmails
  BOT_APP_ID: identityClientId
  BOT_APP_TYPE: 'UserAssignedMSI'
  BOT_TENANT_ID: tenantId
  // DefaultAzureCredential (Cosmos DB) picks this user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  SCHEDULER: 'true'
  LOG_LEVEL: logLevel
  // Read by the app: Azure Monitor through OpenTelemetry (src/app/telemetry.ts): requests with
  // their request id, dependencies, exceptions. The codeless agent stays off so nothing is counted twice.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: 'disabled'
}

var graphSettings = graphEnabled ? {
  GRAPH_TENANT_ID: tenantId
  GRAPH_CLIENT_ID: graphClientId
  // Resolved by App Service with the managed identity; the secret never leaves Key Vault.
  GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=graph-client-secret)'
} : {}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(baseSettings, graphSettings)
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output publicHost string = publicHost
