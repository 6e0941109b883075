import { z } from 'zod';
import { Topology } from './topology.js';

type JsonObject = Record<string, unknown>;

/**
 * A union nested in the element union (backends, by `type`) spread into it, when each of its
 * alternatives names the same `kind`: yaml-language-server completes `kind:` from the element
 * union's own alternatives and does not look inside a nested `oneOf`, so `backend` was never
 * offered. The topology means the same either way: `type` still tells the backends apart.
 */
function spreadNestedUnion(alternative: JsonObject): JsonObject[] {
  const inner = alternative.oneOf;
  if (!Array.isArray(inner) || alternative.properties !== undefined) return [alternative];
  const kinds = inner.map((member) => (member as { properties?: { kind?: { const?: unknown } } }).properties?.kind?.const);
  return kinds.every((kind) => typeof kind === 'string' && kind === kinds[0]) ? (inner as JsonObject[]) : [alternative];
}

/**
 * The JSON Schema of a topology file, as written (defaults are optional), for editor completion,
 * hover and validation. Generated from the zod schemas: there is no second source.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Topology, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonObject;
  const elements = (schema.properties as { elements?: { items?: { oneOf?: JsonObject[] } } } | undefined)?.elements?.items;
  if (elements?.oneOf) elements.oneOf = elements.oneOf.flatMap(spreadNestedUnion);
  return {
    $id: 'https://otel-topology.dev/schema/otel-topology.schema.json',
    title: 'OTel Topology Designer topology',
    ...schema,
  };
}
