// BlobCreated on the `ledgers` container -> the Functions host's blob extension webhook -> LedgerIngest, the isolated
// worker's [BlobTrigger("ledgers/{name}", Source = BlobTriggerSource.EventGrid)].
//
// Endpoint (learn.microsoft.com/azure/azure-functions/functions-event-grid-blob-trigger, "Build the endpoint URL"):
//   https://<defaultHostName>/runtime/webhooks/blobs?functionName=Host.Functions.LedgerIngest&code=<blobs_extension key>
// The key is the host's `blobs_extension` system key. The host creates it when it first loads the blob extension,
// i.e. after the package is deployed and the host has started; before that listKeys has no such key and this module
// fails, which is why main.bicep deploys it only with deployLedgerEventSubscription=true (second pass).
// Event Grid validates the endpoint when the subscription is created (the blob extension answers the handshake).

param systemTopicName string
param functionAppName string
param functionAppHostName string
param ledgersContainerName string

@description('Name of the blob-triggered function (LedgerIngestFunctions.LedgerIngest in src/Collections.Functions).')
param functionName string = 'LedgerIngest'

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

var blobsExtensionKey = listKeys('${site.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'ledger-created-to-${toLower(functionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionAppHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // Only the drop container; ledgers-processed / ledgers-rejected must not re-trigger ingest.
      subjectBeginsWith: '/blobServices/default/containers/${ledgersContainerName}/blobs/'
      isSubjectCaseSensitive: false
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output subscriptionName string = subscription.name
