// Collections: everything the dunning Function App needs in one resource group.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.dev.json -p apiReaderKeys=... apiOperatorKeys=...
//
// Shape and API versions were checked against (stored copies of) Microsoft's public samples and references:
//  - Flex Consumption site: Microsoft.Web/sites@2024-04-01 `functionAppConfig` { deployment.storage (blobContainer,
//    UserAssignedIdentity), scaleAndConcurrency (instanceMemoryMB, maximumInstanceCount), runtime } as in
//    Azure-Samples/functions-quickstart-*-azd-eventgrid-blob and learn.microsoft.com/azure/azure-functions/functions-infrastructure-as-code;
//    runtime `dotnet-isolated` version `10.0` as listed by Get-AzFunctionAppFlexConsumptionRuntime (Az.Functions docs:
//    dotnet-isolated 10.0, 9.0 and 8.0 on FC1).
//  - Event-based blob trigger: learn.microsoft.com/azure/azure-functions/functions-event-grid-blob-trigger (webhook
//    https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.<name>&code=<blobs_extension system key>).
//  - ACS e-mail: Microsoft.Communication/emailServices, emailServices/domains, communicationServices @2023-04-01.
// Nothing here has been compiled (no Bicep compiler on the build machines): run `az bicep build -f infra/main.bicep`
// before the first deployment. tests/Collections.Host.Tests/Infra holds these files and the app together.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------- parameters

@description('Environment name; part of every resource name.')
@allowed(['dev', 'test', 'prod'])
param environmentName string

@description('Region for everything except the global ACS resources. Must offer Flex Consumption: az functionapp list-flexconsumption-locations.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names.')
@minLength(2)
@maxLength(12)
param namePrefix string = 'collections'

@description('Tags on every resource.')
param tags object = {}

// --- e-mail (Azure Communication Services)

@description('Custom sender domain (e.g. collections.contoso.com). Empty: an Azure-managed domain (<guid>.azurecomm.net), fine for trials; its quota is 5 mails/minute, 10/hour.')
param senderDomain string = ''

@description('Custom domain only: set true once its DNS records (output acsDomainVerificationRecords) are verified; ACS refuses to link an unverified domain.')
param senderDomainVerified bool = false

@description('Local part of the sender address.')
param senderUsername string = 'DoNotReply'

@description('Where ACS stores data at rest.')
@allowed(['Africa', 'Asia Pacific', 'Australia', 'Brazil', 'Canada', 'Europe', 'France', 'Germany', 'India', 'Japan', 'Korea', 'Norway', 'Switzerland', 'UAE', 'UK', 'United States'])
param acsDataLocation string = 'Europe'

@description('How the app reaches ACS: identity = the app\'s managed identity (no secret; role "Communication and Email Service Owner" on the ACS resource); keyvault = the ACS connection string kept in Key Vault.')
@allowed(['identity', 'keyvault'])
param acsAccess string = 'identity'

@description('Sends per minute the app allows itself; 0 = the ACS default for the domain type (managed 5, custom 30). Raise only after a quota increase.')
param acsSendsPerMinute int = 0

@description('Sends per hour; 0 = the ACS default for the domain type (managed 10, custom 100).')
param acsSendsPerHour int = 0

// --- API keys (kept in Key Vault, referenced by the app settings)

@description('Comma-separated keys that may read the operations API (each 16+ characters).')
@secure()
@minLength(16)
param apiReaderKeys string

@description('Comma-separated keys that may read and act (each 16+ characters).')
@secure()
@minLength(16)
param apiOperatorKeys string

// --- what the notices say (Notices:*); see docs/notices.md

@description('Time zone (IANA) of debtors whose ledger row names none.')
param defaultTimeZone string = 'Asia/Shanghai'

@description('Language of debtors whose ledger row names none: en or zh-CN.')
@allowed(['en', 'zh-CN'])
param defaultLanguage string = 'zh-CN'

@description('Dunning policy file inside the deployed package (relative to the app folder); empty = the shipped default policy.')
param policyFile string = ''

@description('Display name on every notice\'s From line.')
param senderDisplayName string = 'Accounts Receivable'

param companyNameEnglish string
param companyAddressEnglish string
param contactPersonEnglish string
param companyNameChinese string
param companyAddressChinese string

@description('The default entity\'s bank account: ISO currency, number, bank name per language.')
param bankCurrency string
param bankAccountNumber string
param bankNameEnglish string
param bankNameChinese string
param contactPersonChinese string

@description('Where debtors write to; Reply-To of every notice.')
param contactEmail string
param contactPhone string

@description('Recipient of approval reminders; copied on legal hand-offs.')
param supervisorEmail string

@description('Recipient of legal hand-offs.')
param legalEmail string

// --- hosting

@description('Flex Consumption instance memory (MB).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Flex Consumption scale-out limit.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for HTTP (dashboard/API latency); 0 = scale to zero.')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('OTLP endpoint for the app\'s own traces and metrics (Telemetry:Exporter=otlp); empty = the host\'s Application Insights integration only.')
param otlpEndpoint string = ''

@description('Object id of a user or group that operates the app (uploads ledgers, reads tables); empty = none. Shared keys are off, so `--auth-mode login` needs this.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed(['User', 'Group', 'ServicePrincipal'])
param operatorPrincipalType string = 'User'

@description('Second pass, after the app package is deployed and the host has started: create the Event Grid subscription that drives LedgerIngest. It needs the blobs_extension system key, which exists only once the host has loaded the blob extension.')
param deployLedgerEventSubscription bool = false

@description('Key Vault purge protection (cannot be turned off again). Recommended for prod.')
param keyVaultPurgeProtection bool = false

// ---------------------------------------------------------------- names

var token = take(uniqueString(subscription().id, resourceGroup().id, namePrefix, environmentName), 8)
var compactPrefix = take(toLower(replace(namePrefix, '-', '')), 8)
var allTags = union(tags, { application: 'collections', environment: environmentName })
var functionAppName = 'func-${namePrefix}-${environmentName}-${take(token, 6)}'
var storageAccountName = 'st${compactPrefix}${take(environmentName, 4)}${token}'
var keyVaultName = 'kv-${compactPrefix}-${take(environmentName, 4)}-${take(token, 6)}'
// Flex keeps the app package here; the container must exist before the site.
var deploymentContainerName = 'app-package-${take(token, 8)}'
var ledgerTopicName = 'evgt-${namePrefix}-${environmentName}-ledgers'

// ---------------------------------------------------------------- identity

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${namePrefix}-${environmentName}'
  location: location
  tags: allTags
}

// ---------------------------------------------------------------- modules

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    workspaceName: 'log-${namePrefix}-${environmentName}'
    appInsightsName: 'appi-${namePrefix}-${environmentName}'
    publisherPrincipalId: appIdentity.properties.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: allTags
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    appPrincipalId: appIdentity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  params: {
    tags: allTags
    communicationServiceName: 'acs-${namePrefix}-${environmentName}-${take(token, 6)}'
    emailServiceName: 'ecs-${namePrefix}-${environmentName}-${take(token, 6)}'
    dataLocation: acsDataLocation
    senderDomain: senderDomain
    senderDomainVerified: senderDomainVerified
    senderUsername: senderUsername
    senderDisplayName: senderDisplayName
    // Granted only when the identity sends; with the connection string in Key Vault the identity needs no ACS role.
    senderPrincipalId: acsAccess == 'identity' ? appIdentity.properties.principalId : ''
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: allTags
    keyVaultName: keyVaultName
    readerPrincipalId: appIdentity.properties.principalId
    purgeProtection: keyVaultPurgeProtection
    apiReaderKeys: apiReaderKeys
    apiOperatorKeys: apiOperatorKeys
    storeAcsConnectionString: acsAccess == 'keyvault'
    communicationServiceName: communication.outputs.communicationServiceName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: allTags
    functionAppName: functionAppName
    planName: 'plan-${namePrefix}-${environmentName}'
    identityId: appIdentity.id
    identityClientId: appIdentity.properties.clientId
    storageAccountName: storage.outputs.storageAccountName
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    appInsightsConnectionString: monitoring.outputs.connectionString
    apiReaderKeysSecretUri: keyVault.outputs.apiReaderKeysSecretUri
    apiOperatorKeysSecretUri: keyVault.outputs.apiOperatorKeysSecretUri
    acsAccess: acsAccess
    acsEndpoint: communication.outputs.endpoint
    acsConnectionStringSecretUri: keyVault.outputs.acsConnectionStringSecretUri
    acsSenderAddress: communication.outputs.senderAddress
    acsSendsPerMinute: acsSendsPerMinute > 0 ? acsSendsPerMinute : (empty(senderDomain) ? 5 : 30)
    acsSendsPerHour: acsSendsPerHour > 0 ? acsSendsPerHour : (empty(senderDomain) ? 10 : 100)
    // Status-poll quota (learn.microsoft.com communication-services service-limits): managed 10/min 20/h, custom 60/min 200/h.
    acsStatusPollsPerMinute: empty(senderDomain) ? 10 : 60
    acsStatusPollsPerHour: empty(senderDomain) ? 20 : 200
    defaultTimeZone: defaultTimeZone
    defaultLanguage: defaultLanguage
    policyFile: policyFile
    companyNameEnglish: companyNameEnglish
    companyAddressEnglish: companyAddressEnglish
    contactPersonEnglish: contactPersonEnglish
    companyNameChinese: companyNameChinese
    companyAddressChinese: companyAddressChinese
    bankCurrency: bankCurrency
    bankAccountNumber: bankAccountNumber
    bankNameEnglish: bankNameEnglish
    bankNameChinese: bankNameChinese
    contactPersonChinese: contactPersonChinese
    contactEmail: contactEmail
    contactPhone: contactPhone
    supervisorEmail: supervisorEmail
    legalEmail: legalEmail
    otlpEndpoint: otlpEndpoint
  }
  // Ordering is implicit through the outputs used above: the storage roles, the deployment container, the Key Vault
  // secrets and role, the ACS role and the telemetry role all exist before the site starts.
}

module ledgerTopic 'modules/ledger-topic.bicep' = {
  name: 'ledger-topic'
  params: {
    location: location
    tags: allTags
    systemTopicName: ledgerTopicName
    storageAccountName: storage.outputs.storageAccountName
  }
}

// Second pass only (see deployLedgerEventSubscription): the module, and the listKeys inside it, is not evaluated otherwise.
module ledgerSubscription 'modules/ledger-subscription.bicep' = if (deployLedgerEventSubscription) {
  name: 'ledger-subscription'
  params: {
    systemTopicName: ledgerTopic.outputs.systemTopicName
    functionAppName: functionApp.outputs.functionAppName
    functionAppHostName: functionApp.outputs.defaultHostName
    ledgersContainerName: storage.outputs.ledgersContainerName
  }
}

// ---------------------------------------------------------------- outputs

output functionAppName string = functionApp.outputs.functionAppName
output functionAppHostName string = functionApp.outputs.defaultHostName
output healthUrl string = 'https://${functionApp.outputs.defaultHostName}/api/health'
output dashboardUrl string = 'https://${functionApp.outputs.defaultHostName}/'
output storageAccountName string = storage.outputs.storageAccountName
output containers array = storage.outputs.containerNames
output queues array = storage.outputs.queueNames
output tables array = storage.outputs.tableNames
output deploymentContainer string = deploymentContainerName
output keyVaultName string = keyVault.outputs.keyVaultName
output acsEndpoint string = communication.outputs.endpoint
output acsSenderAddress string = communication.outputs.senderAddress
output acsDomainVerificationRecords object = communication.outputs.verificationRecords
output applicationInsightsName string = monitoring.outputs.appInsightsName
output ledgerEventSubscriptionDeployed bool = deployLedgerEventSubscription
output uploadLedgerCommand string = 'az storage blob upload --auth-mode login --account-name ${storage.outputs.storageAccountName} --container-name ${storage.outputs.ledgersContainerName} --name <file.csv> --file <path/to/file.csv>'
output ledgerWebhookShape string = 'https://${functionApp.outputs.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.LedgerIngest&code=<blobs_extension system key: az functionapp keys list -g ${resourceGroup().name} -n ${functionApp.outputs.functionAppName} --query systemKeys.blobs_extension -o tsv>'
