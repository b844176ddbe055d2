// Key Vault for configured API key hashes and the dashboard's client secret. RBAC only (no access
// policies); the container apps read secrets through Key Vault references with the apps' identity.
import { tagsType } from 'types.bicep'

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagsType

@description('Vault name (3-24 letters, digits and hyphens; globally unique and kept reserved while soft-deleted).')
@minLength(3)
@maxLength(24)
param name string

@description('Name of the apps\' user-assigned identity (identity.bicep), which gets Key Vault Secrets User.')
param identityName string

@description('Optional: the person or pipeline that writes secrets gets Key Vault Secrets Officer. Empty grants nothing.')
param operatorPrincipalId string = ''

@description('Kind of the operator principal.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Days a deleted vault or secret can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Allow: reachable from any network (still needs an Entra token and an RBAC role). Deny: only from allowedIpRanges and trusted Azure services.')
@allowed([
  'Allow'
  'Deny'
])
param networkDefaultAction string

@description('Public IPv4 addresses or CIDR ranges allowed when networkDefaultAction is Deny.')
param allowedIpRanges string[] = []

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Irreversible once on: a deleted vault cannot be purged before the retention period ends.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: networkDefaultAction
      bypass: 'AzureServices'
      ipRules: [for range in allowedIpRanges: { value: range }]
    }
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, 'Key Vault Secrets User')
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

resource secretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, 'Key Vault Secrets Officer')
  scope: vault
  properties: {
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  }
}

output name string = vault.name
@description('https://<vault>.vault.azure.net/')
output uri string = vault.properties.vaultUri
