// Azure Communication Services e-mail: an Email Communication Service with one domain (Azure-managed by default, or
// a custom domain), linked to a Communication Services resource, which is what the app calls
// (POST {endpoint}/emails:send, see docs in /work/shared/docs/acs-email.md).
//
// Access by the app's identity: the built-in role "Communication and Email Service Owner" on the ACS resource only.
// It is broader than sending needs (it can also list keys), but ACS does not reliably honour custom roles for the
// data plane (reported by Microsoft support engineers; the minimal-action custom roles circulating in Q&A threads are
// unsupported), and scoping it to this one resource keeps the blast radius to this resource.
// Resource shapes: Microsoft.Communication/*@2023-04-01 (emailServices, emailServices/domains,
// emailServices/domains/senderUsernames, communicationServices with linkedDomains).

param tags object
param communicationServiceName string
param emailServiceName string
param dataLocation string

@description('Custom domain, or empty for an Azure-managed domain.')
param senderDomain string = ''

@description('Custom domain only: link it (it must be verified first).')
param senderDomainVerified bool = false

param senderUsername string = 'DoNotReply'
param senderDisplayName string = 'Accounts Receivable'

@description('Principal that sends with Entra ID tokens; empty = none (the app uses the connection string).')
param senderPrincipalId string = ''

var useManagedDomain = empty(senderDomain)
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: useManagedDomain ? 'AzureManagedDomain' : senderDomain
  location: 'global'
  tags: tags
  properties: {
    domainManagement: useManagedDomain ? 'AzureManaged' : 'CustomerManaged'
    // Tracking pixels have no place in a demand letter; the app also sends userEngagementTrackingDisabled=true.
    userEngagementTracking: 'Disabled'
  }
}

// DoNotReply exists on every new domain; any other local part must be registered.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (toLower(senderUsername) != 'donotreply') {
  parent: domain
  name: toLower(senderUsername)
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // ACS refuses to link a custom domain before its DNS records are verified.
    linkedDomains: (useManagedDomain || senderDomainVerified) ? [domain.id] : []
  }
}

resource senderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(senderPrincipalId)) {
  name: guid(communicationService.id, senderPrincipalId, communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationAndEmailServiceOwner)
    principalId: senderPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Collections app: send notices through ACS e-mail with its managed identity'
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}/'
output senderAddress string = '${senderUsername}@${domain.properties.mailFromSenderDomain}'
output domainLinked bool = useManagedDomain || senderDomainVerified
// TXT/SPF/DKIM/DKIM2/DMARC records to publish for a custom domain (empty-ish for a managed one).
output verificationRecords object = domain.properties.?verificationRecords ?? {}
