import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summaryWithoutFix, expectSummaries } from '../../testing/rule-cases.js';
import { k8sattributesOrder } from './k8sattributes-order.js';

type Fields = Parameters<typeof b.agent>[2];
type ProcessorList = NonNullable<Fields>['processors'];

/** agent (element 2) → gateway (element 3) → debug backend. */
function design(agent: Fields, gateway: Fields = {}): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks', agent),
    b.gateway('gateway', 'eks', gateway),
    b.backend('debug'),
    b.flow('agent-to-gateway', 'agent', 'gateway'),
    b.flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}

const processors = (...types: string[]): ProcessorList =>
  types.map((type) =>
    type === 'tail_sampling' ? { type, policies: [{ name: 'errors', type: 'status_code', statusCodes: ['ERROR'] }] } : { type },
  ) as ProcessorList;

const tracesProcessors = ['service', 'pipelines', 'traces', 'processors'];


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summaryWithoutFix> & { message: RegExp }>;
  /** Element and processor types after the fix. */
  fixed?: { element: number; types: string[] };
}

const cases: Case[] = [
  { name: 'k8s_attributes right after memory_limiter', topology: design({ processors: processors('memory_limiter', 'k8s_attributes', 'batch') }), diagnostics: [] },
  { name: 'no k8s_attributes at all', topology: b.agentToGateway(), diagnostics: [] },
  {
    name: 'k8s_attributes after batch',
    topology: design({ processors: processors('memory_limiter', 'batch', 'k8s_attributes') }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['agent'],
        path: ['elements', 2, 'processors', 2],
        config: { collectorId: 'agent', path: [...tracesProcessors, 2] },
        message: /Collector 'agent' runs k8s_attributes after `batch` \(pipelines `traces`\): batch drops the request context/,
      },
    ],
    fixed: { element: 2, types: ['memory_limiter', 'k8s_attributes', 'batch'] },
  },
  {
    name: 'k8s_attributes after tail_sampling on a gateway',
    topology: design({}, { processors: processors('memory_limiter', 'tail_sampling', 'k8s_attributes', 'batch') }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        path: ['elements', 3, 'processors', 2],
        config: { collectorId: 'gateway', path: [...tracesProcessors, 2] },
        message: /runs k8s_attributes after `tail_sampling`/,
      },
    ],
    fixed: { element: 3, types: ['memory_limiter', 'k8s_attributes', 'tail_sampling', 'batch'] },
  },
  {
    name: 'without memory_limiter the fix puts k8s_attributes first',
    topology: design({ processors: processors('batch', 'k8s_attributes') }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['agent'],
        path: ['elements', 2, 'processors', 1],
        config: { collectorId: 'agent', path: [...tracesProcessors, 1] },
        message: /after `batch`/,
      },
    ],
    fixed: { element: 2, types: ['k8s_attributes', 'batch'] },
  },
  {
    name: 'a pipeline in overrides with k8s_attributes after batch',
    topology: design({
      processors: processors('memory_limiter', 'k8s_attributes', 'batch'),
      overrides: {
        service: {
          pipelines: {
            traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch', 'k8s_attributes'], exporters: ['otlp_grpc/gateway'] },
          },
        },
      },
    }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['agent'],
        path: ['elements', 2, 'overrides', ...tracesProcessors, 2],
        config: { collectorId: 'agent', path: [...tracesProcessors, 2] },
        message: /In pipeline `traces` of 'agent' \(written in overrides\), k8s_attributes runs after `batch`/,
      },
    ],
  },
];

describe('k8sattributes-order', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the generated configs
    const found = checkRule(k8sattributesOrder, topology);
    // THEN it reports exactly the expected problems, each with a fix
    expectSummaries(found, diagnostics, summaryWithoutFix);
    expect(found.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology, fixed }) => {
    // GIVEN a design with the problem, WHEN its fix is applied
    const result = applyFix(k8sattributesOrder, topology);
    // THEN nothing is left to report (applyFix asserts it) and k8s_attributes follows memory_limiter
    if (fixed) {
      const collector = result.elements[fixed.element];
      expect(collector?.kind === 'collector' && collector.processors.map((processor) => processor.type)).toStrictEqual(fixed.types);
    }
  });
});
