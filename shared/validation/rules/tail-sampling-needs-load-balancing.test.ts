import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { tailSamplingNeedsLoadBalancing } from './tail-sampling-needs-load-balancing.js';

type Fields = Parameters<typeof b.gateway>[2];
type FlowFields = Parameters<typeof b.flow>[3];
type Processors = NonNullable<Fields>['processors'];

const sampling = [
  { type: 'memory_limiter' },
  { type: 'tail_sampling', policies: [{ name: 'errors', type: 'status_code', statusCodes: ['ERROR'] }] },
  { type: 'batch' },
] as Processors;

/** agent (element 3, in `agentCluster`) → sampler (element 4) → debug; flow `in` is element 6. */
function design(flow: FlowFields, sampler: Fields = {}, agentCluster = 'eks'): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.cluster('edge', 'aws'),
    b.agent('agent', agentCluster),
    b.gateway('sampler', 'eks', { replicas: 3, processors: sampling, ...sampler }),
    b.backend('debug'),
    b.flow('in', 'agent', 'sampler', flow),
    b.flow('out', 'sampler', 'debug'),
  ]);
}


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
}

const cases: Case[] = [
  { name: 'samplers behind trace-ID load balancing', topology: design({ balancing: { routingKey: 'traceID', resolver: 'k8s' } }), diagnostics: [] },
  { name: 'one sampler replica sees every span', topology: design({}, { replicas: 1 }), diagnostics: [] },
  { name: 'no tail sampling, no constraint', topology: design({}, { processors: undefined }), diagnostics: [] },
  {
    name: 'samplers behind a plain OTLP flow',
    topology: design({}),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['sampler', 'in'],
        path: ['elements', 6],
        config: { collectorId: 'agent', path: ['exporters', 'otlp_grpc/sampler'] },
        fix: true,
        message: /'sampler' runs tail_sampling on up to 3 replicas, but flow 'in' spreads traces over them without trace-ID load balancing: .*contrib #13635\)\. Balance the flow by traceID\./,
      },
    ],
  },
  {
    name: 'samplers behind load balancing by service',
    topology: design({ balancing: { routingKey: 'service', resolver: 'dns' } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['sampler', 'in'],
        path: ['elements', 6, 'balancing', 'routingKey'],
        config: { collectorId: 'agent', path: ['exporters', 'load_balancing/sampler'] },
        fix: true,
        message: /flow 'in' balances by service, not traceID/,
      },
    ],
  },
  {
    name: 'autoscaled samplers fed from another cluster: no resolver reaches their pods',
    topology: design({}, { replicas: 1, autoscaling: { minReplicas: 1, maxReplicas: 4 } }, 'edge'),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['sampler', 'in'],
        path: ['elements', 6],
        config: { collectorId: 'agent', path: ['exporters', 'otlp_grpc/sampler'] },
        fix: false,
        message: /up to 4 replicas.*a load-balancing tier\): the k8s and dns resolvers only see their own cluster/,
      },
    ],
  },
  {
    name: 'tail sampling in a DaemonSet fed by applications',
    topology: b.topology([
      b.site('aws'),
      b.cluster('eks', 'aws'),
      b.agent('node-agent', 'eks', { processors: sampling }),
      b.backend('debug'),
      b.flow('out', 'node-agent', 'debug'),
    ]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['node-agent'],
        path: ['elements', 2],
        config: { collectorId: 'node-agent', path: ['processors', 'tail_sampling'] },
        fix: false,
        message: /'node-agent' runs tail_sampling on one instance per node, and applications send to it directly/,
      },
    ],
  },
];

describe('tail-sampling-needs-load-balancing', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the samplers
    const found = checkRule(tailSamplingNeedsLoadBalancing, topology);
    // THEN it reports exactly the expected problems
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.some((diagnostic) => diagnostic.fix)))('fixes: $name', ({ topology }) => {
    // GIVEN samplers fed without trace-ID balancing from the same cluster, WHEN the fix is applied
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    const fixed = applyFix(tailSamplingNeedsLoadBalancing, topology);
    // AND the flow balances by traceID, keeping a resolver the user chose
    const flow = fixed.elements[6];
    const original = topology.elements[6];
    expect(flow?.kind === 'flow' && flow.balancing).toStrictEqual({
      routingKey: 'traceID',
      resolver: original?.kind === 'flow' && original.balancing ? original.balancing.resolver : 'k8s',
    });
  });
});
