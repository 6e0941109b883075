import { describe, expect, it } from 'vitest';
import { referencesOf } from '../../graph/network.js';
import { agent, agentToGateway, backend, cluster, flow, gateway, link, site, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { dnsLabelProblem, invalidName, slugify } from './invalid-name.js';

const badGateway = {
  ...topology([
    site('aws-use1'),
    site('azure-weu'),
    link('vpn', 'aws-use1', 'azure-weu'),
    cluster('eks-prod', 'aws-use1'),
    agent('agent', 'eks-prod'),
    gateway('Gateway_EU', 'eks-prod'),
    backend('debug'),
    flow('agent-to-gateway', 'agent', 'Gateway_EU'),
    flow('gateway-to-debug', 'Gateway_EU', 'debug'),
  ]),
  layout: { Gateway_EU: { x: 10, y: 20 } },
};

const cases: RuleCase[] = [
  { name: 'lowercase ids and namespace: nothing to report', topology: agentToGateway(), diagnostics: [] },
  {
    name: 'an id with capitals and an underscore',
    topology: badGateway,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['Gateway_EU'],
        message: /The id 'Gateway_EU' must be lowercase letters, digits and "-".*Kubernetes name.*for example to 'gateway-eu'/,
        path: ['elements', 5, 'id'],
      },
    ],
  },
  {
    name: 'a collector id starting with a digit cannot name a Service; a site id may',
    topology: topology([site('1dc'), cluster('k8s', '1dc'), gateway('1gw', 'k8s'), backend('debug'), flow('out', '1gw', 'debug')]),
    diagnostics: [
      { severity: 'error', elementIds: ['1gw'], message: /'1gw' must start with a letter \(it names a Kubernetes Service\).*'otel-1gw'/ },
    ],
  },
  {
    name: 'a 60-character collector id leaves no room for the -headless Service',
    topology: topology([site('s'), cluster('k8s', 's'), gateway('g'.repeat(60), 'k8s')]),
    diagnostics: [{ severity: 'error', elementIds: ['g'.repeat(60)], message: /is 60 characters long \(at most 54\)/ }],
  },
  {
    name: 'an invalid cluster namespace',
    topology: topology([site('s'), cluster('k8s', 's', { namespace: 'Observability' })]),
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['k8s'],
        message: /namespace 'Observability' of cluster 'k8s' must be lowercase.*Use 'observability'/,
        path: ['elements', 1, 'namespace'],
      },
    ],
  },
];

describe('invalid-name', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(invalidName, checkRule(invalidName, model), diagnostics);
  });

  it('quick fix renames the element, every reference to it and its canvas placement', () => {
    // GIVEN a gateway 'Gateway_EU' with two flows and a placement WHEN applying the fix
    const fixed = applyFix(invalidName, badGateway);
    // THEN it is 'gateway-eu' everywhere
    expect(fixed.elements[5]).toMatchObject({ kind: 'collector', id: 'gateway-eu' });
    const references = fixed.elements.flatMap((element) => referencesOf(element).map((reference) => reference.id));
    expect(references).not.toContain('Gateway_EU');
    expect(references.filter((id) => id === 'gateway-eu')).toHaveLength(2);
    expect(fixed.layout).toStrictEqual({ 'gateway-eu': { x: 10, y: 20 } });
  });

  it('quick fix never takes an id already in use', () => {
    // GIVEN 'Debug' beside an existing 'debug' WHEN applying the fix THEN it becomes 'debug-2'
    const model = topology([backend('debug'), backend('Debug')]);
    const fixed = applyFix(invalidName, model);
    expect(fixed.elements.map((element) => element.id)).toStrictEqual(['debug', 'debug-2']);
  });

  it('quick fix for a collector id starting with a digit and for a namespace', () => {
    applyFix(invalidName, cases[2]!.topology);
    expect(applyFix(invalidName, cases[4]!.topology).elements[1]).toMatchObject({ namespace: 'observability' });
  });

  it('slugifies into DNS-1123 labels', () => {
    expect(slugify('  EU / Frankfurt__1 ')).toBe('eu-frankfurt-1');
    expect(slugify('a'.repeat(70) + '-b')).toBe('a'.repeat(63));
    expect(slugify('___', 63, 'site')).toBe('site');
    expect(dnsLabelProblem('ok-1')).toBeUndefined();
    expect(dnsLabelProblem('-bad')).toMatch(/starting and ending/);
  });
});
