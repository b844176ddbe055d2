// Production: three silos spread over availability zones, zone-redundant storage, longer retention.
// Values that differ per person come from environment variables (docs/deploy-azure.md, "Deploy").
using 'main.bicep'

param environmentName = 'prod'
param deployApps = bool(readEnvironmentVariable('AGENTOPS_DEPLOY_APPS', 'true'))
param imageTag = readEnvironmentVariable('AGENTOPS_IMAGE_TAG', 'latest')
param operatorPrincipalId = readEnvironmentVariable('AGENTOPS_OPERATOR_ID', '')
param nameSeed = readEnvironmentVariable('AGENTOPS_NAME_SEED', '')

// One silo per zone; the HTTP rule adds silos under load.
param siloMinReplicas = 3
param silo = {
  cpu: '1.0'
  memory: '2Gi'
  maxReplicas: 10
  concurrentRequests: 200
}

param dashboardMinReplicas = 2
param dashboard = {
  cpu: '0.5'
  memory: '1Gi'
  maxReplicas: 4
  concurrentRequests: 50
}

param apiKeys = [
  {
    project: 'default'
    role: 'admin'
    secretName: 'agentops-key-default-admin'
  }
  {
    project: 'default'
    role: 'ingest'
    secretName: 'agentops-key-default-ingest'
  }
]

param dashboardAuth = {
  tenantId: readEnvironmentVariable('AGENTOPS_TENANT_ID', '')
  clientId: readEnvironmentVariable('AGENTOPS_DASHBOARD_CLIENT_ID', '')
  clientSecretName: 'dashboard-entra-client-secret'
  // App roles of the dashboard's app registration (Entra: App roles), assigned to people or groups.
  roleMappings: [
    { claim: 'AgentOps.Admin', project: 'default', role: 'admin' }
    { claim: 'AgentOps.Operator', project: 'default', role: 'operator' }
    { claim: 'AgentOps.Viewer', project: 'default', role: 'viewer' }
  ]
}

// Zone redundancy where it costs little: ZRS storage (about +25 % on a few GB) and a zone-redundant
// Container Apps environment (no surcharge; it needs its own virtual network, which is free).
param storageSku = 'Standard_ZRS'
param registrySku = 'Standard'
param keyVaultRetentionInDays = 90
param keyVaultNetworkDefaultAction = 'Allow'
param logRetentionInDays = 90
param zoneRedundant = true
