import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summary, expectSummaries } from '../../testing/rule-cases.js';
import { dnsResolverNonHeadless } from './dns-resolver-non-headless.js';

type FlowFields = Parameters<typeof b.flow>[3];
type Fields = Parameters<typeof b.agent>[2];

/** agent (element 3) → gateway (element 4, namespace observability) → debug; the balanced flow is element 6. */
function design(flow: FlowFields, agent: Fields = {}, agentCluster = 'eks'): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.cluster('other', 'aws'),
    b.agent('agent', agentCluster, agent),
    b.gateway('gateway', 'eks'),
    b.backend('debug'),
    b.flow('agent-to-gateway', 'agent', 'gateway', flow),
    b.flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}

const dns = (hostnames?: string[]): FlowFields => ({ balancing: { routingKey: 'traceID', resolver: 'dns', ...(hostnames ? { hostnames } : {}) } });
const hostnamePath = ['exporters', 'load_balancing/gateway', 'resolver', 'dns', 'hostname'];
const onAgent = { collectorId: 'agent', path: hostnamePath };


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summary> & { message: RegExp }>;
}

const cases: Case[] = [
  { name: 'the engine’s headless Service', topology: design(dns()), diagnostics: [] },
  { name: 'the headless Service by its short name', topology: design(dns(['gateway-headless'])), diagnostics: [] },
  { name: 'the k8s resolver', topology: design({ balancing: { routingKey: 'traceID', resolver: 'k8s' } }), diagnostics: [] },
  {
    name: 'the ClusterIP Service of the gateway',
    topology: design(dns(['gateway.observability.svc.cluster.local'])),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent', 'agent-to-gateway'],
        path: ['elements', 6, 'balancing', 'hostnames', 0],
        config: onAgent,
        fix: true,
        message:
          /looks up `gateway\.observability\.svc\.cluster\.local`, which is the ClusterIP Service of 'gateway', which resolves to one virtual IP.*contrib #27014, helm-charts #61\)\. Use the headless Service `gateway-headless\.observability\.svc\.cluster\.local`\./,
      },
    ],
  },
  {
    name: 'the headless Service in the wrong namespace',
    topology: design(dns(['gateway-headless.default.svc.cluster.local'])),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent', 'agent-to-gateway'],
        path: ['elements', 6, 'balancing', 'hostnames', 0],
        config: onAgent,
        fix: true,
        message: /names namespace 'default', but 'gateway' runs in 'observability'/,
      },
    ],
  },
  {
    name: 'a ClusterIP name written in the agent’s overrides',
    topology: design(dns(), { overrides: { exporters: { 'load_balancing/gateway': { resolver: { dns: { hostname: 'gateway' } } } } } }),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent'],
        path: ['elements', 3, 'overrides', ...hostnamePath],
        config: onAgent,
        fix: true,
        message: /looks up `gateway`, which is the ClusterIP Service/,
      },
    ],
  },
  {
    name: 'a name outside the design',
    topology: design(dns(['otel.example.com'])),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent', 'agent-to-gateway'],
        path: ['elements', 6, 'balancing', 'hostnames', 0],
        config: onAgent,
        fix: true,
        message: /`otel\.example\.com`, which is not a headless Service this design generates/,
      },
    ],
  },
  {
    name: 'the headless Service of a gateway in another cluster',
    topology: design(dns(), {}, 'other'),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['agent', 'agent-to-gateway'],
        path: ['elements', 6],
        config: onAgent,
        fix: false,
        message: /is a Service of cluster 'eks', which DNS in cluster 'other' does not resolve.* or use the k8s resolver\./,
      },
    ],
  },
];

describe('dns-resolver-non-headless', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the load_balancing exporters
    const found = checkRule(dnsResolverNonHeadless, topology);
    // THEN it reports exactly the expected problems
    expectSummaries(found, diagnostics, summary);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.some((diagnostic) => diagnostic.fix)))('fixes: $name', ({ topology }) => {
    // GIVEN a dns resolver on a name that is not the headless Service, WHEN the fix is applied,
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    applyFix(dnsResolverNonHeadless, topology);
  });
});
