/**
 * Model commands: pure functions from one topology to the next. The canvas, the inspector, the
 * palette and quick fixes all change the design through these, and the store writes the result
 * back into the YAML document (comments and key order kept).
 */
import { removeElement, renameElement, unusedId } from '../../shared/graph/network.js';
import type { Placement } from '../../shared/model/layout.js';
import type { Element, Topology } from '../../shared/model/topology.js';
import { toDnsLabel, type PaletteItem } from './palette.js';

/** `id`: the element the command made (it becomes the selection); `ids` when it made several. */
export type Outcome = { ok: true; topology: Topology; id?: string; ids?: readonly string[] } | { ok: false; error: string };

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function isDnsLabel(id: string): boolean {
  return DNS_1123_LABEL.test(id);
}

/** A fresh DNS-1123 id built from `base`: `base`, then `base-2`, `base-3`... */
export function newElementId(topology: Topology, base: string): string {
  return unusedId(topology, toDnsLabel(base).slice(0, 56));
}

const round = (value: number) => Math.round(value);

/**
 * Adds the element a palette item makes. `parentId` is the site (clusters) or cluster
 * (collectors) it was dropped into; backends and control planes take the site when dropped into
 * one. `position` is relative to that parent, as the canvas stores it.
 */
export function addElement(
  topology: Topology,
  item: PaletteItem,
  drop: { siteId?: string; clusterId?: string; position?: { x: number; y: number } } = {},
): Outcome {
  const references: Record<string, string> = {};
  if (item.parent === 'site') {
    if (!drop.siteId) return { ok: false, error: `Drop a ${item.label} inside a site.` };
    references.site = drop.siteId;
  } else if (item.parent === 'cluster') {
    if (!drop.clusterId) return { ok: false, error: `Drop a ${item.label} inside a cluster.` };
    references.cluster = drop.clusterId;
  } else if ((item.kind === 'backend' || item.kind === 'controlPlane') && drop.siteId) {
    references.site = drop.siteId;
  }
  const id = newElementId(topology, item.idBase);
  const element = { kind: item.kind, id, ...references, ...item.fields } as unknown as Element;
  const layout = drop.position
    ? { ...topology.layout, [id]: { x: round(drop.position.x), y: round(drop.position.y) } }
    : topology.layout;
  return { ok: true, topology: { ...topology, elements: [...topology.elements, element], layout }, id };
}

/** Stores canvas positions (relative to the parent frame), keeping any stored size. */
export function moveElements(topology: Topology, moves: ReadonlyArray<{ id: string; x: number; y: number }>): Topology {
  if (moves.length === 0) return topology;
  const layout: Record<string, Placement> = { ...topology.layout };
  for (const { id, x, y } of moves) layout[id] = { ...layout[id], x: round(x), y: round(y) };
  return { ...topology, layout };
}

/**
 * Connects two elements: collector → collector or backend is a flow of every signal; site →
 * site is a VPN link.
 */
export function connect(topology: Topology, sourceId: string, targetId: string): Outcome {
  if (sourceId === targetId) return { ok: false, error: 'An element cannot connect to itself.' };
  const source = topology.elements.find((element) => element.id === sourceId);
  const target = topology.elements.find((element) => element.id === targetId);
  if (!source || !target) return { ok: false, error: 'Both ends must be on the canvas.' };
  if (source.kind === 'collector' && (target.kind === 'collector' || target.kind === 'backend')) {
    const exists = topology.elements.some((element) => element.kind === 'flow' && element.from === sourceId && element.to === targetId);
    if (exists) return { ok: false, error: `${sourceId} already sends to ${targetId}.` };
    const id = newElementId(topology, `${sourceId}-to-${targetId}`);
    const flow = { kind: 'flow', id, from: sourceId, to: targetId, signals: ['traces', 'metrics', 'logs'] } as unknown as Element;
    return { ok: true, topology: { ...topology, elements: [...topology.elements, flow] }, id };
  }
  if (source.kind === 'site' && target.kind === 'site') {
    const id = newElementId(topology, `${sourceId}-${targetId}`);
    const link = { kind: 'link', id, from: sourceId, to: targetId, type: 'vpn-ipsec' } as unknown as Element;
    return { ok: true, topology: { ...topology, elements: [...topology.elements, link] }, id };
  }
  return { ok: false, error: `A ${source.kind} cannot connect to a ${target.kind}: connect collectors to collectors or backends, sites to sites.` };
}

/** Ids removed along with `ids`: what is drawn inside them and what connects to them. */
export function dependants(topology: Topology, ids: Iterable<string>): Set<string> {
  const removed = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const element of topology.elements) {
      if (removed.has(element.id)) continue;
      const parents: Array<string | undefined> =
        element.kind === 'cluster' ? [element.site]
        : element.kind === 'collector' ? [element.cluster]
        : element.kind === 'backend' || element.kind === 'controlPlane' ? [element.site]
        : element.kind === 'flow' || element.kind === 'link' ? [element.from, element.to]
        : [];
      if (parents.some((parent) => parent !== undefined && removed.has(parent))) {
        removed.add(element.id);
        grew = true;
      }
    }
  }
  return removed;
}

/** Deletes elements, everything inside or connected to them, and references to them. */
export function deleteElements(topology: Topology, ids: Iterable<string>): Topology {
  const removed = dependants(topology, ids);
  let next = topology;
  for (const id of removed) next = removeElement(next, id);
  const elements = next.elements.map((element) => {
    if (element.kind === 'collector' && element.controlPlane && removed.has(element.controlPlane)) {
      const { controlPlane: _dropped, ...rest } = element;
      return rest as Element;
    }
    return element;
  });
  return { ...next, elements };
}

/**
 * Sets fields of one element; `undefined` removes a field (an empty string is a value: the model
 * says where it is allowed). The id goes through `renameElement`, so references and layout follow.
 */
export function updateElement(topology: Topology, id: string, patch: Readonly<Record<string, unknown>>): Outcome {
  const index = topology.elements.findIndex((element) => element.id === id);
  if (index === -1) return { ok: false, error: `No element ${id}.` };
  let next = topology;
  let currentId = id;
  if (typeof patch.id === 'string' && patch.id !== id) {
    if (!isDnsLabel(patch.id)) return { ok: false, error: `"${patch.id}" is not a DNS-1123 name (lower case letters, digits, dashes).` };
    if (topology.elements.some((element) => element.id === patch.id)) return { ok: false, error: `${patch.id} is already used.` };
    next = renameElement(next, id, patch.id);
    currentId = patch.id;
  }
  const { id: _id, ...fields } = patch;
  const element = { ...next.elements[index]! } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete element[key];
    else element[key] = value;
  }
  const elements = next.elements.map((candidate, position) => (position === index ? (element as Element) : candidate));
  return { ok: true, topology: { ...next, elements }, id: currentId };
}

/** A model change that cannot fail, as an outcome. */
export function done(topology: Topology): Outcome {
  return { ok: true, topology };
}
