// A virtual network for the Container Apps environment. Only needed for zone redundancy, which
// Container Apps supports only in an environment with its own subnet.
import { tagsType } from 'types.bicep'

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagsType

@description('Virtual network name.')
param name string

@description('Address space of the network.')
param addressPrefix string = '10.40.0.0/16'

@description('Subnet of the environment: /27 is the minimum for a workload profiles environment; /23 leaves room for many replicas.')
param subnetPrefix string = '10.40.0.0/23'

var subnetName = 'container-apps'

resource vnet 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: subnetName
        properties: {
          addressPrefix: subnetPrefix
          delegations: [
            {
              name: 'container-apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
    ]
  }
}

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2024-07-01' existing = {
  parent: vnet
  name: subnetName
}

output subnetId string = subnet.id
