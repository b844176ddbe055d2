// Shared parameter shapes, imported by main.bicep and the modules.

@export()
@description('Resource tags.')
type tagsType = {
  *: string
}

@export()
@description('CPU, memory and scale-out bounds of one container app (the replica floor is a separate parameter).')
type appSizeType = {
  @description('vCPU per replica, as a string because Bicep has no decimals, e.g. \'0.5\'.')
  cpu: string

  @description('Memory per replica, e.g. \'1Gi\'; Container Apps requires 2 GiB per vCPU on the Consumption profile.')
  memory: string

  @description('Upper bound for the HTTP scale rule.')
  @minValue(1)
  @maxValue(300)
  maxReplicas: int

  @description('Concurrent HTTP requests per replica before the HTTP scale rule adds one.')
  @minValue(1)
  concurrentRequests: int
}

@export()
@description('An API key of the silo: its SHA-256 hash lives in Key Vault under secretName.')
type apiKeyType = {
  @description('The project the key belongs to.')
  project: string

  @description('ingest, read or admin (API.md "Identity and keys").')
  role: ('ingest' | 'read' | 'admin')

  @description('Key Vault secret holding the SHA-256 hex of the key (never the key itself).')
  @minLength(1)
  @maxLength(127)
  secretName: string
}

@export()
@description('Microsoft Entra ID sign-in of the dashboard.')
type dashboardAuthType = {
  @description('Directory (tenant) id; empty means the tenant of the deployment.')
  tenantId: string

  @description('Application (client) id of the dashboard\'s app registration; empty skips the dashboard.')
  clientId: string

  @description('Key Vault secret holding the app registration\'s client secret.')
  @minLength(1)
  @maxLength(127)
  clientSecretName: string

  @description('Which app roles or groups give which project role (viewer, operator, admin).')
  roleMappings: entraRoleMappingType[]
}

@export()
@description('An Entra app role (or group object id) that gives a role in a project of the dashboard.')
type entraRoleMappingType = {
  @description('App role value or group object id, as it appears in the token\'s roles or groups claim.')
  claim: string

  @description('AgentOps project id.')
  project: string

  role: 'viewer' | 'operator' | 'admin'
}

@export()
@description('A dedicated workload profile for the apps (instead of the serverless Consumption profile).')
type dedicatedProfileType = {
  @description('Workload profile type, e.g. D4 (4 vCPU, 16 GiB) or E4 (memory optimized).')
  workloadProfileType: string

  @description('Nodes that always run (3 or more spreads them over zones when the environment is zone redundant).')
  @minValue(1)
  minimumCount: int

  @description('Upper bound of nodes.')
  @minValue(1)
  maximumCount: int
}
