import { describe, expect, it } from 'vitest';
import type { Topology } from '../../model/topology.js';
import * as b from '../../testing/builders.js';
import { applyFix, checkRule, summaryWithoutFix, expectSummaries } from '../../testing/rule-cases.js';
import { k8sattributesPodAssociation } from './k8sattributes-pod-association.js';

type Fields = Parameters<typeof b.agent>[2];
type Processors = NonNullable<Fields>['processors'];

const withK8s = (k8s: Record<string, unknown>): Processors =>
  [{ type: 'memory_limiter' }, { type: 'k8s_attributes', ...k8s }, { type: 'batch' }] as Processors;

/** agent (element 2) → gateway (element 3) → debug backend; `fed: false` drops the agent's flow. */
function design(gateway: Fields, agent: Fields = {}, fed = true): Topology {
  return b.topology([
    b.site('aws'),
    b.cluster('eks', 'aws'),
    b.agent('agent', 'eks', agent),
    b.gateway('gateway', 'eks', gateway),
    b.backend('debug'),
    ...(fed ? [b.flow('agent-to-gateway', 'agent', 'gateway')] : [b.flow('agent-to-debug', 'agent', 'debug')]),
    b.flow('gateway-to-debug', 'gateway', 'debug'),
  ]);
}


interface Case {
  name: string;
  topology: Topology;
  diagnostics: Array<ReturnType<typeof summaryWithoutFix> & { message: RegExp }>;
}

const cases: Case[] = [
  { name: 'the default association: pod IP, pod UID, then connection', topology: design({ processors: withK8s({}) }), diagnostics: [] },
  {
    name: 'a gateway behind an agent associating by connection only',
    topology: design({ processors: withK8s({ podAssociation: ['connection'] }) }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent'],
        path: ['elements', 3, 'processors', 1, 'podAssociation'],
        config: { collectorId: 'gateway', path: ['processors', 'k8s_attributes', 'pod_association'] },
        message: /Gateway 'gateway' matches telemetry to pods only by the connection.*contrib #29630.*'agent' should set k8s\.pod\.ip: give it k8s_attributes with passthrough: true/,
      },
    ],
  },
  {
    name: 'agents that already run k8s_attributes get the general hint',
    topology: design({ processors: withK8s({ podAssociation: ['connection'] }) }, { processors: withK8s({ passthrough: true }) }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent'],
        path: ['elements', 3, 'processors', 1, 'podAssociation'],
        config: { collectorId: 'gateway', path: ['processors', 'k8s_attributes', 'pod_association'] },
        message: /Agents in front can run k8s_attributes with passthrough: true/,
      },
    ],
  },
  {
    name: 'a connection-only association written in overrides',
    topology: design({ processors: withK8s({}), overrides: { processors: { k8s_attributes: { pod_association: [{ sources: [{ from: 'connection' }] }] } } } }),
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway', 'agent'],
        path: ['elements', 3, 'overrides', 'processors', 'k8s_attributes', 'pod_association'],
        config: { collectorId: 'gateway', path: ['processors', 'k8s_attributes', 'pod_association'] },
        message: /only by the connection/,
      },
    ],
  },
  { name: 'a passthrough gateway looks nothing up', topology: design({ processors: withK8s({ passthrough: true, podAssociation: ['connection'] }) }), diagnostics: [] },
  { name: 'a gateway fed only by applications sees their pods', topology: design({ processors: withK8s({ podAssociation: ['connection'] }) }, {}, false), diagnostics: [] },
  { name: 'an agent sees the application’s connection', topology: design({}, { processors: withK8s({ podAssociation: ['connection'] }) }), diagnostics: [] },
];

describe('k8sattributes-pod-association', () => {
  it.each(cases)('$name', ({ topology, diagnostics }) => {
    // GIVEN the case's design, WHEN the rule checks the gateways' k8s_attributes
    const found = checkRule(k8sattributesPodAssociation, topology);
    // THEN it reports exactly the expected problems, each with a fix
    expectSummaries(found, diagnostics, summaryWithoutFix);
    expect(found.every((diagnostic) => diagnostic.fix !== undefined)).toBe(true);
  });

  it.each(cases.filter((testCase) => testCase.diagnostics.length > 0))('fixes: $name', ({ topology }) => {
    // GIVEN a gateway associating by connection only, WHEN the fix is applied
    // THEN the rule reports nothing and the model is valid (applyFix asserts both)
    const fixed = applyFix(k8sattributesPodAssociation, topology);
    // AND the association leads with the pod's resource attributes
    const gateway = fixed.elements[3];
    const processor = gateway?.kind === 'collector' ? gateway.processors[1] : undefined;
    const overridden = gateway?.kind === 'collector' ? gateway.overrides : undefined;
    expect(
      overridden
        ? (overridden.processors as Record<string, { pod_association: unknown[] }>).k8s_attributes.pod_association.length
        : processor && 'podAssociation' in processor && processor.podAssociation,
    ).toStrictEqual(overridden ? 3 : ['k8s.pod.ip', 'k8s.pod.uid', 'connection']);
  });
});
