import { describe, expect, it } from 'vitest';
import type { Processor } from '../../model/collector.js';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summaryWithoutFix, expectSummaries } from '../../testing/rule-cases.js';
import { batchLast } from './batch-last.js';

type ProcessorInput = Record<string, unknown> & { type: string };
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

/** A collector in the Lambda layer (element 2) exporting to a vendor. */
function lambda(processors: ProcessorInput[]): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('functions', 'aws', { platform: 'lambda' }),
    b.agent('orders', 'functions', { processors: processors as NonNullable<GatewayFields>['processors'] }),
    b.backend('vendor', { type: 'otlphttp', endpoint: 'https://otlp.example.com' }),
    b.flow('orders-to-vendor', 'orders', 'vendor'),
  ]);
}

const sampling: ProcessorInput = { type: 'tail_sampling', policies: [{ name: 'errors', type: 'status_code', statusCodes: ['ERROR'] }] };
const tracesProcessors = ['service', 'pipelines', 'traces', 'processors'];


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summaryWithoutFix> & { message: RegExp }>;
  /** Processor types of the first collector with processors after the fix. */
  fixed?: { element: number; types: string[] };
}

const cases: Case[] = [
  { name: 'memory_limiter … batch', topology: b.agentToGateway(), diagnostics: [] },
  {
    name: 'no batch processor',
    topology: design({ processors: [{ type: 'memory_limiter' }] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors'],
        config: { collectorId: 'gateway', path: tracesProcessors },
        message: /Collector 'gateway' \(pipelines `traces`\) has no batch processor/,
      },
    ],
    fixed: { element: 3, types: ['memory_limiter', 'batch'] },
  },
  {
    name: 'tail_sampling after batch',
    topology: design({ processors: [{ type: 'memory_limiter' }, { type: 'batch' }, sampling as Processor] }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 1],
        config: { collectorId: 'gateway', path: [...tracesProcessors, 1] },
        message: /runs `tail_sampling` after batch\. Batch should come last/,
      },
    ],
    fixed: { element: 3, types: ['memory_limiter', 'tail_sampling', 'batch'] },
  },
  {
    name: 'a pipeline in overrides without batch',
    topology: design({ overrides: { service: { pipelines: { traces: { receivers: ['otlp'], processors: ['memory_limiter'], exporters: ['debug/debug'] } } } } }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'overrides', ...tracesProcessors],
        config: { collectorId: 'gateway', path: tracesProcessors },
        message: /Pipeline `traces` of 'gateway' \(written in overrides\) has no batch processor/,
      },
    ],
  },
  { name: 'Lambda: batch then decouple', topology: lambda([{ type: 'memory_limiter' }, { type: 'batch' }, { type: 'decouple' }]), diagnostics: [] },
  {
    name: 'Lambda: batch without decouple',
    topology: lambda([{ type: 'memory_limiter' }, { type: 'batch' }]),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['orders'],
        path: ['elements', 2, 'processors', 1],
        config: { collectorId: 'orders', path: [...tracesProcessors, 1] },
        message: /Lambda collector 'orders' .* without decouple after batch: the function waits/,
      },
    ],
    fixed: { element: 2, types: ['memory_limiter', 'batch', 'decouple'] },
  },
  {
    name: 'Lambda: decouple before batch',
    topology: lambda([{ type: 'memory_limiter' }, { type: 'decouple' }, { type: 'batch' }]),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['orders'],
        path: ['elements', 2, 'processors', 2],
        config: { collectorId: 'orders', path: [...tracesProcessors, 2] },
        message: /without decouple after batch/,
      },
    ],
    fixed: { element: 2, types: ['memory_limiter', 'batch', 'decouple'] },
  },
  {
    name: 'Lambda: another processor between batch and decouple',
    topology: lambda([{ type: 'memory_limiter' }, { type: 'batch' }, { type: 'attributes', actions: [{ key: 'x', action: 'delete' }] }, { type: 'decouple' }]),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['orders'],
        path: ['elements', 2, 'processors', 1],
        config: { collectorId: 'orders', path: [...tracesProcessors, 1] },
        message: /runs `attributes` after batch/,
      },
    ],
    fixed: { element: 2, types: ['memory_limiter', 'attributes', 'batch', 'decouple'] },
  },
];

describe('batch-last', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the generated configs
    const found = checkRule(batchLast, topology);
    // THEN it reports exactly the expected problems, where they come from, each with a fix
    expectSummaries(found, diagnostics, summaryWithoutFix);
    expect(found.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology, fixed }) => {
    // GIVEN a design with the problem, WHEN its quick fix is applied
    const result = applyFix(batchLast, topology);
    // THEN the rule reports nothing (applyFix asserts it) and the processors are in the expected order
    if (fixed) {
      const collector = result.elements[fixed.element];
      expect(collector?.kind === 'collector' && collector.processors.map((processor) => processor.type)).toStrictEqual(fixed.types);
    }
  });
});
