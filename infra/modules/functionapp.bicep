// The Function App on Flex Consumption: Linux, .NET isolated worker (functionAppConfig.runtime dotnet-isolated 10.0,
// the app's target framework; Flex lists dotnet-isolated 8.0, 9.0 and 10.0), a user-assigned identity for storage
// (host, blob trigger, Durable Functions' Azure Storage provider), Key Vault references, ACS, Application Insights
// through OpenTelemetry, and every app setting the app reads.
//
// Flex rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE as app settings:
// FUNCTIONS_WORKER_RUNTIME=dotnet-isolated is functionAppConfig.runtime.name here, the package is
// functionAppConfig.deployment.storage.
// Shape: Microsoft.Web/sites@2024-04-01 functionAppConfig (learn.microsoft.com/azure/azure-functions/flex-consumption-how-to,
// Azure-Samples/functions-quickstart-*-azd-eventgrid-blob infra/app/*.bicep).

param location string
param tags object
param functionAppName string
param planName string

@description('User-assigned identity: resource id and client id.')
param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string

param instanceMemoryMB int
param maximumInstanceCount int
param alwaysReadyHttpInstances int

param appInsightsConnectionString string

param apiReaderKeysSecretUri string
param apiOperatorKeysSecretUri string

@allowed(['identity', 'keyvault'])
param acsAccess string
param acsEndpoint string
param acsConnectionStringSecretUri string
param acsSenderAddress string
param acsSendsPerMinute int
param acsSendsPerHour int
param acsStatusPollsPerMinute int
param acsStatusPollsPerHour int

param defaultTimeZone string
param defaultLanguage string
param policyFile string
param companyNameEnglish string
param companyAddressEnglish string
param contactPersonEnglish string
param companyNameChinese string
param companyAddressChinese string
param bankCurrency string
param bankAccountNumber string
param bankNameEnglish string
param bankNameChinese string
param contactPersonChinese string
param contactEmail string
param contactPhone string
param supervisorEmail string
param legalEmail string
param otlpEndpoint string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (otherwise the platform would try a system-assigned one).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            // Shared keys are off on the account, so the package is read with the identity too.
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0 ? [
          { name: 'http', instanceCount: alwaysReadyHttpInstances }
        ] : []
      }
      runtime: {
        // = FUNCTIONS_WORKER_RUNTIME on other plans. 10.0 = net10.0 (src/Collections.Functions); check the region
        // with `az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated`.
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Every setting the app reads (HostSettings.Read) is set here or deliberately left to its default; the list of
// the latter, with reasons, is InfraSettingsTests.LeftToDefaults. Values are strings: app settings are env vars.
var appSettings = {
  // Host storage, identity-based (functions-reference#connecting-to-host-storage-with-an-identity). The same
  // connection serves the blob trigger (Connection = "AzureWebJobsStorage": Blob Data Owner, Queue Data Contributor
  // for its poison queue) and Durable Functions' Azure Storage provider (host.json storageProvider.connectionName:
  // blobs for leases and large messages, queues for control and work items, tables for history and instances). The
  // app's own clients resolve the same names and use __clientId for their credential.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // DefaultAzureCredential picks the user-assigned identity from AZURE_CLIENT_ID; the ACS sender creates one without
  // a client id, so without this it would look for a system-assigned identity that does not exist.
  AZURE_CLIENT_ID: identityClientId

  // Application Insights through OpenTelemetry (host.json telemetryMode: OpenTelemetry; the worker exports with
  // the Azure Monitor exporter and DefaultAzureCredential, i.e. the identity of AZURE_CLIENT_ID), authenticated with
  // the identity because local auth is off on the component.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  Collections__PolicyFile: policyFile
  Collections__DefaultTimeZone: defaultTimeZone
  Collections__DefaultLanguage: defaultLanguage
  Collections__BaseUrl: 'https://${site.properties.defaultHostName}/'
  // Real time, explicitly: an accelerated clock is a demo feature and must never leak into production.
  Clock__Speed: '1'

  Api__ReaderKeys: '@Microsoft.KeyVault(SecretUri=${apiReaderKeysSecretUri})'
  Api__OperatorKeys: '@Microsoft.KeyVault(SecretUri=${apiOperatorKeysSecretUri})'

  Notices__Provider: 'Acs'
  Notices__Acs__Endpoint: acsAccess == 'identity' ? acsEndpoint : ''
  Notices__Acs__ConnectionString: acsAccess == 'keyvault' ? '@Microsoft.KeyVault(SecretUri=${acsConnectionStringSecretUri})' : ''
  Notices__Acs__SenderAddress: acsSenderAddress
  // Per-instance throttle matching the ACS quota of the domain type (see docs/deploy.md on scale-out).
  Notices__Acs__SendsPerMinute: string(acsSendsPerMinute)
  Notices__Acs__SendsPerHour: string(acsSendsPerHour)
  Notices__Acs__StatusPollsPerMinute: string(acsStatusPollsPerMinute)
  Notices__Acs__StatusPollsPerHour: string(acsStatusPollsPerHour)

  // The creditor of the ledgers' default entity; further entities: Notices__Creditors__<entity>__... (docs/notices.md).
  Notices__Creditors__default__ContactEmail: contactEmail
  Notices__Creditors__default__ContactPhone: contactPhone
  Notices__Creditors__default__English__CompanyName: companyNameEnglish
  Notices__Creditors__default__English__Address: companyAddressEnglish
  Notices__Creditors__default__English__ContactPerson: contactPersonEnglish
  Notices__Creditors__default__ChineseSimplified__CompanyName: companyNameChinese
  Notices__Creditors__default__ChineseSimplified__Address: companyAddressChinese
  Notices__Creditors__default__ChineseSimplified__ContactPerson: contactPersonChinese
  Notices__Creditors__default__BankAccounts__0__Currency: bankCurrency
  Notices__Creditors__default__BankAccounts__0__AccountNumber: bankAccountNumber
  Notices__Creditors__default__BankAccounts__0__English__BankName: bankNameEnglish
  Notices__Creditors__default__BankAccounts__0__English__AccountName: companyNameEnglish
  Notices__Creditors__default__BankAccounts__0__ChineseSimplified__BankName: bankNameChinese
  Notices__Creditors__default__BankAccounts__0__ChineseSimplified__AccountName: companyNameChinese
  Notices__SupervisorEmail: supervisorEmail
  Notices__LegalEmail: legalEmail

  Telemetry__Exporter: empty(otlpEndpoint) ? 'none' : 'otlp'
  Telemetry__OtlpEndpoint: otlpEndpoint
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

output functionAppName string = site.name
output functionAppId string = site.id
output defaultHostName string = site.properties.defaultHostName
