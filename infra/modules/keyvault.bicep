// Key Vault (RBAC authorization) holding the app's secrets; the app settings reference them with
// @Microsoft.KeyVault(SecretUri=...) through the app's identity (Key Vault Secrets User on this vault only).
// Secret URIs are versionless so a new secret version is picked up without redeploying (the platform re-reads
// references within 24 hours, or at once on a restart / config change).

param location string
param tags object
param keyVaultName string

@description('The app\'s identity (principal id): reads secrets.')
param readerPrincipalId string

param purgeProtection bool = false

@secure()
param apiReaderKeys string

@secure()
param apiOperatorKeys string

@description('Store the ACS connection string (acsAccess = keyvault).')
param storeAcsConnectionString bool

param communicationServiceName string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // ARM rejects enablePurgeProtection: false; omit it instead.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource readerKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'api-reader-keys'
  properties: { value: apiReaderKeys, contentType: 'comma-separated API keys (Api:ReaderKeys)' }
}

resource operatorKeysSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'api-operator-keys'
  properties: { value: apiOperatorKeys, contentType: 'comma-separated API keys (Api:OperatorKeys)' }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationServiceName
}

resource acsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeAcsConnectionString) {
  parent: vault
  name: 'acs-connection-string'
  properties: {
    value: storeAcsConnectionString ? communicationService.listKeys().primaryConnectionString : ''
    contentType: 'ACS connection string (Notices:Acs:ConnectionString)'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output keyVaultName string = vault.name
output apiReaderKeysSecretUri string = readerKeysSecret.properties.secretUri
output apiOperatorKeysSecretUri string = operatorKeysSecret.properties.secretUri
output acsConnectionStringSecretUri string = storeAcsConnectionString ? acsSecret.properties.secretUri : ''
