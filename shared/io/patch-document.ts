import { isMap, isSeq, type Document } from 'yaml';
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
 * Edits `document` so that its value goes from `before` to `after`, touching only what changed.
 * Sequences of elements with ids are matched by id, so removing one element leaves its
 * neighbours' comments in place.
 */
export function patchDocument(document: Document, before: unknown, after: unknown, path: ModelPath = []): void {
  if (deepEqual(before, after)) return;
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const key of Object.keys(before)) {
      if (!(key in after) || after[key] === undefined) {
        if (node.has(key)) document.deleteIn([...path, key]);
      }
    }
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (node.has(key) && key in before) patchDocument(document, before[key], value, [...path, key]);
      // A default the file leaves out stays out while its value is unchanged.
      else if (!(key in before) || !deepEqual(before[key], value)) document.setIn([...path, key], value);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    if (patchSequenceById(document, before, after, path)) return;
    if (before.length === after.length) {
      after.forEach((item, index) => patchDocument(document, before[index], item, [...path, index]));
      return;
    }
  }
  if (path.length === 0) document.contents = document.createNode(after);
  else document.setIn(path, after);
}

function patchSequenceById(document: Document, before: unknown[], after: unknown[], path: ModelPath): boolean {
  const beforeIds = before.map(idOf);
  const afterIds = after.map(idOf);
  if (beforeIds.some((id) => id === undefined) || afterIds.some((id) => id === undefined)) return false;
  const kept = afterIds.filter((id) => beforeIds.includes(id));
  const keptInBeforeOrder = beforeIds.filter((id) => afterIds.includes(id));
  // A reordering is rewritten whole; only removals, edits and appends are patched in place.
  if (!deepEqual(kept, keptInBeforeOrder)) return false;
  const firstNew = afterIds.findIndex((id) => !beforeIds.includes(id));
  if (firstNew !== -1 && afterIds.slice(firstNew).some((id) => beforeIds.includes(id))) return false;

  for (let index = before.length - 1; index >= 0; index--) {
    if (!afterIds.includes(beforeIds[index])) document.deleteIn([...path, index]);
  }
  const remaining = before.filter((item) => afterIds.includes(idOf(item)));
  after.forEach((item, index) => {
    if (index < remaining.length) patchDocument(document, remaining[index], item, [...path, index]);
    else document.addIn(path, item);
  });
  return true;
}
