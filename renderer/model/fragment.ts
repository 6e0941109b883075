/**
 * Fragments: the part of a topology that Copy takes and Paste (or Duplicate) puts back, as fresh
 * elements. `fragment-text.ts` writes a fragment as YAML for the system clipboard and reads it back.
 *
 * What a copy takes:
 * - the selected elements, and everything drawn inside a selected site or cluster (a copy of a
 *   frame comes with its contents);
 * - flows and links whose two ends are both taken. Flows and links with an end outside (including
 *   a selected flow or link on its own) are left out: a copy starts unconnected, so pasting never
 *   doubles what an existing backend or gateway receives behind the user's back;
 * - the layout entries of what it takes.
 *
 * What a paste does:
 * - each element gets a fresh id: its own where that is free (pasting into another document, or
 *   after a cut), otherwise counted on (`gateway` → `gateway-2`, `gateway-2` → `gateway-3`);
 * - references inside the fragment follow the new ids; references outside it (a collector's
 *   cluster, a cluster's site) are kept when the topology has that element. Where it does not, a
 *   required one (a cluster's site, a collector's cluster, a flow's or link's end) refuses the
 *   paste, and an optional one (a control plane, a backend's site) is dropped, as deleting that
 *   element would;
 * - the outermost pasted nodes keep their (parent-relative) positions, moved `PASTE_OFFSET` down
 *   and right as many times as needed not to sit exactly on an element already there; the nodes
 *   inside them keep their positions in their (new) parent.
 */
import { REFERENCE_FIELDS, referencesOf, unusedId } from '../../shared/graph/network.js';
import type { Placement } from '../../shared/model/layout.js';
import type { Element, ElementKind, Topology } from '../../shared/model/topology.js';
import { KIND_NAMES } from '../../shared/validation/rule.js';
import type { Outcome } from './commands.js';

/** How far a paste moves its nodes off what is already there (four snap-grid steps). */
export const PASTE_OFFSET = 32;

/** Elements cut out of a topology, with their canvas positions. */
export interface Fragment {
  /** In model order. */
  readonly elements: readonly Element[];
  /** Placements of the elements that have one, by id. */
  readonly layout: Readonly<Record<string, Placement>>;
}

const CONNECTIONS = new Set<ElementKind>(['flow', 'link']);
const isConnection = (element: Element) => CONNECTIONS.has(element.kind);

/** The frame an element is drawn inside (its site or cluster), if any. */
function parentOf(element: Element): string | undefined {
  if (isConnection(element)) return undefined;
  return referencesOf(element).find((reference) => reference.field === 'site' || reference.field === 'cluster')?.id;
}

/** The fragment a copy of `ids` takes (see above); empty when they are only flows and links, or nothing. */
export function copyFragment(topology: Topology, ids: Iterable<string>): Fragment {
  const selected = new Set(ids);
  const nodes = new Set(topology.elements.filter((element) => selected.has(element.id) && !isConnection(element)).map((element) => element.id));
  // Contents of selected frames, to any depth (a site's clusters, their collectors).
  for (let grew = true; grew; ) {
    grew = false;
    for (const element of topology.elements) {
      const parent = parentOf(element);
      if (!nodes.has(element.id) && !isConnection(element) && parent !== undefined && nodes.has(parent)) {
        nodes.add(element.id);
        grew = true;
      }
    }
  }
  const elements = topology.elements.filter(
    (element) => nodes.has(element.id) || (isConnection(element) && referencesOf(element).every((reference) => nodes.has(reference.id))),
  );
  const layout: Record<string, Placement> = {};
  for (const element of elements) {
    const placement = topology.layout[element.id];
    if (placement) layout[element.id] = placement;
  }
  return { elements, layout };
}

/** A fresh id for a pasted element: its own if free, else counted on from its base (`gateway-2` → `gateway-3`). */
function freshId(topology: Topology, id: string, taken: Set<string>): string {
  const base = id.replace(/-\d+$/, '').slice(0, 56).replace(/-+$/, '') || 'element';
  const free = !taken.has(id) && !topology.elements.some((element) => element.id === id);
  const fresh = free ? id : unusedId(topology, base, taken);
  taken.add(fresh);
  return fresh;
}

/** Why a required reference leaves the fragment for an element the topology does not have. */
function missingReference(element: Element, field: string, target: string, kinds: readonly ElementKind[]): string {
  const what = `${KIND_NAMES[element.kind]} ${element.id}`;
  const wanted = kinds.map((kind) => KIND_NAMES[kind]).join(' or ');
  if (field === 'from' || field === 'to') {
    return `Cannot paste: ${what} connects to ${wanted} ${target}, which is not in this topology.`;
  }
  return `Cannot paste: ${what} belongs in ${wanted} ${target}, which is not in this topology. Copy the ${wanted} along with it, or paste where it exists.`;
}

/**
 * Adds copies of `fragment`'s elements to `topology` (see above). `at`, where given, is where the
 * first outermost node with a placement goes, in its parent frame's coordinates; the others keep
 * their distance from it. The outcome's `ids` lists the copies, outermost first, in model order.
 */
export function pasteFragment(topology: Topology, fragment: Fragment, at?: { x: number; y: number }): Outcome {
  if (fragment.elements.length === 0) return { ok: false, error: 'Nothing to paste.' };
  const inFragment = new Set(fragment.elements.map((element) => element.id));
  const existing = new Map(topology.elements.map((element) => [element.id, element]));

  const taken = new Set<string>();
  const renamed = new Map(fragment.elements.map((element) => [element.id, freshId(topology, element.id, taken)]));
  const copies: Array<{ copy: Element; placement: Placement | undefined; isRoot: boolean }> = [];
  for (const element of fragment.elements) {
    const copy: Record<string, unknown> = { ...element, id: renamed.get(element.id)! };
    for (const { field, kinds, optional } of REFERENCE_FIELDS[element.kind]) {
      const target = copy[field];
      if (typeof target !== 'string') continue;
      if (inFragment.has(target)) copy[field] = renamed.get(target);
      else if (kinds.includes(existing.get(target)?.kind as ElementKind)) continue;
      else if (optional) delete copy[field];
      else return { ok: false, error: missingReference(element, field, target, kinds) };
    }
    const parent = parentOf(element);
    const isRoot = !isConnection(element) && (parent === undefined || !inFragment.has(parent));
    copies.push({ copy: copy as unknown as Element, placement: fragment.layout[element.id], isRoot });
  }

  const layout: Record<string, Placement> = { ...topology.layout };
  for (const { copy, placement, isRoot } of copies) if (placement && !isRoot) layout[copy.id] = { ...placement };
  const placedRoots = copies.filter((entry): entry is typeof entry & { placement: Placement } => entry.isRoot && entry.placement !== undefined);
  const first = placedRoots[0]?.placement;
  const shift = at && first ? { x: Math.round(at.x) - first.x, y: Math.round(at.y) - first.y } : { x: 0, y: 0 };
  // Where nodes already sit, per frame: the pasted ones move on until none sits on one of them.
  const occupied = new Set(
    topology.elements.flatMap((element) => {
      const placement = topology.layout[element.id];
      return placement && !isConnection(element) ? [spot(parentOf(element), placement.x, placement.y)] : [];
    }),
  );
  const landsOnAnother = (offset: number) =>
    placedRoots.some(({ copy, placement }) => occupied.has(spot(parentOf(copy), placement.x + shift.x + offset, placement.y + shift.y + offset)));
  let offset = 0;
  while (landsOnAnother(offset)) offset += PASTE_OFFSET;
  for (const { copy, placement } of placedRoots) {
    layout[copy.id] = { ...placement, x: placement.x + shift.x + offset, y: placement.y + shift.y + offset };
  }

  const ids = [...copies.filter((entry) => entry.isRoot), ...copies.filter((entry) => !entry.isRoot)].map((entry) => entry.copy.id);
  const elements = [...topology.elements, ...copies.map((entry) => entry.copy)];
  return { ok: true, topology: { ...topology, elements, layout }, id: ids[0]!, ids };
}

function spot(parent: string | undefined, x: number, y: number): string {
  return `${parent ?? ''}\u0000${x}\u0000${y}`;
}
