import { describe, expect, it } from 'vitest';
import type { Element } from '../../model/topology.js';
import { agent, backend, cluster, flow, gateway, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { failoverTargetHidesFailures } from './failover-target-hides-failures.js';

/** A gateway failing over from a primary to a secondary backend; `primary` fields on the first flow. */
function design(primary: Parameters<typeof flow>[3], ...extra: Element[]) {
  return topology([
    site('s'),
    cluster('k', 's'),
    agent('agent', 'k'),
    gateway('gw', 'k'),
    backend('primary', { type: 'otlp', endpoint: 'primary:4317' }),
    backend('secondary', { type: 'otlp', endpoint: 'secondary:4317' }),
    flow('agent-to-gw', 'agent', 'gw'),
    flow('to-primary', 'gw', 'primary', { failoverPriority: 1, ...primary }),
    flow('to-secondary', 'gw', 'secondary', { failoverPriority: 2 }),
    ...extra,
  ]);
}

const retrying = design({ retry: { enabled: true } });
const queueing = design({ queue: { type: 'persistent' } });

const cases: RuleCase[] = [
  { name: 'failover flows left to the defaults (no retry, no queue)', topology: design({}), diagnostics: [] },
  { name: 'retry and queue explicitly off', topology: design({ retry: { enabled: false }, queue: { type: 'none' } }), diagnostics: [] },
  {
    name: 'retry turned on behind failover',
    topology: retrying,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['to-primary', 'gw', 'primary'],
        message: /Flow 'to-primary' is failover priority 1 of 'gw', but has retry on failure: .*never sees a failure .*\(contrib #50234, #36587\)\. Turn retry off and set the queue to none/,
        path: ['elements', 7, 'retry'],
      },
    ],
  },
  {
    name: 'a queue behind failover',
    topology: queueing,
    diagnostics: [{ severity: 'warning', elementIds: ['to-primary', 'gw', 'primary'], message: /has a persistent sending queue:/, path: ['elements', 7, 'queue'] }],
  },
  {
    name: 'both, and flows without failover may retry and queue',
    topology: design({ retry: { enabled: true }, queue: { type: 'memory' } }, flow('plain', 'gw', 'primary', { signals: ['logs'], retry: { enabled: true }, queue: { type: 'memory' } })),
    diagnostics: [{ severity: 'warning', elementIds: ['to-primary', 'gw', 'primary'], message: /has retry on failure and a memory sending queue/, path: ['elements', 7] }],
  },
];

describe('failover-target-hides-failures', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(failoverTargetHidesFailures, checkRule(failoverTargetHidesFailures, model), diagnostics);
  });

  it('quick fix turns retry off and the queue to none', () => {
    const expected = { retry: { enabled: false }, queue: { type: 'none' } };
    expect(applyFix(failoverTargetHidesFailures, retrying).elements[7]).toMatchObject(expected);
    expect(applyFix(failoverTargetHidesFailures, queueing).elements[7]).toMatchObject(expected);
  });
});
