import { describe, expect, it } from 'vitest';
import { agentToGateway, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { collectorVersionDrift } from './collector-version-drift.js';

function pinned(version: string | undefined, policyVersion = '0.158.0') {
  return topology(
    agentToGateway().elements.map((element) => (element.id === 'gateway' && version ? { ...element, version } : element)),
    { policy: { collectorVersion: policyVersion } },
  );
}

const drifted = pinned('0.150.0');

const cases: RuleCase[] = [
  { name: 'no pin: collectors follow the policy', topology: pinned(undefined), diagnostics: [] },
  { name: 'a pin equal to the policy', topology: pinned('0.158.0'), diagnostics: [] },
  {
    name: 'a pin to an older version',
    topology: drifted,
    diagnostics: [
      {
        severity: 'warning',
        elementIds: ['gateway'],
        message: /Collector 'gateway' is pinned to version 0\.150\.0, while the policy targets 0\.158\.0: .*Remove the pin to follow the policy, or change the policy's collectorVersion/,
        path: ['elements', 3, 'version'],
      },
    ],
  },
];

describe('collector-version-drift', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(collectorVersionDrift, checkRule(collectorVersionDrift, model), diagnostics);
  });

  it('quick fix removes the pin', () => {
    expect(applyFix(collectorVersionDrift, drifted).elements[3]).not.toHaveProperty('version');
  });
});
