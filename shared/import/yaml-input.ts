/**
 * Reading the files an import is given: every YAML document of every file, as plain data, with a
 * way back from a path in that data to the line and column it was written at. Embedded YAML (a
 * ConfigMap's `data` entry, a v1alpha1 Operator `spec.config`) is read the same way and located
 * inside the file that holds it.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { STRICT_PARSE, syntaxErrors } from '../io/yaml-document.js';
import type { ConfigPath } from '../validation/config-check.js';
import { readFastYaml } from '../io/fast-yaml.js';

/** Alias expansions allowed per document (billion-laughs guard), as for topology files. */
const MAX_ALIAS_COUNT = 100;
/** Larger files are refused before parsing: nobody's collector config is 8 MiB. */
export const MAX_FILE_CHARACTERS = 8 * 1024 * 1024;

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a path of some YAML data was written; the nearest existing parent where it was not. */
export type Locator = (path: ConfigPath) => Position;

export interface YamlDocument {
  readonly file: string;
  /** 0-based index of the document in its file. */
  readonly index: number;
  readonly value: unknown;
  readonly locate: Locator;
  /** Whether `path` is written in this document (not just a parent of it). */
  readonly has: (path: ConfigPath) => boolean;
}

export interface ReadProblem extends Position {
  readonly message: string;
}

export type ReadResult = { ok: true; documents: YamlDocument[] } | { ok: false; problems: ReadProblem[] };

/** The offset of the node at `path` (a map entry's key, which is where an editor points), and how many keys of it were found. */
export type Finder = (path: ConfigPath) => { offset: number | undefined; depth: number };

/** The full read's finder, over `yaml`'s nodes (exported for the fast reader's differential test). */
export function walk(document: Document): Finder {
  return (path) => {
    let node = (document.contents ?? undefined) as Node | undefined;
    let found = node;
    let depth = 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
        if (!pair) break;
        found = (isScalar(pair.key) ? pair.key : (pair.value as Node | null)) ?? found;
        node = (pair.value ?? undefined) as Node | undefined;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        found = item;
        node = item;
      } else break;
      depth++;
    }
    return { offset: found?.range?.[0], depth };
  };
}

function documentLocator(
  file: string,
  find: Finder,
  lineCounter: LineCounter,
  fallback: Position,
): { locate: Locator; has: (path: ConfigPath) => boolean } {
  return {
    locate(path) {
      const { offset } = find(path);
      if (offset === undefined) return fallback;
      const position = lineCounter.linePos(offset);
      return { file, line: position.line, column: position.col };
    },
    has: (path) => find(path).depth === path.length,
  };
}

/** A file that is binary rather than text: NUL bytes, or mostly control characters. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function toPlain(document: Document): unknown {
  return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

function problemAt(file: string, lineCounter: LineCounter, offset: number | undefined, message: string): ReadProblem {
  const position = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
  return { file, line: position.line, column: position.col, message };
}

/**
 * Reasons a value cannot be a collector config or manifest value: non-JSON data, `__proto__` keys.
 * The path is put together on the way back from a problem: most values have none.
 */
function unsupportedValue(value: unknown, depth = 0): { path: ConfigPath; message: string } | undefined {
  if (depth > 64) return { path: [], message: 'nested more than 64 levels deep' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: [], message: `${value} is not a number a collector reads` };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsupportedValue(item, depth + 1);
      if (found) return { path: [index, ...found.path], message: found.message };
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '__proto__') return { path: [key], message: 'a `__proto__` key is not accepted' };
      const found = unsupportedValue(item, depth + 1);
      if (found) return { path: [key, ...found.path], message: found.message };
    }
    return undefined;
  }
  return { path: [], message: 'a value of a kind a collector config cannot hold (binary, set or ordered map)' };
}

/**
 * The file read by the fast reader (shared/io/fast-yaml.ts), where it reads all of it: the same documents,
 * values and positions as the full read below, which runs wherever it declines. It declines
 * whatever `unsupportedValue` would refuse, so its values need no such check.
 */
function readFast(file: string, text: string): ReadResult | undefined {
  const lineCounter = new LineCounter();
  const fast = readFastYaml(text, lineCounter.addNewLine);
  if (!fast) return undefined;
  // Every document has a root, so the locator never falls back.
  const fallback = { file, line: 1, column: 1 };
  const documents = fast.map(({ value, find }, index) => ({ file, index, value, ...documentLocator(file, find, lineCounter, fallback) }));
  return { ok: true, documents };
}

/** Every document of a file, or every problem that stops it being read (all located). */
export function readYamlFile(file: string, text: string): ReadResult {
  const fail = (message: string, line = 1, column = 1): ReadResult => ({ ok: false, problems: [{ file, line, column, message }] });
  if (text.length > MAX_FILE_CHARACTERS) return fail(`the file is too large to import (${Math.round(text.length / 1024 / 1024)} MiB; at most ${MAX_FILE_CHARACTERS / 1024 / 1024} MiB)`);
  if (looksBinary(text)) return fail('the file is binary, not YAML');
  if (text.trim() === '') return fail('the file is empty');
  const fast = readFast(file, text);
  if (fast) return fast;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, ...STRICT_PARSE });
  if (!Array.isArray(parsed)) return fail('the file is empty');
  const problems: ReadProblem[] = [];
  const documents: YamlDocument[] = [];
  for (const [index, document] of parsed.entries()) {
    for (const error of document.errors) problems.push(problemAt(file, lineCounter, error.pos[0], error.message.split('\n')[0]!));
    if (document.errors.length > 0) continue;
    const start = problemAt(file, lineCounter, document.range[0], '');
    let value: unknown;
    try {
      value = toPlain(document);
    } catch (error) {
      problems.push({ ...start, message: `cannot read the YAML: ${(error as Error).message}` });
      continue;
    }
    const unsupported = unsupportedValue(value);
    const { locate, has } = documentLocator(file, walk(document), lineCounter, { file, line: start.line, column: start.column });
    if (unsupported) {
      problems.push({ ...locate(unsupported.path), message: unsupported.message });
      continue;
    }
    // `---` with nothing after it, or only comments.
    if (value === null && document.contents === null) continue;
    documents.push({ file, index, value, locate, has });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (documents.length === 0) return fail('the file holds no YAML document (only comments or separators)');
  return { ok: true, documents };
}

/** The lines of the last file asked for: every embedded config of one file needs them. */
let lastLines: { text: string; lines: string[] } | undefined;
function linesOf(text: string): string[] {
  if (lastLines?.text !== text) lastLines = { text, lines: text.split(/\r?\n/) };
  return lastLines.lines;
}

/**
 * YAML written inside a string of another document: read, and located in the outer file. A
 * literal block (`|`) maps line for line; other scalars locate at the string's start.
 */
export function readEmbeddedYaml(
  outer: YamlDocument,
  path: ConfigPath,
  text: string,
  fileText: string,
): { ok: true; value: unknown; locate: Locator; has: (path: ConfigPath) => boolean } | { ok: false; problems: ReadProblem[] } {
  const anchor = outer.locate(path);
  const lines = linesOf(fileText);
  // A block scalar starts on the line after its key; its indentation is that of its first line.
  const firstLine = lines[anchor.line] ?? '';
  // The anchor is the key (`config: |`): a literal block follows its colon.
  const isBlock = /^[^:]*:\s*\|/.test((lines[anchor.line - 1] ?? '').slice(anchor.column - 1));
  const indent = isBlock ? (/^\s*/.exec(firstLine)?.[0].length ?? 0) : 0;
  const place = (line: number, column: number): Position =>
    isBlock ? { file: outer.file, line: anchor.line + line, column: indent + column } : anchor;
  if (looksBinary(text)) return { ok: false, problems: [{ ...anchor, message: 'the embedded config is binary, not YAML' }] };
  const fastLines = new LineCounter();
  const fast = readFastYaml(text, fastLines.addNewLine);
  // One document, as `parseDocument` reads: more is its error.
  if (fast?.length === 1) {
    const inner = documentLocator(outer.file, fast[0]!.find, fastLines, anchor);
    const locate: Locator = (innerPath) => {
      const position = inner.locate(innerPath);
      return place(position.line, position.column);
    };
    return { ok: true, value: fast[0]!.value, locate, has: inner.has };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, ...STRICT_PARSE });
  if (document.errors.length > 0) {
    return { ok: false, problems: syntaxErrors(document, lineCounter).map(({ line, column, message }) => ({ ...place(line, column), message })) };
  }
  let value: unknown;
  try {
    value = toPlain(document);
  } catch (error) {
    return { ok: false, problems: [{ ...anchor, message: `cannot read the embedded YAML: ${(error as Error).message}` }] };
  }
  const inner = documentLocator(outer.file, walk(document), lineCounter, anchor);
  const locate: Locator = (innerPath) => {
    const position = inner.locate(innerPath);
    return position === anchor ? anchor : place(position.line, position.column);
  };
  const unsupported = unsupportedValue(value);
  if (unsupported) return { ok: false, problems: [{ ...locate(unsupported.path), message: unsupported.message }] };
  return { ok: true, value, locate, has: inner.has };
}
