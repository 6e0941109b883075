import { describe, it } from 'vitest';
import { agentToGateway, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { flowCycle } from './flow-cycle.js';

const gateways = [site('s'), cluster('k', 's'), gateway('g1', 'k'), gateway('g2', 'k'), gateway('g3', 'k'), backend('debug')];

const cases: RuleCase[] = [
  { name: 'agent → gateway → backend has no cycle', topology: agentToGateway(), diagnostics: [] },
  {
    name: 'three gateways sending traces round, reported once in order',
    topology: topology([...gateways, flow('f12', 'g1', 'g2'), flow('f23', 'g2', 'g3'), flow('f31', 'g3', 'g1'), flow('out', 'g3', 'debug')]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['g1', 'g2', 'g3', 'f12', 'f23', 'f31'],
        message: /Collectors 'g1' → 'g2' → 'g3' → 'g1' send traces round in a loop.*Remove one of the flows 'f12', 'f23', 'f31'/,
        path: ['elements', 6],
      },
    ],
  },
  {
    name: 'two loops sharing a gateway are two problems',
    topology: topology([...gateways, flow('f12', 'g1', 'g2'), flow('f21', 'g2', 'g1'), flow('f13', 'g1', 'g3'), flow('f31', 'g3', 'g1')]),
    diagnostics: [
      { severity: 'error', elementIds: ['g1', 'g2', 'f12', 'f21'], message: /'g1' → 'g2' → 'g1'/ },
      { severity: 'error', elementIds: ['g1', 'g3', 'f13', 'f31'], message: /'g1' → 'g3' → 'g1'/ },
    ],
  },
  {
    name: 'a collector sending to itself',
    topology: topology([...gateways, flow('self', 'g1', 'g1', { signals: ['logs'] })]),
    diagnostics: [{ severity: 'error', elementIds: ['g1', 'self'], message: /'g1' → 'g1' send logs round/ }],
  },
  {
    name: 'traces one way and metrics back is not a loop: no signal goes round',
    topology: topology([...gateways, flow('f12', 'g1', 'g2', { signals: ['traces'] }), flow('f21', 'g2', 'g1', { signals: ['metrics'] })]),
    diagnostics: [],
  },
];

describe('flow-cycle', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(flowCycle, checkRule(flowCycle, model), diagnostics);
  });
});
