// The app's one identity, used by every Azure call it makes: Cosmos DB (data-plane RBAC), the
// Bot Framework (the Azure Bot's app type is UserAssignedMSI, so the bot has no password to leak
// or rotate) and Key Vault references. User-assigned rather than system-assigned because the bot
// registration must know its client id before the web app exists.

@description('Azure region of the identity.')
param location string

@description('Name of the user-assigned managed identity.')
param name string

param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
