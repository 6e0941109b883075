import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { spanMetricsBehindTraceLb } from './span-metrics-behind-trace-lb.js';

type Fields = Parameters<typeof b.gateway>[2];
type Processors = NonNullable<Fields>['processors'];
type RoutingKey = 'traceID' | 'service';

const sampling = [
  { type: 'memory_limiter' },
  { type: 'tail_sampling', policies: [{ name: 'errors', type: 'status_code', statusCodes: ['ERROR'] }] },
  { type: 'batch' },
] as Processors;

/** agent → gateway (element 3) → debug; the balanced flow is element 5. */
function design(routingKey: RoutingKey, gateway: Fields): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks'),
    b.gateway('gateway', 'eks', gateway),
    b.backend('debug'),
    b.flow('agent-to-gateway', 'agent', 'gateway', { balancing: { routingKey, resolver: 'k8s' } }),
    b.flow('gateway-to-debug', 'gateway', 'debug', { signals: ['traces', 'metrics'] }),
  ]);
}


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
  /** The flow's routing key once the fix is applied. */
  fixedKey?: RoutingKey;
}

const flowKey = ['elements', 5, 'balancing', 'routingKey'];
const at = (connector: string) => ({ collectorId: 'gateway', path: ['connectors', connector] });

const cases: Case[] = [
  { name: 'span metrics behind balancing by service', topology: design('service', { connectors: [{ type: 'span_metrics' }] }), diagnostics: [] },
  { name: 'a service graph behind balancing by trace ID', topology: design('traceID', { connectors: [{ type: 'service_graph' }] }), diagnostics: [] },
  { name: 'one replica sees every span', topology: design('traceID', { replicas: 1, connectors: [{ type: 'span_metrics' }] }), diagnostics: [] },
  {
    name: 'span metrics behind trace-ID balancing',
    topology: design('traceID', { connectors: [{ type: 'span_metrics' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent-to-gateway'],
        path: flowKey,
        config: at('span_metrics'),
        fix: true,
        message: /'gateway' computes span metrics \(`span_metrics`\) behind flow 'agent-to-gateway', which balances by traceID: .*Balance the flow by service\./,
      },
    ],
    fixedKey: 'service',
  },
  {
    name: 'span metrics next to tail sampling: no routing key serves both',
    topology: design('traceID', { processors: sampling, connectors: [{ type: 'span_metrics' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent-to-gateway'],
        path: flowKey,
        config: at('span_metrics'),
        fix: false,
        message: /Its tail sampling needs traceID, so compute span metrics before the trace-ID tier/,
      },
    ],
  },
  {
    name: 'a service graph behind balancing by service',
    topology: design('service', { connectors: [{ type: 'service_graph' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent-to-gateway'],
        path: flowKey,
        config: at('service_graph'),
        fix: true,
        message: /builds a service graph \(`service_graph`\) .* balances by service: the client and server spans .* Balance the flow by traceID\./,
      },
    ],
    fixedKey: 'traceID',
  },
];

describe('span-metrics-behind-trace-lb', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the derived-metrics connectors
    const found = checkRule(spanMetricsBehindTraceLb, topology);
    // THEN it reports exactly the expected problems
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.fixedKey))('fixes: $name', ({ topology, fixedKey }) => {
    // GIVEN a connector behind the wrong routing key, WHEN the fix is applied
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    const fixed = applyFix(spanMetricsBehindTraceLb, topology);
    // AND the flow balances by the key the connector needs
    const flow = fixed.elements[5];
    expect(flow?.kind === 'flow' && flow.balancing?.routingKey).toBe(fixedKey);
  });
});
