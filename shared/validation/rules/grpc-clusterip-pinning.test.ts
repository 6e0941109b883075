import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { grpcClusteripPinning } from './grpc-clusterip-pinning.js';

type Fields = Parameters<typeof b.agent>[2];

/** agent (element 2) → gateway (element 3) → debug, in namespace observability. */
function design(exporter?: Record<string, unknown>, gateway: Fields = {}, agent: Fields = {}): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks', { ...agent, ...(exporter ? { overrides: { exporters: { 'otlp_grpc/gateway': exporter } } } : {}) }),
    b.gateway('gateway', 'eks', gateway),
    b.backend('debug'),
    b.flow('agent-to-gateway', 'agent', 'gateway'),
    b.flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}

const endpointPath = ['exporters', 'otlp_grpc/gateway', 'endpoint'];
const overridden = ['elements', 2, 'overrides', ...endpointPath];


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
}

const pinned = (message: RegExp) => [
  { severity: 'warning' as const, elementIds: ['agent', 'gateway'], path: overridden, config: { collectorId: 'agent', path: endpointPath }, fix: true, message },
];

const cases: Case[] = [
  { name: 'the engine’s headless Service with round_robin', topology: design(), diagnostics: [] },
  { name: 'the same at 0.140, where round_robin is written out', topology: design(undefined, {}, { version: '0.140.0' }), diagnostics: [] },
  { name: 'a ClusterIP name to a single replica', topology: design({ endpoint: 'gateway:4317' }, { replicas: 1 }), diagnostics: [] },
  { name: 'an endpoint outside the cluster', topology: design({ endpoint: 'otlp.example.com:4317' }), diagnostics: [] },
  {
    name: 'the gateway’s ClusterIP Service by its full name',
    topology: design({ endpoint: 'gateway.observability.svc.cluster.local:4317' }),
    diagnostics: pinned(
      /'agent' exports to 'gateway' \(several replicas\) over gRPC, but `gateway\.observability\.svc\.cluster\.local:4317` is the ClusterIP Service of 'gateway'.*collector #4274\)\. Use `dns:\/\/\/gateway-headless\.observability\.svc\.cluster\.local:4317` with `balancer_name: round_robin`\./,
    ),
  },
  { name: 'the ClusterIP Service by its short name', topology: design({ endpoint: 'gateway:4317' }), diagnostics: pinned(/`gateway:4317` is the ClusterIP Service/) },
  {
    name: 'the headless Service without the dns scheme',
    topology: design({ endpoint: 'gateway-headless.observability.svc.cluster.local:4317' }),
    diagnostics: pinned(/has no `dns:\/\/\/` scheme/),
  },
  {
    name: 'the headless Service with pick_first',
    topology: design({ endpoint: 'dns:///gateway-headless.observability.svc.cluster.local:4317', balancer_name: 'pick_first' }),
    diagnostics: pinned(/uses the pick_first balancer/),
  },
];

describe('grpc-clusterip-pinning', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the OTLP gRPC exporters
    const found = checkRule(grpcClusteripPinning, topology);
    // THEN it reports exactly the expected problems
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology }) => {
    // GIVEN an exporter pinned to one pod, WHEN the fix is applied
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    const fixed = applyFix(grpcClusteripPinning, topology);
    // AND the override resolves the headless Service with round_robin
    const agent = fixed.elements[2];
    expect(agent?.kind === 'collector' && agent.overrides?.exporters).toMatchObject({
      'otlp_grpc/gateway': { endpoint: 'dns:///gateway-headless.observability.svc.cluster.local:4317', balancer_name: 'round_robin' },
    });
  });
});
