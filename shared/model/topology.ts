import { z } from 'zod';
import { Backend } from './backend.js';
import { Cluster } from './cluster.js';
import { Collector } from './collector.js';
import { ControlPlane } from './control-plane.js';
import { Flow } from './flow.js';
import { Layout } from './layout.js';
import { Link } from './link.js';
import { Policy } from './policy.js';
import { Site } from './site.js';

export const CURRENT_SCHEMA_VERSION = 1;

export const Element = z.discriminatedUnion('kind', [Site, Cluster, Collector, Backend, Link, Flow, ControlPlane]);
export type Element = z.infer<typeof Element>;
export type ElementKind = Element['kind'];
export type ElementOf<K extends ElementKind> = Extract<Element, { kind: K }>;

/** The whole design: what the canvas draws, the editor shows and the engine turns into files. */
export const Topology = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: z.string().min(1),
    description: z.string().optional(),
    policy: Policy.default(Policy.parse({})),
    elements: z.array(Element).default([]),
    layout: Layout.default({}),
  })
  .strict();
export type Topology = z.infer<typeof Topology>;
/** The topology as written in a file, before defaults. */
export type TopologyInput = z.input<typeof Topology>;

export function elementsOfKind<K extends ElementKind>(topology: Topology, kind: K): ElementOf<K>[] {
  return topology.elements.filter((element): element is ElementOf<K> => element.kind === kind);
}
