/**
 * Reading an edit inside one scalar without parsing the whole document again (issue 4 §6: a
 * 260 KB topology takes ~200 ms to parse; typing a replica count must not).
 *
 * After a full parse, `indexScalars` lists the scalars an edit can safely change in place: plain,
 * single-line values (never keys) spelled as a decimal integer or a word, with no anchor or tag on
 * them or around them (so no alias shares them). `editScalar` takes the text before and after an
 * edit; when the two differ only inside one listed scalar and the new spelling is a scalar of the
 * same kind, the new data is the old data with that one value replaced, which is what a full
 * parse would read: around the scalar the text is the same, and a word or integer holds no
 * character (`:`, `#`, space, quote, bracket, comma) that could end it early, continue it, or
 * start anything else. Anything else gives `undefined`: the caller parses the whole text.
 */
import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node } from 'yaml';
import type { ModelPath } from '../../shared/io/problem.js';

type ScalarKind = 'integer' | 'word';

/** How the YAML core schema reads these spellings: as a number, or as the string itself. */
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const WORD = /^[A-Za-z][A-Za-z0-9._/-]*$/;
/** Words the core schema reads as booleans or null. */
const KEYWORDS = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;

function kindOf(spelling: string): ScalarKind | undefined {
  if (INTEGER.test(spelling)) return 'integer';
  if (WORD.test(spelling) && !KEYWORDS.test(spelling)) return 'word';
  return undefined;
}

/** The editable scalars of a document, in text order, with their current offsets. */
export interface ScalarIndex {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly paths: readonly ModelPath[];
  readonly kinds: readonly ScalarKind[];
}

/** What the next edit is read from: the current data and where its editable scalars are. */
export interface ScalarSource {
  readonly data: unknown;
  readonly index: ScalarIndex;
}

const isPlain = (node: Node) => !node.anchor && !node.tag;

export function indexScalars(document: Document, text: string): ScalarIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const paths: ModelPath[] = [];
  const kinds: ScalarKind[] = [];
  const visit = (node: unknown, path: ModelPath) => {
    if (!node || !isPlain(node as Node)) return;
    if (isScalar(node)) {
      if (node.type !== Scalar.PLAIN || !node.range) return;
      const [start, end] = node.range;
      const spelling = text.slice(start, end);
      const kind = kindOf(spelling);
      if (!kind || node.value !== (kind === 'integer' ? Number(spelling) : spelling)) return;
      starts.push(start);
      ends.push(end);
      paths.push(path);
      kinds.push(kind);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        // Only keys read as plain strings name a property of the data; `<<` may be a merge.
        if (!isPair(pair) || !isScalar(pair.key) || !isPlain(pair.key) || typeof pair.key.value !== 'string') continue;
        if (pair.key.value === '<<' || pair.key.value === '__proto__') continue;
        visit(pair.value, [...path, pair.key.value]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, at) => visit(item, [...path, at]));
    }
  };
  // Other schemas (a `%YAML 1.1` directive) read more words as booleans, numbers or dates.
  if (document.schema.name === 'core') visit(document.contents, []);
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), paths, kinds };
}

/** The last scalar starting at or before `offset`. */
function scalarAt(index: ScalarIndex, offset: number): number {
  let low = 0;
  let high = index.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (index.starts[middle]! <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** `data` with the value at `path` replaced, sharing everything off the path. */
function replaceAt(data: unknown, path: ModelPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[key as number] = replaceAt(data[key as number], rest, value);
    return copy;
  }
  const record = data as Record<string, unknown>;
  return { ...record, [key!]: replaceAt(record[key!], rest, value) };
}

/**
 * The data and scalar index of `after` when it is `before` with the text of one indexed scalar
 * replaced by a scalar of the same kind; otherwise `undefined`.
 */
export function editScalar(source: ScalarSource, before: string, after: string): ScalarSource | undefined {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;

  const { index } = source;
  const at = scalarAt(index, prefix);
  if (at < 0) return undefined;
  const start = index.starts[at]!;
  const end = index.ends[at]!;
  // The text differs only in [prefix, before.length - suffix), which must lie inside the scalar.
  if (before.length - suffix > end) return undefined;
  const delta = after.length - before.length;
  const spelling = after.slice(start, end + delta);
  const kind = index.kinds[at]!;
  if (kindOf(spelling) !== kind) return undefined;

  const starts = index.starts.slice();
  const ends = index.ends.slice();
  ends[at] = end + delta;
  for (let next = at + 1; next < starts.length; next++) {
    starts[next] = starts[next]! + delta;
    ends[next] = ends[next]! + delta;
  }
  const value = kind === 'integer' ? Number(spelling) : spelling;
  return { data: replaceAt(source.data, index.paths[at]!, value), index: { ...index, starts, ends } };
}
