/** The small topology the command tests start from: a site, a cluster and a gateway with its place. */
export const GATEWAY_TOPOLOGY = `schemaVersion: 1
name: demo
elements:
  - kind: site
    id: aws-use1
    provider: aws
    region: us-east-1
  - kind: cluster
    id: eks
    site: aws-use1
    platform: eks
  - kind: collector
    id: gateway
    cluster: eks
    role: gateway
    replicas: 2
layout:
  gateway: { x: 40, y: 60 }
`;
