// Azure Bot registration, single tenant, with the Teams channel. Its identity is the app's
// user-assigned managed identity (msaAppType UserAssignedMSI), which botbuilder 4.23 supports
// (MicrosoftAppType "UserAssignedMsi"): no app password exists, so none can leak or expire.
// The bot id in the Teams manifest (BOT_ID) is that identity's client id.

@description('Name of the Azure Bot resource (globally unique).')
param name string

@description('Name shown in the Bot Framework portal.')
param displayName string = 'Mentoring'

@description('The public host of the web app; the messaging endpoint is https://<host>/api/messages.')
param host string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity (the bot\'s app id).')
param identityClientId string

@description('Tenant of that identity.')
param tenantId string

@description('F0 is free with a message quota on premium channels; Teams is a standard channel.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${host}/api/messages'
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output botId string = identityClientId
