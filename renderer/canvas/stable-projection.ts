/**
 * Structural sharing between two projections: a node or edge equal (deeply) to the one drawn
 * before keeps the previous object, and an unchanged list keeps the previous array. React Flow
 * compares nodes and edges by identity, so an edit redraws only what it changed, not the
 * thousand nodes and edges of a large topology (issue 4 §6).
 */
import type { Edge } from '@xyflow/react';
import type { ElementNode, Projection } from './projection.js';

/** Equality of plain data (what the projection makes: objects, arrays, strings, numbers, booleans). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => deepEqual(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

/** Equal, leaving out the sizes React Flow measured into its copy of a node. */
function sameNode(local: ElementNode, projected: ElementNode): boolean {
  if (!('measured' in local)) return deepEqual(local, projected);
  const { measured: _measured, ...rest } = local;
  return deepEqual(rest, projected);
}

function share<T extends { id: string }>(previous: readonly T[], next: readonly T[], same: (old: T, item: T) => boolean = deepEqual): T[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const shared = next.map((item, index) => {
    const old = before.get(item.id);
    const kept = old !== undefined && same(old, item) ? old : item;
    if (kept !== previous[index]) changed = true;
    return kept;
  });
  return changed ? shared : (previous as T[]);
}

/**
 * `next`, with every node and edge equal to one of `previous` replaced by that object. The result
 * is always a new projection (the canvas resets its nodes to each one it is given).
 */
export function shareUnchanged(previous: Projection, next: Projection): Projection {
  return { nodes: share<ElementNode>(previous.nodes, next.nodes), edges: share<Edge>(previous.edges, next.edges) };
}

/**
 * The canvas's own nodes (React Flow's copies, with their measured sizes) for the projected nodes
 * they equal; the projected node where it differs. Keeping React Flow's copy spares it measuring
 * the node again.
 */
export function keepLocalNodes(local: readonly ElementNode[], projected: readonly ElementNode[]): ElementNode[] {
  return share<ElementNode>(local, projected, sameNode);
}
