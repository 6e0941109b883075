import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, agentToGateway, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { singlePointOfFailure } from './single-point-of-failure.js';

/** On-prem agents sending to a cloud gateway, over the given links. */
function hybrid(...extra: Element[]) {
  return topology([
    site('dc', { provider: 'onprem', region: 'paris' }),
    site('aws', { region: 'eu-west-3' }),
    cluster('k8s-dc', 'dc', { platform: 'kubernetes' }),
    cluster('eks', 'aws'),
    agent('agent-dc', 'k8s-dc'),
    gateway('gw-aws', 'eks'),
    backend('debug'),
    flow('dc-to-aws', 'agent-dc', 'gw-aws'),
    flow('gw-out', 'gw-aws', 'debug'),
    ...extra,
  ]);
}

const singleReplica = topology(
  agentToGateway().elements.map((element) => (element.id === 'gateway' ? { ...element, replicas: 1 } : element)),
);

const cases: RuleCase[] = [
  {
    name: 'Direct Connect with a VPN backup, two gateway replicas',
    topology: hybrid(link('dx', 'dc', 'aws', { type: 'aws-direct-connect' }), link('vpn', 'aws', 'dc')),
    diagnostics: [],
  },
  {
    name: 'a single Direct Connect carries every flow between the sites',
    topology: hybrid(link('dx', 'dc', 'aws', { type: 'aws-direct-connect' })),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['dx', 'dc-to-aws'],
        message: /Link 'dx' \(aws-direct-connect\) is the only network path between 'aws' and 'dc': if it fails, flows 'dc-to-aws' stop\. Add a second link/,
        path: ['elements', 9],
      },
    ],
  },
  {
    name: 'a link no flow crosses is not reported',
    topology: topology([site('a'), site('b'), link('idle', 'a', 'b')]),
    diagnostics: [],
  },
  {
    name: 'a gateway with one replica that agents send to',
    topology: singleReplica,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent'],
        message: /Gateway 'gateway' runs a single replica, and 'agent' send to it: .*Run at least 2 replicas/,
        path: ['elements', 3, 'replicas'],
      },
    ],
  },
  {
    name: 'one replica with autoscaling, or a gateway nobody sends to, is fine',
    topology: topology([
      ...agentToGateway().elements.map((element) =>
        element.id === 'gateway' ? { ...element, replicas: 1, autoscaling: { minReplicas: 1, maxReplicas: 4, targetCpuUtilization: 70 } } : element,
      ),
      gateway('spare', 'eks-prod', { replicas: 1 }),
    ]),
    diagnostics: [],
  },
];

describe('single-point-of-failure', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(singlePointOfFailure, checkRule(singlePointOfFailure, model), diagnostics);
  });

  it('reports every link of a chain with no alternative, for the pair that needs it', () => {
    // GIVEN dc → transit → aws over two single links
    const model = hybrid(site('transit'), link('l1', 'dc', 'transit'), link('l2', 'transit', 'aws'));
    // WHEN checking THEN both links are single points of failure for dc–aws
    expect(checkRule(singlePointOfFailure, model).map((diagnostic) => diagnostic.elementIds[0])).toStrictEqual(['l1', 'l2']);
  });

  it('quick fix runs two replicas', () => {
    const fixed = applyFix(singlePointOfFailure, singleReplica);
    expect(fixed.elements[3]).toMatchObject({ id: 'gateway', replicas: 2 });
  });
});
