// The Container Apps environment (workload profiles). Console logs go to Log Analytics; the managed
// OpenTelemetry agent forwards the apps' OTLP traces and logs to Application Insights (the platform sets
// OTEL_EXPORTER_OTLP_ENDPOINT in every app, so the code only needs the standard OTLP exporter).
import { dedicatedProfileType, tagsType } from 'types.bicep'

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagsType

@description('Environment name.')
param name string

@description('Log Analytics workspace of monitoring.bicep.')
param workspaceName string

@description('Application Insights component of monitoring.bicep.')
param appInsightsName string

@description('Subnet for the environment; empty uses a platform-managed network (then zone redundancy is unavailable).')
param infrastructureSubnetId string = ''

@description('Spread replicas over availability zones (needs infrastructureSubnetId).')
param zoneRedundant bool = false

@description('Optional dedicated profile for the apps; null runs them on the Consumption profile.')
param dedicatedProfile dedicatedProfileType?

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' existing = {
  name: workspaceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var consumptionProfile = {
  name: 'Consumption'
  workloadProfileType: 'Consumption'
}

// Preview API: openTelemetryConfiguration is not in a stable Microsoft.App version yet.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: appInsights.properties.ConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
      logsConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
    }
    workloadProfiles: dedicatedProfile == null
      ? [consumptionProfile]
      : [
          consumptionProfile
          {
            name: 'dedicated'
            workloadProfileType: dedicatedProfile!.workloadProfileType
            minimumCount: dedicatedProfile!.minimumCount
            maximumCount: dedicatedProfile!.maximumCount
          }
        ]
    vnetConfiguration: empty(infrastructureSubnetId)
      ? null
      : {
          infrastructureSubnetId: infrastructureSubnetId
          internal: false
        }
    zoneRedundant: zoneRedundant
  }
}

output id string = environment.id
@description('Apps with external ingress are reachable at https://<app name>.<defaultDomain>.')
output defaultDomain string = environment.properties.defaultDomain
@description('The workload profile the apps run on.')
output appWorkloadProfile string = dedicatedProfile == null ? 'Consumption' : 'dedicated'
