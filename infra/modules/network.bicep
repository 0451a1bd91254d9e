// Optional: a virtual network for the Flex Consumption app's outbound traffic, through a NAT gateway with one static
// public IP. WeCom accepts API calls (app messages, tokens) only from the IPs listed as the app's 企业可信IP, and a
// serverless app otherwise leaves from shared, changing addresses.

@description('Prefix of the resource names.')
param namePrefix string

@description('Region of the network resources (the app\'s).')
param location string

@description('Tags for the network resources.')
param tags object

@description('Address space of the virtual network.')
param addressPrefix string = '10.20.0.0/16'

@description('Subnet of the app; Flex Consumption needs it delegated to Microsoft.App/environments and alone in it.')
param appSubnetPrefix string = '10.20.0.0/24'

resource publicIp 'Microsoft.Network/publicIPAddresses@2026-03-01' = {
  name: '${namePrefix}-outbound-ip'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAddressVersion: 'IPv4'
    publicIPAllocationMethod: 'Static'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2026-03-01' = {
  name: '${namePrefix}-nat'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: publicIp.id
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: '${namePrefix}-vnet'
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
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          natGateway: {
            id: natGateway.id
          }
          delegations: [
            {
              name: 'flex-consumption'
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

@description('Resource id of the app subnet, for the site\'s virtualNetworkSubnetId.')
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'app')

@description('The static outbound IP to list as 企业可信IP in the WeCom admin console.')
output outboundIpAddress string = publicIp.properties.ipAddress
