import { describe, expect, it } from 'vitest';
import { indexTopology } from '../../graph/topology-index.js';
import { agent, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { planCollector } from '../plan.js';
import { networkPolicyObject } from './network-policy.js';

describe('networkPolicyObject', () => {
  it('GIVEN a gateway fed only from its cluster WHEN generated THEN OTLP, health and metrics are open to the cluster only', () => {
    const eks = cluster('eks', 'aws');
    const index = indexTopology(topology([site('aws'), eks, agent('agent', 'eks'), gateway('gw', 'eks'), flow('in', 'agent', 'gw')]));
    expect(networkPolicyObject(index, eks, planCollector(index, index.collector('gw')!)).spec).toStrictEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector', 'app.kubernetes.io/instance': 'gw' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: {} }],
          ports: [
            { protocol: 'TCP', port: 4317 },
            { protocol: 'TCP', port: 4318 },
          ],
        },
        {
          from: [{ namespaceSelector: {} }],
          ports: [
            { protocol: 'TCP', port: 13133 },
            { protocol: 'TCP', port: 8888 },
          ],
        },
      ],
    });
  });

  it('GIVEN senders in another site with CIDRs WHEN generated THEN their ranges and the own site\'s are allowed on OTLP', () => {
    const eks = cluster('eks', 'aws');
    const index = indexTopology(
      topology([
        site('aws', { cidrs: ['10.0.0.0/16'] }),
        site('dc', { provider: 'onprem', cidrs: ['192.168.0.0/20', '172.16.0.0/16'] }),
        eks,
        cluster('dc-k8s', 'dc', { platform: 'kubernetes' }),
        agent('agent', 'dc-k8s'),
        gateway('gw', 'eks'),
        flow('in', 'agent', 'gw'),
      ]),
    );
    const spec = networkPolicyObject(index, eks, planCollector(index, index.collector('gw')!)).spec as { ingress: Array<{ from: unknown[] }> };
    expect(spec.ingress[0]!.from).toStrictEqual([
      { namespaceSelector: {} },
      { ipBlock: { cidr: '10.0.0.0/16' } },
      { ipBlock: { cidr: '172.16.0.0/16' } },
      { ipBlock: { cidr: '192.168.0.0/20' } },
    ]);
    expect(spec.ingress[1]!.from).toStrictEqual([{ namespaceSelector: {} }]);
  });

  it('GIVEN a sender in a site without CIDRs WHEN generated THEN OTLP is open to anywhere', () => {
    const eks = cluster('eks', 'aws');
    const index = indexTopology(
      topology([site('aws'), site('az', { provider: 'azure', region: 'westeurope' }), eks, cluster('aks', 'az', { platform: 'aks' }), agent('agent', 'aks'), gateway('gw', 'eks'), flow('in', 'agent', 'gw')]),
    );
    const spec = networkPolicyObject(index, eks, planCollector(index, index.collector('gw')!)).spec as { ingress: Array<{ from: unknown[] }> };
    expect(spec.ingress[0]!.from).toStrictEqual([{ namespaceSelector: {} }, { ipBlock: { cidr: '0.0.0.0/0' } }]);
  });
});
