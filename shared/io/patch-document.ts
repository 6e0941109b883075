import { isMap, isSeq, type Document, type Node } from 'yaml';
import type { ModelPath } from './problem.js';

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

const idOf = (item: unknown): string | undefined =>
  isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined;

/**
 * One change to a YAML document. Every path is a path in the document as it was before any of
 * the edits (sequence indexes included), so the edits can be applied to its nodes or its text.
 */
export type EditOperation =
  /** The node at `path` (which exists) takes `value`. */
  | { readonly kind: 'replace'; readonly path: ModelPath; readonly value: unknown }
  /** The map entry at `path` (map path + key) goes. */
  | { readonly kind: 'deleteKey'; readonly path: ModelPath }
  /** The sequence item at `path` (sequence path + index) goes. */
  | { readonly kind: 'deleteItem'; readonly path: ModelPath }
  /** The map at `path.slice(0, -1)`, which lacks the key, gains it with `value` at its end. */
  | { readonly kind: 'addKey'; readonly path: ModelPath; readonly value: unknown }
  /** The sequence at `path` gains `value` as its last item. */
  | { readonly kind: 'appendItem'; readonly path: ModelPath; readonly value: unknown };

/**
 * The edits that take `document` from `before` to `after`, touching only what changed, in
 * document order. Sequences of elements with ids are matched by id, so removing one element
 * leaves its neighbours alone.
 */
export function diffDocument(document: Document, before: unknown, after: unknown): EditOperation[] {
  const operations: EditOperation[] = [];
  diffNode(document, before, after, [], operations);
  return operations;
}

function diffNode(document: Document, before: unknown, after: unknown, path: ModelPath, out: EditOperation[]): void {
  if (deepEqual(before, after)) return;
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const key of Object.keys(before)) {
      if ((!(key in after) || after[key] === undefined) && node.has(key)) out.push({ kind: 'deleteKey', path: [...path, key] });
    }
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (node.has(key) && key in before) diffNode(document, before[key], value, [...path, key], out);
      // A default the file leaves out stays out while its value is unchanged.
      else if (!(key in before) || !deepEqual(before[key], value)) {
        out.push({ kind: node.has(key) ? 'replace' : 'addKey', path: [...path, key], value });
      }
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    if (diffSequenceById(document, before, after, path, out)) return;
    if (before.length === after.length) {
      after.forEach((item, index) => diffNode(document, before[index], item, [...path, index], out));
      return;
    }
  }
  out.push({ kind: 'replace', path, value: after });
}

function diffSequenceById(document: Document, before: unknown[], after: unknown[], path: ModelPath, out: EditOperation[]): boolean {
  const beforeIds = before.map(idOf);
  const afterIds = after.map(idOf);
  if (beforeIds.some((id) => id === undefined) || afterIds.some((id) => id === undefined)) return false;
  const kept = afterIds.filter((id) => beforeIds.includes(id));
  const keptInBeforeOrder = beforeIds.filter((id) => afterIds.includes(id));
  // A reordering is rewritten whole; only removals, edits and appends are patched in place.
  if (!deepEqual(kept, keptInBeforeOrder)) return false;
  const firstNew = afterIds.findIndex((id) => !beforeIds.includes(id));
  if (firstNew !== -1 && afterIds.slice(firstNew).some((id) => beforeIds.includes(id))) return false;

  const remaining: number[] = [];
  before.forEach((_, index) => {
    if (afterIds.includes(beforeIds[index])) remaining.push(index);
    else out.push({ kind: 'deleteItem', path: [...path, index] });
  });
  after.forEach((item, index) => {
    const original = remaining[index];
    if (original !== undefined) diffNode(document, before[original], item, [...path, original], out);
    else out.push({ kind: 'appendItem', path, value: item });
  });
  return true;
}

/** Applies `operations` (from {@link diffDocument} on this document or a clone of it) to its nodes. */
export function applyOperations(document: Document, operations: readonly EditOperation[]): void {
  // Every path names a node of the unedited document: find them all before changing any.
  const collectionAt = (path: ModelPath) => (path.length === 0 ? document.contents : document.getIn(path, true)) as Node | null;
  const resolved = operations.map((operation) => ({
    operation,
    parent: collectionAt(operation.kind === 'appendItem' ? operation.path : operation.path.slice(0, -1)),
    key: operation.path[operation.path.length - 1],
  }));
  const deletions: { parent: Node | null; key: string | number | undefined }[] = [];
  for (const { operation, parent, key } of resolved) {
    if (operation.kind === 'replace' && operation.path.length === 0) document.contents = document.createNode(operation.value);
    else if (operation.kind === 'replace' || operation.kind === 'addKey') {
      if (isMap(parent) || isSeq(parent)) parent.set(key, operation.value);
    } else if (operation.kind === 'appendItem') {
      if (isSeq(parent)) parent.add(operation.value);
    } else deletions.push({ parent, key });
  }
  // Later items first, so the indexes of earlier ones still hold.
  const indexOf = (key: unknown) => (typeof key === 'number' ? key : Number.POSITIVE_INFINITY);
  deletions.sort((a, b) => indexOf(b.key) - indexOf(a.key));
  for (const { parent, key } of deletions) if (isMap(parent) || isSeq(parent)) parent.delete(key);
}

/**
 * Edits `document` so that its value goes from `before` to `after`, touching only what changed.
 * Sequences of elements with ids are matched by id, so removing one element leaves its
 * neighbours' comments in place.
 */
export function patchDocument(document: Document, before: unknown, after: unknown): void {
  applyOperations(document, diffDocument(document, before, after));
}
