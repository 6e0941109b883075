/**
 * A fragment as text, for the system clipboard: a small YAML document a person can read and
 * another window (or another copy of the app) can paste.
 *
 *     # OTel Topology Designer: topology elements (paste them onto a canvas)
 *     otelTopologyFragment: 2
 *     elements:
 *       - kind: collector
 *         id: gateway
 *         ...
 *     layout:
 *       gateway: { x: 40, y: 60 }
 *     outsideConnections:        # a cut's only: flows and links to elements left behind
 *       - kind: flow
 *         id: agent-to-gateway
 *         from: agent
 *         to: gateway
 *         ...
 *
 * Reading it back checks every element with the model's schemas, so a paste adds nothing a
 * topology file could not hold. `otelTopologyFragment` is the format's version: elements are
 * written as `schemaVersion` 1 topologies have them, and a new schema version bumps it.
 * Version 2 added `outsideConnections`; version 1 text (which cannot have them) still reads.
 */
import { z } from 'zod';
import { emitYaml } from '../../shared/engine/yaml-emit.js';
import { formatPath } from '../../shared/io/problem.js';
import { describeIssue } from '../../shared/io/topology-file.js';
import { readYaml } from '../../shared/io/yaml-document.js';
import { Layout } from '../../shared/model/layout.js';
import { Element } from '../../shared/model/topology.js';
import { Flow } from '../../shared/model/flow.js';
import { Link } from '../../shared/model/link.js';
import type { Fragment } from './fragment.js';

export const FRAGMENT_VERSION = 2;
/** The versions this app reads: the text of an older build pastes here too. */
const READ_VERSIONS: readonly number[] = [1, 2];
const MARKER = 'otelTopologyFragment';
const HEADER = '# OTel Topology Designer: topology elements (paste them onto a canvas)\n';

const VERSION_1 = z
  .object({
    [MARKER]: z.literal(1),
    elements: z.array(Element).min(1, 'list at least one element'),
    layout: Layout.default({}),
  })
  .strict();
const VERSION_2 = VERSION_1.extend({
  [MARKER]: z.literal(2),
  outsideConnections: z.array(z.discriminatedUnion('kind', [Flow, Link])).optional(),
}).strict();

export function fragmentText(fragment: Fragment): string {
  const outside = fragment.outside?.length ? { outsideConnections: fragment.outside } : {};
  return HEADER + emitYaml({ [MARKER]: FRAGMENT_VERSION, elements: fragment.elements, layout: fragment.layout, ...outside }).text;
}

export type FragmentRead = { ok: true; fragment: Fragment } | { ok: false; error: string };

/**
 * The fragment `text` holds; `undefined` where it is no fragment at all (any other text: a paste
 * of it is not the canvas's business); an error where it is one but cannot be pasted.
 */
export function readFragment(text: string): FragmentRead | undefined {
  // Cheap, before parsing whatever else the clipboard may hold.
  if (!new RegExp(`^${MARKER}:`, 'm').test(text)) return undefined;
  const yaml = readYaml(text);
  if (!yaml.ok) {
    const problem = yaml.problems[0]!;
    return refuse(`it is not valid YAML${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`);
  }
  const value = yaml.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !(MARKER in value)) return undefined;
  const version = (value as Record<string, unknown>)[MARKER];
  if (typeof version !== 'number' || !READ_VERSIONS.includes(version)) {
    return refuse(`it is format version ${JSON.stringify(version)}; this app reads versions up to ${FRAGMENT_VERSION}.`);
  }
  const parsed = (version === 1 ? VERSION_1 : VERSION_2).safeParse(value);
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const path = formatPath(issue!.path.filter((key): key is string | number => typeof key !== 'symbol'));
    const others = more.length === 0 ? '' : ` (and ${more.length} more ${more.length === 1 ? 'problem' : 'problems'})`;
    return refuse(`${path ? `${path}: ` : ''}${describeIssue(issue!)}${others}`);
  }
  const { elements, layout } = parsed.data;
  const outside = 'outsideConnections' in parsed.data ? parsed.data.outsideConnections : undefined;
  const ids = new Set<string>();
  for (const element of elements) {
    if (ids.has(element.id)) return refuse(`the id ${element.id} is used twice.`);
    ids.add(element.id);
  }
  const stray = Object.keys(layout).find((id) => !ids.has(id));
  if (stray !== undefined) return refuse(`layout.${stray}: no element ${stray} among the pasted elements.`);
  const nodes = new Set(elements.filter((element) => element.kind !== 'flow' && element.kind !== 'link').map((element) => element.id));
  for (const [index, connection] of (outside ?? []).entries()) {
    const where = `outsideConnections[${index}]`;
    if (ids.has(connection.id)) return refuse(`${where}: the id ${connection.id} is used twice.`);
    ids.add(connection.id);
    if (!nodes.has(connection.from) && !nodes.has(connection.to)) return refuse(`${where}: ${connection.id} joins none of the pasted elements.`);
  }
  return { ok: true, fragment: outside?.length ? { elements, layout, outside } : { elements, layout } };
}

function refuse(why: string): FragmentRead {
  return { ok: false, error: `Cannot paste these topology elements: ${why}` };
}
