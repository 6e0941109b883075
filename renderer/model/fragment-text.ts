/**
 * A fragment as text, for the system clipboard: a small YAML document a person can read and
 * another window (or another copy of the app) can paste.
 *
 *     # OTel Topology Designer: topology elements (paste them onto a canvas)
 *     otelTopologyFragment: 1
 *     elements:
 *       - kind: collector
 *         id: gateway
 *         ...
 *     layout:
 *       gateway: { x: 40, y: 60 }
 *
 * Reading it back checks every element with the model's schemas, so a paste adds nothing a
 * topology file could not hold. `otelTopologyFragment` is the format's version: elements are
 * written as `schemaVersion` 1 topologies have them, and a new schema version bumps it.
 */
import { z } from 'zod';
import { emitYaml } from '../../shared/engine/yaml-emit.js';
import { formatPath } from '../../shared/io/problem.js';
import { describeIssue } from '../../shared/io/topology-file.js';
import { readYaml } from '../../shared/io/yaml-document.js';
import { Layout } from '../../shared/model/layout.js';
import { Element } from '../../shared/model/topology.js';
import type { Fragment } from './fragment.js';

export const FRAGMENT_VERSION = 1;
const MARKER = 'otelTopologyFragment';
const HEADER = '# OTel Topology Designer: topology elements (paste them onto a canvas)\n';

const FragmentDocument = z
  .object({
    [MARKER]: z.literal(FRAGMENT_VERSION),
    elements: z.array(Element).min(1, 'list at least one element'),
    layout: Layout.default({}),
  })
  .strict();

export function fragmentText(fragment: Fragment): string {
  return HEADER + emitYaml({ [MARKER]: FRAGMENT_VERSION, elements: fragment.elements, layout: fragment.layout }).text;
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
  if (version !== FRAGMENT_VERSION) return refuse(`it is format version ${JSON.stringify(version)}; this app reads version ${FRAGMENT_VERSION}.`);
  const parsed = FragmentDocument.safeParse(value);
  if (!parsed.success) {
    const [issue, ...more] = parsed.error.issues;
    const path = formatPath(issue!.path.filter((key): key is string | number => typeof key !== 'symbol'));
    const others = more.length === 0 ? '' : ` (and ${more.length} more ${more.length === 1 ? 'problem' : 'problems'})`;
    return refuse(`${path ? `${path}: ` : ''}${describeIssue(issue!)}${others}`);
  }
  const { elements, layout } = parsed.data;
  const ids = new Set<string>();
  for (const element of elements) {
    if (ids.has(element.id)) return refuse(`the id ${element.id} is used twice.`);
    ids.add(element.id);
  }
  const stray = Object.keys(layout).find((id) => !ids.has(id));
  if (stray !== undefined) return refuse(`layout.${stray}: no element ${stray} among the pasted elements.`);
  return { ok: true, fragment: { elements, layout } };
}

function refuse(why: string): FragmentRead {
  return { ok: false, error: `Cannot paste these topology elements: ${why}` };
}
