// Event Grid system topic on the storage account: the source of BlobCreated events for the event-based blob trigger
// (the only blob trigger Flex Consumption supports). The subscription comes in a second pass
// (ledger-subscription.bicep) because its webhook needs a key that exists only after the app has started.

param location string
param tags object
param systemTopicName string
param storageAccountName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output systemTopicName string = topic.name
