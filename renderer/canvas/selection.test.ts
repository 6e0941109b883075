import { describe, expect, it } from 'vitest';
import { selectionAfter } from './selection.js';

describe('selectionAfter', () => {
  const cases = [
    { name: 'a click on a node', current: [], changes: [{ type: 'select', id: 'gw', selected: true }], expected: ['gw'] },
    {
      name: 'a click on an edge while a node is selected',
      current: ['gw'],
      changes: [{ type: 'select', id: 'gw', selected: false }, { type: 'select', id: 'flow', selected: true }],
      expected: ['flow'],
    },
    { name: 'a shift-click adding a node', current: ['gw'], changes: [{ type: 'select', id: 'agent', selected: true }], expected: ['gw', 'agent'] },
    { name: 'a pane click', current: ['gw', 'flow'], changes: [{ type: 'select', id: 'gw', selected: false }, { type: 'select', id: 'flow', selected: false }], expected: [] },
    { name: 'moves and measurements only', current: ['gw'], changes: [{ type: 'position', id: 'gw' }, { type: 'dimensions', id: 'agent' }], expected: ['gw'] },
  ];
  it.each(cases)('GIVEN $name WHEN applied THEN the selection is as expected', ({ current, changes, expected }) => {
    expect(selectionAfter(current, changes)).toStrictEqual(expected);
  });

  it('GIVEN changes that select what is already selected WHEN applied THEN the same array comes back (nothing to store)', () => {
    const current = ['gw'];
    expect(selectionAfter(current, [{ type: 'select', id: 'gw', selected: true }])).toBe(current);
  });
});
