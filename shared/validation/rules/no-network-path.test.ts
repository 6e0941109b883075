import { describe, expect, it } from 'vitest';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import type { Element } from '../../model/topology.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { noNetworkPath } from './no-network-path.js';

/** An agent in aws-use1 sending to a gateway in azure-weu, plus the given links. */
function twoSites(...extra: Element[]) {
  return topology([
    site('aws-use1'),
    site('azure-weu', { provider: 'azure', region: 'westeurope' }),
    site('gcp-euw1', { provider: 'gcp', region: 'europe-west1' }),
    cluster('eks', 'aws-use1'),
    cluster('aks', 'azure-weu', { platform: 'aks' }),
    agent('agent', 'eks'),
    gateway('gw-weu', 'aks'),
    flow('to-weu', 'agent', 'gw-weu'),
    ...extra,
  ]);
}

const unlinked = twoSites();

const cases: RuleCase[] = [
  { name: 'a direct link joins the sites', topology: twoSites(link('vpn', 'azure-weu', 'aws-use1')), diagnostics: [] },
  {
    name: 'a chain of links through a third site joins them',
    topology: twoSites(link('l1', 'aws-use1', 'gcp-euw1'), link('l2', 'gcp-euw1', 'azure-weu')),
    diagnostics: [],
  },
  {
    name: 'flows inside one site or to a backend without a site need no link',
    topology: topology([site('s'), cluster('k', 's'), agent('a', 'k'), gateway('g', 'k'), backend('saas'), flow('f1', 'a', 'g'), flow('f2', 'g', 'saas')]),
    diagnostics: [],
  },
  {
    name: 'no link at all between the sites',
    topology: unlinked,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['to-weu', 'aws-use1', 'azure-weu'],
        message: /Flow 'to-weu' sends from 'agent' in site 'aws-use1' to 'gw-weu' in site 'azure-weu', but no link .* connects the two sites\. Add a link/,
        path: ['elements', 7],
      },
    ],
  },
  {
    name: 'links that lead elsewhere do not count',
    topology: twoSites(link('l1', 'aws-use1', 'gcp-euw1')),
    diagnostics: [{ severity: 'error', elementIds: ['to-weu', 'aws-use1', 'azure-weu'], message: /no link/ }],
  },
  {
    name: 'a backend in an unlinked site',
    topology: twoSites(
      link('vpn', 'azure-weu', 'aws-use1'),
      backend('monitor', { type: 'googlecloud', project: 'p', site: 'gcp-euw1' }),
      flow('to-monitor', 'gw-weu', 'monitor', { signals: ['metrics'] }),
    ),
    diagnostics: [{ severity: 'error', elementIds: ['to-monitor', 'azure-weu', 'gcp-euw1'], message: /'monitor' in site 'gcp-euw1'/ }],
  },
];

describe('no-network-path', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(noNetworkPath, checkRule(noNetworkPath, model), diagnostics);
  });

  it('quick fix adds a VPN link between the two sites', () => {
    // GIVEN no link WHEN applying the fix THEN a VPN joins aws-use1 and azure-weu
    const fixed = applyFix(noNetworkPath, unlinked);
    expect(fixed.elements.at(-1)).toMatchObject({ kind: 'link', id: 'aws-use1-azure-weu-vpn', from: 'aws-use1', to: 'azure-weu', type: 'vpn-ipsec' });
  });
});
