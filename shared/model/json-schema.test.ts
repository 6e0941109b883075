import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from './json-schema.js';

type Schema = {
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema;
  readonly additionalProperties?: boolean | Schema;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly definitions?: Readonly<Record<string, Schema>>;
  readonly $defs?: Readonly<Record<string, Schema>>;
};

/**
 * Properties (by path) that may go without a description, each with the reason. The editor's
 * hover and the inspector show nothing for them, so the list should stay empty.
 */
const UNDESCRIBED: ReadonlyMap<string, string> = new Map();

/** A `#/definitions/X` reference, followed: a shared schema may carry the description. */
function resolve(root: Schema, schema: Schema): Schema {
  if (!schema.$ref?.startsWith('#/')) return schema;
  const target = schema.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root) as Schema | undefined;
  return { ...target, ...schema };
}

const isObject = (schema: Schema) => schema.type === 'object' || schema.properties !== undefined;
const tagOf = (schema: Schema) => {
  const tag = Object.entries(schema.properties ?? {}).find(([, property]) => typeof (property as { const?: unknown }).const === 'string');
  return tag ? `${tag[0]}=${(tag[1] as { const: string }).const}` : 'object';
};

/**
 * The paths of every property without a description, and of every object that is one
 * alternative of a union (an element kind, a backend type, a processor) without one.
 */
function undescribed(root: Schema, node: Schema, path: string): string[] {
  const schema = resolve(root, node);
  const missing: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!resolve(root, property).description) missing.push(`${path}.${key}`);
    missing.push(...undescribed(root, property, `${path}.${key}`));
  }
  if (schema.items) missing.push(...undescribed(root, schema.items, `${path}[]`));
  if (typeof schema.additionalProperties === 'object') missing.push(...undescribed(root, schema.additionalProperties, `${path}{}`));
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const member = resolve(root, alternative);
    const memberPath = `${path}|${tagOf(member)}`;
    if (isObject(member) && !member.description) missing.push(memberPath);
    missing.push(...undescribed(root, alternative, memberPath));
  }
  return missing;
}

describe('topologyJsonSchema', () => {
  it('describes every element kind and leaves defaulted fields optional', () => {
    const schema = JSON.stringify(topologyJsonSchema());
    for (const kind of ['site', 'cluster', 'collector', 'backend', 'link', 'flow', 'controlPlane']) {
      expect(schema).toContain(`"const":"${kind}"`);
    }
    const root = topologyJsonSchema() as { required?: string[] };
    expect(root.required).toStrictEqual(['schemaVersion', 'name']);
  });

  it('GIVEN the element union THEN each alternative names its kind itself, none in a nested union, so an editor completes `kind:` with every kind', () => {
    type Alternative = { oneOf?: unknown; properties?: { kind?: { const?: string }; type?: { const?: string } } };
    const elements = (topologyJsonSchema() as { properties: { elements: { items: { oneOf: Alternative[] } } } }).properties.elements.items;
    expect(elements.oneOf.filter((alternative) => alternative.oneOf !== undefined)).toStrictEqual([]);
    const kinds = elements.oneOf.map((alternative) => alternative.properties?.kind?.const);
    expect([...new Set(kinds)]).toStrictEqual(['site', 'cluster', 'collector', 'backend', 'link', 'flow', 'controlPlane']);
    // The backends stay told apart by their type, one alternative each.
    const backendTypes = elements.oneOf.filter((alternative) => alternative.properties?.kind?.const === 'backend').map((alternative) => alternative.properties?.type?.const);
    expect(backendTypes).toContain('otlp');
    expect(new Set(backendTypes).size).toBe(backendTypes.length);
  });

  it('GIVEN the element union THEN each alternative has a title naming its kind, which heads the hover of its fields', () => {
    type Alternative = { title?: string; properties?: { kind?: { const?: string } } };
    const elements = (topologyJsonSchema() as { properties: { elements: { items: { oneOf: Alternative[] } } } }).properties.elements.items;
    const titles = elements.oneOf.map((alternative) => alternative.title);
    expect(titles).toContain('Collector');
    expect(titles).toContain('Control plane');
    expect(titles).toContain('Backend (otlp)');
    expect(titles.filter((title) => title === undefined)).toStrictEqual([]);
  });

  it('GIVEN the generated schema THEN every property and every object alternative of a union has a description', () => {
    const root = topologyJsonSchema() as Schema;
    const definitions = Object.entries({ ...root.definitions, ...root.$defs }).flatMap(([name, definition]) => undescribed(root, definition, `#${name}`));

    const missing = [...undescribed(root, root, ''), ...definitions].filter((path) => !UNDESCRIBED.has(path));

    expect([...new Set(missing)]).toStrictEqual([]);
  });

  it('GIVEN the generated schema THEN each description is one line ending in a full stop', () => {
    const descriptions: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (typeof node !== 'object' || node === null) return;
      const { description } = node as { description?: unknown };
      if (typeof description === 'string') descriptions.push(description);
      Object.values(node).forEach(collect);
    };
    collect(topologyJsonSchema());

    expect(descriptions.filter((description) => description.includes('\n') || !description.endsWith('.'))).toStrictEqual([]);
  });

  it('GIVEN a schema with gaps THEN the walk names a bare property, a union alternative in a list and a record value, and follows references', () => {
    const schema: Schema = {
      type: 'object',
      definitions: { Shared: { type: 'string', description: 'Described once, where it is defined.' } },
      properties: {
        bare: { type: 'string' },
        shared: { $ref: '#/definitions/Shared' },
        list: { type: 'array', description: 'A list.', items: { anyOf: [{ type: 'object', properties: { kind: { type: 'string', description: 'Kind.' } } }] } },
        map: { type: 'object', description: 'A map.', additionalProperties: { type: 'object', properties: { value: { type: 'number' } } } },
      },
    };

    expect(undescribed(schema, schema, '')).toStrictEqual(['.bare', '.list[]|object', '.map{}.value']);
  });
});
