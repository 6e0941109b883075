import { describe, expect, it } from 'vitest';
import { agent, agentToGateway, backend, cluster, controlPlane, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { danglingReference } from './dangling-reference.js';

const base = agentToGateway();
const typo = topology([...base.elements, flow('agent-to-gw2', 'agent', 'gatewya')]);

const cases: RuleCase[] = [
  { name: 'every reference resolves to the right kind', topology: base, diagnostics: [] },
  {
    name: 'a flow to a mistyped collector id suggests the close one',
    topology: typo,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent-to-gw2'],
        message: /Flow 'agent-to-gw2' sends to 'gatewya', which does not exist\. Did you mean 'gateway'\?/,
        path: ['elements', 7, 'to'],
      },
    ],
  },
  {
    name: 'a flow from a backend: the wrong kind, naming both elements',
    topology: topology([...base.elements, flow('from-backend', 'debug', 'gateway')]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['from-backend', 'debug'],
        message: /sends from 'debug', which is a backend: `from` must name a collector/,
        path: ['elements', 7, 'from'],
      },
    ],
  },
  {
    name: 'every other reference: cluster.site, collector.cluster and controlPlane, link ends, backend.site, controlPlane.site',
    topology: topology([
      site('s1'),
      cluster('c1', 'nowhere-at-all'),
      agent('a1', 'no-such-cluster', { controlPlane: 'opamp-missing' }),
      gateway('g1', 'c1'),
      flow('f1', 'a1', 'g1'),
      flow('f2', 'g1', 'xray'),
      backend('xray', { type: 'awsxray', region: 'us-east-1', site: 'far-away-site' }),
      link('l1', 's1', 'a1'),
      controlPlane('cp', { site: 'c1' }),
    ]),
    diagnostics: [
      { severity: 'error', elementIds: ['c1'], message: /Cluster 'c1' is in site 'nowhere-at-all', which does not exist\. Point `site` at a site/, path: ['elements', 1, 'site'] },
      { severity: 'error', elementIds: ['a1'], message: /Collector 'a1' runs in cluster 'no-such-cluster', which does not exist/, path: ['elements', 2, 'cluster'] },
      { severity: 'error', elementIds: ['a1'], message: /managed by control plane 'opamp-missing', which does not exist/, path: ['elements', 2, 'controlPlane'] },
      { severity: 'error', elementIds: ['xray'], message: /Backend 'xray' is in site 'far-away-site'/, path: ['elements', 6, 'site'] },
      { severity: 'error', elementIds: ['l1', 'a1'], message: /Link 'l1' ends at site 'a1', which is a collector: `to` must name a site/, path: ['elements', 7, 'to'] },
      { severity: 'error', elementIds: ['cp', 'c1'], message: /Control plane 'cp' is in site 'c1', which is a cluster/, path: ['elements', 8, 'site'] },
    ],
  },
];

describe('dangling-reference', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(danglingReference, checkRule(danglingReference, model), diagnostics);
  });

  it('quick fix points the reference at the suggested element', () => {
    // GIVEN a flow to 'gatewya' WHEN applying the fix THEN it goes to 'gateway'
    const fixed = applyFix(danglingReference, typo);
    expect(fixed.elements[7]).toMatchObject({ id: 'agent-to-gw2', to: 'gateway' });
  });

  it('offers no fix when nothing is close', () => {
    const model = topology([...base.elements, flow('lost', 'agent', 'somewhere-else-entirely')]);
    expect(checkRule(danglingReference, model)[0]?.fix).toBeUndefined();
  });
});
