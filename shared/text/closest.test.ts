import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './closest.js';

describe('closestMatch', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('editDistance(%s, %s) = %i', (a, b, distance) => expect(editDistance(a, b)).toBe(distance));

  it('GIVEN a typo WHEN matched THEN suggests the near candidate, and nothing for a far one', () => {
    expect(closestMatch('gatway', ['gateway', 'agent'])).toBe('gateway');
    expect(closestMatch('zzz', ['gateway', 'agent'])).toBeUndefined();
    expect(closestMatch('k8sattributes', ['k8s_attributes', 'batch'], (text) => text.replace(/_/g, ''))).toBe('k8s_attributes');
  });
});
