/**
 * Duplicate (Edit › Duplicate, Mod+D): copies of the selected elements, as one model command.
 *
 * What is copied:
 * - the selected elements, and everything drawn inside a selected site or cluster (a copy of a
 *   frame comes with its contents);
 * - flows and links whose two ends are both copied, pointing at the copies.
 *
 * What is not:
 * - flows and links with an end outside the copied set (including a selected flow or link on
 *   its own) are DROPPED, not copied to the outside element: a copy starts unconnected, so
 *   duplicating never doubles what an existing backend or gateway receives behind the user's
 *   back. Connect the copy by hand.
 *
 * References to elements outside the set (a collector's cluster or control plane, a cluster's
 * site) are kept: the copy sits in the same frame as its original. References inside the set are
 * rewritten to the copies. Every copy gets a fresh DNS-1123 id (`gateway` → `gateway-2`); the
 * outermost copies are placed `DUPLICATE_OFFSET` down and right of their originals, the copies
 * inside them keep their (parent-relative) positions.
 */
import { referencesOf, REFERENCE_FIELDS, unusedId } from '../../shared/graph/network.js';
import type { Placement } from '../../shared/model/layout.js';
import type { Element, Topology } from '../../shared/model/topology.js';
import type { Outcome } from './commands.js';

export const DUPLICATE_OFFSET = 32;

const CONNECTIONS = new Set<Element['kind']>(['flow', 'link']);

/** The frame an element is drawn inside (its site or cluster), if any. */
function parentOf(element: Element): string | undefined {
  if (CONNECTIONS.has(element.kind)) return undefined;
  return referencesOf(element).find((reference) => reference.field === 'site' || reference.field === 'cluster')?.id;
}

/** The copies' ids: the original's, with its `-N` suffix counted on (`gateway-2` → `gateway-3`). */
function freshId(topology: Topology, id: string, taken: Set<string>): string {
  const base = id.replace(/-\d+$/, '').slice(0, 56).replace(/-+$/, '') || 'element';
  const fresh = unusedId(topology, base, taken);
  taken.add(fresh);
  return fresh;
}

/** Copies `ids` (see above); `ids` lists the copies, outermost first, in model order. */
export function duplicateElements(topology: Topology, ids: Iterable<string>): Outcome {
  const selected = new Set(ids);
  const nodes = new Set(topology.elements.filter((element) => selected.has(element.id) && !CONNECTIONS.has(element.kind)).map((element) => element.id));
  // Contents of selected frames, to any depth (a site's clusters, their collectors).
  for (let grew = true; grew; ) {
    grew = false;
    for (const element of topology.elements) {
      const parent = parentOf(element);
      if (!nodes.has(element.id) && !CONNECTIONS.has(element.kind) && parent !== undefined && nodes.has(parent)) {
        nodes.add(element.id);
        grew = true;
      }
    }
  }
  const copied = topology.elements.filter(
    (element) => nodes.has(element.id) || (CONNECTIONS.has(element.kind) && referencesOf(element).every((reference) => nodes.has(reference.id))),
  );
  if (nodes.size === 0) return { ok: false, error: 'Select a site, cluster, collector, backend or control plane to duplicate.' };

  const taken = new Set<string>();
  const renamed = new Map(copied.map((element) => [element.id, freshId(topology, element.id, taken)]));
  const copies = copied.map((element) => {
    const copy: Record<string, unknown> = { ...element, id: renamed.get(element.id)! };
    for (const { field } of REFERENCE_FIELDS[element.kind]) {
      const target = copy[field];
      if (typeof target === 'string' && renamed.has(target)) copy[field] = renamed.get(target);
    }
    return copy as unknown as Element;
  });

  const layout: Record<string, Placement> = { ...topology.layout };
  const roots: string[] = [];
  for (const element of copied) {
    const parent = parentOf(element);
    const isRoot = !CONNECTIONS.has(element.kind) && (parent === undefined || !nodes.has(parent));
    if (isRoot) roots.push(renamed.get(element.id)!);
    const placement = topology.layout[element.id];
    if (!placement) continue;
    layout[renamed.get(element.id)!] = isRoot ? { ...placement, x: placement.x + DUPLICATE_OFFSET, y: placement.y + DUPLICATE_OFFSET } : { ...placement };
  }
  const inner = copies.map((copy) => copy.id).filter((id) => !roots.includes(id));
  return { ok: true, topology: { ...topology, elements: [...topology.elements, ...copies], layout }, id: roots[0]!, ids: [...roots, ...inner] };
}
