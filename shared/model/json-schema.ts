import { z } from 'zod';
import { KIND_TITLES, Topology, type ElementKind } from './topology.js';

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
 * An element's alternative with a title naming its kind (and a backend's type): the YAML editor's
 * hover heads a field's description with the closest title above it, which was otherwise the
 * whole file's ("OTel Topology Designer topology") for every field of every element.
 */
function titled(alternative: JsonObject): JsonObject {
  const properties = alternative.properties as { kind?: { const?: unknown }; type?: { const?: unknown } } | undefined;
  const kind = properties?.kind?.const;
  if (typeof kind !== 'string' || alternative.title !== undefined) return alternative;
  const type = properties?.type?.const;
  const title = `${KIND_TITLES[kind as ElementKind] ?? kind}${typeof type === 'string' ? ` (${type})` : ''}`;
  return { title, ...alternative };
}

/**
 * The JSON Schema of a topology file, as written (defaults are optional), for editor completion,
 * hover and validation. Generated from the zod schemas: there is no second source.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Topology, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonObject;
  const elements = (schema.properties as { elements?: { items?: { oneOf?: JsonObject[] } } } | undefined)?.elements?.items;
  if (elements?.oneOf) elements.oneOf = elements.oneOf.flatMap(spreadNestedUnion).map(titled);
  return {
    $id: 'https://otel-topology.dev/schema/otel-topology.schema.json',
    title: 'OTel Topology Designer topology',
    ...schema,
  };
}
