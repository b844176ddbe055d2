// AgentOpsGrains on Azure Container Apps, one module per concern. Deploy and update with
//   az deployment group create -g <rg> -f azure/main.bicep -p azure/main.dev.bicepparam
// (the very first time in two passes, see docs/deploy-azure.md). The apps run as one user-assigned identity
// that holds data-plane roles only; the apps themselves hold no key or connection string.
import { apiKeyType, appSizeType, dashboardAuthType, dedicatedProfileType, tagsType } from 'modules/types.bicep'

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('dev or prod: part of resource names and tags.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Short lowercase prefix of resource names.')
@minLength(2)
@maxLength(10)
param namePrefix string = 'agentops'

@description('Changes the generated globally unique names (Key Vault names stay reserved for the retention period after a teardown).')
param nameSeed string = ''

@description('false deploys everything except the two container apps (first run: the registry must exist before images can be pushed).')
param deployApps bool = true

@description('Tag of the agentops/silo and agentops/dashboard images in the registry.')
param imageTag string = 'latest'

@description('Orleans cluster id shared by silos and the dashboard.')
param clusterId string = 'agentops-${environmentName}'

@description('Orleans service id; keep it stable so grain state survives redeployments.')
param serviceId string = 'agentops'

@description('Silo replicas that always run: two or more, Orleans needs peers to fail over to.')
@minValue(2)
param siloMinReplicas int

@description('Silo size and scale-out bounds.')
param silo appSizeType

@description('Dashboard replicas that always run.')
@minValue(1)
param dashboardMinReplicas int

@description('Dashboard size and scale-out bounds.')
param dashboard appSizeType

@description('API keys of the silo; store each key\'s SHA-256 hex in Key Vault under its secretName.')
param apiKeys apiKeyType[]

@description('Entra ID sign-in of the dashboard.')
param dashboardAuth dashboardAuthType

@description('Optional: object id of the person or pipeline that writes Key Vault secrets (gets Key Vault Secrets Officer).')
param operatorPrincipalId string = ''

@description('Kind of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Container registry SKU.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param registrySku string = 'Basic'

@description('Key Vault soft-delete retention in days.')
@minValue(7)
@maxValue(90)
param keyVaultRetentionInDays int = 90

@description('Key Vault firewall default action (Allow: any network, still Entra + RBAC; Deny: only keyVaultAllowedIpRanges and trusted services).')
@allowed([
  'Allow'
  'Deny'
])
param keyVaultNetworkDefaultAction string = 'Allow'

@description('IPv4 addresses or CIDR ranges allowed through the Key Vault firewall.')
param keyVaultAllowedIpRanges string[] = []

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Spread the environment over availability zones (adds a virtual network).')
param zoneRedundant bool = false

@description('Optional dedicated workload profile for the apps; null runs them on the Consumption profile.')
param dedicatedProfile dedicatedProfileType?

@description('Tags for every resource.')
param tags tagsType = {}

var allTags = union(tags, {
  application: 'agentops'
  environment: environmentName
})
var unique = uniqueString(resourceGroup().id, namePrefix, environmentName, nameSeed)
var compactPrefix = replace(toLower(namePrefix), '-', '')
var names = {
  identity: 'id-${namePrefix}-${environmentName}'
  workspace: 'log-${namePrefix}-${environmentName}'
  appInsights: 'appi-${namePrefix}-${environmentName}'
  network: 'vnet-${namePrefix}-${environmentName}'
  environment: 'cae-${namePrefix}-${environmentName}'
  storage: take('st${compactPrefix}${unique}', 24)
  registry: take('cr${compactPrefix}${unique}', 50)
  keyVault: take('kv-${compactPrefix}-${unique}', 24)
  silo: '${namePrefix}-silo-${environmentName}'
  dashboard: '${namePrefix}-dash-${environmentName}'
}
var deployDashboard = deployApps && !empty(dashboardAuth.clientId)

// Modules get resource names, which are known before the deployment runs (What-If can then predict the role
// assignments), rather than outputs of other modules; dependsOn keeps the order.

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    tags: allTags
    name: names.identity
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  dependsOn: [identity]
  name: 'storage'
  params: {
    location: location
    tags: allTags
    name: names.storage
    skuName: storageSku
    identityName: names.identity
  }
}

module registry 'modules/registry.bicep' = {
  dependsOn: [identity]
  name: 'registry'
  params: {
    location: location
    tags: allTags
    name: names.registry
    skuName: registrySku
    identityName: names.identity
  }
}

module keyVault 'modules/keyvault.bicep' = {
  dependsOn: [identity]
  name: 'keyvault'
  params: {
    location: location
    tags: allTags
    name: names.keyVault
    identityName: names.identity
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    softDeleteRetentionInDays: keyVaultRetentionInDays
    networkDefaultAction: keyVaultNetworkDefaultAction
    allowedIpRanges: keyVaultAllowedIpRanges
  }
}

module network 'modules/network.bicep' = if (zoneRedundant) {
  name: 'network'
  params: {
    location: location
    tags: allTags
    name: names.network
  }
}

module environment 'modules/environment.bicep' = {
  dependsOn: [monitoring]
  name: 'environment'
  params: {
    location: location
    tags: allTags
    name: names.environment
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    infrastructureSubnetId: network.?outputs.subnetId ?? ''
    zoneRedundant: zoneRedundant
    dedicatedProfile: dedicatedProfile
  }
}

module siloApp 'modules/silo-app.bicep' = if (deployApps) {
  name: 'silo-app'
  params: {
    location: location
    tags: allTags
    name: names.silo
    environmentId: environment.outputs.id
    workloadProfileName: environment.outputs.appWorkloadProfile
    identityName: names.identity
    registryServer: registry.outputs.loginServer
    image: '${registry.outputs.loginServer}/agentops/silo:${imageTag}'
    storageServiceUri: storage.outputs.blobEndpoint
    keyVaultUri: keyVault.outputs.uri
    clusterId: clusterId
    serviceId: serviceId
    apiKeys: apiKeys
    minReplicas: siloMinReplicas
    size: silo
  }
}

module dashboardApp 'modules/dashboard-app.bicep' = if (deployDashboard) {
  name: 'dashboard-app'
  params: {
    location: location
    tags: allTags
    name: names.dashboard
    environmentId: environment.outputs.id
    workloadProfileName: environment.outputs.appWorkloadProfile
    identityName: names.identity
    registryServer: registry.outputs.loginServer
    image: '${registry.outputs.loginServer}/agentops/dashboard:${imageTag}'
    storageServiceUri: storage.outputs.blobEndpoint
    keyVaultUri: keyVault.outputs.uri
    clusterId: clusterId
    serviceId: serviceId
    tenantId: empty(dashboardAuth.tenantId) ? tenant().tenantId : dashboardAuth.tenantId
    clientId: dashboardAuth.clientId
    clientSecretName: dashboardAuth.clientSecretName
    roleMappings: dashboardAuth.roleMappings
    minReplicas: dashboardMinReplicas
    size: dashboard
  }
}

@description('Base URL of the HTTP API: POST {ingestUrl}/v1/events, OTLP at {ingestUrl}/v1/traces.')
output ingestUrl string = 'https://${names.silo}.${environment.outputs.defaultDomain}'
@description('The dashboard; also the base of its Entra redirect URI ({dashboardUrl}/signin-oidc).')
output dashboardUrl string = 'https://${names.dashboard}.${environment.outputs.defaultDomain}'
output registryName string = registry.outputs.name
output registryLoginServer string = registry.outputs.loginServer
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output siloAppName string = names.silo
output dashboardAppName string = names.dashboard
output dashboardDeployed bool = deployDashboard
