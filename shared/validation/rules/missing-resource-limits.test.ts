import { describe, expect, it } from 'vitest';
import type { Collector } from '../../model/collector.js';
import { agent, backend, cluster, flow, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { missingResourceLimits } from './missing-resource-limits.js';

function design(resources: Collector['resources'], platform: 'eks' | 'vm' | 'lambda' | 'cloudrun' = 'eks') {
  return topology([
    site('s'),
    cluster('k', 's', { platform }),
    agent('agent', 'k', { resources }),
    backend('debug'),
    flow('out', 'agent', 'debug'),
  ]);
}

const noMemory = design({ requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '1' } });
const none = design({ requests: { cpu: '2', memory: '256Mi' }, limits: {} });

const cases: RuleCase[] = [
  { name: 'the default limits', topology: design({ requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } }), diagnostics: [] },
  {
    name: 'no memory limit on a DaemonSet',
    topology: noMemory,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['agent'],
        message: /Collector 'agent' \(daemonset\) has no memory limit: without a memory limit the collector gets no GOMEMLIMIT, the memory_limiter's percentages apply to the node's whole memory.*Set resources\.limits\.memory\./,
        path: ['elements', 2, 'resources', 'limits'],
      },
    ],
  },
  {
    name: 'no limits at all',
    topology: none,
    diagnostics: [{ severity: 'warning', elementIds: ['agent'], message: /has no cpu or memory limit: without a CPU limit a burst .*; without a memory limit .*GOMEMLIMIT.* Set resources\.limits\.cpu and resources\.limits\.memory\./ }],
  },
  { name: 'Cloud Run sizes instances by the limits too', topology: design({ requests: {}, limits: {} }, 'cloudrun'), diagnostics: [{ severity: 'warning', elementIds: ['agent'], message: /\(knative\) has no cpu or memory limit/ }] },
  { name: 'VMs and Lambda have no container limits to set', topology: design({ requests: {}, limits: {} }, 'vm'), diagnostics: [] },
];

describe('missing-resource-limits', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(missingResourceLimits, checkRule(missingResourceLimits, model), diagnostics);
  });

  it('quick fix sets the missing limits, never below the request', () => {
    // GIVEN a 1Gi memory request and no memory limit THEN the limit becomes 1Gi, not the 512Mi default
    expect(applyFix(missingResourceLimits, noMemory).elements[2]).toMatchObject({ resources: { limits: { cpu: '1', memory: '1Gi' } } });
    // GIVEN a 2-core request and no limits THEN 2 cores and the default 512Mi
    expect(applyFix(missingResourceLimits, none).elements[2]).toMatchObject({ resources: { limits: { cpu: '2', memory: '512Mi' } } });
  });
});
