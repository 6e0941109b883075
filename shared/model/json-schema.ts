import { z } from 'zod';
import { Topology } from './topology.js';

/**
 * The JSON Schema of a topology file, as written (defaults are optional), for editor completion,
 * hover and validation. Generated from the zod schemas: there is no second source.
 */
export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Topology, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    $id: 'https://otel-topology.dev/schema/otel-topology.schema.json',
    title: 'OTel Topology Designer topology',
    ...schema,
  };
}
