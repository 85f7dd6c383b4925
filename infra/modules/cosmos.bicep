// Azure Cosmos DB for NoSQL: the account, the database and one container per definition in
// src/store/containers.ts (tests/unit/infra/containers-match.test.ts keeps the two in step).
//
// Capacity: serverless by default. A mentoring programme is small and bursty (people use the tab
// in working hours; reminders go out in small batches), so paying per request unit consumed, with
// no hourly minimum, costs least; eleven containers on provisioned throughput would bill at least
// the autoscale floor around the clock. Serverless is single-region and caps a container at
// 5,000 RU/s while it holds under 250 GB: far above this app's needs. For several regions or
// guaranteed throughput, deploy with capacityMode 'autoscale' (throughput shared by the database).
//
// Keys are disabled (disableLocalAuth): the app signs in with its managed identity and holds the
// "Cosmos DB Built-in Data Contributor" data-plane role. That role reads and writes items but
// cannot create databases or containers: they are created here, never by the app at start-up.

@description('Azure region of the account.')
param location string

@description('Name of the Cosmos DB account (3-44 lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Name of the database.')
param databaseName string = 'mentoring'

@description('serverless: pay per request. autoscale: throughput shared by the database, scaling between 10% and 100% of autoscaleMaxThroughput.')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string = 'serverless'

@description('Upper bound of the database\'s shared autoscale throughput (RU/s); only with capacityMode autoscale.')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Principal ids (the app\'s managed identity, optionally operators) given the Built-in Data Contributor role.')
param dataContributorPrincipalIds array

@description('Log Analytics workspace receiving the account\'s diagnostic logs; empty for none.')
param logAnalyticsWorkspaceId string = ''

param tags object = {}

// Indexing shared by every container, as in src/store/containers.ts: index everything except the
// free text and card payloads that are never filtered on (they only cost write RUs).
var sharedExcludedPaths = [
  {
    path: '/"_etag"/?'
  }
  {
    path: '/bio/?'
  }
  {
    path: '/text/?'
  }
  {
    path: '/payload/*'
  }
  {
    path: '/sessions/[]/sharedNotes/?'
  }
  {
    path: '/question/?'
  }
  {
    path: '/thanks/*'
  }
]

// Every container is partitioned by tenant (helpRequests by tenant and month). Keep in step with
// src/store/containers.ts.
var containerDefinitions = [
  {
    name: 'people'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'programmes'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'profiles'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'proposals'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'pairs'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'notes'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'approvals'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    // The scheduler claims due work with ORDER BY status, dueAt: that needs this composite index.
    name: 'notifications'
    partitionKeyPath: '/tenantId'
    compositeIndexes: [
      [
        {
          path: '/status'
          order: 'ascending'
        }
        {
          path: '/dueAt'
          order: 'ascending'
        }
      ]
    ]
  }
  {
    name: 'conversations'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'calendar'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'jobs'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'figures'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    // Append-only: the app has no route or repository method that changes or deletes an entry.
    name: 'audit'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    name: 'buddies'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
  {
    // Quick-help requests: tenantId|yyyy-mm, so no logical partition grows without bound.
    name: 'helpRequests'
    partitionKeyPath: '/partitionKey'
    compositeIndexes: []
  }
  {
    name: 'buddyWeeks'
    partitionKeyPath: '/tenantId'
    compositeIndexes: []
  }
]

var serverless = capacityMode == 'serverless'
var serverlessCapabilities = [
  {
    name: 'EnableServerless'
  }
]
var autoscaleOptions = {
  autoscaleSettings: {
    maxThroughput: autoscaleMaxThroughput
  }
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      // ETag concurrency and read-your-writes within a session: what the repositories rely on.
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? serverlessCapabilities : []
    disableLocalAuth: true
    // Keys cannot change databases or containers either: only ARM (this template) can.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableFreeTier: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : autoscaleOptions
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containerDefinitions: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: {
          paths: [
            c.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          excludedPaths: sharedExcludedPaths
          compositeIndexes: c.compositeIndexes
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor: a data-plane role (not an Azure RBAC role), fixed id.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for principalId in dataContributorPrincipalIds: {
    parent: account
    name: guid(account.id, principalId, dataContributorRoleId)
    properties: {
      roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
      principalId: principalId
      scope: account.id
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(logAnalyticsWorkspaceId)) {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'ControlPlaneRequests'
        enabled: true
      }
    ]
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output accountId string = account.id
output databaseName string = database.name
