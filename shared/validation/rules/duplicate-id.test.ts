import { describe, expect, it } from 'vitest';
import { agentToGateway, backend, topology } from '../../testing/builders.js';
import { applyFix, checkRule, expectDiagnostics, type RuleCase } from '../../testing/rule-cases.js';
import { duplicateId } from './duplicate-id.js';

const base = agentToGateway();
const withDuplicateBackend = topology([...base.elements, backend('gateway')]);

const cases: RuleCase[] = [
  { name: 'unique ids: nothing to report', topology: base, diagnostics: [] },
  {
    name: 'a backend reusing a collector id is reported at its own position',
    topology: withDuplicateBackend,
    diagnostics: [
      {
        severity: 'error',
        elementIds: ['gateway'],
        message: /backend at position 8 has the id 'gateway', already used by the collector at position 4.*rename one/,
        path: ['elements', 7, 'id'],
      },
    ],
  },
  {
    name: 'three elements with one id: the second and third are reported',
    topology: topology([...base.elements, backend('debug'), backend('debug')]),
    diagnostics: [
      { severity: 'error', elementIds: ['debug'], message: /position 8 has the id 'debug'/, path: ['elements', 7, 'id'] },
      { severity: 'error', elementIds: ['debug'], message: /position 9 has the id 'debug'/, path: ['elements', 8, 'id'] },
    ],
  },
];

describe('duplicate-id', () => {
  it.each(cases)('$name', ({ topology: model, diagnostics }) => {
    // GIVEN the case's topology WHEN the rule checks it THEN it reports exactly the expected problems
    expectDiagnostics(duplicateId, checkRule(duplicateId, model), diagnostics);
  });

  it('quick fix renames only the duplicate, so references keep their target', () => {
    // GIVEN a backend reusing the id of the gateway WHEN applying the fix
    const fixed = applyFix(duplicateId, withDuplicateBackend);
    // THEN the backend has a fresh id and the flow still goes to the collector
    expect(fixed.elements[7]).toMatchObject({ kind: 'backend', id: 'gateway-8' });
    expect(fixed.elements.find((element) => element.id === 'agent-to-gateway')).toMatchObject({ to: 'gateway' });
    expect(fixed.elements[3]).toBe(withDuplicateBackend.elements[3]);
  });
});
