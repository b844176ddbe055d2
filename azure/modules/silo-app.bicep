// The silo: Orleans silo + HTTP API in one container app. External HTTPS ingress to port 8080; the
// Orleans silo (11111) and gateway (30000) ports are exposed inside the environment only, where silos
// talk to each other and the dashboard reaches the gateways at the addresses in the Azure Table.
import { apiKeyType, appSizeType, tagsType } from 'types.bicep'

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagsType

@description('Container app name; also the first label of its public host name.')
param name string

@description('Resource id of the Container Apps environment.')
param environmentId string

@description('Workload profile the app runs on.')
param workloadProfileName string

@description('Name of the user-assigned identity the app runs as (AcrPull, Key Vault and storage roles).')
param identityName string

@description('Registry login server, e.g. myregistry.azurecr.io.')
param registryServer string

@description('Full image reference.')
param image string

@description('https://<account>.blob.core.windows.net/')
param storageServiceUri string

@description('https://<vault>.vault.azure.net/')
param keyVaultUri string

@description('Orleans cluster id: silos and clients with the same id form one cluster.')
param clusterId string

@description('Orleans service id: keeps grain state across cluster redeployments.')
param serviceId string

@description('API keys; each hash comes from a Key Vault secret.')
param apiKeys apiKeyType[]

@description('Key Vault secret holding the key of the pseudonyms that replace personal user ids (AgentOps:Redaction:PseudonymKey).')
param pseudonymKeySecretName string = 'agentops-pseudonym-key'

@description('Replica floor; two or more so that a restart or a zone loss keeps the API up.')
@minValue(2)
param minReplicas int

@description('CPU, memory and scale-out bounds.')
param size appSizeType

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

var siloPort = 11111
var gatewayPort = 30000
var httpPort = 8080

var baseEnv = [
  { name: 'ASPNETCORE_HTTP_PORTS', value: string(httpPort) }
  // TLS ends at the Container Apps ingress: the client's address comes from X-Forwarded-For (per-address limits).
  { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'OTEL_SERVICE_NAME', value: 'agentops-silo' }
  { name: 'AgentOps__Profile', value: 'AzureStorage' }
  { name: 'AgentOps__Storage__ServiceUri', value: storageServiceUri }
  { name: 'Orleans__ClusterId', value: clusterId }
  { name: 'Orleans__ServiceId', value: serviceId }
  { name: 'Orleans__SiloPort', value: string(siloPort) }
  { name: 'Orleans__GatewayPort', value: string(gatewayPort) }
  { name: 'AgentOps__Redaction__PseudonymKey', secretRef: 'pseudonym-key' }
]

// AgentOps:Keys:N:{Project,Role,KeyHash}; the hash is a Key Vault reference, never a plain value.
var keyEnv = flatten(map(range(0, length(apiKeys)), i => [
  { name: 'AgentOps__Keys__${i}__Project', value: apiKeys[i].project }
  { name: 'AgentOps__Keys__${i}__Role', value: apiKeys[i].role }
  { name: 'AgentOps__Keys__${i}__KeyHash', secretRef: 'api-key-${i}-hash' }
]))

// The Key Vault references of the configured keys' hashes.
var keySecrets = [
  for (key, i) in apiKeys: {
    name: 'api-key-${i}-hash'
    keyVaultUrl: '${keyVaultUri}secrets/${key.secretName}'
    identity: identity.id
  }
]

resource silo 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: workloadProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: httpPort
        transport: 'http'
        allowInsecure: false
        additionalPortMappings: [
          {
            external: false
            targetPort: siloPort
            exposedPort: siloPort
          }
          {
            external: false
            targetPort: gatewayPort
            exposedPort: gatewayPort
          }
        ]
      }
      registries: [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      secrets: concat(keySecrets, [
        {
          name: 'pseudonym-key'
          keyVaultUrl: '${keyVaultUri}secrets/${pseudonymKeySecretName}'
          identity: identity.id
        }
      ])
    }
    template: {
      // Time for Orleans to hand grains over and leave the membership table before the replica stops.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'silo'
          image: image
          resources: {
            cpu: json(size.cpu)
            memory: size.memory
          }
          env: concat(baseEnv, keyEnv)
          probes: [
            {
              // Joining the cluster comes before Kestrel listens: allow up to ~2 minutes.
              type: 'Startup'
              httpGet: {
                path: '/health/live'
                port: httpPort
              }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 10
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: httpPort
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/health/ready'
                port: httpPort
              }
              periodSeconds: 5
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: size.maxReplicas
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: string(size.concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}
