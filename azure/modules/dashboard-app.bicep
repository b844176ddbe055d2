// The dashboard: a Blazor Server app and Orleans client. It finds the silos' gateways (port 30000) in
// the Azure Table membership and connects to them inside the environment; people sign in with Entra ID.
import { appSizeType, entraRoleMappingType, tagsType } from 'types.bicep'

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

@description('Orleans cluster id of the silos.')
param clusterId string

@description('Orleans service id of the silos.')
param serviceId string

@description('Entra ID tenant of the sign-in.')
param tenantId string

@description('Application (client) id of the dashboard\'s app registration.')
param clientId string

@description('Key Vault secret holding the client secret.')
param clientSecretName string

@description('Which app roles or groups give which project role.')
param roleMappings entraRoleMappingType[]

@description('Replica floor.')
@minValue(1)
param minReplicas int

@description('CPU, memory and scale-out bounds.')
param size appSizeType

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

var httpPort = 8080

// AgentOps:Dashboard:EntraId:RoleMappings:N:{Claim,Project,Role}
var roleMappingEnv = flatten(map(range(0, length(roleMappings)), i => [
  { name: 'AgentOps__Dashboard__EntraId__RoleMappings__${i}__Claim', value: roleMappings[i].claim }
  { name: 'AgentOps__Dashboard__EntraId__RoleMappings__${i}__Project', value: roleMappings[i].project }
  { name: 'AgentOps__Dashboard__EntraId__RoleMappings__${i}__Role', value: roleMappings[i].role }
]))

resource dashboard 'Microsoft.App/containerApps@2025-07-01' = {
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
        // A Blazor Server circuit lives on one replica: keep each browser on the replica it started on.
        stickySessions: {
          affinity: 'sticky'
        }
      }
      registries: [
        {
          server: registryServer
          identity: identity.id
        }
      ]
      secrets: [
        {
          name: 'entra-client-secret'
          keyVaultUrl: '${keyVaultUri}secrets/${clientSecretName}'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'dashboard'
          image: image
          resources: {
            cpu: json(size.cpu)
            memory: size.memory
          }
          env: concat([
            { name: 'ASPNETCORE_HTTP_PORTS', value: string(httpPort) }
            // TLS ends at the Container Apps ingress: honour X-Forwarded-Proto so sign-in redirects use https.
            { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'OTEL_SERVICE_NAME', value: 'agentops-dashboard' }
            { name: 'AgentOps__Profile', value: 'AzureStorage' }
            { name: 'AgentOps__Storage__ServiceUri', value: storageServiceUri }
            { name: 'Orleans__ClusterId', value: clusterId }
            { name: 'Orleans__ServiceId', value: serviceId }
            { name: 'AzureAd__Instance', value: environment().authentication.loginEndpoint }
            { name: 'AzureAd__TenantId', value: tenantId }
            { name: 'AzureAd__ClientId', value: clientId }
            { name: 'AzureAd__ClientSecret', secretRef: 'entra-client-secret' }
            { name: 'AgentOps__Dashboard__SignIn__Mode', value: 'EntraId' }
          ], roleMappingEnv)
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/health/live'
                port: httpPort
              }
              initialDelaySeconds: 10
              periodSeconds: 10
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
