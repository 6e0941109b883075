import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, agentToGateway, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { agentBypassesGateway } from './agent-bypasses-gateway.js';

/** An agent sending traces and metrics to a gateway, plus the given flows. */
function design(...extra: Element[]) {
  return topology([
    site('s'),
    cluster('k', 's'),
    agent('agent', 'k'),
    gateway('gw', 'k'),
    backend('tempo', { type: 'otlp', endpoint: 'tempo:4317' }),
    flow('to-gw', 'agent', 'gw', { signals: ['traces', 'metrics'] }),
    flow('gw-out', 'gw', 'tempo', { signals: ['traces', 'metrics'] }),
    ...extra,
  ]);
}

const partly = design(flow('direct', 'agent', 'tempo', { signals: ['traces', 'logs'] }));
const wholly = design(flow('direct', 'agent', 'tempo', { signals: ['metrics'] }));

const cases: RuleCase[] = [
  { name: 'everything through the gateway', topology: agentToGateway(), diagnostics: [] },
  {
    name: 'logs straight to a backend are fine when the gateway does not take logs',
    topology: design(flow('logs', 'agent', 'tempo', { signals: ['logs'] })),
    diagnostics: [],
  },
  {
    name: 'traces both to the gateway and straight to the backend',
    topology: partly,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['direct', 'agent', 'tempo', 'gw'],
        message: /Agent 'agent' sends traces to gateway 'gw' and also straight to backend 'tempo' \(flow 'direct'\): the direct copy bypasses the gateway's sampling/,
        path: ['elements', 7],
      },
    ],
  },
  {
    name: "routes that split the data are not a bypass (development → local, the rest → gateway)",
    topology: topology([
      ...design().elements.map((element) => (element.id === 'to-gw' ? { ...element, route: { attribute: 'deployment.environment.name', values: [], default: true } } : element)),
      flow('dev', 'agent', 'tempo', { signals: ['traces'], route: { values: ['development'] } }),
    ]),
    diagnostics: [],
  },
  {
    name: 'a routed direct flow beside an unrouted gateway flow duplicates that part',
    topology: design(flow('dev', 'agent', 'tempo', { signals: ['traces'], route: { values: ['development'] } })),
    diagnostics: [{ severity: 'warning', elementIds: ['dev', 'agent', 'tempo', 'gw'], message: /sends traces to gateway 'gw'/ }],
  },
  {
    name: 'a backend as failover of the gateway is an alternative, not a bypass',
    topology: topology([
      ...design().elements.map((element) => (element.id === 'to-gw' ? { ...element, failoverPriority: 1 } : element)),
      flow('fallback', 'agent', 'tempo', { signals: ['traces'], failoverPriority: 2 }),
    ]),
    diagnostics: [],
  },
  {
    name: 'gateways may send to backends: only agents are checked',
    topology: design(flow('gw-copy', 'gw', 'tempo', { signals: ['traces'] })),
    diagnostics: [],
  },
];

describe('agent-bypasses-gateway', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(agentBypassesGateway, checkRule(agentBypassesGateway, model), diagnostics);
  });

  it('quick fix drops the duplicated signal and keeps the others', () => {
    // GIVEN a direct flow of traces and logs, traces also going through the gateway WHEN fixing
    const fixed = applyFix(agentBypassesGateway, partly);
    // THEN the direct flow carries logs only
    expect(fixed.elements.find((element) => element.id === 'direct')).toMatchObject({ signals: ['logs'] });
  });

  it('quick fix removes a direct flow whose every signal goes through the gateway', () => {
    const fixed = applyFix(agentBypassesGateway, wholly);
    expect(fixed.elements.map((element) => element.id)).not.toContain('direct');
  });
});
