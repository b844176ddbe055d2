// The one user-assigned identity both container apps run as. Its role assignments live next to the
// resources they grant access to (storage.bicep, registry.bicep, keyvault.bicep).
import { tagsType } from 'types.bicep'

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags tagsType

@description('Identity name.')
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output name string = identity.name
