/**
 * Fragments: the part of a topology that Copy takes and Paste (or Duplicate) puts back, as fresh
 * elements. `fragment-text.ts` writes a fragment as YAML for the system clipboard and reads it back.
 *
 * What a copy takes:
 * - the selected elements, and everything drawn inside a selected site or cluster (a copy of a
 *   frame comes with its contents);
 * - flows and links whose two ends are both taken. Flows and links with an end outside (including
 *   a selected flow or link on its own) are left out: a copy starts unconnected, so pasting never
 *   doubles what an existing backend or gateway receives behind the user's back (a copy of a
 *   gateway that kept the agents' flows into it would have every agent send its telemetry twice,
 *   and a backend pay for it twice);
 * - the layout entries of what it takes.
 *
 * A cut (`cutFragment`) takes the same, and also the flows and links to elements outside it
 * (`outside`), which the cut deletes: cut and paste is a move, and a move keeps its connections.
 *
 * What a paste does:
 * - each element gets a fresh id: its own where that is free (pasting into another document, or
 *   after a cut), otherwise counted on (`gateway` → `gateway-2`, `gateway-2` → `gateway-3`);
 * - references inside the fragment follow the new ids; references outside it (a collector's
 *   cluster, a cluster's site) are kept when the topology has that element. Where it does not, a
 *   required one (a cluster's site, a collector's cluster, a flow's or link's end) refuses the
 *   paste, and an optional one (a control plane, a backend's site) is dropped, as deleting that
 *   element would;
 * - pasted at a point (`at`, the pointer), the outermost nodes go into the frame it names
 *   (`into`), the first of them at the point and the others keeping their distance from it;
 *   otherwise they stay in their own frames, where they were. Either way they move on
 *   `PASTE_OFFSET` down and right as many times as needed not to sit exactly on an element
 *   already there; the nodes inside them keep their positions in their (new) parent;
 * - a cut's connections to outside elements come back when the element at the other end is still
 *   there (of a kind the connection may join) and the elements they join inside the fragment
 *   are pasted under their own ids: that is the cut coming back. A second paste of the same cut
 *   makes copies (`gateway-2`), which, as copies do, start unconnected. The others are dropped
 *   without a word.
 */
import { REFERENCE_FIELDS, referencesOf, unusedId } from '../../shared/graph/network.js';
import type { Placement } from '../../shared/model/layout.js';
import { KIND_NAMES, type Element, type ElementKind, type ElementOf, type Topology } from '../../shared/model/topology.js';
import type { Outcome } from './commands.js';

/** How far a paste moves its nodes off what is already there (four snap-grid steps). */
export const PASTE_OFFSET = 32;

/** Elements cut out of a topology, with their canvas positions. */
export interface Fragment {
  /** In model order. */
  readonly elements: readonly Element[];
  /** Placements of the elements that have one, by id. */
  readonly layout: Readonly<Record<string, Placement>>;
  /** A cut's flows and links between its elements and elements outside it, in model order; absent for a copy. */
  readonly outside?: readonly Connection[];
}

export type Connection = ElementOf<'flow'> | ElementOf<'link'>;

/**
 * Where a paste goes: the first outermost node's top-left at (`x`, `y`) in the coordinates of the
 * frame `into` (a site's or cluster's id; `null`, the canvas itself). Without `into`, the
 * outermost nodes stay in the frames they were copied from and the point is in their coordinates.
 */
export interface PasteAt {
  readonly x: number;
  readonly y: number;
  readonly into?: string | null;
}

const isConnection = (element: Element): element is Connection => element.kind === 'flow' || element.kind === 'link';

/** The frame an element is drawn inside (its site or cluster), if any. */
function parentOf(element: Element): string | undefined {
  if (isConnection(element)) return undefined;
  return referencesOf(element).find((reference) => reference.field === 'site' || reference.field === 'cluster')?.id;
}

/** The fragment a copy of `ids` takes (see above); empty when they are only flows and links, or nothing. */
export function copyFragment(topology: Topology, ids: Iterable<string>): Fragment {
  return takeFragment(topology, ids, false);
}

/** The fragment a cut of `ids` takes: a copy's, and the connections to elements outside it (see above). */
export function cutFragment(topology: Topology, ids: Iterable<string>): Fragment {
  return takeFragment(topology, ids, true);
}

function takeFragment(topology: Topology, ids: Iterable<string>, cut: boolean): Fragment {
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
  if (!cut || elements.length === 0) return { elements, layout };
  // The other connections of the taken nodes: the ones deleting them deletes (one end outside).
  const taken = new Set(elements);
  const outside = topology.elements.filter(
    (element): element is Connection => isConnection(element) && !taken.has(element) && referencesOf(element).some((reference) => nodes.has(reference.id)),
  );
  return outside.length === 0 ? { elements, layout } : { elements, layout, outside };
}

/** The nodes of `fragment` not inside another of its nodes: the ones a paste places. */
export function outermostNodes(fragment: Fragment): Element[] {
  const inFragment = new Set(fragment.elements.map((element) => element.id));
  return fragment.elements.filter((element) => {
    const parent = parentOf(element);
    return !isConnection(element) && (parent === undefined || !inFragment.has(parent));
  });
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
 * Adds copies of `fragment`'s elements to `topology` (see above), at `at` where given. The
 * outcome's `ids` lists the copies, outermost first, in model order.
 */
export function pasteFragment(topology: Topology, fragment: Fragment, at?: PasteAt): Outcome {
  if (fragment.elements.length === 0) return { ok: false, error: 'Nothing to paste.' };
  const inFragment = new Set(fragment.elements.map((element) => element.id));
  const existing = new Map(topology.elements.map((element) => [element.id, element]));

  const outermost = new Set(outermostNodes(fragment));
  const taken = new Set<string>();
  const renamed = new Map(fragment.elements.map((element) => [element.id, freshId(topology, element.id, taken)]));
  const copies: Array<{ copy: Element; placement: Placement | undefined; isRoot: boolean }> = [];
  for (const element of fragment.elements) {
    const isRoot = outermost.has(element);
    const moved = isRoot && at?.into !== undefined ? intoFrame(element, at.into, existing) : element;
    if (typeof moved === 'string') return { ok: false, error: moved };
    const copy: Record<string, unknown> = { ...moved, id: renamed.get(element.id)! };
    for (const { field, kinds, optional } of REFERENCE_FIELDS[element.kind]) {
      const target = copy[field];
      if (typeof target !== 'string') continue;
      if (inFragment.has(target)) copy[field] = renamed.get(target);
      else if (kinds.includes(existing.get(target)?.kind as ElementKind)) continue;
      else if (optional) delete copy[field];
      else return { ok: false, error: missingReference(element, field, target, kinds) };
    }
    copies.push({ copy: copy as unknown as Element, placement: fragment.layout[element.id], isRoot });
  }

  const layout: Record<string, Placement> = { ...topology.layout };
  for (const { copy, placement, isRoot } of copies) if (placement && !isRoot) layout[copy.id] = { ...placement };
  // Pasted at a point, the first outermost node goes there, even one without a placement (the grid placed it).
  const roots = copies.filter((entry) => entry.isRoot);
  const anchored = at ? roots.map((entry, index) => (index === 0 ? { ...entry, placement: entry.placement ?? { x: 0, y: 0 } } : entry)) : roots;
  const placedRoots = anchored.filter((entry): entry is typeof entry & { placement: Placement } => entry.placement !== undefined);
  const first = anchored[0]?.placement;
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

  const restored = restoredConnections(topology, existing, fragment, renamed, taken);
  // The restored connections are not among the `ids` (the new selection): what was pasted is, so a
  // single node pasted back shows in the inspector.
  const ids = [...roots, ...copies.filter((entry) => !entry.isRoot)].map((entry) => entry.copy.id);
  const elements = [...topology.elements, ...copies.map((entry) => entry.copy), ...restored];
  return { ok: true, topology: { ...topology, elements, layout }, id: ids[0]!, ids };
}

/**
 * `element` (an outermost node of a paste) moved into the frame `into` (`null`: onto the canvas
 * itself), or why it cannot go there. The canvas only asks for frames that fit (placement.ts).
 */
function intoFrame(element: Element, into: string | null, existing: ReadonlyMap<string, Element>): Element | string {
  const reference = REFERENCE_FIELDS[element.kind].find(({ field }) => field === 'site' || field === 'cluster');
  const frame = into === null ? undefined : existing.get(into);
  if (reference && frame && reference.kinds.includes(frame.kind)) return { ...element, [reference.field]: into } as Element;
  if (into === null && !reference) return element;
  if (into === null && reference?.optional) {
    const { [reference.field]: _dropped, ...rest } = element as unknown as Record<string, unknown>;
    return rest as unknown as Element;
  }
  return `Cannot paste: ${KIND_NAMES[element.kind]} ${element.id} cannot go ${into === null ? 'outside every frame' : `into ${into}`}.`;
}

/**
 * The connections of a cut that come back with this paste, under fresh ids (their own where free):
 * those whose ends inside the fragment were pasted under their own ids and whose other end is
 * still there, of a kind they may join. None of them can be there already: an element pasted
 * under its own id was not in the topology, so nothing there joins it.
 */
function restoredConnections(
  topology: Topology,
  existing: ReadonlyMap<string, Element>,
  fragment: Fragment,
  renamed: ReadonlyMap<string, string>,
  taken: Set<string>,
): Connection[] {
  return (fragment.outside ?? [])
    .filter((connection) =>
      referencesOf(connection).every(({ id, kinds }) => (renamed.has(id) ? renamed.get(id) === id : kinds.includes(existing.get(id)?.kind as ElementKind))),
    )
    .map((connection) => ({ ...connection, id: freshId(topology, connection.id, taken) }));
}

function spot(parent: string | undefined, x: number, y: number): string {
  return `${parent ?? ''}\u0000${x}\u0000${y}`;
}
