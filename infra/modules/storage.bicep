// The app's storage account: shared-key access off (every caller authenticates with Entra ID), the containers,
// queues and tables the app uses (the list mirrors src/Collections.Host/Hosting/StorageNames.cs; a test keeps
// the two equal), the Flex deployment container, and data-plane roles for the app's identity and an operator.

param location string
param tags object
param storageAccountName string

@description('Flex Consumption deployment container (the app package).')
param deploymentContainerName string

@description('The app\'s managed identity (principal id).')
param appPrincipalId string

@description('Optional operator (uploads ledgers, reads tables); empty = none.')
param operatorPrincipalId string = ''
param operatorPrincipalType string = 'User'

@description('Days each archive blob stays immutable (neither changed nor deleted) after it is written; at least the policy\'s retention (docs/policy.md), default 2557 = 7 years.')
@minValue(1)
@maxValue(146000)
param archiveImmutabilityDays int = 2557

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string = 'Standard_LRS'

// StorageNames.Containers (azure-webjobs-hosts holds blob receipts and timer/singleton locks of the Functions host;
// the app's standalone blob trigger uses the same container; archive holds closed cases past retention, immutable).
var containerNames = [
  'ledgers'
  'ledgers-processed'
  'ledgers-rejected'
  'evidence'
  'archive'
  'azure-webjobs-hosts'
]

// StorageNames.ArchiveContainer: gets the time-based immutability policy below.
var archiveContainerName = 'archive'

// StorageNames.Queues: the two trigger queues, their -poison queues (the host moves a message there after
// maxDequeueCount deliveries) and the blob trigger's poison queue.
var queueNames = [
  'dunning-timers'
  'dunning-timers-poison'
  'notices-outbox'
  'notices-outbox-poison'
  'webjobs-blobtrigger-poison'
]

// StorageNames.Tables.
var tableNames = [
  'Cases'
  'Accounts'
  'LedgerFiles'
  'LedgerSnapshots'
  'WriteOffs'
  'ArchiveIndex'
]

// Data-plane roles of the app's identity, one per storage service the app uses. Blob Data Owner (not Contributor)
// because the Functions host's blob trigger and the Flex deployment both expect it
// (learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
// Storage Account Contributor is not needed: the event-based blob trigger never touches the control plane; the
// Event Grid subscription is created by the deployment.
var appRoles = [
  { service: 'blob', name: 'Storage Blob Data Owner', id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' }
  { service: 'queue', name: 'Storage Queue Data Contributor', id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' }
  { service: 'table', name: 'Storage Table Data Contributor', id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' }
]

// What an operator needs for the deploy guide's checks: upload ledgers, peek poison queues, read LedgerFiles.
var operatorRoles = [
  { service: 'blob', name: 'Storage Blob Data Contributor', id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' }
  { service: 'queue', name: 'Storage Queue Data Reader', id: '19e7f393-937e-4f77-808e-94535e297925' }
  { service: 'table', name: 'Storage Table Data Reader', id: '76199698-9eea-4c19-bc75-cec21354c6b6' }
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Ledgers and evidence are records: keep deleted blobs recoverable for a while.
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containerNames: {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

// The archive is the record of closed cases (domain.md section 7, docs/storage.md): a container-level time-based
// retention policy (WORM) makes each blob impossible to overwrite or delete for archiveImmutabilityDays after it
// was written; new blobs can still be created. Bicep creates the policy unlocked, so a wrong period can still be
// corrected; lock it once after the first deployment (docs/deploy.md) to make it irrevocable.
resource archiveImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: containers[indexOf(containerNames, archiveContainerName)]
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queueNames: {
  parent: queueService
  name: name
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tableNames: {
  parent: tableService
  name: name
}]

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in appRoles: {
  name: guid(account.id, appPrincipalId, role.id)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Collections app: ${role.name} (${role.service})'
  }
}]

resource operatorRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in operatorRoles: if (!empty(operatorPrincipalId)) {
  name: guid(account.id, operatorPrincipalId, role.id)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    description: 'Collections operator: ${role.name} (${role.service})'
  }
}]

output storageAccountName string = account.name
output storageAccountId string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output ledgersContainerName string = containerNames[0]
output containerNames array = containerNames
output queueNames array = queueNames
output tableNames array = tableNames
