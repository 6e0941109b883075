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

/** Element kinds as a sentence says them: "a control plane". */
export const KIND_NAMES: Readonly<Record<ElementKind, string>> = {
  site: 'site',
  cluster: 'cluster',
  collector: 'collector',
  backend: 'backend',
  link: 'link',
  flow: 'flow',
  controlPlane: 'control plane',
};

/** Element kinds as a label or a title starts them, and as people (and screen readers) are told them: "Control plane". */
export const KIND_TITLES = Object.fromEntries(
  Object.entries(KIND_NAMES).map(([kind, name]) => [kind, `${name[0]!.toUpperCase()}${name.slice(1)}`]),
) as Readonly<Record<ElementKind, string>>;

/** The whole design: what the canvas draws, the editor shows and the engine turns into files. */
export const Topology = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION).meta({ description: 'Version of the file format, for migrations.' }),
    name: z.string().min(1).meta({ description: 'Name of the topology: the title of the bundle README and diagram.' }),
    description: z.string().optional().meta({ description: 'Free text about the topology, written at the top of the bundle README.' }),
    policy: Policy.default(Policy.parse({})).meta({ description: 'Topology-wide rules and targets: collector version, distribution, data residency, TLS, budget.' }),
    elements: z.array(Element).default([]).meta({ description: 'Sites, clusters, collectors, backends, links, flows and control planes.' }),
    layout: Layout.default({}).meta({ description: 'Canvas position of each element by id; generated files do not depend on it.' }),
  })
  .strict()
  .meta({ description: 'An OTel Topology Designer topology.' });
export type Topology = z.infer<typeof Topology>;
/** The topology as written in a file, before defaults. */
export type TopologyInput = z.input<typeof Topology>;

export function elementsOfKind<K extends ElementKind>(topology: Topology, kind: K): ElementOf<K>[] {
  return topology.elements.filter((element): element is ElementOf<K> => element.kind === kind);
}
