import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { crossSiteReliability } from './cross-site-reliability.js';

/** An on-prem agent and a cloud gateway joined by a VPN, plus the given flows. */
function design(...extra: Element[]) {
  return topology([
    site('dc', { provider: 'onprem', region: 'paris' }),
    site('aws'),
    link('vpn', 'dc', 'aws'),
    cluster('k8s', 'dc', { platform: 'kubernetes' }),
    cluster('eks', 'aws'),
    agent('agent', 'k8s'),
    gateway('gw', 'eks'),
    backend('debug'),
    flow('gw-out', 'gw', 'debug'),
    ...extra,
  ]);
}

const persistent = { type: 'persistent', size: 5000, consumers: 10 } as const;
const uncompressed = design(flow('wan', 'agent', 'gw', { compression: 'none', queue: persistent }));
const noRetry = design(flow('wan', 'agent', 'gw', { retry: { enabled: false }, queue: persistent }));
const memoryQueue = design(flow('wan', 'agent', 'gw', { queue: { type: 'memory', size: 5000 } }));

const cases: RuleCase[] = [
  { name: 'gzip, retry and a persistent queue', topology: design(flow('wan', 'agent', 'gw', { queue: persistent })), diagnostics: [] },
  {
    name: 'no compression',
    topology: uncompressed,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['wan'],
        message: /Flow 'wan' crosses from site 'dc' to site 'aws' without compression: .*five times the bytes\. Use gzip/,
        path: ['elements', 9, 'compression'],
      },
    ],
  },
  {
    name: 'retry disabled',
    topology: noRetry,
    diagnostics: [{ severity: 'warning', elementIds: ['wan'], message: /with retry disabled: every network blip .* drops data/, path: ['elements', 9, 'retry', 'enabled'] }],
  },
  {
    name: 'the default queue lives in memory',
    topology: design(flow('wan', 'agent', 'gw')),
    diagnostics: [{ severity: 'warning', elementIds: ['wan'], message: /with only an in-memory queue: .*lost when the collector restarts\. Use a persistent queue/, path: ['elements', 9] }],
  },
  {
    name: 'an explicit memory queue, and no queue at all',
    topology: design(flow('wan', 'agent', 'gw', { queue: { type: 'memory' } }), flow('wan2', 'agent', 'gw', { signals: ['logs'], queue: { type: 'none' } })),
    diagnostics: [
      { severity: 'warning', elementIds: ['wan'], message: /with an in-memory queue/, path: ['elements', 9, 'queue'] },
      { severity: 'warning', elementIds: ['wan2'], message: /with no sending queue/, path: ['elements', 10, 'queue'] },
    ],
  },
  {
    name: 'behind failover only compression is checked: retry and queue must stay off there',
    topology: design(flow('wan', 'agent', 'gw', { failoverPriority: 1, compression: 'none' })),
    diagnostics: [{ severity: 'warning', elementIds: ['wan'], message: /without compression/ }],
  },
  {
    name: 'settings the target exporter ignores are not asked for (X-Ray has its own transport)',
    topology: design(backend('xray', { type: 'awsxray', region: 'eu-west-3', site: 'aws' }), flow('to-xray', 'agent', 'xray', { compression: 'none' })),
    diagnostics: [],
  },
  {
    name: 'flows inside one site are not checked',
    topology: design(gateway('gw2', 'eks'), flow('local', 'gw', 'gw2', { compression: 'none', queue: { type: 'none' } })),
    diagnostics: [],
  },
];

describe('cross-site-reliability', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(crossSiteReliability, checkRule(crossSiteReliability, model), diagnostics);
  });

  it('quick fixes: gzip, retry back on, a persistent queue keeping its size', () => {
    expect(applyFix(crossSiteReliability, uncompressed).elements[9]).toMatchObject({ compression: 'gzip' });
    expect(applyFix(crossSiteReliability, noRetry).elements[9]).toMatchObject({ retry: { enabled: true, initialInterval: '5s' } });
    expect(applyFix(crossSiteReliability, memoryQueue).elements[9]).toMatchObject({ queue: { type: 'persistent', size: 5000, consumers: 10 } });
  });
});
