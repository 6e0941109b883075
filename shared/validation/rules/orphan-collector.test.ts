import { describe, it } from 'vitest';
import { agent, agentToGateway, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { orphanCollector } from './orphan-collector.js';

const base = [site('s'), cluster('k', 's'), backend('debug')];

const cases: RuleCase[] = [
  { name: 'agent → gateway → backend: every collector sends and the gateway is fed', topology: agentToGateway(), diagnostics: [] },
  {
    name: 'an agent without outgoing flow has no pipeline',
    topology: topology([...base, agent('lonely', 'k')]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['lonely'],
        message: /Collector 'lonely' sends its data nowhere: .*no pipeline, and the collector will not start\. Add a flow/,
        path: ['elements', 3],
      },
    ],
  },
  {
    name: 'a flow to a missing target makes no pipeline either',
    topology: topology([...base, agent('a', 'k'), flow('f', 'a', 'missing')]),
    diagnostics: [{ severity: 'error', elementIds: ['a'], message: /will not start/ }],
  },
  {
    name: 'pipelines written in the overrides are enough',
    topology: topology([...base, agent('a', 'k', { overrides: { service: { pipelines: { traces: { receivers: ['otlp'], exporters: ['debug'] } } } } })]),
    diagnostics: [],
  },
  {
    name: 'a gateway nothing sends to: a warning, it may be fed by applications',
    topology: topology([...base, gateway('gw', 'k'), flow('out', 'gw', 'debug')]),
    diagnostics: [
      { severity: 'warning', elementIds: ['gw'], message: /Gateway 'gw' receives no flow from any collector: unless applications send to it directly/ },
    ],
  },
  {
    name: 'a gateway with neither: only the error',
    topology: topology([...base, gateway('gw', 'k')]),
    diagnostics: [{ severity: 'error', elementIds: ['gw'], message: /will not start/ }],
  },
];

describe('orphan-collector', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(orphanCollector, checkRule(orphanCollector, model), diagnostics);
  });
});
