// Development: smallest footprint that still runs a real two-silo cluster.
// Values that differ per person come from environment variables (docs/deploy-azure.md, "Deploy").
using 'main.bicep'

param environmentName = 'dev'
param deployApps = bool(readEnvironmentVariable('AGENTOPS_DEPLOY_APPS', 'true'))
param imageTag = readEnvironmentVariable('AGENTOPS_IMAGE_TAG', 'latest')
param operatorPrincipalId = readEnvironmentVariable('AGENTOPS_OPERATOR_ID', '')
param nameSeed = readEnvironmentVariable('AGENTOPS_NAME_SEED', '')

param siloMinReplicas = 2
param silo = {
  cpu: '0.5'
  memory: '1Gi'
  maxReplicas: 4
  concurrentRequests: 100
}

param dashboardMinReplicas = 1
param dashboard = {
  cpu: '0.5'
  memory: '1Gi'
  maxReplicas: 1
  concurrentRequests: 50
}

param apiKeys = [
  {
    project: 'default'
    role: 'admin'
    secretName: 'agentops-key-default-admin'
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

param storageSku = 'Standard_LRS'
param registrySku = 'Basic'
// Short retention so a torn-down dev vault frees its name after a week.
param keyVaultRetentionInDays = 7
param keyVaultNetworkDefaultAction = 'Allow'
param logRetentionInDays = 30
param zoneRedundant = false
