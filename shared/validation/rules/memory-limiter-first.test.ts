import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { memoryLimiterFirst } from './memory-limiter-first.js';

type GatewayFields = Parameters<typeof b.gateway>[2];

/** agent → gateway (element 3) → debug backend. */
function design(gateway: GatewayFields): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks'),
    b.gateway('gateway', 'eks', gateway),
    b.backend('debug'),
    b.flow('agent-to-gateway', 'agent', 'gateway'),
    b.flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}

const overriddenTraces = (processors: string[]) => ({
  service: { pipelines: { traces: { receivers: ['otlp'], processors, exporters: ['debug/debug'] } } },
});


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
}

const tracesProcessors = ['service', 'pipelines', 'traces', 'processors'];
const onGateway = (path: (string | number)[]) => ({ collectorId: 'gateway', path });

const cases: Case[] = [
  { name: 'memory_limiter first everywhere', topology: b.agentToGateway(), diagnostics: [] },
  {
    name: 'no memory_limiter at all',
    topology: design({ processors: [{ type: 'batch' }] }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors'],
        config: onGateway(tracesProcessors),
        fix: true,
        message: /Collector 'gateway' has no memory_limiter processor \(pipelines `traces`\): under load/,
      },
    ],
  },
  {
    name: 'memory_limiter after another processor',
    topology: design({ processors: [{ type: 'batch' }, { type: 'memory_limiter' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 1],
        config: onGateway([...tracesProcessors, 1]),
        fix: true,
        message: /runs memory_limiter after batch .*Put it first/,
      },
    ],
  },
  {
    name: 'a pipeline in overrides without memory_limiter',
    topology: design({ overrides: overriddenTraces(['batch']) }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', ...tracesProcessors],
        config: onGateway(tracesProcessors),
        fix: true,
        message: /Pipeline `traces` of 'gateway' \(written in overrides\) has no memory_limiter/,
      },
    ],
  },
  {
    name: 'a pipeline in overrides with memory_limiter second',
    topology: design({ overrides: overriddenTraces(['batch', 'memory_limiter']) }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', ...tracesProcessors, 1],
        config: onGateway([...tracesProcessors, 1]),
        fix: true,
        message: /memory_limiter comes after `batch`/,
      },
    ],
  },
  {
    name: 'routed branches take data from a connector, not receivers: no limiter needed there',
    topology: b.topology([
      b.site('aws'),
      b.cluster('eks', 'aws'),
      b.gateway('router', 'eks'),
      b.backend('prod'),
      b.backend('rest'),
      b.flow('to-prod', 'router', 'prod', { route: { values: ['production'] } }),
      b.flow('to-rest', 'router', 'rest', { route: { default: true } }),
    ]),
    diagnostics: [],
  },
  {
    name: 'a collector with no flow has no pipeline to check',
    topology: b.topology([b.site('aws'), b.cluster('eks', 'aws'), b.agent('idle', 'eks', { processors: [] })]),
    diagnostics: [],
  },
];

describe('memory-limiter-first', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the generated configs
    const found = checkRule(memoryLimiterFirst, topology);
    // THEN it reports exactly the expected problems, where they come from
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology }) => {
    // GIVEN a design with the problem, WHEN its quick fix is applied,
    // THEN the rule reports nothing and the result is a valid model (applyFix asserts both)
    applyFix(memoryLimiterFirst, topology);
  });

  it('adds a memory_limiter with the model defaults', () => {
    // GIVEN a gateway without memory_limiter, WHEN the fix is applied
    const fixed = applyFix(memoryLimiterFirst, design({ processors: [{ type: 'batch' }] }));
    // THEN memory_limiter comes first with its defaults, before the existing batch
    const gateway = fixed.elements[3];
    expect(gateway?.kind === 'collector' && gateway.processors.map((processor) => processor.type)).toStrictEqual(['memory_limiter', 'batch']);
    expect(gateway?.kind === 'collector' && gateway.processors[0]).toMatchObject({ limitPercentage: 80, checkInterval: '1s' });
  });
});
