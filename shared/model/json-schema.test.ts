import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from './json-schema.js';

describe('topologyJsonSchema', () => {
  it('describes every element kind and leaves defaulted fields optional', () => {
    const schema = JSON.stringify(topologyJsonSchema());
    for (const kind of ['site', 'cluster', 'collector', 'backend', 'link', 'flow', 'controlPlane']) {
      expect(schema).toContain(`"const":"${kind}"`);
    }
    const root = topologyJsonSchema() as { required?: string[] };
    expect(root.required).toStrictEqual(['schemaVersion', 'name']);
  });
});
